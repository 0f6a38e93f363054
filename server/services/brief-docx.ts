import type * as Docx from 'docx';
import type { Kysely } from 'kysely';
import { completionText, gapText, STATUS_LABELS } from '../../src/domain/figures';
import { formatDate, formatNumber, formatPercent, formatQuantity } from '../../src/domain/format';
import { NO_DEPARTMENT } from '../../src/domain/review';
import type { ReviewResponse, ReviewTarget } from '../../src/domain/review-api';
import type { Status } from '../../src/domain/schemas';
import type { SupervisionItem } from '../../src/domain/supervision-api';
import { groupForReview, REVIEW_GROUPS, type ReviewGroup } from '../../src/domain/supervision-review';
import type { Database } from '../db/schema';
import { reviewScope } from './review-service';
import { listSupervision } from './supervision-service';

/**
 * 督查通报: the weekly review as the target office's Word brief, laid out as a Chinese official
 * document (GB/T 9704-2012): A4, margins 37/35/28/26 mm, title in 方正小标宋简体 二号, headings 一、 in
 * 黑体 and （一） in 楷体_GB2312, body 仿宋_GB2312 三号 on a fixed 29 pt line, page numbers “— 1 —” in
 * 宋体 四号 at the outer edge. The figures are the review's, worded as the review page words them.
 */

/**
 * The docx library, loaded with the first brief written (briefDocx) and not at every start: ~3 MB of
 * heap a server holds for nothing until someone downloads a brief. Everything below that makes a
 * document runs after that load.
 */
let D: typeof Docx;

const LABEL: Record<Status, string> = STATUS_LABELS['zh-CN'];
/** The review page's groups, in its words (src/i18n/zh-cn-supervision.ts `group`). */
const GROUP_LABEL: Record<ReviewGroup, string> = {
  overdue: '逾期',
  dueSoon: '本周到期',
  open: '办理中',
  done: '已办结',
};
/** A figure from a report still waiting for review (the review read with includePending=1). */
export const PROVISIONAL = '初报（待审核）';

/** Twips (1/20 pt) of a length in millimetres. */
const mm = (n: number) => Math.round((n / 25.4) * 1440);
/** Half-points, as docx sizes fonts. */
const pt = (n: number) => n * 2;

