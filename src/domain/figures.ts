import {
  formatNumber,
  formatPercent,
  formatPp,
  formatQuantity,
  formatShortDate,
  type Locale,
  shownRate,
  wholeCountDigits,
} from './format';
import type { RequiredRate, Status, Target, TargetState } from './schemas';

/**
 * The vocabulary of figures every view, export and the wall uses, so the same target reads the
 * same on every page (DESIGN.md, "How officials read the numbers"):
 *
 * - 完成率 (`state.progress`, value ÷ target) is the headline percentage; milestones count nodes.
 * - The gap is 完成率 − 应完成率 in 个百分点 for cumulative and stock targets, and the rate's own
 *   difference from its target for growth rates and shares ("低于目标 4.26个百分点").
 * - Counts are whole numbers; a derived figure (a projection) keeps the precision of the target as
 *   written; a gap has one decimal (个百分点 of the target) or two (个百分点 of a rate).
 */

type Figured = Pick<Target, 'kind' | 'unit' | 'target' | 'comparator'>;

/** Digits of a rate's gap (4.26个百分点); a 完成率 gap has one (−6.0个百分点). */
const RATE_GAP_DIGITS = 2;

/** 完成率 as written on every tile, bar, table and export: "98.9%", or "2/3 个节点" for a milestone. */
export function completionText(t: Figured, s: TargetState, locale: Locale = 'zh-CN'): string {
  if (t.kind === 'milestone') {
    if (!s.milestone) return '—';
    const { done, total } = s.milestone;
    return locale === 'en' ? `${done}/${total} nodes` : `${done}/${total} 个节点`;
  }
  return formatPercent(s.progress, locale);
}

/** Digits a gap of this basis is written with: 1 (个百分点 of 完成率) or 2 (个百分点 of a rate). */
export const gapDigits = (basis: TargetState['gapBasis']): number => (basis === 'rate' ? RATE_GAP_DIGITS : 1);

/** A fraction as 个百分点, rounded to `digits` as the text is: the number an export writes. */
export function roundedPp(fraction: number | null, digits: number): number | null {
  if (fraction === null || !Number.isFinite(fraction)) return null;
  const f = 10 ** digits;
  const pp = Math.round(fraction * 100 * f) / f;
  return Object.is(pp, -0) ? 0 : pp;
}

/**
 * The difference of two fractions as the screen shows them, percent rounded to one decimal first:
 * 43.3% − 49.7% is −6.4个百分点 on every page, never −6.3 from the unrounded figures, so a person
 * can check the gap by subtracting the two percentages printed beside it.
 */
export function shownDifference(a: number | null, b: number | null): number | null {
  if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b)) return null;
  const d = (Math.round(a * 1000) - Math.round(b * 1000)) / 1000;
  return Number.isFinite(d) ? d : null;
}

/** The gap as shown: of 完成率 from the two rounded percentages; of a rate, as computed. */
export function shownGap(s: Pick<TargetState, 'gap' | 'gapBasis' | 'progress' | 'expected'>): number | null {
  if (s.gap === null || s.gapBasis === null) return null;
  return s.gapBasis === 'target' ? (shownDifference(s.progress, s.expected) ?? s.gap) : s.gap;
}

/** A signed gap, rounded the one way every page and export rounds it: "−6.0个百分点", "−4.26个百分点". */
export function formatGap(
  s: Pick<TargetState, 'gap' | 'gapBasis' | 'progress' | 'expected'>,
  locale: Locale = 'zh-CN',
): string {
  if (s.gap === null || s.gapBasis === null) return '—';
  return formatPp(shownGap(s), locale, gapDigits(s.gapBasis));
}

/**
 * The gap as a person says it. Milestones: "逾期 179 天" / "按计划". Rates: "低于目标 4.26个百分点"
 * (or "低于序时进度…" for a share paced from a baseline). Others: "落后序时进度 6.0个百分点".
 * `short`: the signed figure alone, for a table column headed 差距 (milestones, rates and missed
 * targets keep their words).
 */
