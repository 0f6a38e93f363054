import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { behindBy } from '../../domain/aggregate';
import type { SummaryResponse, TargetsResponse } from '../../domain/api';
import { formatGap, gapText } from '../../domain/figures';
import { formatPercent, formatQuantity } from '../../domain/format';
import { useUiStore } from '../../stores/ui-store';
import { renderApp, setupMockApi } from '../../test/render-app';
import { wholeText } from '../../test/whole-text';

const { api, server } = setupMockApi();

async function summary(query = ''): Promise<SummaryResponse> {
  return (await fetch(`${window.location.origin}/api/v1/summary${query}`)).json() as Promise<SummaryResponse>;
}

describe('overview', () => {
  it('shows the headline tiles with the values the API returns', async () => {
    const expected = await summary();
    renderApp('/');
    const headlines = await screen.findByRole('region', { name: '重点指标' });
    for (const h of expected.headlines) {
      const tile = within(headlines).getByRole('article', { name: h.target.title });
      expect(tile).toHaveTextContent(formatQuantity(h.target.state.latest?.value ?? null, h.target.unit));
      expect(tile).toHaveTextContent(`目标 ${formatQuantity(h.target.target, h.target.unit)}`);
      expect(within(tile).getByRole('progressbar')).toHaveAccessibleName(`${h.target.title}进度`);
    }
    expect(screen.getByRole('heading', { level: 1, name: '总览' })).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('当前数据包含演示进度');
  });

  it('says beside a project-list tile’s status that its projects’ investment set it, as the investment tile judges it', async () => {
    const expected = await summary();
    const keyProjects = expected.headlines.find((h) => h.key === 'key-projects')?.target;
    const investment = expected.headlines.find((h) => h.key === 'key-investment')?.target;
    const behind = keyProjects?.state.projects;
    if (!keyProjects || !investment || !behind)
      throw new Error('the demo’s 460 projects are expected to lag on investment');
    renderApp('/');
    const headlines = await screen.findByRole('region', { name: '重点指标' });
    const tile = within(headlines).getByRole('article', { name: keyProjects.title });
    const tag = within(tile).getByText('项目投资滞后');
    // The same projects' money (2124.8 of 2450亿元) as the investment tile: the same 完成率, 序时进度
    // and gap on both tiles (the investment tile's status may be worse still, from its own forecast).
    const investmentTile = within(headlines).getByRole('article', { name: investment.title });
    expect(investmentTile).toHaveTextContent(formatPercent(investment.state.progress));
    expect(tag.parentElement).toHaveAttribute(
      'title',
      `项目清单的年度投资完成 ${formatPercent(investment.state.progress)}，投资序时进度 ${formatPercent(investment.state.expected)}，差距 ${formatGap(investment.state)}：状态按此判断`,
    );
    expect(tile).not.toHaveTextContent('正常');
  });

  it('shows a progress bar per sector that drills into the sector', async () => {
    const expected = await summary();
    const { user } = renderApp('/');
    const sectors = await screen.findByRole('region', { name: '十大领域进度' });
    const bars = within(sectors).getAllByRole('progressbar');
    expect(bars).toHaveLength(10);
    for (const [i, s] of expected.sectors.entries()) {
      expect(bars[i]).toHaveAccessibleName(`${s.name}进度`);
      // How many targets the bar averages: not "有进度", which a stale or not-started target's chip
      // beside it would contradict.
      expect(bars[i]?.closest('li')).toHaveTextContent(`${s.measured}/${s.total} 项计入均值`);
      expect(bars[i]).toHaveAttribute('aria-valuenow', String(Math.round((s.progress ?? 0) * 1000) / 10));
      expect(bars[i]?.getAttribute('aria-valuetext')).toMatch(/序时进度/);
    }
    await user.click(within(sectors).getByRole('link', { name: '科技创新' }));
    expect(await screen.findByRole('heading', { level: 1, name: '科技创新' })).toBeInTheDocument();
  });

  it('lists the gap warnings with the gap and the run-rate needed, linking to the target', async () => {
    const expected = await summary();
    renderApp('/');
    const warnings = await screen.findByRole('region', { name: '进度预警' });
    const first = expected.warnings[0];
    if (!first) throw new Error('the demo data has lagging targets');
    const link = within(warnings).getByRole('link', { name: first.title });
    expect(link).toHaveAttribute('href', `/targets/${first.id}`);
    expect(warnings).toHaveTextContent(gapText(first, first.state));
    expect(warnings).toHaveTextContent(/还需每周 .+，近四周平均 /);
  });

  it('filters by district through the URL', async () => {
    const laoshan = await summary('?district=崂山区');
    const { user } = renderApp('/');
    await screen.findByRole('region', { name: '重点指标' });
    const district = screen.getByRole('combobox', { name: '区市' });
    // The districts arrive with the target list, which may come after the summary: a person waits for them too.
    await within(district).findByRole('option', { name: '崂山区' }, { timeout: 10_000 });
    await user.selectOptions(district, '崂山区');
    expect(await screen.findByText(`${laoshan.overall.total} 项目标`)).toBeInTheDocument();
  });

  it('names each status icon of the sector counts in a visible legend', async () => {
    renderApp('/');
    const sectors = await screen.findByRole('region', { name: '十大领域进度' });
    const legend = within(sectors).getByRole('list', { name: '状态图例' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['已完成', '正常', '滞后', '严重滞后', '未填报', '未开始', '未完成']);
  });

  it('with a lagging status chosen, warns only of lagging targets, furthest behind first', async () => {
    const lagging = (await (
      await fetch(`${window.location.origin}/api/v1/targets?status=lagging`)
    ).json()) as TargetsResponse;
    const worst = [...lagging.items]
      .filter((i) => i.state.latest !== null)
      .sort((a, b) => behindBy(a.state) - behindBy(b.state) || a.id.localeCompare(b.id))[0];
    const all = await summary();
    // Without the filter the panel mixes in severe targets: the filter has something to remove.
    expect(all.warnings.some((w) => w.state.status === 'severe')).toBe(true);
    renderApp('/?status=lagging');
    const warnings = await screen.findByRole('region', { name: '进度预警' });
    expect(warnings).toHaveTextContent('仅显示状态为“滞后”的目标');
    await waitFor(() => expect(within(warnings).getAllByRole('link')[0]).toHaveTextContent(worst?.title ?? ''));
    const items = within(warnings).getAllByRole('listitem');
    for (const item of items) {
      expect(item).toHaveTextContent('滞后');
      expect(item).not.toHaveTextContent('严重滞后');
    }
  });

  it('with a status that never warns, says so plainly and offers every warning again', async () => {
    const { user } = renderApp('/?status=on_track');
    const warnings = await screen.findByRole('region', { name: '进度预警' });
    expect(warnings).toHaveTextContent('状态为“正常”的目标不会触发进度预警');
    expect(within(warnings).queryAllByRole('link')).toHaveLength(0);
    await user.click(within(warnings).getByRole('button', { name: '显示全部预警' }));
    await waitFor(() =>
      expect(within(screen.getByRole('region', { name: '进度预警' })).getAllByText('严重滞后')).not.toHaveLength(0),
    );
    expect(screen.getByRole('combobox', { name: '状态' })).toHaveValue('');
  });

  it('moves the as-of date along the report timeline', async () => {
    const { user } = renderApp('/');
    const slider = await screen.findByRole('slider', { name: '截至日期' });
    expect(screen.getByText('最新')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '上一期' }));
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuetext', '2025年12月19日'));
    expect(await screen.findByText(wholeText('数据截至 2025年12月19日'))).toBeInTheDocument();
  });

  it('fetches the weeks either side while the reader is at the slider, so a step back shows at once', async () => {
    const asked: string[] = [];
    const record = ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/summary')) asked.push(url.searchParams.get('asOf') ?? 'newest');
    };
    server.events.on('request:start', record);
    try {
      const { user } = renderApp('/');
      const slider = await screen.findByRole('slider', { name: '截至日期' });
      expect(await screen.findByText(wholeText('数据截至 2025年12月26日'))).toBeInTheDocument();
      expect(asked).not.toContain('2025-12-19');
      await user.hover(slider);
      await waitFor(() => expect(asked).toContain('2025-12-19'));
      await user.click(screen.getByRole('button', { name: '上一期' }));
      expect(await screen.findByText(wholeText('数据截至 2025年12月19日'))).toBeInTheDocument();
      expect(asked.filter((d) => d === '2025-12-19')).toHaveLength(1);
      // The next step back is fetched in turn, and the week just left is already known.
      await waitFor(() => expect(asked).toContain('2025-12-12'));
      expect(asked.filter((d) => d === 'newest')).toHaveLength(1);
    } finally {
      server.events.removeListener('request:start', record);
    }
  });
});