const FONT = {
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  body: '仿宋_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;
const font = (eastAsia: string) => ({ ascii: FONT.latin, hAnsi: FONT.latin, cs: FONT.latin, eastAsia });

/** 三号 (16 pt) characters on a 29 pt line: 28 characters and 22 lines to a page, as GB/T 9704 sets them. */
const BODY_SIZE = pt(16);
const LINE = 580;
const TEXT_WIDTH = 11906 - mm(28) - mm(26);
const INDENT_2_CHARS = 640;
/** Tables in 五号 (10.5 pt) on a single line: a brief's tables are read, not recited. */
const TABLE_SIZE = pt(10.5);

/** XML 1.0 cannot carry most control characters: a report's text must never make the document unreadable. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 forbids.
const xmlSafe = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

/** Text as runs, its line breaks kept. */
function runs(text: string, options: { bold?: boolean; font?: string } = {}): Docx.TextRun[] {
  return xmlSafe(text)
    .split(/\r\n|\r|\n/)
    .map(
      (line, i) =>
        new D.TextRun({
          text: line,
          ...(i > 0 ? { break: 1 } : {}),
          ...(options.bold ? { bold: true } : {}),
          ...(options.font ? { font: font(options.font) } : {}),
        }),
    );
}

const body = (children: Docx.TextRun[]) => new D.Paragraph({ style: 'BriefBody', children });
const bodyText = (text: string) => body(runs(text));
// keepNext on the paragraph too: LibreOffice leaves a heading alone at the foot of a page with the style's only.
/** `afterTable`: a line of space above it (an empty paragraph there leaves LibreOffice's heading alone at a page foot). */
const heading1 = (text: string, afterTable = false) =>
  new D.Paragraph({
    heading: D.HeadingLevel.HEADING_1,
    keepNext: true,
    keepLines: true,
    ...(afterTable ? { spacing: { before: LINE, line: LINE, lineRule: D.LineRuleType.EXACT } } : {}),
    children: runs(text),
  });
const heading2 = (text: string) =>
  new D.Paragraph({ heading: D.HeadingLevel.HEADING_2, keepNext: true, keepLines: true, children: runs(text) });

/** A column of a brief's table: its header, a fixed width in twips or a share of what is left, its alignment. */
interface Column {
  header: string;
  width?: number;
  fill?: number;
  center?: boolean;
}
/** A cell: its text, or with the rows it spans and bold (逾期); `null`: covered by a cell above spanning it. */
type Cell = string | { text: string; rowSpan?: number; bold?: boolean } | null;

function cell(
  value: Exclude<Cell, null>,
  width: number,
  options: { head?: boolean; center?: boolean } = {},
): Docx.TableCell {
  const c = typeof value === 'string' ? { text: value } : value;
  return new D.TableCell({
    width: { size: width, type: D.WidthType.DXA },
    verticalAlign: D.VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
    children: [
      new D.Paragraph({
        style: 'BriefTable',
        alignment: options.head || options.center ? D.AlignmentType.CENTER : D.AlignmentType.LEFT,
        children: runs(c.text, options.head ? { font: FONT.heading1 } : c.bold ? { bold: true } : {}),
      }),
    ],
  });
}

/** A table across the text width, the header row repeated on every page, no row split across pages. */
function table(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  /** Rows kept on the page of the row after them (the rows of one department). */
  keepWithNext: (row: number) => boolean = () => false,
): Docx.Table {
  const fixed = columns.reduce((n, c) => n + (c.width ?? 0), 0);
  const shares = columns.reduce((n, c) => n + (c.width === undefined ? (c.fill ?? 1) : 0), 0);
  const widths = columns.map(
    (c) => c.width ?? Math.floor(((TEXT_WIDTH - fixed) * (c.fill ?? 1)) / Math.max(shares, 1)),
  );
  return new D.Table({
    width: { size: TEXT_WIDTH, type: D.WidthType.DXA },
    columnWidths: widths,
    layout: D.TableLayoutType.FIXED,
    alignment: D.AlignmentType.CENTER,
    rows: [
      new D.TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) => cell(c.header, widths[i] ?? 0, { head: true })),
      }),
      ...rows.map(
        (r, n) =>
          new D.TableRow({
            cantSplit: true,
            ...(keepWithNext(n) ? { keepNext: true } : {}),
            children: r.flatMap((v, i) =>
              v === null ? [] : [cell(v, widths[i] ?? 0, { center: columns[i]?.center === true })],
            ),
          }),
      ),
    ],
  });
}

/** A blank line on the body's line (below the date line). */
const gap = () => new D.Paragraph({ style: 'BriefBody', children: [] });

/** The lead department as the brief names it: its name, marked where the division of tasks is demo data. */
export const leadName = (t: Pick<ReviewTarget, 'department' | 'departmentName' | 'divisionDemo'>): string =>
  t.department === null ? NO_DEPARTMENT : `${t.departmentName ?? t.department}${t.divisionDemo ? '（演示分工）' : ''}`;

/** The lead department inside brackets already open: “牵头单位：市商务局，演示分工”. */
export const leadInline = (t: Pick<ReviewTarget, 'department' | 'departmentName' | 'divisionDemo'>): string =>
  t.department === null ? NO_DEPARTMENT : `${t.departmentName ?? t.department}${t.divisionDemo ? '，演示分工' : ''}`;

/** How many of the review's targets have each status at the meeting (the sectors' counts added up). */
export function statusCounts(review: Pick<ReviewResponse, 'targets'>): Record<Status, number> {
  const counts: Record<Status, number> = {
    achieved: 0,
    on_track: 0,
    lagging: 0,
    severe: 0,
    no_data: 0,
    not_started: 0,
    missed: 0,
  };
  for (const t of review.targets) counts[t.state.status] += 1;
  return counts;
}

/** “纳入调度的目标共 120 项，其中已完成 3 项、正常 80 项…”: every status that has any, in the page's words. */
export function countsSentence(review: Pick<ReviewResponse, 'targets'>): string {
  const counts = statusCounts(review);
  const order: Status[] = ['achieved', 'on_track', 'lagging', 'severe', 'missed', 'no_data', 'not_started'];
  // 正常, 滞后, 严重滞后 and 未填报 are always said, even at 0: the meeting asks about them.
  const always = new Set<Status>(['on_track', 'lagging', 'severe', 'no_data']);
  const parts = order.filter((s) => always.has(s) || counts[s] > 0).map((s) => `${LABEL[s]}${counts[s]}项`);
  return `纳入调度的目标共${review.targets.length}项，其中${parts.join('、')}`;
}

