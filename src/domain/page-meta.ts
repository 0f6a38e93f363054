import { emptyCounts, type StatusCounts } from './aggregate';
import { completionText, formatCount, gapText, STATUS_LABELS, verdictText } from './figures';
import { formatDate, formatPercent, formatShortDate, type Locale } from './format';
import type { Status, Target, TargetState } from './schemas';

/**
 * What a page is called: its browser tab (document.title, set by the pages through
 * src/ui/use-document-title.ts) and its link preview (<title>, description and Open Graph tags the
 * server writes into the HTML, server/http/page-meta.ts, for chats that read a link without running
 * its JavaScript). One wording for both, built from the figures the page itself shows, formatted by
 * the same functions: "民生 · 滞后 4 项 · 严重滞后 6 项 · 截至 12月26日".
 *
 * The titles are what the browser loads with every page (kept small); the descriptions are read by
 * the server only.
 */
export interface PageMeta {
  title: string;
  description: string;
}

/** The kinds of page, each with a title of its own when its data is not shown (or not known). */
export type PageKind =
  | 'overview'
  | 'sector'
  | 'target'
  | 'projects'
  | 'project'
  | 'review'
  | 'rankings'
  | 'department'
  | 'screen'
  | 'report'
  | 'reportImport'
  | 'admin'
  | 'reviewQueue'
  | 'signIn'
  | 'notFound';

/** The words of the titles with figures (what the browser loads with every page). */
const TITLE_WORDS = {
  'zh-CN': {
    overview: '总览',
    review: '周调度会',
    targets: (n: string) => `${n} 项目标`,
    count: (label: string, n: string) => `${label} ${n} 项`,
    asOf: (date: string) => `截至 ${date}`,
    meeting: (date: string) => `会议日期 ${date}`,
    newWarnings: (n: string) => `新增预警 ${n} 项`,
    overdue: (n: string) => `逾期未报 ${n} 项`,
    demo: '演示',
  },
  en: {
    overview: 'Overview',
    review: 'Weekly review meeting',
    targets: (n: string) => `${n} targets`,
    count: (label: string, n: string) => `${label} ${n}`,
    asOf: (date: string) => `as of ${date}`,
    meeting: (date: string) => `meeting ${date}`,
    newWarnings: (n: string) => `new warnings ${n}`,
    overdue: (n: string) => `overdue reports ${n}`,
    demo: 'demo',
  },
} satisfies Record<Locale, unknown>;

/** The pages' own headings (the same words as src/i18n: page-meta.test.ts holds them together). */
export const PAGE_NAMES: Record<Locale, Record<PageKind, string>> = {
  'zh-CN': {
    overview: TITLE_WORDS['zh-CN'].overview,
    sector: '领域',
    target: '目标',
    projects: '重点项目',
    project: '重点项目',
    review: TITLE_WORDS['zh-CN'].review,
    rankings: '排名',
    department: '部门',
    screen: '大屏展示',
    report: '进度填报',
    reportImport: '批量导入填报',
    admin: '系统管理',
    reviewQueue: '审核',
    signIn: '登录',
    notFound: '页面不存在',
  },
  en: {
    overview: TITLE_WORDS.en.overview,
    sector: 'Sector',
    target: 'Target',
    projects: 'Key projects',
    project: 'Key projects',
    review: TITLE_WORDS.en.review,
    rankings: 'Rankings',
    department: 'Department',
    screen: 'Big screen',
    report: 'Progress reporting',
    reportImport: 'Bulk import of reports',
    admin: 'Administration',
    reviewQueue: 'Approvals',
    signIn: 'Sign in',
    notFound: 'Page not found',
  },
};

export const APP_NAME: Record<Locale, string> = { 'zh-CN': '目标进度看板', en: 'Target Board' };

const SEP = ' · ';
const join = (parts: ReadonlyArray<string | null | false | undefined>) => parts.filter(Boolean).join(SEP);

