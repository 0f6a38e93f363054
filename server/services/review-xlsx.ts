import type ExcelJS from 'exceljs';
import { WARNING_STATUSES } from '../../src/domain/aggregate';
import { exportText } from '../../src/domain/cells';
import { changeDigits, changeOf, roundDerived, roundedPp } from '../../src/domain/figures';
import { shownRate } from '../../src/domain/format';
import { NO_DEPARTMENT } from '../../src/domain/review';
import type { ReviewResponse, ReviewTarget } from '../../src/domain/review-api';
import type { Plan } from '../../src/domain/schemas';
import { STATUSES } from '../../src/domain/schemas';
import {
  type CellKind,
  type CellValue,
  type Column,
  cellKind,
  gapCell,
  gapColumn,
  gapTextCell,
  STATUS_LABELS,
  targetColumns,
  toPp,
} from '../../src/domain/table-export';
import { columnLetter, fitColumns, preparePrint } from './spreadsheet/print';
import { newWorkbook } from './spreadsheet/workbook';

/**
 * The review as an Excel workbook: a summary per sector, every target, the warnings and the overdue
 * list. Numbers are numbers (with number formats, never text), units have their own column, header
 * rows are frozen and filters are on; text is neutralised so no cell can run as a formula. Each sheet
 * prints on A4 landscape, one page wide (issue 25): the columns a meeting reads come first and form the
 * print area; the data columns after them (and the id, last) are for filtering on screen.
 */

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

function numberFormat(kind: CellKind, value: number): string | undefined {
  if (kind === 'percent') return '0.0%';
  if (kind === 'pp') return '+0.0;-0.0;0.0';
  if (kind === 'pp2') return '+0.00;-0.00;0.00';
  if (kind === 'integer') return '0';
  if (kind === 'number') return Number.isInteger(value) ? '#,##0' : '#,##0.00';
  if (kind === 'rate') return rateFormat(value);
  return undefined;
}

/** A run-rate with exactly the decimals `shownRate` left it, as the page: 11.2 → #,##0.0, 0.0275 → #,##0.0000. */
function rateFormat(value: number): string {
  const written = String(value);
  if (written.includes('e')) return 'General';
  const dot = written.indexOf('.');
  return dot === -1 ? '#,##0' : `#,##0.${'0'.repeat(written.length - dot - 1)}`;
}

/** A calendar date as an Excel date: UTC midnight of that day, so no time zone can shift it. */
function excelDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

function setCell(cell: ExcelJS.Cell, kind: CellKind, value: CellValue) {
  if (value === null || value === '') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return;
    cell.value = value;
    const fmt = numberFormat(kind, value);
    if (fmt) cell.numFmt = fmt;
    return;
  }
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    cell.value = excelDate(value);
    cell.numFmt = 'yyyy-mm-dd';
    return;
  }
  cell.value = exportText(value);
}

/** How a sheet of the workbook prints (server/services/spreadsheet/print.ts). */
interface SheetPrint {
  /** The page header's title. */
  title: string;
  asOf: string;
  note?: string | undefined;
  /**
   * The columns on paper, in this order, first on the sheet; the other columns follow them as data
   * for filtering on screen (not printed), the id last. Without it every column but the id prints.
   */
  printed?: readonly string[];
  /** Columns kept in view when scrolling sideways. */
  freezeColumns: number;
  /** Widest a column gets, by key (text wraps beyond it). */
  caps?: Readonly<Record<string, number>>;
}

/** Widest a text column gets by default, in units (a Chinese character is two). */
const TEXT_CAP = 24;
const NARRATIVE_CAP = 30;
/** The title wraps after 20 characters; a department's name (with 演示分工) mostly fits on a line. */
const DEFAULT_CAPS: Readonly<Record<string, number>> = { title: 40, department: 32 };
/** Short words (a state, 是) sit centred, clear of the figures beside them. */
const CENTRED = new Set(['status', 'from', 'to', 'previousStatus', 'demo', 'divisionDemo', 'provisional', 'new']);

/**
 * The columns in the order the sheet has them: the printed ones first, then the rest as they came,
 * the id last; and how many of them print.
 */
