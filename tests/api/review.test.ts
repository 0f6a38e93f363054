import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryResponseSchema, targetsResponseSchema } from '../../src/domain/api';
import { addDays } from '../../src/domain/dates';
import { problemSchema } from '../../src/domain/problem';
import { buildReview, cutsOfMeeting } from '../../src/domain/review';
import { reviewResponseSchema } from '../../src/domain/review-api';
import { type Backend, backends, testApp } from './test-db';

/**
 * The weekly review endpoints against a real database: hand-worked numbers from a small plan added
 * for the test (the same figures as src/domain/review.test.ts), the meeting's knowledge cut through
 * SQL and the response cache, 400s, and the Excel and CSV files read back.
 */
const HOSTILE_TITLE = '=HYPERLINK("http://example.invalid","点我")';
const HOSTILE_DEPARTMENT = '@SUM(A1:A9)';
const HOSTILE_REPORTER = '-2+3';
/** What the lagging target's department wrote with its 02-20 figure (issue 23); one line Excel would run. */
const SAID = {
  progress: '完成三个片区签约',
  problems: '=土地指标未下达，两个项目停工待批',
  next_steps: '三月底前报市自然资源局审批',
  coordination: '请市政府协调土地指标',
};
const SAID_BEFORE = { progress: '', problems: '上周的问题', next_steps: '', coordination: '' };

/** The test plans' rows: thresholds of a fortnightly cycle. */
const plan = (id: string, title: string) => ({
  id,
  title,
  issuer: '测试',
  year: 2025,
  document: 'rv.txt',
  published_on: null,
  thresholds: JSON.stringify({ lagPp: 5, severePp: 15, severeMiss: 0.1, cycleDays: 14, approxTolerance: 0.05 }),
});
/** A cumulative target of plan rv: 1,000 个 from January 1 to April 11, 2025 (`extra` overrides). */
const target = (id: string, title: string, department: string | null, extra: Record<string, unknown> = {}) => ({
  id,
  plan_id: 'rv',
  sector_id: 'demand',
  subsection: '测试',
  title,
  district: '市级',
  department,
  kind: 'cumulative',
  unit: '个',
  target: 1000,
  comparator: 'gte',
  baseline: null,
  period_start: '2025-01-01',
  deadline: '2025-04-11',
  pacing: JSON.stringify({ type: 'linear' }),
  stages: JSON.stringify([]),
  headline: null,
  source_document: 'rv.txt',
  source_quote: title,
  demo: false,
  ...extra,
});
/** A report entered the evening of its date (`extra` overrides). */
const report = (targetId: string, asOf: string, value: number, extra: Record<string, unknown> = {}) => ({
  id: `${targetId}-${asOf}`,
  target_id: targetId,
  as_of: asOf,
  recorded_at: `${asOf}T18:00:00+08:00`,
  value,
  unit: '个',
  stages_done: null,
  note: '',
  evidence: null,
  source_document: null,
  source_quote: null,
  reported_by: HOSTILE_REPORTER,
  supersedes: null,
  correction_reason: null,
  demo: false,
  ...extra,
});

