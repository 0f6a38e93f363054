import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { formatDate, formatPercent, formatPp } from '../../domain/format';
import type { ReviewResponse } from '../../domain/review-api';
import { renderApp, setupMockApi } from '../../test/render-app';
import { wholeText } from '../../test/whole-text';

const { api, server } = setupMockApi();

async function review(query = ''): Promise<ReviewResponse> {
  return (await fetch(`${window.location.origin}/api/v1/review${query}`)).json() as Promise<ReviewResponse>;
}

const byId = (r: ReviewResponse, id: string) => r.targets.find((t) => t.id === id);

describe('weekly review', () => {
  it('opens today’s meeting with what changed since the previous one', async () => {
    const expected = await review();
    renderApp('/review');
    expect(await screen.findByRole('heading', { level: 1, name: '周调度会' })).toBeInTheDocument();
    // Component tests run at 2025-12-29 10:30 (Shanghai): the meeting is today, the previous a week ago.
    expect(expected.asOf).toBe('2025-12-29');
    expect(await screen.findByText(wholeText('会议日期 2025年12月29日 · 上次会议 2025年12月22日'))).toBeInTheDocument();
    expect(screen.getByLabelText('会议日期')).toHaveValue('2025-12-29');
    expect(screen.getByLabelText('上次会议')).toHaveValue('2025-12-22');

    const sectors = screen.getByRole('region', { name: '各领域进展' });
    const rows = within(sectors).getAllByRole('row').slice(1);
    const withTargets = expected.sectors.filter((s) => s.now.total > 0);
    expect(rows).toHaveLength(withTargets.length);
    for (const [i, s] of withTargets.entries()) {
      expect(rows[i]).toHaveTextContent(s.name);
      expect(rows[i]).toHaveTextContent(formatPp(s.change));
    }
    expect(within(sectors).getByText('新增预警').nextSibling).toHaveTextContent(String(expected.newWarnings.length));

    const warnings = screen.getByRole('region', { name: '新增预警' });
    for (const w of expected.newWarnings) {
      expect(within(warnings).getByRole('link', { name: byId(expected, w.id)?.title })).toHaveAttribute(
        'href',
        `/targets/${w.id}?asOf=2025-12-29`,
      );
    }
    const laggards = screen.getByRole('region', { name: '滞后目标所需进度' });
    expect(within(laggards).getAllByRole('row')).toHaveLength(expected.laggards.length + 1);
    expect(laggards).toHaveTextContent(/每周 /);
  });

  it('lists the milestones that reached nodes since the previous meeting, apart from the movers in points', async () => {
    const expected = await review();
    expect(expected.milestoneSteps.length).toBeGreaterThan(0);
    renderApp('/review');
    const steps = await screen.findByRole('region', { name: '节点进展' });
    const items = within(steps).getAllByRole('listitem');
    expect(items).toHaveLength(expected.milestoneSteps.length);
    for (const [i, m] of expected.milestoneSteps.entries()) {
      const x = byId(expected, m.id);
      expect(x?.kind).toBe('milestone');
      expect(within(items[i] as HTMLElement).getByRole('link', { name: x?.title })).toBeInTheDocument();
      expect(items[i]).toHaveTextContent(`完成节点 ${m.from}/${m.total} → ${m.to}/${m.total}`);
      expect(m.to).not.toBe(m.from);
    }
    const movers = screen.getByRole('region', { name: '进度变化最大' });
    for (const m of expected.milestoneSteps)
      expect(within(movers).queryByRole('link', { name: byId(expected, m.id)?.title })).toBeNull();
  });

  it('prints each laggard’s 实际/所需 as the division of the two rates printed beside it', async () => {
    const real = await review();
    const [first, second] = real.laggards;
    if (!first?.requiredRate || !second?.requiredRate) throw new Error('fixture: the meeting needs two laggards');
    // The reviewer's line: 2.25 a week against 11.2 needed (20.1 %) read "2人 / 每周 11人 / 20%", and
    // 2 ÷ 11 is 18 %. And 0.9995 against 1.0049 (99.46 %) must not print 99 % beside "1人 / 1人".
    const rates = new Map([
      [first.id, { ...first.requiredRate, unit: '人', perWeek: 11.2, recentPerWeek: 2.25 }],
      [second.id, { ...second.requiredRate, unit: '人', perWeek: 1.0049, recentPerWeek: 0.9995 }],
    ]);
    const laggards = real.laggards.map((l) => {
      const rate = rates.get(l.id);
      // What the server sent before: the ratio of the unrounded rates.
      return rate ? { ...l, requiredRate: rate, paceRatio: rate.recentPerWeek / rate.perWeek } : l;
    });
    server.use(http.get(`${window.location.origin}/api/v1/review`, () => HttpResponse.json({ ...real, laggards })));
    renderApp('/review');
    const table = await screen.findByRole('region', { name: '滞后目标所需进度' });
    const cellsOf = (id: string) => {
      const title = byId(real, id)?.title ?? '';
      const row = within(table).getByRole('link', { name: title }).closest('tr') as HTMLElement;
      return within(row)
        .getAllByRole('cell')
        .slice(3, 6)
        .map((c) => c.textContent);
    };
    expect(cellsOf(first.id)).toEqual(['每周 11.2人', '2.25人', '20%']);
    expect(cellsOf(second.id)).toEqual(['每周 1人', '1人', '100%']);
    // Every row, whatever its unit: the percentage is the quotient of the two figures as printed.
    const read = (text: string) =>
      Number(text.replace(/[^\d.-]/g, '')) * (text.includes('亿') ? 1e8 : 1) * (text.includes('万') ? 1e4 : 1);
    for (const l of real.laggards) {
      const [needed = '', recent = '', ratio] = cellsOf(l.id);
      if (recent === '—') continue;
      expect(ratio).toBe(formatPercent(read(recent) / read(needed), 'zh-CN', 0));
    }
  });

  it('lists overdue reports by lead department', async () => {
    const expected = await review('?asOf=2025-11-03');
    expect(expected.overdue.length).toBeGreaterThan(0);
    renderApp('/review?asOf=2025-11-03');
    const overdue = await screen.findByRole('region', { name: '逾期未报' });
    for (const g of expected.overdue) {
      const group = within(overdue).getByRole('region', { name: g.departmentName ?? '未明确牵头部门' });
      if (g.department !== null)
        expect(within(group).getByRole('link', { name: g.departmentName ?? '' })).toHaveAttribute(
          'href',
          `/departments/${g.department}?asOf=2025-11-03`,
        );
      if (g.divisionDemo) expect(group).toHaveTextContent('演示分工');
      for (const i of g.items) {
        const t = byId(expected, i.id);
        expect(within(group).getByRole('link', { name: t?.title })).toBeInTheDocument();
        if (i.lastReportAsOf) expect(group).toHaveTextContent(`最新填报 ${formatDate(i.lastReportAsOf)}`);
      }
    }
  });

  it('goes department by department: counts of 严重滞后, 滞后 and 未填报, the most problems first', async () => {
    const expected = await review('?asOf=2025-11-03');
    expect(expected.byDepartment.length).toBeGreaterThan(1);
    renderApp('/review?asOf=2025-11-03');
    const table = await screen.findByRole('table', { name: '按牵头部门' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(expected.byDepartment.length);
    const problems = expected.byDepartment.map((g) => g.items.length);
    expect(problems).toEqual([...problems].sort((a, b) => b - a));
    for (const [i, g] of expected.byDepartment.entries()) {
      const row = rows[i] as HTMLElement;
      const name = g.departmentName ?? '未明确牵头部门';
      expect(within(row).getByRole('rowheader')).toHaveTextContent(name);
      const cells = within(row).getAllByRole('cell');
      expect(cells.slice(0, 3).map((c) => c.textContent)).toEqual([g.severe, g.lagging, g.overdue].map(String));
      expect(g.severe + g.lagging + g.overdue).toBe(g.items.length);
      for (const x of g.items) {
        const title = byId(expected, x.id)?.title ?? '';
        const item = within(row).getByRole('link', { name: title }).closest('li') as HTMLElement;
        expect(item).toHaveTextContent({ severe: '严重滞后', lagging: '滞后', no_data: '未填报' }[x.status]);
      }
      if (g.divisionDemo) expect(within(row).getByRole('rowheader')).toHaveTextContent('演示分工');
    }
  });

  it('keeps the meeting in the URL and exports exactly that meeting', async () => {
    renderApp('/review?plan=qd-2025');
    const meeting = await screen.findByLabelText('会议日期');
    await screen.findByRole('region', { name: '各领域进展' });
    fireEvent.change(meeting, { target: { value: '2025-09-30' } });
    expect(await screen.findByText(wholeText('会议日期 2025年9月30日 · 上次会议 2025年9月23日'))).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '导出 Excel' })).toHaveAttribute(
      'href',
      `/api/v1/review.xlsx?plan=qd-2025&asOf=2025-09-30&previous=2025-09-23&knownAt=${encodeURIComponent('2025-09-30T23:59:59+08:00')}`,
    );
    expect(screen.getByRole('link', { name: '导出 CSV' })).toHaveAttribute(
      'href',
      `/api/v1/targets.csv?plan=qd-2025&asOf=2025-09-30&knownAt=${encodeURIComponent('2025-09-30T23:59:59+08:00')}`,
    );
    // Every sector of the plan has its own table of targets; on paper every sheet carries the meeting
    // date and the demo mark in its margin (the page's own print CSS).
    const expected = await review('?plan=qd-2025&asOf=2025-09-30');
    const first = expected.sectors.find((s) => s.now.total > 0);
    const table = screen.getByRole('region', { name: `${first?.name} · 目标明细` });
    expect(within(table).getAllByRole('row')).toHaveLength((first?.now.total ?? 0) + 1);
    const margins = [...document.querySelectorAll('style')].map((s) => s.textContent).join('');
    expect(margins).toContain('@top-right { content: "会议日期 2025年9月30日 · 含演示数据"; }');
    expect(margins).toContain('@bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; }');
  });

  it('reopens a meeting held at 09:30 with only what had been recorded by then', async () => {
    const asked: URL[] = [];
    const listen = ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/review') asked.push(url);
    };
    server.events.on('request:start', listen);
    try {
      renderApp('/review?asOf=2025-12-29&time=09:30');
      expect(
        await screen.findByText(wholeText('只含 2025年12月29日 09:30 会议开始前已录入的数据')),
      ).toBeInTheDocument();
      expect(screen.getByLabelText('会议时间（可选）')).toHaveValue('09:30');
      expect(asked.at(-1)?.searchParams.get('knownAt')).toBe('2025-12-29T09:30:00+08:00');
      // The same cut goes into the exports, so the workbook is the meeting as it was.
      const knownAt = encodeURIComponent('2025-12-29T09:30:00+08:00');
      expect(screen.getByRole('link', { name: '导出 Excel' }).getAttribute('href')).toContain(`knownAt=${knownAt}`);
      expect(screen.getByRole('link', { name: '导出 CSV' }).getAttribute('href')).toContain(`knownAt=${knownAt}`);
      // Departments record the week's figures over the weekend and on Monday: the 09:30 meeting has
      // only those recorded by then; the whole day's review has the ones recorded later too.
      const cut = Date.parse('2025-12-29T09:30:00+08:00');
      const recorded = (r: ReviewResponse) =>
        r.targets.map((t) => Date.parse(t.latestReport?.recordedAt ?? '1970-01-01'));
      const morning = await review(`?asOf=2025-12-29&knownAt=${knownAt}`);
      const day = await review('?asOf=2025-12-29');
      expect(recorded(morning).every((at) => at <= cut)).toBe(true);
      expect(recorded(day).some((at) => at > cut)).toBe(true);
      // Clearing the time goes back to the whole day.
      fireEvent.change(screen.getByLabelText('会议时间（可选）'), { target: { value: '' } });
      expect(await screen.findByText('只含会议当日结束前已录入的数据')).toBeInTheDocument();
    } finally {
      server.events.removeListener('request:start', listen);
    }
  });
});