function arrange<R>(columns: readonly Column<R>[], printed: readonly string[] | undefined): [Column<R>[], number] {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const first = printed ? printed.flatMap((k) => byKey.get(k) ?? []) : columns.filter((c) => c.key !== 'id');
  const rest = columns.filter((c) => !first.includes(c) && c.key !== 'id');
  const id = columns.filter((c) => c.key === 'id');
  return [[...first, ...rest, ...id], first.length];
}

/**
 * A table on its own sheet: optional title lines above, one bold header row, frozen below the
 * header, filters on the header; printed on A4 landscape with the header on every page.
 */
function addTable<R>(
  wb: ExcelJS.Workbook,
  name: string,
  titleLines: string[],
  given: readonly Column<R>[],
  rows: readonly R[],
  print: SheetPrint,
): { ws: ExcelJS.Worksheet; columns: Column<R>[] } {
  const [columns, printed] = arrange(given, print.printed);
  const ws = wb.addWorksheet(name);
  for (const line of titleLines) {
    const row = ws.addRow([exportText(line)]);
    row.font = { bold: row.number === 1, size: row.number === 1 ? 14 : 11 };
  }
  const headerRow = ws.addRow(columns.map((c) => exportText(c.header)));
  headerRow.font = { bold: true };
  headerRow.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  for (const r of rows) {
    const row = ws.addRow([]);
    columns.forEach((c, i) => {
      setCell(row.getCell(i + 1), cellKind(c, r), c.value(r));
    });
  }
  const caps = new Map<number, number>();
  columns.forEach((c, i) => {
    caps.set(i + 1, print.caps?.[c.key] ?? DEFAULT_CAPS[c.key] ?? TEXT_CAP);
    if (CENTRED.has(c.key)) ws.getColumn(i + 1).alignment = { horizontal: 'center' };
  });
  wrapColumns(ws, columns);
  fitColumns(ws, { headerRow: headerRow.number, caps, printColumns: printed });
  if (printed < columns.length && titleLines.length > 0) {
    // Said on screen beside the title, where the data columns begin: they are not on the printout.
    const note = ws.getRow(1).getCell(printed + 1);
    note.value = `${columnLetter(printed + 1)} 列起为明细数据，供筛选查询，不打印`;
    note.font = { italic: true, color: { argb: 'FF6B7280' } };
  }
  preparePrint(ws, {
    title: print.title,
    asOf: print.asOf,
    note: print.note,
    headerRow: headerRow.number,
    freezeColumns: print.freezeColumns,
    printColumns: printed,
    autoFilter: true,
  });
  return { ws, columns };
}

export interface ReviewWorkbookOptions {
  plans: readonly Plan[];
  /** Department names by registry id (the supporting departments' column). */
  departmentNames?: ReadonlyMap<string, string> | undefined;
  /** The server's clock, for the workbook's metadata. */
  now: Date;
}

/** What the review covers: its plan (or 全部规划) and district. */
const scopeOf = (review: ReviewResponse): string =>
  [review.plan?.title ?? '全部规划', review.district].filter(Boolean).join(' · ');

export function reviewTitleLines(review: ReviewResponse): string[] {
  const scope = scopeOf(review);
  return [
    `周调度会 · ${scope}`,
    `会议日期 ${review.asOf}（上次会议 ${review.previousAsOf}）；只含会议当日结束前已录入的数据${review.containsDemo ? '；含演示数据' : ''}${
      review.targets.some((t) => t.state.latest?.provisional) ? '；含待审核的初报数值（“初报（待审核）”列标“是”）' : ''
    }`,
  ];
}

/** A lead department as the workbook writes it: its name, marked where the division is demo data. */
const leadName = (t: Pick<ReviewTarget, 'department' | 'departmentName' | 'divisionDemo'>): string =>
  t.department === null ? NO_DEPARTMENT : `${t.departmentName ?? t.department}${t.divisionDemo ? '（演示分工）' : ''}`;

/** The narrative the meeting reads beside a lagging target (issue 23), and how wide each column is. */
const NARRATIVE_COLUMNS = [
  { field: 'problems', header: '存在问题', width: 40 },
  { field: 'nextSteps', header: '下步措施', width: 40 },
  { field: 'coordination', header: '需协调事项', width: 36 },
] as const;
const NOT_SAID = '未说明';

/**
 * The narrative columns of a sheet of targets, for the rows of targets lagging at the meeting: what
 * the report the state rests on says, or 未说明 (nothing to coordinate stays empty). Other rows stay empty.
 */