/** "<title> · 目标进度看板": a page's title in a browser tab, a bookmark, a chat's preview. */
export const withAppName = (title: string | undefined, locale: Locale): string =>
  title ? `${title}${SEP}${APP_NAME[locale]}` : APP_NAME[locale];

/** The page's name alone: what a page without its data (loading, signed out, unknown id) is called. */
export const pageName = (kind: PageKind, locale: Locale): string => PAGE_NAMES[locale][kind];

/**
 * Which counts a headline says, as the overview's count line does (src/features/overview/
 * status-count-line.tsx): 滞后 and 严重滞后 even at zero, the news a meeting wants; past every
 * deadline in view, the year's 完成 and 未完成 instead.
 */
function headlineStatuses(counts: StatusCounts): Status[] {
  const yearEnd =
    counts.achieved + counts.missed > 0 && counts.on_track + counts.lagging + counts.severe + counts.not_started === 0;
  return yearEnd ? ['achieved', 'missed'] : ['lagging', 'severe'];
}

function countsTitle(counts: StatusCounts, locale: Locale): string[] {
  const w = TITLE_WORDS[locale];
  return headlineStatuses(counts).map((s) => w.count(STATUS_LABELS[locale][s], formatCount(counts[s], locale)));
}

const asOfPart = (dataAsOf: string | null | undefined, locale: Locale) =>
  dataAsOf ? TITLE_WORDS[locale].asOf(formatShortDate(dataAsOf, locale)) : null;

/**
 * The date a page's figures describe, as its "数据截至" says it (src/ui/data-date.ts): the view's
 * as-of date, never after the newest figure there is; null without any figure.
 */
export const figuresDate = (viewAsOf: string, latestReportAsOf: string | null): string | null =>
  latestReportAsOf === null ? null : viewAsOf < latestReportAsOf ? viewAsOf : latestReportAsOf;

/** What a page's figures rest on, besides the figures: the date they describe, whether any is a demo. */
interface MetaDate {
  dataAsOf: string | null;
  demo: boolean;
}

/** The summary (`/summary`) as far as a title reads it. */
export interface SummaryFacts {
  asOf: string;
  overall: { total: number; counts: StatusCounts };
  freshness: { latestReportAsOf: string | null };
  containsDemo: boolean;
}

/** A list of targets with their states (`/targets`, a department's lead targets). */
export interface ListFacts {
  asOf: string;
  items: ReadonlyArray<StatedItem>;
}
interface StatedItem {
  demo: boolean;
  state: { status: Status; latest: { asOf: string; demo?: boolean | undefined } | null };
}

/** One target's page (`/targets/:id`). */
export interface TargetFacts {
  asOf: string;
  item: Figured & { demo: boolean; state: TargetState };
}

/** The weekly review (`/review`) as far as a title reads it. */
export interface ReviewFacts {
  asOf: string;
  previousAsOf: string;
  newWarnings: readonly unknown[];
  recoveries: readonly unknown[];
  stillSevere: readonly unknown[];
  overdue: ReadonlyArray<{ items: readonly unknown[] }>;
  containsDemo: boolean;
}

/** A department's page (`/departments/:id`). */
export interface DepartmentFacts {
  asOf: string;
  item: { name: string };
  lead: ReadonlyArray<StatedItem>;
}

type Figured = Pick<Target, 'title' | 'kind' | 'unit' | 'target' | 'comparator'>;

const summaryDate = (s: SummaryFacts): MetaDate => ({
  dataAsOf: figuresDate(s.asOf, s.freshness.latestReportAsOf),
  demo: s.containsDemo,
});

/** A list's date (its newest figure, as the sector page's "数据截至") and whether any figure is a demo. */
function listDate(asOf: string, items: ReadonlyArray<StatedItem>): MetaDate {
  let newest: string | null = null;
  let demo = false;
  for (const i of items) {
    const d = i.state.latest?.asOf ?? null;
    if (d !== null && (newest === null || d > newest)) newest = d;
    demo ||= i.demo || i.state.latest?.demo === true;
  }
  return { dataAsOf: figuresDate(asOf, newest), demo };
}

