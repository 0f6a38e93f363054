import type { Context, Hono } from 'hono';
import { addDays, shanghaiDate } from '../../src/domain/dates';
import {
  type DepartmentViewResponse,
  departmentViewQuerySchema,
  RANKING_MEASURE_NAMES,
  type RankingsQuery,
  type RankingsResponse,
  rankingGroups,
  rankingsQuerySchema,
} from '../../src/domain/department-api';
import type { DepartmentsResponse } from '../../src/domain/departments';
import { notFound, parseQuery } from '../../src/domain/query';
import { rankGroups, shownPp, TIE_RULE_ZH } from '../../src/domain/rankings';
import { viewOf } from '../../src/domain/reports';
import { attachmentHeader } from '../../src/domain/table-export';
import { groupReports, listTargets, stateOf } from '../../src/domain/views';
import { ProblemAnswer, problem } from '../http/problem';
import type { Store } from '../repositories/store';
import { loadRegistry, registryWithCounts } from '../services/departments';
import { checkFilters } from '../services/filter-check';
import { fitColumns, preparePrint, textWidth } from '../services/spreadsheet/print';
import { newWorkbook } from '../services/spreadsheet/workbook';
import type { StateMemo } from '../services/state-memo';

/**
 * Accountability reads (issue 22): the department registry (`/departments`), a department's view
 * (`/departments/:id`) and the league tables (`/rankings`, `/rankings.xlsx`). Cached per data version
 * like the other reads; a rename or a new division bumps it (0007-departments).
 */