function narrativeColumns<R>(target: (row: R) => ReviewTarget | null): Column<R>[] {
  return NARRATIVE_COLUMNS.map(({ field, header, width }) => ({
    key: field,
    header,
    kind: 'text',
    width,
    value: (r: R) => {
      const t = target(r);
      if (!t || !WARNING_STATUSES.has(t.state.status)) return null;
      const said = t.latestReport?.narrative?.[field] ?? '';
      return said !== '' ? said : field === 'coordination' ? null : NOT_SAID;
    },
  }));
}

/** Long text wraps in its column and starts at the top of its row. */
function wrapColumns<R>(ws: ExcelJS.Worksheet, columns: readonly Column<R>[]): void {
  const keys = new Set<string>(NARRATIVE_COLUMNS.map((c) => c.field));
  columns.forEach((c, i) => {
    if (keys.has(c.key)) ws.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
  });
}

const PROBLEM_LABEL = { severe: STATUS_LABELS.severe, lagging: STATUS_LABELS.lagging, no_data: STATUS_LABELS.no_data };

/**
 * 按牵头部门: one row per lead department with its counts (严重滞后, 滞后, 未填报) and then one row per
 * such target under it, so the meeting can go department by department, the most problems first.
 */
function addDepartmentSheet(
  wb: ExcelJS.Workbook,
  title: string[],
  review: ReviewResponse,
  target: (id: string) => ReviewTarget,
  print: (sheet: string) => Pick<SheetPrint, 'title' | 'asOf' | 'note'>,
): void {
  interface DepartmentRow {
    department: string;
    count: number | null;
    severe: number | null;
    lagging: number | null;
    overdue: number | null;
    total: number | null;
    title: string;
    status: string;
    id: string;
  }
  const rows: DepartmentRow[] = review.byDepartment.flatMap((g) => {
    const name =
      g.department === null
        ? NO_DEPARTMENT
        : `${g.departmentName ?? g.department}${g.divisionDemo ? '（含演示分工）' : ''}`;
    const head: DepartmentRow = {
      department: name,
      count: g.items.length,
      severe: g.severe,
      lagging: g.lagging,
      overdue: g.overdue,
      total: g.total,
      title: '',
      status: '',
      id: '',
    };
    return [
      head,
      ...g.items.map((i) => ({
        department: name,
        count: null,
        severe: null,
        lagging: null,
        overdue: null,
        total: null,
        title: target(i.id).title,
        status: PROBLEM_LABEL[i.status],
        id: i.id,
      })),
    ];
  });
  const int = (key: keyof DepartmentRow & string, header: string, width: number): Column<DepartmentRow> => ({
    key,
    header,
    kind: 'integer',
    width,
    value: (r) => r[key] as number | null,
  });
  const columns: Column<DepartmentRow>[] = [
    { key: 'department', header: '牵头部门', kind: 'text', width: 24, value: (r) => r.department },
    int('count', '问题目标数', 11),
    int('severe', STATUS_LABELS.severe, 10),
    int('lagging', STATUS_LABELS.lagging, 9),
    int('overdue', `${STATUS_LABELS.no_data}（逾期）`, 14),
    int('total', '牵头目标数', 11),
    { key: 'title', header: '目标', kind: 'text', width: 48, value: (r) => r.title },
    { key: 'status', header: '状态', kind: 'text', width: 10, value: (r) => r.status },
    ...narrativeColumns<DepartmentRow>((r) => (r.id === '' ? null : target(r.id))),
    { key: 'id', header: '编号', kind: 'text', width: 22, value: (r) => r.id },
  ];
  const { ws } = addTable(wb, '按牵头部门', title, columns, rows, {
    ...print('按牵头部门'),
    freezeColumns: 1,
    caps: { problems: NARRATIVE_CAP, nextSteps: NARRATIVE_CAP, coordination: NARRATIVE_CAP },
  });
  // The department rows stand out from the target rows under them, where the name (kept for
  // filtering) is greyed.
  const first = ws.rowCount - rows.length + 1;
  rows.forEach((r, i) => {
    if (r.title === '') ws.getRow(first + i).font = { bold: true };
    else ws.getRow(first + i).getCell(1).font = { color: { argb: 'FF9CA3AF' } };
  });
}

