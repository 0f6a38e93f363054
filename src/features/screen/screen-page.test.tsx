import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, vi } from 'vitest';
import type { SummaryResponse } from '../../domain/api';
import type { RankingsResponse } from '../../domain/department-api';
import { formatPercent } from '../../domain/format';
import { renderApp, renderInProviders, setupMockApi } from '../../test/render-app';
import { ScreenPage } from './screen-page';

const { api, server, write } = setupMockApi();
/** The demand sector's targets in the test database. */
let demandCount = 0;
beforeAll(async () => {
  demandCount = (await api.store.targets({ sector: 'demand' })).length;
});
const demandTotal = () => demandCount;

/** Summary requests the screen has made (the refresh and rollover tests count them). */
let summaryRequests = 0;
beforeEach(() => {
  summaryRequests = 0;
  server.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname.endsWith('/summary')) summaryRequests++;
  });
});
afterEach(() => {
  server.events.removeAllListeners();
  vi.useRealTimers();
});

/** 2025-12-29 10:30 in Shanghai. */
const MORNING = new Date('2025-12-29T02:30:00Z');

function renderScreen(url: string, start: Date = MORNING) {
  vi.useFakeTimers({ now: start, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  const reload = vi.fn();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const utils = renderInProviders(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route path="/screen" element={<ScreenPage reload={reload} />} />
      </Routes>
    </MemoryRouter>,
    { queryClient, now: () => new Date() },
  );
  return { ...utils, reload, queryClient };
}

/** Lets fake time pass in small steps, so fetches (real I/O through MSW) and renders keep up. */
async function advance(ms: number, step = 250) {
  for (let t = 0; t < ms; t += step) {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(Math.min(step, ms - t));
      await new Promise((r) => setImmediate(r));
    });
  }
}

/**
 * Waits (up to 20 s of real time, without moving the fake clock) until `check` passes: data arriving
 * over MSW from the test server, which on a loaded 2-core CI machine can take seconds.
 */
async function settle(check: () => void, realMs = 20_000) {
  const deadline = performance.now() + realMs;
  for (;;) {
    try {
      check();
      return;
    } catch (e) {
      if (performance.now() > deadline) {
        // What the page was still waiting for, first: the DOM the error prints runs to pages.
        const waiting = api.waiting();
        if (e instanceof Error)
          e.message = `requests still waiting: ${waiting.length ? waiting.join('; ') : 'none'}\n${e.message}`;
        throw e;
      }
      await act(async () => {
        await new Promise((r) => setImmediate(r));
        await vi.advanceTimersByTimeAsync(0);
      });
    }
  }
}

const slideTitle = () => screen.getByRole('heading', { level: 1 }).textContent;
const freshness = () => document.querySelector('.screen-fresh') as HTMLElement;
/** The figure on a headline tile ("已达 29.7万人…"), as the audience reads it. */
const kpiValue = (title: string) => {
  const value = screen.getByRole('article', { name: title }).querySelector('.s-kpi__value');
  if (!value?.textContent?.includes('万人')) throw new Error(`no figure on “${title}”`);
  return value;
};

