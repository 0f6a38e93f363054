import type { TargetWithStateDto } from './api';
import { csvField } from './cells';
import { reportPeriodText } from './figure-period';
import {
  changeDigits,
  changeOf,
  derivedCompletion,
  STATUS_LABELS as FIGURE_STATUS_LABELS,
  gapDigits,
  gapText,
  roundDerived,
  roundedPp,
  shownGap,
  verdictText,
} from './figures';
import { shownRate } from './format';
import type { LatestReport } from './review-api';
import type { Plan, Status, TargetState } from './schemas';
import { SECTORS } from './sectors';

/**
 * The target table as files: one column model for the CSV download and the Excel workbook, so both
 * carry the same columns with the same meaning. Values stay numbers in the target's unit (the unit
 * has its own column); fractions stay fractions until a writer formats them.
 */
/**
 * `pp`: 个百分点 with one decimal (a gap of 完成率); `pp2`: with two (a growth rate's or share's own gap);
 * `rate`: a run-rate, rounded by `shownRate` and written with exactly its digits (11.2, 0.0275).
 */
export type CellKind = 'text' | 'number' | 'percent' | 'pp' | 'pp2' | 'date' | 'integer' | 'rate';
export type CellValue = string | number | null;

export interface Column<R> {
  key: string;
  header: string;
  kind: CellKind;
  /** Excel column width, in characters. */
  width: number;
  value: (row: R) => CellValue;
  /** The kind of one row's cell, where it differs by row (a rate's gap has two decimals). */
  kindOf?: (row: R) => CellKind;
}

/** The kind of the cell of `row` in column `c`. */
export const cellKind = <R>(c: Column<R>, row: R): CellKind => c.kindOf?.(row) ?? c.kind;

export const STATUS_LABELS: Record<Status, string> = FIGURE_STATUS_LABELS['zh-CN'];

const KIND_LABELS = { cumulative: '累计', level: '期末水平', growth: '增长率', share: '占比', milestone: '里程碑' };

export interface TableTarget extends TargetWithStateDto {
  previousState?: TargetState | undefined;
  latestReport?: LatestReport | null | undefined;
}

export interface TableContext {
  plans: ReadonlyMap<string, Plan>;
  /** Department names by registry id, for the 配合单位 column (without it, the ids are written). */
  departmentNames?: ReadonlyMap<string, string> | undefined;
}

const sectorName = (id: string) => SECTORS.find((s) => s.id === id)?.name ?? id;

/** Percentage points from a fraction, rounded to 0.1 the way the UI shows them. */
export const toPp = (fraction: number | null): number | null =>
  fraction === null || !Number.isFinite(fraction) ? null : Math.round(fraction * 1000) / 10;

/** The gap column of every table export: 个百分点 with the digits of its basis. */
export const gapColumn = {
  key: 'gap',
  header: '差距（个百分点）',
  kind: 'pp',
  width: 10,
  kindOf: (row: { state: Pick<TargetState, 'gapBasis'> }) => (row.state.gapBasis === 'rate' ? 'pp2' : 'pp'),
} as const satisfies Omit<Column<{ state: Pick<TargetState, 'gapBasis'> }>, 'value'>;

/** A gap as an export writes it: 个百分点 rounded as the screen rounds it; null for milestones. */
export const gapCell = (s: Pick<TargetState, 'gap' | 'gapBasis' | 'progress' | 'expected'>): number | null =>
  s.gapBasis === null ? null : roundedPp(shownGap(s), gapDigits(s.gapBasis));

/** The gap in words, as the target page says it ("低于目标 4.26个百分点", "逾期 179 天"). */
export const gapTextCell = (t: TargetWithStateDto): string => {
  const text = gapText(t, t.state);
  return text === '—' ? '' : text;
};

const current = (t: TableTarget): number | null =>
  t.kind === 'milestone' ? (t.state.latest ? (t.state.latest.stagesDone ?? 0) : null) : (t.state.latest?.value ?? null);

/** Where the figure comes from: a published document, the demo generator, or the reporting department. */
export function reportSourceLabel(r: LatestReport | null | undefined): string {
  if (!r) return '';
  if (r.source) return `${r.source.quote}（${r.source.document}）`;
  if (r.demo) return '演示数据（系统生成）';
  return `${r.reportedBy}填报`;
}