export async function reviewWorkbook(review: ReviewResponse, options: ReviewWorkbookOptions): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = '目标进度看板';
  wb.created = options.now;
  wb.modified = options.now;
  const title = reviewTitleLines(review);
  const print = (sheet: string) => ({
    title: `周调度会 · ${scopeOf(review)} · ${sheet}`,
    asOf: review.asOf,
    note: review.containsDemo ? '含演示数据' : undefined,
  });
  const byId = new Map(review.targets.map((t) => [t.id, t]));
  const plans = new Map(options.plans.map((p) => [p.id, p]));
  const target = (id: string) => byId.get(id) as ReviewTarget;
  /** A run-rate as the page writes it (`shownRate`: the digits its 实际/所需 is divided from). */
  const rateCell = (v: number | null | undefined) => (v == null ? null : shownRate(v));
  const text = <R>(key: string, header: string, width: number, value: (r: R) => CellValue): Column<R> => ({
    key,
    header,
    kind: 'text',
    width,
    value,
  });

  type SectorRow = ReviewResponse['sectors'][number];
  const sectorColumns: Column<SectorRow>[] = [
    { key: 'name', header: '领域', kind: 'text', width: 16, value: (s) => s.name },
    { key: 'total', header: '目标数', kind: 'integer', width: 8, value: (s) => s.now.total },
    { key: 'measured', header: '有进度', kind: 'integer', width: 8, value: (s) => s.now.measured },
    { key: 'progress', header: '平均进度', kind: 'percent', width: 10, value: (s) => s.now.progress },
    { key: 'expected', header: '序时进度', kind: 'percent', width: 10, value: (s) => s.now.expected },
    { key: 'previous', header: '上次平均进度', kind: 'percent', width: 12, value: (s) => s.previous.progress },
    { key: 'change', header: '变化（百分点）', kind: 'pp', width: 14, value: (s) => toPp(s.change) },
    ...STATUSES.map(
      (st): Column<SectorRow> => ({
        key: st,
        header: STATUS_LABELS[st],
        kind: 'integer',
        width: 9,
        value: (s) => s.now.counts[st],
      }),
    ),
    {
      key: 'previousWarnings',
      header: '上次滞后+严重滞后',
      kind: 'integer',
      width: 16,
      value: (s) => s.previous.counts.lagging + s.previous.counts.severe,
    },
  ];
  addTable(wb, '汇总', title, sectorColumns, review.sectors, { ...print('汇总'), freezeColumns: 1 });

  const targetCols = targetColumns(
    { plans, departmentNames: options.departmentNames },
    { review: true, pending: review.targets.some((t) => t.state.latest?.provisional) },
  );
  addTable(wb, '全部目标', title, targetCols, review.targets, {
    ...print('全部目标'),
    // What a meeting reads on paper; the plan, district, supporting units, projections, dates and
    // sources stay on the sheet for filtering. Demo and provisional marks print with the figures.
    printed: [
      'title',
      'sector',
      'department',
      'divisionDemo',
      'value',
      'target',
      'unit',
      'progress',
      'expected',
      'gap',
      'status',
      'change',
      'judgedAt',
      'demo',
      'provisional',
    ],
    freezeColumns: 1,
  });

  interface WarningRow {
    kind: string;
    id: string;
    from: string;
    to: string;
    change: number | null;
  }
  const warningRows: WarningRow[] = [
    ...review.newWarnings.map((w) => ({ kind: '新增预警', ...w })),
    ...review.stillSevere.map((w) => ({ kind: '仍严重滞后', ...w })),
    ...review.recoveries.map((w) => ({ kind: '恢复正常', ...w })),
  ].map((w) => {
    const t = target(w.id);
    return {
      kind: w.kind,
      id: w.id,
      from: STATUS_LABELS[w.from],
      to: STATUS_LABELS[w.to],
      change: changeOf(t, t.state, t.previousState),
    };
  });
  for (const m of review.biggestMovers) {
    const t = target(m.id);
    warningRows.push({
      kind: m.change > 0 ? '进度提升最多' : '进度回落最多',
      id: m.id,
      from: STATUS_LABELS[t.previousState.status],
      to: STATUS_LABELS[t.state.status],
      change: m.change,
    });
  }
  // A milestone's nodes, not a 完成率's points: said in the row's kind ("节点推进 1/4→3/4").
  for (const m of review.milestoneSteps) {
    const t = target(m.id);
    warningRows.push({
      kind: `${m.to > m.from ? '节点推进' : '节点回退'} ${m.from}/${m.total}→${m.to}/${m.total}`,
      id: m.id,
      from: STATUS_LABELS[t.previousState.status],
      to: STATUS_LABELS[t.state.status],
      change: null,
    });
  }
  const laggard = new Map(review.laggards.map((l) => [l.id, l]));
  const warningColumns: Column<WarningRow>[] = [
    text('kind', '类别', 14, (r: WarningRow) => r.kind),
    text('title', '目标', 48, (r: WarningRow) => target(r.id).title),
    text(
      'sector',
      '领域',
      12,
      (r: WarningRow) => review.sectors.find((s) => s.id === target(r.id).sectorId)?.name ?? '',
    ),
    text('department', '牵头部门', 16, (r: WarningRow) => leadName(target(r.id))),
    text('from', '上次状态', 10, (r: WarningRow) => r.from),
    text('to', '本次状态', 10, (r: WarningRow) => r.to),
    { key: 'progress', header: '完成率', kind: 'percent', width: 9, value: (r) => target(r.id).state.progress },
    {
      key: 'change',
      header: '较上周变化',
      kind: 'pp',
      width: 10,
      kindOf: (r) => (changeDigits(target(r.id)) === 2 ? 'pp2' : 'pp'),
      value: (r) => roundedPp(r.change, changeDigits(target(r.id))),
    },
    { ...gapColumn, kindOf: (r) => gapColumn.kindOf(target(r.id)), value: (r) => gapCell(target(r.id).state) },
    text('gapText', '差距说明', 24, (r: WarningRow) => gapTextCell(target(r.id))),
    {
      key: 'perWeek',
      header: '每周还需',
      kind: 'rate',
      width: 12,
      value: (r) => rateCell(laggard.get(r.id)?.requiredRate?.perWeek),
    },
    {
      key: 'recent',
      header: '近四周每周',
      kind: 'rate',
      width: 12,
      value: (r) => rateCell(laggard.get(r.id)?.requiredRate?.recentPerWeek),
    },
    text('unit', '单位', 8, (r: WarningRow) => target(r.id).unit),
    {
      key: 'projection',
      header: '预计期末值',
      kind: 'number',
      width: 12,
      value: (r) => roundDerived(target(r.id), target(r.id).state.projection?.value ?? null),
    },
    ...narrativeColumns<WarningRow>((r) => target(r.id)),
    text('id', '编号', 22, (r: WarningRow) => r.id),
  ];
  addTable(wb, '预警', title, warningColumns, warningRows, {
    ...print('预警'),
    printed: [
      'title',
      'kind',
      'department',
      'from',
      'to',
      'progress',
      'change',
      'gap',
      'problems',
      'nextSteps',
      'coordination',
    ],
    freezeColumns: 1,
    caps: { problems: NARRATIVE_CAP, nextSteps: NARRATIVE_CAP, coordination: NARRATIVE_CAP },
  });

  interface OverdueRow {
    department: string;
    id: string;
    lastReportAsOf: string | null;
    daysSinceReport: number | null;
    newlyOverdue: boolean;
  }
  const overdueRows: OverdueRow[] = review.overdue.flatMap((g) =>
    g.items.map((i) => ({ ...i, department: leadName(target(i.id)) })),
  );
  const overdueColumns: Column<OverdueRow>[] = [
    text('department', '牵头部门', 18, (r: OverdueRow) => r.department),
    text('title', '目标', 48, (r: OverdueRow) => target(r.id).title),
    { key: 'last', header: '最新填报日期', kind: 'date', width: 13, value: (r) => r.lastReportAsOf },
    { key: 'days', header: '未报天数', kind: 'integer', width: 10, value: (r) => r.daysSinceReport },
    text('new', '本周新增', 10, (r: OverdueRow) => (r.newlyOverdue ? '是' : '')),
    text('district', '区市', 9, (r: OverdueRow) => target(r.id).district),
    text('id', '编号', 22, (r: OverdueRow) => r.id),
  ];
  addTable(wb, '逾期未报', title, overdueColumns, overdueRows, { ...print('逾期未报'), freezeColumns: 2 });

  addDepartmentSheet(wb, title, review, target, print);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