describe('overview when the API misbehaves', () => {
  it('says the server failed on a 500, and recovers on retry', async () => {
    api.setFailure('server-error');
    const { user } = renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('服务器出错');
    expect(alert).toHaveTextContent('服务器出错（500），请稍后重试');
    api.setFailure('none');
    await user.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await screen.findByRole('region', { name: '重点指标' })).toBeInTheDocument();
  });

  it('words the failure in English for an English reader', async () => {
    useUiStore.setState({ locale: 'en' });
    api.setFailure('server-error');
    renderApp('/');
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('Server error'));
    expect(alert).toHaveTextContent('The server failed (500). Please try again later.');
    expect(alert).not.toHaveTextContent('服务器出错');
  });

  it('says the server cannot be reached when the network fails', async () => {
    api.setFailure('network-error');
    renderApp('/');
    expect(await screen.findByRole('alert')).toHaveTextContent('无法连接到服务器');
  });

  it('rejects a malformed summary with a clear message while the rest of the page works', async () => {
    server.use(
      http.get(`${window.location.origin}/api/v1/summary`, () => HttpResponse.json({ asOf: 42, sectors: 'none' })),
    );
    const { user } = renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('数据格式错误');
    expect(alert).toHaveTextContent('服务器返回的数据格式不正确，已拒绝显示');
    // The filters have their own data and still work; so does the navigation.
    const plan = screen.getByRole('combobox', { name: '规划' });
    await waitFor(() => expect(within(plan).getAllByRole('option').length).toBeGreaterThan(1));
    await user.click(screen.getByRole('link', { name: '重点项目' }));
    expect(await screen.findByRole('heading', { level: 1, name: '重点项目' })).toBeInTheDocument();
  });

  it('shows skeletons on a slow first load, says it is slow, then the data', async () => {
    api.setFailure('slow');
    renderApp('/');
    expect(screen.getAllByRole('status', { name: '正在加载…' }).length).toBeGreaterThan(0);
    expect(await screen.findByText('服务器响应较慢，仍在等待…', {}, { timeout: 2_400 })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: '重点指标' }, { timeout: 4_000 })).toBeInTheDocument();
  });

  it('keeps the last good data after failed refreshes, the badge turning amber then red', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('region', { name: '重点指标' });
    const badge = screen.getByText(/^页面刷新于 \d{2}:\d{2}$/);
    const time = badge.textContent?.slice(-5);
    api.setFailure('server-error');
    await user.click(screen.getByRole('button', { name: '立即刷新' }));
    expect(await screen.findByText(`刷新失败 · 显示 ${time} 的数据`)).toBeInTheDocument();
    expect(screen.getByText('刷新失败 · 显示', { exact: false }).closest('[data-level]')).toHaveAttribute(
      'data-level',
      'warn',
    );
    expect(screen.getByRole('region', { name: '重点指标' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: '立即刷新' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: '立即刷新' }));
    expect(await screen.findByText(`连接中断 · 显示 ${time} 的数据`)).toBeInTheDocument();
    expect(screen.getByText('连接中断', { exact: false }).closest('[data-level]')).toHaveAttribute(
      'data-level',
      'down',
    );
    expect(screen.getByRole('region', { name: '十大领域进度' })).toBeInTheDocument();
    api.setFailure('none');
    await waitFor(() => expect(screen.getByRole('button', { name: '立即刷新' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: '立即刷新' }));
    expect(await screen.findByText(/^页面刷新于 \d{2}:\d{2}$/)).toBeInTheDocument();
  });
});