export interface DepartmentRouteDeps {
  store: Store;
  memo: StateMemo;
  now: () => Date;
  cached: (c: Context, key: string, compute: () => Promise<unknown>) => Promise<Response>;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Weeks of the department view's trend. */
const TREND_WEEKS = 8;

export function installDepartmentRoutes(api: Hono, { store, memo, now, cached }: DepartmentRouteDeps): void {
  async function cutOf(asOf: string | undefined, includePending: boolean | undefined) {
    const view = viewOf(includePending);
    return { asOf: asOf ?? (await store.newestReportDate(undefined, view)) ?? shanghaiDate(now()), view };
  }

  api.get('/departments', (c) =>
    cached(c, 'departments', async (): Promise<DepartmentsResponse> => registryWithCounts(store.db, false)),
  );

  async function rankings(q: RankingsQuery): Promise<RankingsResponse> {
    await checkFilters(memo, { plan: q.plan });
    const cut = await cutOf(q.asOf, q.includePending);
    const [{ targets, facts }, departments] = await Promise.all([
      memo.read({ plan: q.plan }, cut, !q.asOf),
      loadRegistry(store.db),
    ]);
    const stated = listTargets(targets, facts, {}, cut).items;
    // A row is demo when a target's division or any of the figures its state rests on is.
    const { groups, ungrouped } = rankingGroups(stated, departments, q.by, (id) => facts.get(id)?.demo ?? false);
    const rows = rankGroups(groups, q.measure);
    return { asOf: cut.asOf, by: q.by, measure: q.measure, rows, ungrouped, demo: rows.some((r) => r.demo) };
  }

  api.get('/rankings', async (c) => {
    const parsed = parseQuery(rankingsQuerySchema, new URL(c.req.url).searchParams);
    if (!parsed.ok) return problem(c, parsed.problem);
    const q = parsed.value;
    return cached(c, `rankings ${JSON.stringify(q)} ${q.asOf ? '' : shanghaiDate(now())}`, () => rankings(q));
  });

  api.get('/rankings.xlsx', async (c) => {
    const parsed = parseQuery(rankingsQuerySchema, new URL(c.req.url).searchParams);
    if (!parsed.ok) return problem(c, parsed.problem);
    const r = await rankings(parsed.value);
    const body = await rankingsWorkbook(r);
    const what = r.by === 'district' ? '区市' : '部门';
    return c.body(new Uint8Array(body), 200, {
      'content-type': XLSX_TYPE,
      'content-disposition': attachmentHeader(
        `${what}排名-${RANKING_MEASURE_NAMES[r.measure]}-${r.asOf}.xlsx`,
        `rankings-${r.by}-${r.measure}-${r.asOf}.xlsx`,
      ),
    });
  });

  api.get('/departments/:id', async (c) => {
    const parsed = parseQuery(departmentViewQuerySchema, new URL(c.req.url).searchParams);
    if (!parsed.ok) return problem(c, parsed.problem);
    const id = c.req.param('id');
    const q = parsed.value;
    return cached(c, `department ${id} ${JSON.stringify(q)} ${q.asOf ? '' : shanghaiDate(now())}`, async () => {
      const departments = await loadRegistry(store.db);
      const item = departments.find((d) => d.id === id);
      if (!item) throw new ProblemAnswer(notFound(`部门“${id}”不存在`));
      const cut = await cutOf(q.asOf, q.includePending);
      const { catalog, targets, facts } = await memo.read({}, cut, !q.asOf);
      const all = listTargets(targets, facts, {}, cut).items;
      const lead = all.filter((t) => t.department === id);
      const supporting = all.filter((t) => t.department !== id && t.supportingDepartments.includes(id));
      const table = rankGroups(
        rankingGroups(all, departments, 'department', (x) => facts.get(x)?.demo ?? false).groups,
        'share',
      );
      // The trend of its lead targets only, read for them alone: a department's page never recomputes a province.
      const trend: DepartmentViewResponse['trend'] = [];
      const plans = new Map(catalog.plans.map((p) => [p.id, p]));
      // The reads the memo's states rest on (stateReports: the window and inferred baselines), at once.
      const weeks =
        lead.length > 0
          ? Array.from({ length: TREND_WEEKS }, (_, i) => addDays(cut.asOf, -7 * (TREND_WEEKS - 1 - i)))
          : [];
      const windows = await Promise.all(weeks.slice(0, -1).map((asOf) => store.stateReports(lead, asOf)));
      for (const [i, asOf] of weeks.entries()) {
        const window = windows[i];
        const byTarget = window === undefined ? null : groupReports(window);
        let judged = 0;
        let good = 0;
        for (const t of lead) {
          const status =
            byTarget === null
              ? t.state.status
              : stateOf(t, byTarget, plans, { asOf, view: cut.view }, catalog.rollups).status;
          if (status === 'not_started') continue;
          judged++;
          if (status === 'achieved' || status === 'on_track') good++;
        }
        trend.push({ asOf, judged, good, share: judged ? good / judged : null });
      }
      const body: DepartmentViewResponse = {
        asOf: cut.asOf,
        item,
        mergedInto: item.mergedInto ? (departments.find((d) => d.id === item.mergedInto) ?? null) : null,
        lead,
        supporting,
        ranking: table.find((r) => r.key === id) ?? null,
        ranked: table.filter((r) => r.rank !== null).length,
        trend,
      };
      return body;
    });
  });
}

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

type RankingRow = RankingsResponse['rows'][number];
/** A column of the league table's workbook: its header, its key, a row's value in it, its number format. */
interface RankingColumn {
  header: string;
  key: string;
  value: (row: RankingRow) => string | number | null;
  numFmt?: string;
}
const percent = (header: string, key: string, value: (row: RankingRow) => number | null): RankingColumn => ({
  header,
  key,
  value: (row) => pct(value(row)),
  numFmt: '0.0%',
});
/** Every column, in order; `what` (部门 or 区市) heads the names. */
const rankingColumns = (what: string): RankingColumn[] => [
  { header: what, key: 'name', value: (row) => row.name },
  {
    header: '名次',
    key: 'rank',
    value: (row) => (row.rank === null ? '未排名' : row.tied ? `并列${row.rank}` : row.rank),
  },
  { header: '目标数', key: 'targets', value: (row) => row.targets },
  { header: '参评数', key: 'judged', value: (row) => row.judged },
  { header: '达标数', key: 'good', value: (row) => row.good },
  percent('达标率', 'share', (row) => row.share),
  percent('平均完成率', 'avgProgress', (row) => row.avgProgress),
  percent('平均序时进度', 'avgExpected', (row) => row.avgExpected),
  {
    header: '差距（百分点）',
    key: 'gap',
    value: (row) => (row.gap === null ? null : shownPp(row.gap) / 10),
    numFmt: '+0.0;-0.0;0.0',
  },
  { header: '应报数', key: 'reportable', value: (row) => row.reportable },
  { header: '按时报数', key: 'reportedInCycle', value: (row) => row.reportedInCycle },
  percent('按时填报率', 'reportingRate', (row) => row.reportingRate),
  { header: '演示数据', key: 'demo', value: (row) => (row.demo ? '演示' : '') },
];

/** The league table as a workbook: name, rank, every figure behind the rank, the rules beneath. */
async function rankingsWorkbook(r: RankingsResponse): Promise<ArrayBuffer | Buffer> {
  const wb = await newWorkbook();
  const what = r.by === 'district' ? '区市' : '部门';
  const ws = wb.addWorksheet(`${what}排名`);
  const columns = rankingColumns(what);
  ws.columns = columns.map(({ header, key }) => ({ header, key }));
  ws.getRow(1).font = { bold: true };
  for (const row of r.rows) {
    const added = ws.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value(row)])));
    for (const c of columns) if (c.numFmt) added.getCell(c.key).numFmt = c.numFmt;
    added.getCell('rank').alignment = { horizontal: 'center' };
  }
  fitColumns(ws, { headerRow: 1, max: 36 });
  ws.addRow([]);
  const rules = [
    `排名指标：${RANKING_MEASURE_NAMES[r.measure]}；截至 ${r.asOf}`,
    TIE_RULE_ZH,
    '达标率 = 达标数 ÷ 参评数（已完成或正常为达标；未开始的不参评）；差距 = 平均完成率 − 平均序时进度（完成率超过100%按100%计）；按时填报率 = 按时报数 ÷ 应报数。',
    ...(r.ungrouped > 0
      ? [`另有 ${r.ungrouped} 项目标未明确${r.by === 'district' ? '所属区市' : '牵头部门'}，不参与排名。`]
      : []),
    ...(r.demo ? ['标“演示”的行含演示数据（演示分工或演示进度），不是正式数据。'] : []),
  ];
  // The rules span the table and wrap in it, so the printed page carries them whole.
  const tableWidth = ws.columns.reduce((sum, c) => sum + (c.width ?? 10), 0);
  for (const text of rules) {
    const added = ws.addRow([text]);
    ws.mergeCells(added.number, 1, added.number, ws.columns.length);
    added.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    added.height = 15 * Math.ceil((textWidth(text) + 2) / tableWidth);
  }
  preparePrint(ws, {
    title: `${what}排名 · ${RANKING_MEASURE_NAMES[r.measure]}`,
    asOf: r.asOf,
    note: r.demo ? '含演示数据' : undefined,
    headerRow: 1,
    freezeColumns: 1,
  });
  return wb.xlsx.writeBuffer();
}