const targetDate = (t: TargetFacts): MetaDate => ({
  dataAsOf: figuresDate(t.asOf, t.item.state.latest?.asOf ?? null),
  demo: t.item.demo || t.item.state.latest?.demo === true,
});

const overdueCount = (r: ReviewFacts) => r.overdue.reduce((n, g) => n + g.items.length, 0);

/** "总览 · 234 项目标 · 滞后 23 项 · 严重滞后 22 项 · 截至 12月26日". */
export function overviewTitle(s: SummaryFacts, locale: Locale): string {
  const w = TITLE_WORDS[locale];
  const m = summaryDate(s);
  return join([
    w.overview,
    w.targets(formatCount(s.overall.total, locale)),
    ...countsTitle(s.overall.counts, locale),
    asOfPart(m.dataAsOf, locale),
    m.demo && w.demo,
  ]);
}

function countedTitle(name: string, counts: StatusCounts, m: MetaDate, locale: Locale): string {
  return join([name, ...countsTitle(counts, locale), asOfPart(m.dataAsOf, locale), m.demo && TITLE_WORDS[locale].demo]);
}

/** "民生 · 滞后 4 项 · 严重滞后 6 项 · 截至 12月26日": the sector's name and its list's counts. */
export const sectorTitle = (name: string, list: ListFacts, locale: Locale): string =>
  countedTitle(name, countStatuses(list.items), listDate(list.asOf, list.items), locale);

/** "新增城镇就业 · 滞后 · 截至 12月26日": the target as written, its verdict, the date of its figure. */
export function targetTitle(t: TargetFacts, locale: Locale): string {
  const m = targetDate(t);
  return join([
    t.item.title,
    verdictText(t.item.state, locale),
    asOfPart(m.dataAsOf, locale),
    m.demo && TITLE_WORDS[locale].demo,
  ]);
}

/** "周调度会 · 会议日期 12月29日 · 新增预警 5 项 · 逾期未报 9 项". */
export function reviewTitle(r: ReviewFacts, locale: Locale): string {
  const w = TITLE_WORDS[locale];
  return join([
    w.review,
    w.meeting(formatShortDate(r.asOf, locale)),
    w.newWarnings(formatCount(r.newWarnings.length, locale)),
    w.overdue(formatCount(overdueCount(r), locale)),
    r.containsDemo && w.demo,
  ]);
}

/** "市发展和改革委员会 · 滞后 2 项 · 严重滞后 1 项 · 截至 12月26日": of the department's lead targets. */
export const departmentTitle = (d: DepartmentFacts, locale: Locale): string =>
  countedTitle(d.item.name, countStatuses(d.lead), listDate(d.asOf, d.lead), locale);

/** How many targets are in each status. */
export function countStatuses(items: ReadonlyArray<{ state: { status: Status } }>): StatusCounts {
  const counts = emptyCounts();
  for (const i of items) counts[i.state.status] += 1;
  return counts;
}

// ---- Descriptions: the link preview's second line (read by the server only) ----