export function gapText(t: Figured, s: TargetState, locale: Locale = 'zh-CN', short = false): string {
  const en = locale === 'en';
  if (t.kind === 'milestone') {
    const m = s.milestone;
    if (!m || s.latest === null) return '—';
    if (m.done >= m.total) return en ? 'all nodes done' : '全部节点完成';
    // A node the source does not date is overdue against the catalog's estimate, and says so.
    if (m.overdueDays > 0)
      return en
        ? `${m.overdueDays} days overdue${m.next?.estimated ? ' (est. date)' : ''}`
        : `逾期 ${m.overdueDays} 天${m.next?.estimated ? '（按预计日期）' : ''}`;
    return en ? 'on schedule' : '按计划';
  }
  const gap = shownGap(s);
  if (gap === null || s.gapBasis === null) return '—';
  // A rate's gap stays in words even in a table: "-4.26个百分点" beside 完成率 57.4% would read as a
  // gap of 完成率, which it is not.
  if (short && s.gapBasis === 'target' && s.status !== 'missed') return formatGap(s, locale);
  const digits = gapDigits(s.gapBasis);
  const size = formatPp(Math.abs(gap), locale, digits).replace(/^\+/, '');
  // After the deadline there is no pace: a target missed is short of the target itself.
  if (s.status === 'missed' && s.gapBasis === 'target') {
    return en ? `${size} short of target` : `距目标差 ${size}`;
  }
  // A share paced from a baseline is compared with where it should be by now, not with its target.
  const againstTarget = s.gapBasis === 'rate' && (s.expected === null || Math.abs(s.expected - 1) < 1e-9);
  if (Math.round(Math.abs(gap) * 10 ** (digits + 2)) === 0) {
    if (againstTarget) return en ? 'at target' : '与目标持平';
    return en ? 'on pace' : '与序时进度持平';
  }
  if (s.gapBasis === 'rate') {
    // For a limit (以下) a positive gap means the rate is below it: say where the rate is.
    const above = (t.comparator === 'lte' ? -gap : gap) > 0;
    const ref = againstTarget ? 'target' : 'pace';
    if (en) return `${size} ${above ? 'above' : 'below'} ${ref === 'target' ? 'target' : 'expected pace'}`;
    return `${above ? '高于' : '低于'}${ref === 'target' ? '目标' : '序时进度'} ${size}`;
  }
  if (en) return `${size} ${gap < 0 ? 'behind' : 'ahead of'} pace`;
  return `${gap < 0 ? '落后' : '超过'}序时进度 ${size}`;
}

/** What a change is taken from, a week before: the 完成率, and a rate's figure. */
export type ChangeBase = Pick<TargetState, 'progress'> & { latest: { value: number | null } | null };

/**
 * Week-on-week change as a fraction (×100 = 个百分点): of 完成率 for cumulative and stock targets,
 * of the rate itself for growth rates and shares (a rate moving from 5.9 % to 5.74 % changed by
 * −0.16个百分点, not by −1.6). Null for milestones or without both figures.
 */
export function changeOf(t: Figured, now: TargetState, before: ChangeBase | null | undefined): number | null {
  if (t.kind === 'milestone' || !before) return null;
  if (now.gapBasis === 'rate') {
    const a = now.latest?.value;
    const b = before.latest?.value;
    return a == null || b == null ? null : (a - b) / 100;
  }
  return shownDifference(now.progress, before.progress);
}

/** Digits of a week-on-week change, the same as its gap's. */
export function changeDigits(t: Figured): number {
  return t.kind === 'growth' || t.kind === 'share' ? RATE_GAP_DIGITS : 1;
}

/** Week-on-week change as text, with the digits of its gap: "−0.16个百分点". */
export function formatChange(
  t: Figured,
  now: TargetState,
  before: ChangeBase | null | undefined,
  locale: Locale = 'zh-CN',
): string {
  return formatPp(changeOf(t, now, before), locale, changeDigits(t));
}

/** Decimal places of a number as written (2450 → 0, 5.5 → 1, 0.25 → 2). */
function writtenDigits(n: number): number {
  const s = String(n);
  const dot = s.indexOf('.');
  return dot === -1 || s.includes('e') ? 0 : Math.min(4, s.length - dot - 1);
}

/**
 * A figure the engine derived (a projection, an expected level): counts are whole (18家, not
 * 18.22家), money and rates keep the precision of the target as written (7,927P against 8000P).
 */
export function formatDerived(t: Figured, value: number | null, locale: Locale = 'zh-CN'): string {
  const rounded = roundDerived(t, value);
  return rounded === null ? '—' : formatQuantity(rounded, t.unit, locale);
}

/** A lagging target's run-rates as every page and export shows them, and their ratio. */
export interface ShownRunRate {
  unit: string;
  /** Still needed per week to the deadline, rounded as shown (`shownRate`). */
  needed: number;
  /** Achieved per week over the last four weeks, rounded as shown; null when it cannot be measured. */
  recent: number | null;
  /** 实际/所需: `recent ÷ needed` of the two shown figures, so the percentage beside them checks. */
  ratio: number | null;
}

/**
 * The run-rates of `requiredRate` as shown: "近四周 2.25人 / 每周 11.2人 / 实际/所需 20%" divides the
 * two printed figures, never the engine's unrounded ones (the same reason `shownDifference` exists).
 */