/** The date line's words: 截至2025年12月28日. */
export const asOfWords = (review: Pick<ReviewResponse, 'asOf'>) => `截至${formatDate(review.asOf)}`;

/**
 * 完成率 with what it divides, so a reader can check it (DESIGN): “62.5%（25/40万人）”, and marked
 * 初报（待审核） when the figure is a report still waiting for review.
 */
export function completionWithFigures(t: ReviewTarget): string {
  const s = t.state;
  const value = s.latest?.value;
  const shown =
    t.kind !== 'milestone' && value !== null && value !== undefined && t.target !== null
      ? `${completionText(t, s)}（${formatNumber(value)}/${formatQuantity(t.target, t.unit)}）`
      : completionText(t, s);
  return s.latest?.provisional ? `${shown}，${PROVISIONAL}` : shown;
}

/** Whether a review carries 初报 figures (read with includePending=1). */
export const hasProvisional = (review: Pick<ReviewResponse, 'targets'>) =>
  review.targets.some((t) => t.state.latest?.provisional === true);

/** A lagging target's figures as the review page words them: 完成率 (with value/target), 应完成率, the gap. */
export function figuresText(t: ReviewTarget): string {
  const s = t.state;
  const parts = t.kind === 'milestone' ? [`进度${completionWithFigures(t)}`] : [`完成率${completionWithFigures(t)}`];
  if (t.kind !== 'milestone' && s.expected !== null && s.status !== 'missed')
    parts.push(`应完成率（序时进度）${formatPercent(s.expected)}`);
  const g = gapText(t, s);
  if (g !== '—') parts.push(g);
  return parts.join('，');
}

const NOT_SAID = '未说明';

function laggardParagraphs(n: number, t: ReviewTarget): Docx.Paragraph[] {
  const said = t.latestReport?.narrative;
  const reported = t.latestReport
    ? `（${formatDate(t.latestReport.asOf)}填报${t.latestReport.demo ? '，演示数据' : ''}）`
    : '';
  const out = [
    body([
      ...runs(`${n}．${t.title}`, { bold: true }),
      ...runs(`（牵头单位：${leadInline(t)}）。${figuresText(t)}${reported}。`),
    ]),
  ];
  if (!said?.problems && !said?.nextSteps) out.push(bodyText('未报送存在问题和下步措施。'));
  else
    out.push(
      body([...runs('存在问题：', { bold: true }), ...runs(said.problems || NOT_SAID)]),
      body([...runs('下步措施：', { bold: true }), ...runs(said.nextSteps || NOT_SAID)]),
    );
  if (said?.coordination) out.push(body([...runs('需协调事项：', { bold: true }), ...runs(said.coordination)]));
  return out;
}

const CN_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export interface BriefInput {
  review: ReviewResponse;
  /** The 督办事项 of the review's scope, judged on the meeting date. */
  supervision: readonly SupervisionItem[];
}

/** The brief's title line: 督查通报, and what it covers. */
export const briefTitle = (review: Pick<ReviewResponse, 'plan' | 'district'>) =>
  `督查通报（${reviewScope(review, ' · ')}）`;

function overview(review: ReviewResponse, afterTable: boolean): (Docx.Paragraph | Docx.Table)[] {
  const out: (Docx.Paragraph | Docx.Table)[] = [heading1('一、总体情况', afterTable)];
  out.push(
    bodyText(
      `${asOfWords(review)}，${countsSentence(review)}。与上次调度（${formatDate(review.previousAsOf)}）相比，新增预警${review.newWarnings.length}项、恢复正常${review.recoveries.length}项，仍严重滞后${review.stillSevere.length}项。`,
    ),
  );
  const sectors = review.sectors.filter((s) => s.now.total > 0);
  // 滞后 and 严重滞后, as the table below and the review page count them.
  const behindOf = (s: (typeof sectors)[number]) => s.now.counts.lagging + s.now.counts.severe;
  const behind = sectors.filter((s) => behindOf(s) > 0).sort((a, b) => behindOf(b) - behindOf(a));
  if (behind.length > 0) {
    out.push(
      bodyText(
        `从各领域看，滞后目标主要集中在${behind
          .slice(0, 5)
          .map((s) => `${s.name}（${behindOf(s)}项）`)
          .join('、')}。`,
      ),
    );
  }
  if (sectors.length > 0) {
    out.push(
      table(
        [
          { header: '领域', fill: 1 },
          { header: '目标数', width: 1100, center: true },
          { header: '完成率', width: 1300, center: true },
          { header: '应完成率', width: 1300, center: true },
          { header: '滞后', width: 1000, center: true },
          { header: '严重滞后', width: 1200, center: true },
        ],
        sectors.map((s) => [
          s.name,
          String(s.now.total),
          formatPercent(s.now.progress),
          formatPercent(s.now.expected),
          String(s.now.counts.lagging),
          String(s.now.counts.severe),
        ]),
      ),
    );
  }
  return out;
}