const DESCRIPTIONS: Record<Locale, Record<PageKind, string>> = {
  'zh-CN': {
    overview: '各领域目标的完成进度、状态和进度预警',
    sector: '本领域各项目标的完成率、状态和与序时进度的差距',
    target: '目标的完成率、状态、与序时进度的差距和历次填报',
    projects: '重点项目的建设阶段、所属区市和关联目标',
    project: '重点项目的建设阶段、投资和关联目标',
    review: '周调度会材料：新增预警、仍严重滞后、逾期未报和滞后目标所需进度',
    rankings: '各部门、各区市目标完成情况排名',
    department: '部门牵头和配合的目标及其完成情况',
    screen: '大屏轮播：总览、各领域、预警和排名',
    report: '各部门填报目标进度（需登录）',
    reportImport: '批量导入进度填报（需登录）',
    admin: '目标、部门、用户和通知的管理（需登录）',
    reviewQueue: '审核各部门提交的进度填报（需登录）',
    signIn: '登录后填报进度或查看数据',
    notFound: '页面不存在',
  },
  en: {
    overview: 'Progress, status and warnings of the targets in every sector',
    sector: "Completion, status and gap to the expected pace of the sector's targets",
    target: "The target's completion, status, gap to the expected pace and its reports",
    projects: 'Key projects: stage, district and the targets they serve',
    project: 'A key project: stage, investment and the targets it serves',
    review: 'Weekly review: new warnings, still severely lagging, overdue reports and what laggards need',
    rankings: 'Departments and districts ranked by how their targets are doing',
    department: "A department's lead and supporting targets and how they are doing",
    screen: 'Big-screen rotation: overview, sectors, warnings and rankings',
    report: 'Departments report progress on their targets (sign-in required)',
    reportImport: 'Bulk import of progress reports (sign-in required)',
    admin: 'Targets, departments, users and notifications (sign-in required)',
    reviewQueue: 'Review the progress reports departments submitted (sign-in required)',
    signIn: 'Sign in to report progress or see the data',
    notFound: 'Page not found',
  },
};