export function shownRunRate(rate: RequiredRate): ShownRunRate {
  const needed = shownRate(rate.perWeek);
  const recent = rate.recentPerWeek === null ? null : shownRate(rate.recentPerWeek);
  const ratio = recent !== null && needed > 0 ? recent / needed : null;
  return { unit: rate.unit, needed, recent, ratio: ratio !== null && Number.isFinite(ratio) ? ratio : null };
}

/** Decimals of 实际/所需 as a percentage: whole percent, read against the rates' three digits. */
export const PACE_RATIO_DIGITS = 0;

/** 实际/所需 as every page writes it: "20%", or "—" without a recent rate. */
export function formatPaceRatio(run: Pick<ShownRunRate, 'ratio'> | null, locale: Locale = 'zh-CN'): string {
  return formatPercent(run?.ratio ?? null, locale, PACE_RATIO_DIGITS);
}

/** The number `formatDerived` writes, for exports. */
export function roundDerived(t: Figured, value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  // Counts are whole (in people, not in 万人); money and other measures keep the target's precision.
  const countDigits = wholeCountDigits(t.unit);
  const digits = countDigits ?? writtenDigits(t.target ?? 0);
  const round = (d: number, how: (x: number) => number = Math.round) => how(value * 10 ** d) / 10 ** d;
  const rounded = round(digits);
  const goal = t.target;
  if (goal === null || meets(t, rounded, goal) === meets(t, value, goal)) return rounded;
  // Rounding must not carry a figure across its target (29.6家 shown as 30家 of 30家 "预计难完成"):
  // a count is cut to the whole things it holds, another figure keeps more digits until it doesn't.
  if (countDigits !== null) return round(countDigits, t.comparator === 'lte' ? Math.ceil : Math.floor);
  for (let d = digits + 1; d <= digits + 4; d++) {
    const r = round(d);
    if (meets(t, r, goal) === meets(t, value, goal)) return r;
  }
  return value;
}

/** Whether a figure meets the target as its comparator reads (the tolerance of 左右 aside). */
function meets(t: Figured, value: number, goal: number): boolean {
  if (t.comparator === 'lte') return value <= goal;
  if (t.comparator === 'gt') return value > goal;
  return value >= goal;
}

/**
 * 完成率 of a derived figure as it is printed: "预计年末 29家（96.7%）" divides the two numbers on
 * screen, never the unrounded projection.
 */
export function derivedCompletion(t: Figured, value: number | null): number | null {
  const shown = roundDerived(t, value);
  const goal = t.target;
  if (shown === null || goal === null) return null;
  if (t.comparator === 'lte') return shown <= goal ? 1 : goal > 0 ? goal / shown : 0;
  return goal > 0 ? shown / goal : shown >= goal ? 1 : 0;
}

/** Labels of the statuses in the product's words, the same on every page, export and the wall. */
export const STATUS_LABELS: Record<Locale, Record<Status, string>> = {
  'zh-CN': {
    achieved: '已完成',
    on_track: '正常',
    lagging: '滞后',
    severe: '严重滞后',
    no_data: '未填报',
    not_started: '未开始',
    missed: '未完成',
  },
  en: {
    achieved: 'Achieved',
    on_track: 'On track',
    lagging: 'Lagging',
    severe: 'Severely lagging',
    no_data: 'No recent report',
    not_started: 'Not started',
    missed: 'Missed',
  },
};

export const FORECAST_MISS_LABEL: Record<Locale, string> = { 'zh-CN': '预计难完成', en: 'Off course' };

/** One verdict per target: the status, and the forecast's "预计难完成" when it says the target will miss. */
export function verdictText(s: Pick<TargetState, 'status' | 'forecastMiss'>, locale: Locale = 'zh-CN'): string {
  const label = STATUS_LABELS[locale][s.status];
  return s.forecastMiss ? `${label} · ${FORECAST_MISS_LABEL[locale]}` : label;
}

/** For a milestone: the next node and its date ("下一节点：开工（6月30日）", an estimate "（预计6月30日）"), or null. */
export function nextNodeText(s: TargetState, locale: Locale = 'zh-CN'): string | null {
  const next = s.milestone?.next;
  if (!next || (s.milestone && s.milestone.done >= s.milestone.total)) return null;
  const date = formatShortDate(next.plannedDate, locale);
  if (locale === 'en') return `Next: ${next.name}, ${date}${next.estimated ? ' (est.)' : ''}`;
  return `下一节点：${next.name}（${next.estimated ? '预计' : ''}${date}）`;
}

/** A whole count of targets, as the headline counts write it. */
export const formatCount = (n: number, locale: Locale = 'zh-CN') => formatNumber(n, locale, 0);