describe('big screen', () => {
  it('renders without the desk chrome: headline figures, sector bars, freshness, demo tag', async () => {
    vi.useRealTimers();
    renderApp('/screen');
    expect(await screen.findByRole('heading', { level: 1, name: '总览' })).toBeInTheDocument();
    expect(await screen.findByRole('article', { name: '城镇新增就业35万人以上' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: '主导航' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '跳到主要内容' })).not.toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: '扩大内需进度' });
    expect(bar).toHaveAttribute('aria-valuenow');
    expect(bar.getAttribute('aria-valuetext')).toMatch(/^完成率 .+，应完成率（序时进度）.+$/);
    expect(screen.getAllByText('严重滞后').length).toBeGreaterThan(0);
    expect(document.querySelector('.screen-demo')?.textContent).toMatch(/^演示数据/);
    // The 460 projects' status is set by their money behind the pace, and the tile says so.
    const projects = screen.getByRole('article', { name: '抓好460个省市重点项目建设' });
    expect(within(projects).getByText('项目投资滞后')).toBeInTheDocument();
    expect(within(projects).queryByText('正常')).not.toBeInTheDocument();
    expect(freshness().textContent).toMatch(/^页面刷新于 \d\d:\d\d$/);
    expect(screen.getByText('数据截至 2025年12月26日')).toBeInTheDocument();
    expect(screen.getByText('全部规划 · 全市')).toBeInTheDocument();
  });

  it('says in words, in amber, when the newest figure is older than a reporting cycle', async () => {
    // A wall left on for a year with nobody reporting: the page still refreshes, the data does not.
    renderScreen('/screen?rotate=600', new Date('2026-12-04T02:30:00Z'));
    await settle(() => expect(kpiValue('城镇新增就业35万人以上')).toBeInTheDocument());
    const dataDate = screen.getByText(/^数据截至 /);
    expect(dataDate).toHaveTextContent(/^数据截至 2025年12月26日 · 已 343 天未更新$/);
    expect(freshness().textContent).toBe('页面刷新于 10:30');
    expect(freshness()).toHaveAttribute('data-level', 'ok');
  });

  it('rotates overview → sectors → warnings; ←/→ move and restart the slide’s time; space pauses', async () => {
    renderScreen('/screen?rotate=10');
    await settle(() => expect(kpiValue('城镇新增就业35万人以上')).toBeInTheDocument());
    expect(slideTitle()).toBe('总览');
    await advance(10_000);
    expect(slideTitle()).toBe('扩大内需');
    await settle(() =>
      expect(
        screen.getByText(new RegExp(`显示最需关注的 \\d 项，共 ${demandTotal()} 项|共 ${demandTotal()} 项目标`)),
      ).toBeInTheDocument(),
    );
    await advance(10_000);
    expect(slideTitle()).toBe('科技创新');
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(slideTitle()).toBe('扩大内需');
    await advance(9_000);
    expect(slideTitle()).toBe('扩大内需');
    await advance(1_000);
    expect(slideTitle()).toBe('科技创新');
    fireEvent.keyDown(window, { key: ' ' });
    expect(screen.getByText('已暂停')).toBeInTheDocument();
    await advance(60_000);
    expect(slideTitle()).toBe('科技创新');
    fireEvent.keyDown(window, { key: ' ' });
    expect(screen.queryByText('已暂停')).not.toBeInTheDocument();
    await advance(10_000);
    expect(slideTitle()).toBe('创新型产业体系');
    // Back past the start wraps to the warnings page.
    for (let i = 0; i < 4; i++) fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(slideTitle()).toBe('进度预警');
    expect(screen.getByText('12 / 12')).toBeInTheDocument();
  });

  it('shows the department league by 达标率 when the URL asks for it, ties and demo data marked', async () => {
    const league = (await (await fetch(`${window.location.origin}/api/v1/rankings`)).json()) as RankingsResponse;
    const first = league.rows[0];
    if (!first) throw new Error('the test data ranks departments');
    renderScreen('/screen?rotate=10&sectors=marine&rankings=1');
    await settle(() => expect(kpiValue('城镇新增就业35万人以上')).toBeInTheDocument());
    expect(screen.getByText('1 / 4')).toBeInTheDocument();
    for (let i = 0; i < 3; i++) fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(slideTitle()).toBe('部门达标率排名');
    await settle(() => expect(screen.getByText(first.name)).toBeInTheDocument());
    const row = screen.getByText(first.name).closest('li') as HTMLElement;
    expect(row).toHaveTextContent(first.tied ? `并列${first.rank}` : String(first.rank));
    expect(row).toHaveTextContent(formatPercent(first.share));
    expect(row).toHaveTextContent(`达标 ${first.good} / 参评 ${first.judged}`);
    if (first.demo) expect(row).toHaveTextContent('演示');
    // Plain text on a wall: nobody can follow a link there.
    expect(within(row).queryByRole('link')).not.toBeInTheDocument();
  });

  it('shows the overdue 督办事项 on their own slide when the URL asks for it, the longest overdue first', async () => {
    write.signInAs('admin');
    const base = `${window.location.origin}/api/v1`;
    const { csrfToken } = (await (await fetch(`${base}/session`)).json()) as { csrfToken: string };
    for (const [title, dueDate] of [
      ['协调解决算力中心用电指标', '2025-12-19'],
      ['梳理年底前可开工项目清单', '2025-12-26'],
      ['制定明年一季度方案', '2026-01-30'],
    ] as const) {
      const res = await fetch(`${base}/supervision`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ title, dueDate, leadDepartment: 'gxj', meetingDate: '2025-12-15' }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    renderScreen('/screen?rotate=10&sectors=marine&supervision=1');
    await settle(() => expect(kpiValue('城镇新增就业35万人以上')).toBeInTheDocument());
    expect(screen.getByText('1 / 4')).toBeInTheDocument();
    for (let i = 0; i < 3; i++) fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(slideTitle()).toBe('逾期督办事项');
    await settle(() => expect(screen.getByRole('region', { name: '逾期 2 项' })).toBeInTheDocument());
    const slide = screen.getByRole('region', { name: '逾期 2 项' });
    const rows = within(slide).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('⚑ 已逾期 10 天协调解决算力中心用电指标市工业和信息化局应于 2025年12月19日 办结');
    expect(rows[1]).toHaveTextContent('⚑ 已逾期 3 天梳理年底前可开工项目清单');
    expect(slide).not.toHaveTextContent('制定明年一季度方案');
    expect(within(slide).queryByRole('link')).not.toBeInTheDocument();
  });

  it('keeps to the wall’s plan on the 督办 slide: only items of that plan’s targets', async () => {
    write.signInAs('admin');
    const base = `${window.location.origin}/api/v1`;
    const { csrfToken } = (await (await fetch(`${base}/session`)).json()) as { csrfToken: string };
    for (const [title, targetId] of [
      ['协调解决算力中心用电指标', 'ind-three-firsts'],
      ['梳理年底前可开工项目清单', undefined],
    ] as const) {
      const res = await fetch(`${base}/supervision`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({
          title,
          targetId,
          dueDate: '2025-12-19',
          leadDepartment: 'gxj',
          meetingDate: '2025-12-15',
        }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    renderScreen('/screen?rotate=10&plan=industry-10plus1&supervision=1');
    await settle(() => expect(screen.getByText(/^1 \/ \d+$/)).toBeInTheDocument());
    // The 督办 slide is the playlist's last: one step back from the overview.
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(slideTitle()).toBe('逾期督办事项');
    await settle(() => expect(screen.getByRole('region', { name: '逾期 1 项' })).toBeInTheDocument());
    const slide = screen.getByRole('region', { name: '逾期 1 项' });
    expect(slide).toHaveTextContent('协调解决算力中心用电指标');
    expect(slide).not.toHaveTextContent('梳理年底前可开工项目清单');
  });

  it('only shows the sectors the URL names, in its order', async () => {
    renderScreen('/screen?rotate=10&sectors=marine,demand');
    await settle(() => expect(kpiValue('城镇新增就业35万人以上')).toBeInTheDocument());
    expect(screen.getByText('1 / 4')).toBeInTheDocument();
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(slideTitle()).toBe('海洋城市');
    // Straight on to a sector whose targets have not arrived yet: the slide waits for them, it does not break.
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(slideTitle()).toBe('扩大内需');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await settle(() => expect(screen.getByText(new RegExp(`共 ${demandTotal()} 项`))).toBeInTheDocument());
  });

  it('refreshes in the background; a failing API keeps the data under an amber, then red badge, and recovers', async () => {
    const { queryClient } = renderScreen('/screen?rotate=600&refresh=30');
    // A refresh falls due only when the previous one has come back (a query in flight is not asked again).
    const idle = () => settle(() => expect(queryClient.isFetching()).toBe(0));
    await settle(() => expect(kpiValue('城镇新增就业35万人以上')).toBeInTheDocument());
    await idle();
    const shown = kpiValue('城镇新增就业35万人以上').textContent;
    expect(freshness()).toHaveAttribute('data-level', 'ok');
    expect(freshness().textContent).toBe('页面刷新于 10:30');
    expect(summaryRequests).toBe(1);

    await advance(30_000);
    await settle(() => expect(summaryRequests).toBe(2));
    await idle();
    expect(freshness().textContent).toBe('页面刷新于 10:30');

    api.setFailure('server-error');
    await advance(31_000);
    await settle(() => expect(freshness()).toHaveAttribute('data-level', 'warn'));
    await idle();
    expect(freshness().textContent).toBe('连接中断 · 页面刷新于 10:30');
    expect(kpiValue('城镇新增就业35万人以上').textContent).toBe(shown);

    await advance(30_000);
    await settle(() => expect(freshness()).toHaveAttribute('data-level', 'down'));
    await idle();
    expect(freshness().textContent).toBe('连接中断 · 页面刷新于 10:30 · 已失败 2 次');
    expect(kpiValue('城镇新增就业35万人以上').textContent).toBe(shown);

    api.setFailure('none');
    await advance(30_000);
    await settle(() => expect(freshness()).toHaveAttribute('data-level', 'ok'));
    expect(freshness().textContent).toBe('页面刷新于 10:32');
    expect(kpiValue('城镇新增就业35万人以上').textContent).toBe(shown);
  });

  it('says it is retrying when the API is down from the start, and shows the data once it is back', async () => {
    api.setFailure('network-error');
    renderScreen('/screen?rotate=600&refresh=30');
    await settle(() => expect(screen.getByText('暂时无法连接到服务器，每 30 秒自动重试')).toBeInTheDocument());
    api.setFailure('none');
    await advance(32_000);
    await settle(() => expect(kpiValue('城镇新增就业35万人以上')).toBeInTheDocument());
    expect(freshness()).toHaveAttribute('data-level', 'ok');
  });

  it('rolls over at midnight: new date on the clock and the data asked for again', async () => {
    renderScreen('/screen?rotate=600&refresh=3600', new Date('2025-12-29T15:59:30Z'));
    await settle(() => expect(kpiValue('城镇新增就业35万人以上')).toBeInTheDocument());
    expect(screen.getByText('23:59')).toBeInTheDocument();
    expect(screen.getByText('12月29日 星期一')).toBeInTheDocument();
    expect(summaryRequests).toBe(1);
    await advance(31_000);
    expect(screen.getByText('00:00')).toBeInTheDocument();
    expect(screen.getByText('12月30日 星期二')).toBeInTheDocument();
    await settle(() => expect(summaryRequests).toBe(2));
    // Only once: the next minutes do not refetch again.
    await advance(120_000);
    expect(summaryRequests).toBe(2);
  });

  it('reloads itself, on a dark background, after the configured number of loops', async () => {
    const { reload } = renderScreen('/screen?rotate=5&sectors=demand&loops=2&nightly=off');
    await settle(() => expect(kpiValue('城镇新增就业35万人以上')).toBeInTheDocument());
    await advance(25_000);
    expect(reload).not.toHaveBeenCalled();
    await advance(5_000);
    expect(screen.getByText('正在重新加载…')).toBeInTheDocument();
    await advance(500);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads itself nightly at the configured time, not at start-up', async () => {
    const { reload } = renderScreen('/screen?rotate=600&nightly=03:30', new Date('2025-12-29T19:29:00Z'));
    await settle(() => expect(kpiValue('城镇新增就业35万人以上')).toBeInTheDocument());
    await advance(50_000);
    expect(reload).not.toHaveBeenCalled();
    await advance(11_000);
    expect(screen.getByText('正在重新加载…')).toBeInTheDocument();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('leaves no timer running after unmount', async () => {
    const { unmount, queryClient } = renderScreen('/screen?rotate=10&refresh=30');
    await settle(() => expect(kpiValue('城镇新增就业35万人以上')).toBeInTheDocument());
    await advance(10_000);
    // Nothing in flight first: a request on its way to the test server holds the HTTP client's own timers.
    await settle(() => expect(queryClient.isFetching()).toBe(0));
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    unmount();
    // The query cache's own garbage-collection timers belong to the client, not to the screen.
    queryClient.clear();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('big screen, what the audience reads', () => {
  const summaryUrl = `${window.location.origin}/api/v1/summary`;

  it('does not call a sector on track while some of its targets are unreported', async () => {
    const real = (await (await fetch(summaryUrl)).json()) as SummaryResponse;
    const zero = { achieved: 0, on_track: 0, lagging: 0, severe: 0, no_data: 0, not_started: 0, missed: 0 };
    const sectors = real.sectors.map((s) =>
      s.id === 'marine'
        ? { ...s, counts: { ...zero, on_track: s.total - 2, no_data: 2 } }
        : s.id === 'demand'
          ? { ...s, counts: { ...zero, on_track: s.total - 4, lagging: 1, no_data: 3 } }
          : s,
    );
    server.use(http.get(summaryUrl, () => HttpResponse.json({ ...real, sectors })));
    renderApp('/screen');
    const row = (name: string) => screen.getByText(name, { selector: '.s-sector__name' }).closest('li') as HTMLElement;
    await screen.findByText('海洋城市', { selector: '.s-sector__name' });
    expect(row('海洋城市')).toHaveTextContent('未填报 2 项');
    expect(row('海洋城市')).not.toHaveTextContent('正常');
    expect(row('扩大内需')).toHaveTextContent('预警 1 项');
    expect(row('扩大内需')).toHaveTextContent('未填报 3 项');
  });

  it('shows the bookmarked language without changing the language the person saved for the desk', async () => {
    const saved = () =>
      (JSON.parse(localStorage.getItem('target-board.ui') ?? '{}') as { state?: { locale?: string } }).state?.locale;
    expect(saved()).toBe('zh-CN');
    const { unmount } = renderApp('/screen?lang=en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
    // What the desk dashboard reads on its next load, even if this screen is never closed cleanly.
    expect(saved()).toBe('zh-CN');
    unmount();
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: '总览' })).toBeInTheDocument();
  });

  it('keeps the slide-time line still under prefers-reduced-motion', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query.includes('reduce'),
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }));
    renderApp('/screen?rotate=10');
    expect(await screen.findByText('1 / 12')).toBeInTheDocument();
    // The line is decoration (aria-hidden); what matters is that nothing on the header animates.
    const header = screen.getByRole('banner');
    expect(header.querySelector('[style*="animation"]')).toBeNull();
    vi.unstubAllGlobals();
  });
});