function laggards(review: ReviewResponse, afterTable: boolean): (Docx.Paragraph | Docx.Table)[] {
  const out: (Docx.Paragraph | Docx.Table)[] = [heading1('二、滞后目标', afterTable)];
  const byId = new Map(review.targets.map((t) => [t.id, t]));
  const of = (status: Status) =>
    review.laggards.filter((l) => l.status === status).flatMap((l) => byId.get(l.id) ?? []);
  const groups = [
    { status: 'severe' as const, items: of('severe') },
    { status: 'lagging' as const, items: of('lagging') },
    { status: 'missed' as const, items: of('missed') },
  ].filter((g) => g.items.length > 0);
  if (groups.length === 0) {
    out.push(bodyText('本期无滞后、严重滞后目标。'));
    return out;
  }
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  out.push(
    bodyText(
      `共${total}项目标落后于序时进度${groups.some((g) => g.status === 'missed') ? '或到期未完成' : ''}，其中${groups
        .map((g) => `${LABEL[g.status]}${g.items.length}项`)
        .join('、')}。${groups.some((g) => g.status !== 'missed') ? '各牵头单位报送的存在问题和下步措施如下。' : ''}`,
    ),
  );
  groups.forEach((g, i) => {
    out.push(heading2(`（${CN_ORDINALS[i]}）${LABEL[g.status]}目标（${g.items.length}项）`));
    if (g.status === 'missed') {
      // After the deadline there is nothing left to pace: one line each, in a table.
      out.push(
        table(
          [
            { header: '序号', width: 700, center: true },
            { header: '目标', fill: 2 },
            { header: '牵头单位', fill: 1 },
            { header: '完成率', width: 1100, center: true },
            { header: '差距', width: 1700 },
          ],
          g.items.map((t, j) => [String(j + 1), t.title, leadName(t), completionWithFigures(t), gapText(t, t.state)]),
        ),
      );
      return;
    }
    g.items.forEach((t, j) => {
      out.push(...laggardParagraphs(j + 1, t));
    });
  });
  return out;
}

function supervision(
  review: ReviewResponse,
  items: readonly SupervisionItem[],
  afterTable: boolean,
): (Docx.Paragraph | Docx.Table)[] {
  const out: (Docx.Paragraph | Docx.Table)[] = [heading1('三、督办事项', afterTable)];
  // The review page's section: the same items in the same groups (src/domain/supervision-review.ts).
  const groups = groupForReview(items, {
    asOf: review.asOf,
    previousAsOf: review.previousAsOf,
    plan: review.plan?.id,
  });
  const rows = REVIEW_GROUPS.flatMap((g) => groups[g].map((item) => ({ item, group: g })));
  if (rows.length === 0) {
    out.push(bodyText('本期无督办事项。'));
    return out;
  }
  out.push(
    bodyText(
      `${asOfWords(review)}，督办事项共${rows.length}项，其中${REVIEW_GROUPS.map(
        (g) => `${GROUP_LABEL[g]}${groups[g].length}项`,
      ).join('、')}（已办结为上次调度（${formatDate(review.previousAsOf)}）以来办结的事项）。`,
    ),
  );
  out.push(
    table(
      [
        { header: '序号', width: 700, center: true },
        { header: '督办事项', fill: 3 },
        { header: '牵头单位', width: 1500 },
        { header: '办理时限', width: 1850, center: true },
        { header: '状态', width: 850, center: true },
        { header: '办理情况', fill: 2 },
      ],
      rows.map(({ item, group }, i) => [
        String(i + 1),
        item.targetTitle ? `${item.title}（${item.targetTitle}）` : item.title,
        item.leadDepartmentName,
        formatDate(item.dueDate),
        { text: GROUP_LABEL[group], bold: group === 'overdue' },
        item.status === 'done' ? `办结说明：${item.note || NOT_SAID}` : item.progress || '—',
      ]),
    ),
  );
  return out;
}