describe('weekly review: what the departments say (issue 23)', () => {
  const SAID = {
    progress: '完成三个片区签约',
    problems: '土地指标未下达，<script>alert(1)</script>两个项目停工待批',
    nextSteps: '三月底前报市自然资源局审批',
    coordination: '请市政府协调土地指标',
  };

  /** The real review of the meeting, with the first newly lagging target's report saying something. */
  async function reviewWithWords() {
    const real = await review('?asOf=2025-11-03');
    const said = real.newWarnings[0]?.id;
    const silent = real.laggards.find((l) => l.id !== said && real.stillSevere.some((s) => s.id === l.id))?.id;
    if (!said || !silent) throw new Error('fixture: the meeting needs a new warning and a target still severe');
    const targets = real.targets.map((t) => {
      if (!t.latestReport || (t.id !== said && t.id !== silent)) return t;
      const { narrative: _, ...latest } = t.latestReport;
      return { ...t, latestReport: t.id === said ? { ...latest, narrative: SAID } : latest };
    });
    const body: ReviewResponse = { ...real, targets };
    server.use(http.get(`${window.location.origin}/api/v1/review`, () => HttpResponse.json(body)));
    return { body, said: byId(body, said), silent: byId(body, silent) };
  }

  it('shows 存在问题, 下步措施 and 需协调事项 beside a lagging target, inert, with the way to the whole text', async () => {
    const { body, said } = await reviewWithWords();
    renderApp('/review?asOf=2025-11-03');
    const title = said?.title ?? '';
    const laggards = await screen.findByRole('region', { name: '滞后目标所需进度' });
    const row = within(laggards).getByRole('link', { name: title }).closest('tr') as HTMLElement;
    expect(within(row).getByText('存在问题').nextSibling).toHaveTextContent(SAID.problems);
    expect(within(row).getByText('下步措施').nextSibling).toHaveTextContent(SAID.nextSteps);
    // 需协调事项 is marked in words (and ⚑), not by colour alone.
    expect(within(row).getByText('需协调事项').closest('div')).toHaveTextContent(`⚑ 需协调事项${SAID.coordination}`);
    // Shown as text: nothing the department typed runs.
    expect(document.querySelector('.review script')).toBeNull();
    expect(within(row).getByRole('link', { name: `情况说明：${title}` })).toHaveAttribute(
      'href',
      `/targets/${said?.id}?asOf=2025-11-03#narrative`,
    );
    // The same words beside it among the new warnings, and the link from its sector's table.
    const warnings = screen.getByRole('region', { name: '新增预警' });
    const item = within(warnings).getByRole('link', { name: title }).closest('li') as HTMLElement;
    expect(item).toHaveTextContent(SAID.problems);
    expect(item).toHaveTextContent(SAID.coordination);
    const sectorName = body.sectors.find((x) => x.id === said?.sectorId)?.name;
    const sector = screen.getByRole('region', { name: `${sectorName} · 目标明细` });
    const cell = within(sector).getByRole('link', { name: title }).closest('td') as HTMLElement;
    expect(within(cell).getByRole('link', { name: `情况说明：${title}` })).toHaveAttribute(
      'href',
      `/targets/${said?.id}?asOf=2025-11-03#narrative`,
    );
    expect(cell).toHaveTextContent('需协调');
  });

  it('says 未说明 where the department gave none, still one click from the whole history', async () => {
    const { silent } = await reviewWithWords();
    renderApp('/review?asOf=2025-11-03');
    const title = silent?.title ?? '';
    const severe = await screen.findByRole('region', { name: '仍严重滞后' });
    const item = within(severe).getByRole('link', { name: title }).closest('li') as HTMLElement;
    expect(item).toHaveTextContent('存在问题、下步措施：未说明');
    expect(within(item).getByRole('link', { name: `情况说明：${title}` })).toHaveAttribute(
      'href',
      `/targets/${silent?.id}?asOf=2025-11-03#narrative`,
    );
    // Recovered targets are not asked about.
    const recoveries = screen.getByRole('region', { name: '恢复正常' });
    expect(within(recoveries).queryByText(/未说明/)).toBeNull();
  });
});

describe('weekly review when the API misbehaves', () => {
  it('says the server failed on a 500, and recovers on retry', async () => {
    api.setFailure('server-error');
    const { user } = renderApp('/review');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('服务器出错（500），请稍后重试');
    api.setFailure('none');
    await user.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await screen.findByRole('region', { name: '各领域进展' })).toBeInTheDocument();
  });

  it('rejects a malformed review and keeps the meeting controls working', async () => {
    server.use(http.get(`${window.location.origin}/api/v1/review`, () => HttpResponse.json({ asOf: 'soon' })));
    renderApp('/review');
    expect(await screen.findByRole('alert')).toHaveTextContent('服务器返回的数据格式不正确，已拒绝显示');
    const plan = screen.getByRole('combobox', { name: '规划' });
    await waitFor(() => expect(within(plan).getAllByRole('option').length).toBeGreaterThan(1));
  });

  it('explains a previous meeting that is not before the meeting', async () => {
    renderApp('/review?asOf=2025-09-30&previous=2025-10-07');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '参数“previous”（上次会议日期）应早于本次会议日期 2025-09-30',
    );
  });
});