const DESCRIPTION_WORDS = {
  'zh-CN': {
    list: (parts: string[]) => parts.join('，'),
    sentence: (s: string) => `${s}。`,
    targets: (n: string, counts: string) => `${n} 项目标：${counts}`,
    progress: (p: string, e: string | null) => (e ? `完成率 ${p}，应完成率（序时进度）${e}` : `完成率 ${p}`),
    dataAsOf: (date: string) => `数据截至 ${date}`,
    demo: '含演示数据，不是正式数据',
    meeting: (date: string, previous: string) => `会议日期 ${date}，上次会议 ${previous}`,
    newWarnings: (n: string) => `新增预警 ${n} 项`,
    recoveries: (n: string) => `恢复正常 ${n} 项`,
    stillSevere: (n: string) => `仍严重滞后 ${n} 项`,
    overdue: (n: string) => `逾期未报 ${n} 项`,
    completion: (c: string) => `完成率 ${c}`,
    lead: (n: string, counts: string) => `牵头 ${n} 项目标：${counts}`,
  },
  en: {
    list: (parts: string[]) => parts.join(', '),
    sentence: (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`,
    targets: (n: string, counts: string) => `${n} targets: ${counts}`,
    progress: (p: string, e: string | null) => (e ? `completion ${p}, expected by now ${e}` : `completion ${p}`),
    dataAsOf: (date: string) => `Data as of ${date}`,
    demo: 'Contains demo data, not official figures',
    meeting: (date: string, previous: string) => `Meeting ${date}, previous meeting ${previous}`,
    newWarnings: (n: string) => `new warnings ${n}`,
    recoveries: (n: string) => `back on track ${n}`,
    stillSevere: (n: string) => `still severely lagging ${n}`,
    overdue: (n: string) => `overdue reports ${n}`,
    completion: (c: string) => `completion ${c}`,
    lead: (n: string, counts: string) => `Leads ${n} targets: ${counts}`,
  },
} satisfies Record<Locale, unknown>;

/** In the overview's order: the good news, then behind, then final, then unknown. */
const COUNT_ORDER: readonly Status[] = [
  'achieved',
  'on_track',
  'lagging',
  'severe',
  'missed',
  'no_data',
  'not_started',
];

/** "已完成 84 · 正常 81 · 滞后 23 · 严重滞后 22 · 未填报 9 · 未开始 15", as the count line shows them. */
function countsLine(counts: StatusCounts, locale: Locale): string {
  const always = new Set(headlineStatuses(counts));
  return join(
    COUNT_ORDER.filter((s) => counts[s] > 0 || always.has(s)).map(
      (s) => `${STATUS_LABELS[locale][s]} ${formatCount(counts[s], locale)}`,
    ),
  );
}

function closing(m: MetaDate, locale: Locale): string[] {
  const w = DESCRIPTION_WORDS[locale];
  return [m.dataAsOf ? w.dataAsOf(formatDate(m.dataAsOf, locale)) : '', m.demo ? w.demo : ''].filter(Boolean);
}

const sentences = (parts: string[], locale: Locale) =>
  parts
    .filter(Boolean)
    .map((p) => DESCRIPTION_WORDS[locale].sentence(p))
    .join(locale === 'en' ? ' ' : '');

/** The page's name alone, and what it shows in words: no figure (signed out, unknown id, no data yet). */
export const genericMeta = (kind: PageKind, locale: Locale): PageMeta => ({
  title: PAGE_NAMES[locale][kind],
  description: DESCRIPTIONS[locale][kind],
});

export function overviewMeta(s: SummaryFacts, locale: Locale): PageMeta {
  const w = DESCRIPTION_WORDS[locale];
  const { total, counts } = s.overall;
  return {
    title: overviewTitle(s, locale),
    description: sentences(
      [w.targets(formatCount(total, locale), countsLine(counts, locale)), ...closing(summaryDate(s), locale)],
      locale,
    ),
  };
}

/**
 * A sector: its list's counts, and its 完成率 against the expected pace as the overview's sector row
 * has them (`progress`: the summary's aggregate of the same states, src/domain/aggregate.ts).
 */
export function sectorMeta(
  name: string,
  list: ListFacts,
  a: { progress: number | null; expected: number | null },
  locale: Locale,
): PageMeta {
  const w = DESCRIPTION_WORDS[locale];
  const progress =
    a.progress === null
      ? ''
      : w.progress(formatPercent(a.progress, locale), a.expected === null ? null : formatPercent(a.expected, locale));
  const counts = countStatuses(list.items);
  return {
    title: sectorTitle(name, list, locale),
    description: sentences(
      [
        w.targets(formatCount(list.items.length, locale), countsLine(counts, locale)),
        progress,
        ...closing(listDate(list.asOf, list.items), locale),
      ],
      locale,
    ),
  };
}

export function targetMeta(t: TargetFacts, locale: Locale): PageMeta {
  const w = DESCRIPTION_WORDS[locale];
  const { item } = t;
  const completion = completionText(item, item.state, locale);
  const gap = gapText(item, item.state, locale);
  return {
    title: targetTitle(t, locale),
    description: sentences(
      [
        w.list(
          [
            verdictText(item.state, locale),
            completion === '—' ? '' : w.completion(completion),
            gap === '—' ? '' : gap,
          ].filter(Boolean),
        ),
        ...closing(targetDate(t), locale),
      ],
      locale,
    ),
  };
}

export function reviewMeta(r: ReviewFacts, locale: Locale): PageMeta {
  const w = DESCRIPTION_WORDS[locale];
  const n = (x: number) => formatCount(x, locale);
  return {
    title: reviewTitle(r, locale),
    description: sentences(
      [
        w.meeting(formatDate(r.asOf, locale), formatDate(r.previousAsOf, locale)),
        w.list([
          w.newWarnings(n(r.newWarnings.length)),
          w.recoveries(n(r.recoveries.length)),
          w.stillSevere(n(r.stillSevere.length)),
          w.overdue(n(overdueCount(r))),
        ]),
        r.containsDemo ? w.demo : '',
      ],
      locale,
    ),
  };
}

export function departmentMeta(d: DepartmentFacts, locale: Locale): PageMeta {
  const w = DESCRIPTION_WORDS[locale];
  return {
    title: departmentTitle(d, locale),
    description: sentences(
      [
        w.lead(formatCount(d.lead.length, locale), countsLine(countStatuses(d.lead), locale)),
        ...closing(listDate(d.asOf, d.lead), locale),
      ],
      locale,
    ),
  };
}
