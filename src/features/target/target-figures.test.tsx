import { screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import type { IsoDate } from '../../domain/dates';
import type { ProgressReport, Target } from '../../domain/schemas';
import {
  cityCompute,
  GUANLU_STAGES,
  guanluReservoir,
  makeTarget,
  reportFor,
  series,
  stagesReport,
} from '../../domain/test-fixtures';
import { buildTargetDetail, newestReportDate } from '../../domain/views';
import { useUiStore } from '../../stores/ui-store';
import { renderApp, setupMockApi } from '../../test/render-app';

/**
 * What an official reads on a target page, kind by kind (issue 18): 完成率 is value ÷ target as
 * printed, the gap is 完成率 − 应完成率 as printed (or a rate's own difference from its target),
 * milestones speak in nodes and days overdue, and after the deadline a target is final. The
 * expected figures are worked out here from the inputs with plain arithmetic, not by the domain.
 */
const { server } = setupMockApi();

/** Answers `/targets/:id` from a small dataset of our own, through the API's own builder. */
function serve(target: Target, given: ProgressReport[]) {
  // Published figures: the fixtures' reports are flagged demo, and the page would tag each value.
  const reports = given.map((r) => ({ ...r, demo: false }));
  const data = { plans: [], targets: [target], reports, contextFigures: [] };
  server.use(
    http.get(`${window.location.origin}/api/v1/targets/:id`, ({ request, params }) => {
      const asOf = new URL(request.url).searchParams.get('asOf') ?? newestReportDate(reports);
      if (!asOf) throw new Error('serve() needs at least one report');
      const body = buildTargetDetail(data, String(params.id), { asOf }, { items: [], total: 0, rollup: null });
      return body
        ? HttpResponse.json(body)
        : HttpResponse.json({ type: 'about:blank', title: 'Not found', status: 404 }, { status: 404 });
    }),
  );
}

async function openTarget(target: Target, reports: ProgressReport[]) {
  serve(target, reports);
  const utils = renderApp(`/targets/${target.id}`);
  const heading = await screen.findByRole('heading', { level: 1, name: target.title }, { timeout: 4_000 });
  const header = heading.closest('header');
  if (!header) throw new Error('the title sits in the page header');
  // The English messages load on their own: wait for the page to speak the chosen language.
  const summary = await screen.findByRole(
    'region',
    { name: useUiStore.getState().locale === 'en' ? 'Progress' : '进度' },
    { timeout: 8_000 },
  );
  return { ...utils, header, summary };
}

/** The lines under a heading of the summary's figures (当前值, 目标值, 完成率, 差距…), in order. */
function stat(summary: HTMLElement, label: string): string[] {
  const term = within(summary).getByText(label, { selector: 'dt' });
  const lines: string[] = [];
  for (let el = term.nextElementSibling; el && el.tagName === 'DD'; el = el.nextElementSibling) {
    lines.push((el.textContent ?? '').replace(/\s+/g, ' ').trim());
  }
  return lines;
}

/** The first number in a text as printed: "1,300个" → 1300, "43.3%" → 43.3. */
function numberIn(text: string | undefined): number {
  const m = (text ?? '').replace(/,/g, '').match(/[-−]?\d+(?:\.\d+)?/);
  if (!m) throw new Error(`no number in “${text}”`);
  return Number(m[0].replace('−', '-'));
}

/** A percentage to one decimal, the way a person would work it out on paper. */
const pct1 = (fraction: number) => Math.round(fraction * 1000) / 10;
/** Days from one calendar date to another. */
const days = (from: IsoDate, to: IsoDate) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
/** A signed figure as the page writes it: "+1.6", "-0.16" (either minus sign). */
const signed = (n: number, digits: number) =>
  `${n > 0 ? '\\+' : n < 0 ? '[-−]' : ''}${Math.abs(n).toFixed(digits).replace('.', '\\.')}`;

describe('target page, figures per kind', () => {
  it('cumulative: 完成率 is value ÷ target and the gap is 完成率 − 应完成率, as printed', async () => {
    const target = makeTarget(); // 新开通5G基站3000个, linear through 2025
    const values = Array.from({ length: 26 }, (_, i) => 50 * (i + 1)); // …1,250 on 06-23, 1,300 on 06-30
    const reports = series(target, '2025-01-06', values);
    const { summary } = await openTarget(target, reports);

    const [value] = stat(summary, '当前值');
    const [goal] = stat(summary, '目标值');
    expect(numberIn(value)).toBe(1300);
    expect(numberIn(goal)).toBe(3000);
    const [progress, expectedLine] = stat(summary, '完成率');
    // 1300 ÷ 3000 = 43.3 %, checked from the two numbers on the screen.
    expect(numberIn(progress)).toBe(pct1(numberIn(value) / numberIn(goal)));
    expect(progress).toBe('43.3%');
    // 应完成率: 180 of the 364 days from 01-01 to 12-31 have passed on 06-30.
    const expected = pct1(days('2025-01-01', '2025-06-30') / days('2025-01-01', '2025-12-31'));
    expect(expectedLine).toBe(`应完成率 ${expected}%`);
    const [gap, change] = stat(summary, '差距');
    const gapPp = Math.round((numberIn(progress) - expected) * 10) / 10;
    expect(gapPp).toBeLessThan(0);
    expect(gap).toBe(`落后序时进度 ${Math.abs(gapPp).toFixed(1)}个百分点`);
    // The week's change is of 完成率: 1,250 ÷ 3,000 = 41.7 % a week earlier.
    const weekPp = Math.round((numberIn(progress) - pct1(1250 / 3000)) * 10) / 10;
    expect(change).toMatch(new RegExp(`较上周 ${signed(weekPp, 1)}个百分点`));
    // The projection's 完成率 is its (whole) count ÷ the target, too.
    const [projected, projectedLine] = stat(summary, '预计年末');
    expect(projected).toMatch(/^[\d,]+个$/);
    expect(numberIn(projectedLine)).toBe(pct1(numberIn(projected) / numberIn(goal)));
    const bar = within(summary).getByRole('progressbar', { name: `${target.title}进度` });
    expect(bar).toHaveAttribute('aria-valuenow', String(numberIn(progress)));
    expect(bar).toHaveAttribute('aria-valuetext', `完成率 ${progress}，应完成率（序时进度）${expected}%`);
  });

  it('stock with an inferred baseline: 完成率 is value ÷ target, and the way from the first report is a second line', async () => {
    const target = cityCompute({ baseline: null }); // 2025年建成算力规模8000P, no baseline in the document
    const reports = [
      reportFor(target, '2025-03-03', 6500),
      reportFor(target, '2025-09-22', 7850),
      reportFor(target, '2025-09-29', 7912),
    ];
    const { summary, header } = await openTarget(target, reports);

    const [value] = stat(summary, '当前值');
    const [goal] = stat(summary, '目标值');
    expect(value).toBe('7,912P');
    expect(numberIn(goal)).toBe(8000);
    const [progress, expectedLine] = stat(summary, '完成率');
    expect(numberIn(progress)).toBe(pct1(7912 / 8000)); // 98.9 %, what the mayor says
    expect(progress).toBe('98.9%');
    // Paced from the first report (6,500P on 03-03) on a straight line to 8,000P at 12-31.
    const share = days('2025-03-03', '2025-09-29') / days('2025-03-03', '2025-12-31');
    const expectedIncrease = share * (8000 - 6500);
    const expected = pct1((6500 + expectedIncrease) / 8000);
    expect(expectedLine).toBe(`应完成率 ${expected}%`);
    const [gap] = stat(summary, '差距');
    const gapPp = Math.round((numberIn(progress) - expected) * 10) / 10;
    expect(gap).toBe(`${gapPp < 0 ? '落后' : '超过'}序时进度 ${Math.abs(gapPp).toFixed(1)}个百分点`);
    // The increase since the first report; the expected increase is derived, so it keeps the
    // precision of the target as written (8000P: whole), like every derived figure.
    expect(summary).toHaveTextContent(
      `较 3月3日 的 6,500P 增加 1,412P，按序时应增加 ${Math.round(expectedIncrease).toLocaleString('en-US')}P`,
    );
    expect(within(header).getByText('正常')).toBeInTheDocument();
    const facts = screen.getByRole('region', { name: '目标' });
    expect(facts).toHaveTextContent('进度起点');
    expect(facts).toHaveTextContent('2025年3月3日 · 6,500P');
  });

  it('growth rate: the gap and the week’s change are in the rate’s own points', async () => {
    const target = makeTarget({
      id: 't-software-growth',
      sectorId: 'industry',
      title: '软件业务收入增长10%以上',
      department: '市工业和信息化局',
      kind: 'growth',
      unit: '%',
      target: 10,
      source: { document: 'test', quote: '软件业务收入增长10%以上' },
    });
    const reports = [reportFor(target, '2025-09-22', 5.9), reportFor(target, '2025-09-29', 5.74)];
    const { summary, header } = await openTarget(target, reports);

    expect(stat(summary, '当前值')[0]).toBe('5.74%');
    expect(numberIn(stat(summary, '目标值')[0])).toBe(10);
    const [gap, change] = stat(summary, '差距');
    expect(gap).toBe(`低于目标 ${(10 - 5.74).toFixed(2)}个百分点`); // 4.26, not −42.6
    expect(change).toMatch(new RegExp(`较上周 ${signed(5.74 - 5.9, 2)}个百分点`)); // −0.16, not −1.6
    expect(summary).not.toHaveTextContent('42.6');
    expect(summary).not.toHaveTextContent('1.6个百分点');
    // 完成率 is still value ÷ target as printed.
    expect(numberIn(stat(summary, '完成率')[0])).toBe(pct1(5.74 / 10));
    // 4.26 points below a 10 % target is far behind (more than 2 points of the rate).
    expect(within(header).getByText('严重滞后')).toBeInTheDocument();
  });

  it('share: the gap is the share’s own distance from its target', async () => {
    const target = makeTarget({
      id: 't-compute-share',
      sectorId: 'industry',
      title: '智能算力占比达35%',
      department: '市大数据局',
      kind: 'share',
      unit: '%',
      target: 35,
      comparator: 'eq',
      source: { document: 'test', quote: '智能算力占比达35%' },
    });
    const reports = [reportFor(target, '2025-09-22', 32.1), reportFor(target, '2025-09-29', 32.24)];
    const { summary } = await openTarget(target, reports);

    expect(stat(summary, '当前值')[0]).toBe('32.24%');
    const [gap, change] = stat(summary, '差距');
    expect(gap).toBe(`低于目标 ${(35 - 32.24).toFixed(2)}个百分点`); // 2.76, not −7.9
    expect(change).toMatch(new RegExp(`较上周 ${signed(32.24 - 32.1, 2)}个百分点`));
    expect(numberIn(stat(summary, '完成率')[0])).toBe(pct1(32.24 / 35));
  });

  it('milestone with an overdue node: nodes, days overdue and the next node, no percentage points', async () => {
    const target = guanluReservoir(); // 3 stages: 04-30, 08-31, 12-31
    const reportedOn = '2025-09-20';
    const reports = [stagesReport(target, '2025-05-06', 1), stagesReport(target, reportedOn, 1)];
    const { summary, header } = await openTarget(target, reports);
    const next = GUANLU_STAGES[1];
    if (!next) throw new Error('the fixture has three stages');
    const overdue = days(next.plannedDate, reportedOn); // 20 days past 08-31 on the figure's date

    expect(stat(summary, '当前值')[0]).toBe('1/3 个节点');
    expect(stat(summary, '差距')[0]).toBe(`逾期 ${overdue} 天`);
    expect(summary).toHaveTextContent(`下一节点：${next.name}（8月31日）`);
    expect(summary).not.toHaveTextContent('个百分点');
    expect(within(summary).queryByText('完成率', { selector: 'dt' })).not.toBeInTheDocument();
    expect(within(summary).getByRole('progressbar')).toHaveAttribute('aria-valuetext', '1/3 个节点');
    // Overdue by up to 30 days is 滞后; further is 严重滞后.
    expect(within(header).getByText(overdue > 30 ? '严重滞后' : '滞后')).toBeInTheDocument();
    // The stages list says which node is overdue, not only when it was planned.
    const stages = screen.getByRole('region', { name: '节点' });
    const items = within(within(stages).getByRole('list')).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('已完成');
    expect(items[1]).toHaveTextContent(`逾期 ${overdue} 天`);
    expect(items[2]).not.toHaveTextContent('逾期');
  });

  it('milestone overdue for long is 严重滞后', async () => {
    const target = guanluReservoir();
    const reportedOn = '2025-11-03';
    const { summary, header } = await openTarget(target, [stagesReport(target, reportedOn, 1)]);
    const overdue = days('2025-08-31', reportedOn);
    expect(overdue).toBeGreaterThan(30);
    expect(stat(summary, '差距')[0]).toBe(`逾期 ${overdue} 天`);
    expect(within(header).getByText('严重滞后')).toBeInTheDocument();
  });

  it('after the deadline: 未完成 with its 完成率, never 滞后', async () => {
    const target = makeTarget(); // 3000 by 2025-12-31
    const reports = [reportFor(target, '2025-12-24', 2790), reportFor(target, '2025-12-31', 2856)];
    const { summary, header } = await openTarget(target, reports);

    const [progress] = stat(summary, '完成率');
    expect(numberIn(progress)).toBe(pct1(2856 / 3000)); // 95.2 %
    expect(within(header).getByText('未完成')).toBeInTheDocument();
    expect(within(header).queryByText('滞后')).not.toBeInTheDocument();
    expect(within(header).queryByText('严重滞后')).not.toBeInTheDocument();
    expect(summary).toHaveTextContent(`已过截止日期，未完成：完成率 ${progress}`);
    expect(progress).toMatch(/^95\.\d%$/);
    // Nothing left to project or to catch up on.
    expect(within(summary).queryByText('预计年末', { selector: 'dt' })).not.toBeInTheDocument();
    expect(summary).not.toHaveTextContent('还需');
  });

  it('speaks English: a rate’s gap and change in its own points', async () => {
    useUiStore.setState({ locale: 'en' });
    const target = makeTarget({
      id: 't-software-growth',
      sectorId: 'industry',
      title: '软件业务收入增长10%以上',
      kind: 'growth',
      unit: '%',
      target: 10,
      source: { document: 'test', quote: '软件业务收入增长10%以上' },
    });
    const reports = [reportFor(target, '2025-09-22', 5.9), reportFor(target, '2025-09-29', 5.74)];
    const { summary, header } = await openTarget(target, reports);

    expect(stat(summary, 'Current')[0]).toBe('5.74%');
    const [gap, change] = stat(summary, 'Gap');
    expect(gap).toBe(`${(10 - 5.74).toFixed(2)} pp below target`);
    expect(change).toMatch(new RegExp(`vs last week ${signed(5.74 - 5.9, 2)} pp`));
    expect(summary).not.toHaveTextContent('个百分点');
    expect(numberIn(stat(summary, 'Completion')[0])).toBe(pct1(5.74 / 10));
    expect(within(header).getByText('Severely lagging')).toBeInTheDocument();
  });
});