describe.each(backends())('review API on %s', (backend: Backend) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  const get = (path: string) => ctx.app.request(`/api/v1${path}`);
  const review = async (query: string) => {
    const r = await get(`/review?${query}`);
    expect(r.status, `/review?${query}`).toBe(200);
    return reviewResponseSchema.parse(await r.json());
  };

  beforeAll(async () => {
    ctx = await testApp(backend);
    const db = ctx.store.db;
    await db.insertInto('plans').values(plan('rv', '调度会测试规划')).execute();
    // Lead departments are registry ids; the workbook and the CSV write the registry's names.
    await db
      .insertInto('departments')
      .values([
        { id: 'rv-test', name: '市测试局', short_name: '市测试局', kind: 'other', district: null, leader: null },
        {
          id: 'rv-hostile',
          name: HOSTILE_DEPARTMENT,
          short_name: HOSTILE_DEPARTMENT,
          kind: 'other',
          district: null,
          leader: null,
        },
      ])
      .execute();
    await db
      .insertInto('targets')
      .values([target('rv-steady', '新增测试设施1000个', 'rv-test'), target('rv-slow', HOSTILE_TITLE, 'rv-hostile')])
      .execute();
    const thursdays = ['2025-01-23', '2025-01-30', '2025-02-06', '2025-02-13', '2025-02-20'];
    await db
      .insertInto('reports')
      .values([
        // Every report says something; only a lagging target's latest words reach the review.
        ...[220, 290, 360, 430, 500].map((v, i) => report('rv-steady', thursdays[i] as string, v, SAID_BEFORE)),
        ...[175, 245, 315, 385].map((v, i) => report('rv-slow', thursdays[i] as string, v, SAID_BEFORE)),
        report('rv-slow', '2025-02-20', 445, SAID),
        // The morning after the meeting, the steady target's 02-20 figure is corrected to 300.
        report('rv-steady', '2025-02-20', 300, {
          id: 'rv-steady-fix',
          recorded_at: '2025-02-21T09:00:00+08:00',
          supersedes: 'rv-steady-2025-02-20',
          correction_reason: '核实后更正',
        }),
      ])
      .execute();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('computes the hand-worked meeting of 2025-02-20 from the database', async () => {
    const r = await review('plan=rv&asOf=2025-02-20');
    expect(r).toMatchObject({
      asOf: '2025-02-20',
      knownAt: '2025-02-20T23:59:59+08:00',
      previousAsOf: '2025-02-13',
      previousKnownAt: '2025-02-13T23:59:59+08:00',
      plan: { id: 'rv', title: '调度会测试规划' },
      containsDemo: false,
    });
    const steady = r.targets.find((t) => t.id === 'rv-steady');
    const slow = r.targets.find((t) => t.id === 'rv-slow');
    // The correction came in after the meeting: the meeting saw 500 of 1000 on day 50 of 100.
    expect([steady?.previousState.progress, steady?.state.progress, steady?.state.status]).toEqual([
      0.43,
      0.5,
      'on_track',
    ]);
    expect([slow?.previousState.status, slow?.state.status, slow?.state.progress]).toEqual([
      'on_track',
      'lagging',
      0.445,
    ]);
    expect(r.newWarnings.map((w) => w.id)).toEqual(['rv-slow']);
    expect(r.biggestMovers.map((m) => [m.id, Math.round(m.change * 1000) / 10])).toEqual([
      ['rv-steady', 7],
      ['rv-slow', 6],
    ]);
    const laggard = r.laggards[0];
    expect(laggard?.id).toBe('rv-slow');
    expect(laggard?.requiredRate?.perWeek).toBeCloseTo(77.7, 10);
    expect(laggard?.requiredRate?.recentPerWeek).toBeCloseTo(67.5, 10);
    // 实际/所需 of the two rates as printed: 67.5 ÷ 77.7.
    expect(laggard?.paceRatio).toBeCloseTo(67.5 / 77.7, 10);
    // The same series as the domain's hand-worked meeting: 445 + median slope 130/0.14 per period × 0.5.
    expect(laggard?.projection?.value).toBeCloseTo(445 + (130 / 0.14) * 0.5, 8);
    const demand = r.sectors.find((s) => s.id === 'demand');
    expect(demand?.change).toBeCloseTo((0.5 + 0.445 - 0.43 - 0.385) / 2, 12);
    expect(steady?.latestReport).toMatchObject({ id: 'rv-steady-2025-02-20', reportedBy: HOSTILE_REPORTER });
  });

  it('shows a correction only to reviews that knew it', async () => {
    const later = await review('plan=rv&asOf=2025-02-20&knownAt=2025-02-21T12:00:00%2B08:00');
    const steady = later.targets.find((t) => t.id === 'rv-steady');
    expect(steady?.state.progress).toBe(0.3);
    expect(steady?.state.status).toBe('severe');
    expect(later.newWarnings.map((w) => w.id)).toEqual(['rv-steady', 'rv-slow']);
    // The meeting itself, asked again (from the cache or not), is unchanged.
    const again = await review('plan=rv&asOf=2025-02-20');
    expect(again.targets.find((t) => t.id === 'rv-steady')?.state.progress).toBe(0.5);
    // The next meeting knows the correction; its "previous" is still what 02-20 showed.
    const next = await review('plan=rv&asOf=2025-02-27&previous=2025-02-20');
    const n = next.targets.find((t) => t.id === 'rv-steady');
    expect([n?.previousState.progress, n?.state.progress]).toEqual([0.5, 0.3]);
  });

  it('agrees with /targets at the same knowledge cut, for the whole catalog', async () => {
    const r = await review('asOf=2025-09-30');
    const now = targetsResponseSchema.parse(
      await (await get('/targets?asOf=2025-09-30&knownAt=2025-09-30T23:59:59%2B08:00')).json(),
    );
    const before = targetsResponseSchema.parse(
      await (await get('/targets?asOf=2025-09-23&knownAt=2025-09-23T23:59:59%2B08:00')).json(),
    );
    expect(r.targets.map((t) => t.id)).toEqual(now.items.map((t) => t.id));
    for (const [i, t] of r.targets.entries()) {
      expect(t.state, t.id).toEqual(now.items[i]?.state);
      expect(t.previousState, t.id).toEqual(before.items[i]?.state);
    }
    expect(r.containsDemo).toBe(true);
  });

  it('shows as the previous meeting what that meeting saw, after a dozen reports back-filled since', async () => {
    // A plan of its own: one target reported weekly, on time, from January to May 1; then, after the
    // 06-05 meeting, twelve figures of late May entered at once (06-10). A review reads one window
    // for both meetings (Store.reviewReports): placed by what the 06-12 meeting knew, it would start
    // at late April, and the 06-05 state would rest on two reports instead of its dozen.
    const db = ctx.store.db;
    await db.insertInto('plans').values(plan('rv2', '补报测试规划')).execute();
    await db
      .insertInto('targets')
      .values(target('rv2-backfill', '补报测试设施1000个', null, { plan_id: 'rv2', deadline: '2025-12-31' }))
      .execute();
    const row = (asOf: string, value: number, recordedAt: string) =>
      report('rv2-backfill', asOf, value, { recorded_at: recordedAt });
    // Weekly, uneven (the trend's points matter): 2025-01-02 … 2025-05-01, each entered that evening.
    const onTime = Array.from({ length: 18 }, (_, i) => {
      const asOf = addDays('2025-01-02', 7 * i);
      return row(asOf, 20 * i + (i % 3) * 7, `${asOf}T18:00:00+08:00`);
    });
    const late = Array.from({ length: 12 }, (_, i) =>
      row(addDays('2025-05-20', i), 400 + 5 * i, '2025-06-10T10:00:00+08:00'),
    );
    await db
      .insertInto('reports')
      .values([...onTime, ...late])
      .execute();
    const then = await review('plan=rv2&asOf=2025-06-05');
    const now = await review('plan=rv2&asOf=2025-06-12');
    expect(now.previousAsOf).toBe('2025-06-05');
    expect(now.targets[0]?.previousState).toEqual(then.targets[0]?.state);
    expect(now.targets[0]?.state.progress).toBe(0.455);
    // And the whole review is what the domain computes from every report.
    const [plans, targets, reports, rollups] = await Promise.all([
      ctx.store.plans(),
      ctx.store.targets(),
      ctx.store.reports(null, undefined, { withNames: true }),
      ctx.store.projectRollups(),
    ]);
    const cuts = cutsOfMeeting({ asOf: '2025-06-12' }, '2025-06-12');
    if (!cuts.ok) throw new Error('cuts');
    const full = buildReview({ plans, targets, reports, rollups }, { plan: 'rv2' }, cuts.value);
    expect(now).toEqual(reviewResponseSchema.parse(JSON.parse(JSON.stringify(full))));
  });

  it('answers bad parameters with a 400 naming the parameter', async () => {
    for (const [query, param] of [
      ['asOf=2025-02-30', 'asOf'],
      ['asOf=2025-02-20&previous=2025-02-20', 'previous'],
      ['asOf=2025-02-20&previous=2025-03-01', 'previous'],
      ['previous=yesterday', 'previous'],
      ['knownAt=soon', 'knownAt'],
    ] as const) {
      for (const path of ['/review', '/review.xlsx']) {
        const r = await get(`${path}?${query}`);
        expect(r.status, `${path}?${query}`).toBe(400);
        expect(problemSchema.parse(await r.json()).param).toBe(param);
      }
    }
    const csv = await get('/targets.csv?status=nope');
    expect(csv.status).toBe(400);
    expect(problemSchema.parse(await csv.json()).param).toBe('status');
  });

  async function workbook(query: string) {
    const r = await get(`/review.xlsx?${query}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    return { wb, disposition: r.headers.get('content-disposition') ?? '' };
  }

  it('exports the review as a workbook with real numbers, frozen headers, filters and inert text', async () => {
    const { wb, disposition } = await workbook('plan=rv&asOf=2025-02-20');
    expect(disposition).toBe(
      `attachment; filename="review-2025-02-20.xlsx"; filename*=UTF-8''${encodeURIComponent('周调度会-调度会测试规划-2025-02-20.xlsx')}`,
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '全部目标', '预警', '逾期未报', '按牵头部门']);
    const sheet = wb.getWorksheet('全部目标');
    if (!sheet) throw new Error('no target sheet');
    expect(sheet.getCell('A1').value).toBe('周调度会 · 调度会测试规划');
    const header = sheet.getRow(3).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    // Read back, exceljs gives the filter as its range: header row 3 to the last target row, every column.
    expect(sheet.autoFilter).toBe(`A3:${sheet.getColumn(header.length - 1).letter}5`);
    const rows = [4, 5].map((n) => sheet.getRow(n));
    const slow = rows.find((r) => r.getCell(col('编号')).value === 'rv-slow');
    if (!slow) throw new Error('rv-slow missing');
    expect(slow.getCell(col('当前值')).value).toBe(445);
    expect(slow.getCell(col('目标值')).value).toBe(1000);
    expect(slow.getCell(col('单位')).value).toBe('个');
    expect(slow.getCell(col('完成率')).value).toBe(0.445);
    expect(slow.getCell(col('完成率')).numFmt).toBe('0.0%');
    expect(slow.getCell(col('应完成率（序时进度）')).value).toBe(0.5);
    expect(slow.getCell(col('差距（个百分点）')).value).toBe(-5.5);
    expect(slow.getCell(col('差距说明')).value).toBe('落后序时进度 5.5个百分点');
    expect(slow.getCell(col('数据截至')).value).toEqual(new Date('2025-02-20T00:00:00Z'));
    // A count is projected in whole things, as every page writes it.
    expect(slow.getCell(col('预计期末值')).value).toBe(Math.round(445 + (130 / 0.14) * 0.5));
    expect(slow.getCell(col('状态')).value).toBe('滞后 · 预计难完成');
    expect(slow.getCell(col('上次状态')).value).toBe('正常');
    const date = slow.getCell(col('最新填报日期'));
    expect(date.value).toEqual(new Date('2025-02-20T00:00:00Z'));
    expect(date.numFmt).toBe('yyyy-mm-dd');
    // Text that Excel would run as a formula is written so it cannot be.
    expect(slow.getCell(col('目标')).value).toBe(`'${HOSTILE_TITLE}`);
    expect(slow.getCell(col('牵头部门')).value).toBe(`'${HOSTILE_DEPARTMENT}`);
    expect(slow.getCell(col('填报来源')).value).toBe(`'${HOSTILE_REPORTER}填报`);
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') expect(cell.value, `${ws.name}!${cell.address}`).not.toMatch(/^[=+\-@]/);
        }),
      ),
    );
    const warnings = wb.getWorksheet('预警');
    // The target's name leads (issue 25: the title people know first), its category beside it.
    expect(warnings?.getRow(4).getCell(1).value).toBe(`'${HOSTILE_TITLE}`);
    expect(warnings?.getRow(4).getCell(2).value).toBe('新增预警');
    // The run-rates with the digits the review page prints ("每周 77.7个", "67.5个"; 实际/所需 divides
    // them), not rounded to 78 and 68: the same figures on the page, the workbook and the wall.
    const warningHeader = warnings?.getRow(3).values as unknown[];
    const rate = (name: string) => warnings?.getRow(4).getCell(warningHeader.indexOf(name));
    expect(rate('每周还需')?.value).toBe(77.7);
    expect(rate('每周还需')?.numFmt).toBe('#,##0.0');
    expect(rate('近四周每周')?.value).toBe(67.5);
    expect(rate('近四周每周')?.numFmt).toBe('#,##0.0');
    const summary = wb.getWorksheet('汇总');
    const demand = summary?.getRow(4);
    expect(demand?.getCell(1).value).toBe('扩大内需');
    expect(demand?.getCell(2).value).toBe(2);
    expect(demand?.getCell(4).value).toBeCloseTo((0.5 + 0.445) / 2, 12);
    expect(summary?.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    // The lead department is written by its registry name, inert there too.
    const leads: unknown[] = [];
    wb.getWorksheet('按牵头部门')?.eachRow((row) => leads.push(row.getCell(1).value));
    expect(leads).toContain(`'${HOSTILE_DEPARTMENT}`);
  });

  it('carries the lagging target’s narrative in the JSON and the workbook, and no other target’s', async () => {
    const r = await review('plan=rv&asOf=2025-02-20');
    const slow = r.targets.find((t) => t.id === 'rv-slow');
    expect(slow?.latestReport?.narrative).toEqual({
      progress: SAID.progress,
      problems: SAID.problems,
      nextSteps: SAID.next_steps,
      coordination: SAID.coordination,
    });
    expect(r.targets.find((t) => t.id === 'rv-steady')?.latestReport?.narrative).toBeUndefined();

    const { wb } = await workbook('plan=rv&asOf=2025-02-20');
    const cellsOf = (name: string, id: string) => {
      const ws = wb.getWorksheet(name);
      if (!ws) throw new Error(`no sheet ${name}`);
      const header = ws.getRow(3).values as unknown[];
      let found: ExcelJS.Row | undefined;
      ws.eachRow((row) => {
        if (row.getCell(header.indexOf('编号')).value === id) found ??= row;
      });
      if (!found) throw new Error(`${id} not on ${name}`);
      const row = found;
      const cell = (h: string) => {
        expect(header, `${name}: ${h}`).toContain(h);
        return row.getCell(header.indexOf(h));
      };
      return { ws, header, cell };
    };
    for (const sheet of ['预警', '按牵头部门']) {
      const { ws, header, cell } = cellsOf(sheet, 'rv-slow');
      // Inert, as every text the workbook writes.
      expect(cell('存在问题').value).toBe(`'${SAID.problems}`);
      expect(cell('下步措施').value).toBe(SAID.next_steps);
      expect(cell('需协调事项').value).toBe(SAID.coordination);
      expect(cell('存在问题').alignment).toMatchObject({ wrapText: true });
      expect(ws.getColumn(header.indexOf('存在问题')).width).toBeGreaterThanOrEqual(30);
    }
    // The steady target is on the warnings sheet as a mover only: on track, nothing asked of it.
    expect(cellsOf('预警', 'rv-steady').cell('存在问题').value).toBeNull();
  });

  it('gives the wall’s warnings the short form of their 存在问题, from the report each state rests on', async () => {
    const r = await get('/summary?plan=rv&asOf=2025-02-20');
    expect(r.status).toBe(200);
    const summary = summaryResponseSchema.parse(await r.json());
    const slow = summary.warnings.find((w) => w.id === 'rv-slow');
    expect(slow?.problems).toBe(SAID.problems);
    // The steady target is severe once its correction (recorded without words) is known: nothing to show.
    const steady = summary.warnings.find((w) => w.id === 'rv-steady');
    expect(steady?.state.status).toBe('severe');
    expect(steady).not.toHaveProperty('problems');
    // The meeting's own cut: the steady target was on track, and is no warning.
    const then = summaryResponseSchema.parse(
      await (await get('/summary?plan=rv&asOf=2025-02-20&knownAt=2025-02-20T23:59:59%2B08:00')).json(),
    );
    expect(then.warnings.map((w) => [w.id, w.problems])).toEqual([['rv-slow', SAID.problems]]);
  });

  it('writes 未说明 for a lagging target whose latest report says nothing', async () => {
    const later = await review('plan=rv&asOf=2025-02-20&knownAt=2025-02-21T12:00:00%2B08:00');
    const steady = later.targets.find((t) => t.id === 'rv-steady');
    // The correction recorded the morning after, without words: severe now, and nothing said.
    expect(steady?.state.status).toBe('severe');
    expect(steady?.latestReport?.id).toBe('rv-steady-fix');
    expect(steady?.latestReport?.narrative).toBeUndefined();
    const { wb } = await workbook('plan=rv&asOf=2025-02-20&knownAt=2025-02-21T12:00:00%2B08:00');
    const ws = wb.getWorksheet('预警');
    const header = ws?.getRow(3).values as unknown[];
    const row = ws?.getRow(4);
    expect(row?.getCell(header.indexOf('编号')).value).toBe('rv-steady');
    expect(row?.getCell(header.indexOf('存在问题')).value).toBe('未说明');
    expect(row?.getCell(header.indexOf('下步措施')).value).toBe('未说明');
    expect(row?.getCell(header.indexOf('需协调事项')).value).toBeNull();
  });

  it('exports every target of the catalog, numbers as numbers', async () => {
    const r = await review('asOf=2025-09-30');
    const { wb } = await workbook('asOf=2025-09-30');
    const sheet = wb.getWorksheet('全部目标');
    if (!sheet) throw new Error('no target sheet');
    const header = sheet.getRow(3).values as unknown[];
    const ids: unknown[] = [];
    for (let n = 4; n <= sheet.rowCount; n++) {
      const row = sheet.getRow(n);
      ids.push(row.getCell(header.indexOf('编号')).value);
      for (const name of ['当前值', '目标值', '完成率', '应完成率（序时进度）', '差距（个百分点）', '预计期末值']) {
        const v = row.getCell(header.indexOf(name)).value;
        if (v !== null) expect(typeof v, `${name} of ${String(ids.at(-1))}`).toBe('number');
      }
    }
    expect(ids).toEqual(r.targets.map((t) => t.id));
    const overdue = wb.getWorksheet('逾期未报');
    expect((overdue?.rowCount ?? 0) - 3).toBe(r.overdue.reduce((n, g) => n + g.items.length, 0));
  });

  it('exports the target table as CSV with a BOM, neutralised text and the /targets filters', async () => {
    const res = await get('/targets.csv?plan=rv&asOf=2025-02-20');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('目标清单-2025-02-20.csv')}`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      '编号,领域,规划,目标,区市,牵头部门,配合单位,演示分工,指标类型,当前值,目标值,单位,完成率（%）,应完成率（序时进度）（%）,差距（个百分点）,差距说明,状态,数据截至,预计期末值,预计完成率（%）,截止日期,最新填报日期,演示数据',
    );
    expect(lines).toHaveLength(4); // header, two targets, the final CRLF
    expect(lines).toContain(
      `rv-slow,扩大内需,调度会测试规划,"'=HYPERLINK(""http://example.invalid"",""点我"")",市级,'@SUM(A1:A9),,,累计,445,1000,个,44.5,50,-5.5,落后序时进度 5.5个百分点,滞后 · 预计难完成,2025-02-20,909,90.9,2025-04-11,2025-02-20,`,
    );
    const all = targetsResponseSchema.parse(await (await get('/targets?sector=marine')).json());
    const marine = new TextDecoder().decode(await (await get('/targets.csv?sector=marine')).arrayBuffer());
    expect(marine.split('\r\n').filter(Boolean)).toHaveLength(all.items.length + 1);
  });
});