function overdueReports(review: ReviewResponse, afterTable: boolean): (Docx.Paragraph | Docx.Table)[] {
  const out: (Docx.Paragraph | Docx.Table)[] = [heading1('四、逾期未报', afterTable)];
  const groups = review.overdue;
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  if (total === 0) {
    out.push(bodyText('本期各牵头单位均在填报周期内报送了进展。'));
    return out;
  }
  const named = groups.filter((g) => g.department !== null).length;
  out.push(
    bodyText(
      `${total}项目标超过填报周期未报送进展，涉及${named}个牵头单位${groups.length > named ? '（另有未明确牵头部门的目标）' : ''}。请相关单位尽快报送。`,
    ),
  );
  const byId = new Map(review.targets.map((t) => [t.id, t]));
  // A department's rows stay on one page (a long list runs on to the next, its header repeated).
  const lastOfGroup = new Set<number>();
  let row = -1;
  for (const g of groups) {
    row += g.items.length;
    lastOfGroup.add(row);
  }
  out.push(
    table(
      [
        { header: '牵头单位', width: 1800 },
        { header: '项数', width: 600, center: true },
        { header: '逾期未报的目标', fill: 1 },
        { header: '最近填报', width: 1850, center: true },
        { header: '未报天数', width: 1000, center: true },
      ],
      groups.flatMap((g) =>
        g.items.map((i, j): Cell[] => {
          const lead =
            g.department === null
              ? NO_DEPARTMENT
              : `${g.departmentName ?? g.department}${g.divisionDemo ? '（演示分工）' : ''}`;
          return [
            j === 0 ? { text: lead, rowSpan: g.items.length } : null,
            j === 0 ? { text: String(g.items.length), rowSpan: g.items.length } : null,
            byId.get(i.id)?.title ?? i.id,
            i.lastReportAsOf === null ? '从未填报' : formatDate(i.lastReportAsOf),
            i.daysSinceReport === null ? '—' : `${i.daysSinceReport}天`,
          ];
        }),
      ),
      (n) => lastOfGroup.has(n) === false,
    ),
  );
  return out;
}

/** The four parts, each heading spaced from a table that ends the part before it. */
function sections(review: ReviewResponse, items: readonly SupervisionItem[]): (Docx.Paragraph | Docx.Table)[] {
  const out: (Docx.Paragraph | Docx.Table)[] = [];
  const afterTable = () => out[out.length - 1] instanceof D.Table;
  out.push(...overview(review, afterTable()));
  out.push(...laggards(review, afterTable()));
  out.push(...supervision(review, items, afterTable()));
  out.push(...overdueReports(review, afterTable()));
  return out;
}