export function targetColumns(
  ctx: TableContext,
  /** `pending`: the export was asked with 含待审核 (includePending=1): a column marks the 初报 figures. */
  options: { review: boolean; pending?: boolean | undefined },
): Column<TableTarget>[] {
  const cols: (Column<TableTarget> | false)[] = [
    { key: 'id', header: '编号', kind: 'text', width: 22, value: (t) => t.id },
    { key: 'sector', header: '领域', kind: 'text', width: 12, value: (t) => sectorName(t.sectorId) },
    { key: 'plan', header: '规划', kind: 'text', width: 22, value: (t) => ctx.plans.get(t.planId)?.title ?? t.planId },
    { key: 'title', header: '目标', kind: 'text', width: 48, value: (t) => t.title },
    { key: 'district', header: '区市', kind: 'text', width: 9, value: (t) => t.district },
    {
      key: 'department',
      header: '牵头部门',
      kind: 'text',
      width: 16,
      value: (t) => t.departmentName ?? t.department ?? '',
    },
    {
      key: 'supporting',
      header: '配合单位',
      kind: 'text',
      width: 24,
      value: (t) => t.supportingDepartments.map((id) => ctx.departmentNames?.get(id) ?? id).join('、'),
    },
    // The division of tasks is demo data where marked: said beside the departments, as on screen.
    {
      key: 'divisionDemo',
      header: '演示分工',
      kind: 'text',
      width: 9,
      value: (t) => (t.divisionDemo && (t.department !== null || t.supportingDepartments.length > 0) ? '是' : ''),
    },
    { key: 'kind', header: '指标类型', kind: 'text', width: 9, value: (t) => KIND_LABELS[t.kind] },
    { key: 'value', header: '当前值', kind: 'number', width: 12, value: current },
    {
      key: 'target',
      header: '目标值',
      kind: 'number',
      width: 12,
      value: (t) => (t.kind === 'milestone' ? t.stages.length : t.target),
    },
    { key: 'unit', header: '单位', kind: 'text', width: 8, value: (t) => (t.kind === 'milestone' ? '个节点' : t.unit) },
    { key: 'progress', header: '完成率', kind: 'percent', width: 9, value: (t) => t.state.progress },
    {
      key: 'expected',
      header: '应完成率（序时进度）',
      kind: 'percent',
      width: 11,
      value: (t) => (t.kind === 'milestone' ? null : t.state.expected),
    },
    { ...gapColumn, value: (t) => gapCell(t.state) },
    { key: 'gapText', header: '差距说明', kind: 'text', width: 24, value: (t) => gapTextCell(t) },
    { key: 'status', header: '状态', kind: 'text', width: 14, value: (t) => verdictText(t.state) },
    {
      key: 'judgedAt',
      header: '数据截至',
      kind: 'date',
      width: 12,
      value: (t) => (t.state.latest ? t.state.judgedAt : null),
    },
    options.review && {
      key: 'previousStatus',
      header: '上次状态',
      kind: 'text',
      width: 9,
      value: (t) => (t.previousState ? STATUS_LABELS[t.previousState.status] : ''),
    },
    options.review && {
      key: 'change',
      header: '较上周变化',
      kind: 'pp',
      width: 10,
      kindOf: (t) => (changeDigits(t) === 2 ? 'pp2' : 'pp'),
      value: (t) => roundedPp(changeOf(t, t.state, t.previousState), changeDigits(t)),
    },
    {
      key: 'projection',
      header: '预计期末值',
      kind: 'number',
      width: 12,
      value: (t) => roundDerived(t, t.state.projection?.value ?? null),
    },
    {
      key: 'projectionProgress',
      header: '预计完成率',
      kind: 'percent',
      width: 10,
      value: (t) => derivedCompletion(t, t.state.projection?.value ?? null),
    },
    { key: 'deadline', header: '截止日期', kind: 'date', width: 12, value: (t) => t.deadline },
    { key: 'latestAsOf', header: '最新填报日期', kind: 'date', width: 13, value: (t) => t.state.latest?.asOf ?? null },
    // The period the latest figure describes, as its source gives it (1—11月, 2025年6月; a day's report: its date).
    options.review && {
      key: 'latestPeriod',
      header: '最新数据所属期间',
      kind: 'text',
      width: 16,
      value: (t) => (t.latestReport ? reportPeriodText(t.latestReport) : ''),
    },
    options.review && {
      key: 'latestSource',
      header: '填报来源',
      kind: 'text',
      width: 30,
      value: (t) => reportSourceLabel(t.latestReport),
    },
    {
      key: 'demo',
      header: '演示数据',
      kind: 'text',
      width: 9,
      value: (t) => (t.demo || t.state.latest?.demo ? '是' : ''),
    },
    options.pending === true && {
      // Only an export with 含待审核 (includePending=1) has such figures: marked as on screen.
      key: 'provisional',
      header: '初报（待审核）',
      kind: 'text',
      width: 10,
      value: (t) => (t.state.latest?.provisional ? '是' : ''),
    },
  ];
  return cols.filter((c): c is Column<TableTarget> => c !== false);
}

/** The header a column gets in a plain-text file, where the format cannot say "%" or "pp". */
export function plainHeader(c: { header: string; kind: CellKind }): string {
  if (c.kind === 'percent') return `${c.header}（%）`;
  if ((c.kind === 'pp' || c.kind === 'pp2') && !c.header.includes('百分点')) return `${c.header}（个百分点）`;
  return c.header;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

function csvCell(kind: CellKind, value: CellValue): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const n =
      kind === 'percent'
        ? round(value * 100, 1)
        : kind === 'pp'
          ? round(value, 1)
          : kind === 'pp2'
            ? round(value, 2)
            : kind === 'rate'
              ? shownRate(value)
              : round(value, 4);
    return String(Object.is(n, -0) ? 0 : n);
  }
  return csvField(value);
}

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark (Excel reads UTF-8 without it as GBK on Chinese Windows)
 * and CRLF line ends. Text that a spreadsheet would run as a formula is neutralised.
 */
export function toCsv<R>(columns: readonly Column<R>[], rows: readonly R[]): string {
  const lines = [columns.map((c) => csvCell('text', plainHeader(c))).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(cellKind(c, r), c.value(r))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** RFC 6266/5987 Content-Disposition: an ASCII fallback name and the real (Chinese) one. */
export function attachmentHeader(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