/** The brief as a .docx file. */
export async function briefDocx({ review, supervision: items }: BriefInput): Promise<Buffer> {
  D ??= await import('docx');
  const title = briefTitle(review);
  const pageNumber = (alignment: (typeof Docx.AlignmentType)[keyof typeof Docx.AlignmentType]) =>
    new D.Footer({
      children: [
        new D.Paragraph({
          alignment,
          indent: alignment === D.AlignmentType.RIGHT ? { right: 280 } : { left: 280 },
          children: [
            new D.TextRun({ text: '— ', font: font(FONT.pageNumber), size: pt(14) }),
            new D.TextRun({ children: [D.PageNumber.CURRENT], font: font(FONT.pageNumber), size: pt(14) }),
            new D.TextRun({ text: ' —', font: font(FONT.pageNumber), size: pt(14) }),
          ],
        }),
      ],
    });
  const demoHeader = () =>
    new D.Header({
      children: [
        new D.Paragraph({
          alignment: D.AlignmentType.RIGHT,
          children: [new D.TextRun({ text: '含演示数据 · 非正式统计', font: font(FONT.heading1), size: pt(10.5) })],
        }),
      ],
    });
  const doc = new D.Document({
    title,
    creator: '目标进度看板',
    description: `${asOfWords(review)}的督查通报`,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(FONT.body), size: BODY_SIZE },
          paragraph: { spacing: { line: LINE, lineRule: D.LineRuleType.EXACT, before: 0, after: 0 } },
        },
        title: {
          run: { font: font(FONT.title), size: pt(22), bold: false, color: '000000' },
          paragraph: { alignment: D.AlignmentType.CENTER, spacing: { line: 700, lineRule: D.LineRuleType.EXACT } },
        },
        heading1: {
          run: { font: font(FONT.heading1), size: BODY_SIZE, bold: false, color: '000000' },
          paragraph: {
            indent: { firstLine: INDENT_2_CHARS },
            spacing: { line: LINE, lineRule: D.LineRuleType.EXACT, before: 0, after: 0 },
            keepNext: true,
            outlineLevel: 0,
          },
        },
        heading2: {
          run: { font: font(FONT.heading2), size: BODY_SIZE, bold: false, color: '000000' },
          paragraph: {
            indent: { firstLine: INDENT_2_CHARS },
            spacing: { line: LINE, lineRule: D.LineRuleType.EXACT, before: 0, after: 0 },
            keepNext: true,
            outlineLevel: 1,
          },
        },
      },
      paragraphStyles: [
        {
          id: 'BriefBody',
          name: '通报正文',
          basedOn: 'Normal',
          quickFormat: true,
          run: { font: font(FONT.body), size: BODY_SIZE },
          paragraph: {
            // Left, not justified: LibreOffice and WPS stretch a line of CJK text around a long number.
            alignment: D.AlignmentType.LEFT,
            indent: { firstLine: INDENT_2_CHARS },
            spacing: { line: LINE, lineRule: D.LineRuleType.EXACT },
          },
        },
        {
          id: 'BriefDate',
          name: '通报日期',
          basedOn: 'Normal',
          run: { font: font(FONT.heading2), size: BODY_SIZE },
          paragraph: { alignment: D.AlignmentType.CENTER, spacing: { line: LINE, lineRule: D.LineRuleType.EXACT } },
        },
        {
          id: 'BriefTable',
          name: '通报表格',
          basedOn: 'Normal',
          run: { font: font(FONT.body), size: TABLE_SIZE },
          paragraph: { spacing: { line: 300, lineRule: D.LineRuleType.AT_LEAST, before: 0, after: 0 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: {
              top: mm(37),
              bottom: mm(35),
              left: mm(28),
              right: mm(26),
              header: mm(15),
              footer: mm(23),
            },
          },
        },
        headers: review.containsDemo ? { default: demoHeader(), even: demoHeader() } : {},
        footers: { default: pageNumber(D.AlignmentType.RIGHT), even: pageNumber(D.AlignmentType.LEFT) },
        children: [
          new D.Paragraph({ heading: D.HeadingLevel.TITLE, children: runs('督查通报') }),
          new D.Paragraph({ style: 'BriefDate', children: runs(`（${reviewScope(review, ' · ')}）`) }),
          new D.Paragraph({
            style: 'BriefDate',
            children: runs(
              `${asOfWords(review)}${review.containsDemo ? '（含演示数据，非正式统计）' : ''}${
                hasProvisional(review) ? `（含待审核的初报数值，逐项标注“${PROVISIONAL}”）` : ''
              }`,
            ),
          }),
          gap(),
          ...sections(review, items),
        ],
      },
    ],
  });
  return D.Packer.toBuffer(doc);
}

/**
 * The 督办事项 a brief of this review lists, exactly the review page's section: decided by the meeting
 * date and judged on it, of its plan (and those on no target), still open or closed since the previous
 * meeting; in the page's groups' order.
 */
export async function briefSupervision(db: Kysely<Database>, review: ReviewResponse): Promise<SupervisionItem[]> {
  const list = await listSupervision(db, { asOf: review.asOf }, review.asOf);
  const groups = groupForReview(list.items, {
    asOf: review.asOf,
    previousAsOf: review.previousAsOf,
    plan: review.plan?.id,
  });
  return REVIEW_GROUPS.flatMap((g) => groups[g]);
}

export interface Brief {
  title: string;
  content: Buffer;
  /** 督查通报-<scope>-<asOf>.docx, and the ASCII name old clients fall back to. */
  filename: string;
  asciiFilename: string;
  supervision: SupervisionItem[];
}

/** The brief of a review, with the 督办事项 read from the database. */
export async function reviewBrief(db: Kysely<Database>, review: ReviewResponse): Promise<Brief> {
  const supervisionItems = await briefSupervision(db, review);
  const content = await briefDocx({ review, supervision: supervisionItems });
  return {
    title: `督查通报（${asOfWords(review)}）`,
    content,
    filename: `督查通报-${reviewScope(review)}-${review.asOf}.docx`,
    asciiFilename: `brief-${review.asOf}.docx`,
    supervision: supervisionItems,
  };
}
