import { addDays, dayNumber, daysBetween, type IsoDate, minDate } from './dates';
import { DomainError } from './errors';
import { assertPacingApplies, expectedShare, pacingCurve, stagesPlannedBy } from './pacing';
import { type KnowledgeCut, onePerDate, reportsAsOf } from './reports';
import {
  DEFAULT_THRESHOLDS,
  type GapBasis,
  type ProgressReport,
  type Projection,
  type RequiredRate,
  type Stage,
  type Status,
  type StatusThresholds,
  type Target,
  type TargetState,
} from './schemas';
import { toTargetUnit } from './units';

/**
 * The status engine: for one target at one as-of date, how far along it is, how far along it should
 * be, whether it will make it, and what run-rate would still get it there. Pure and deterministic.
 *
 * Anchors: the Chinese 序时进度 practice (progress against time elapsed, "时间过半、任务过半"); Open
 * SDG's ratio of observed to required progress; the German sustainability indicators' extrapolation
 * of the recent trend to the deadline.
 */
export interface StateOptions extends KnowledgeCut {
  thresholds?: StatusThresholds | undefined;
}

/** How bad a status is (aggregate.ts, where the client reads it without the engine). */
export { STATUS_SEVERITY } from './aggregate';

/**
 * The trend window: the latest report and the eight before it (two months of weekly reports). Long
 * enough that a count moving every few weeks (14, 14, 14, 15) still shows its rate.
 */
const TREND_POINTS = 9;
/** 近四周 for weekly reporters; 31 rather than 28 so that monthly reporters (28–31 days apart) get a rate too. */
const RECENT_DAYS = 31;
/** A projection is too noisy to call a target severe before this share of the period has passed. */
const PROJECTION_MIN_EXPECTED = 0.1;
const DAYS_PER_MONTH = 365.25 / 12;

const invalidTarget = (t: Target, zh: string, en: string) =>
  new DomainError('invalid_target', `目标“${t.title}”${zh}`, `Target "${t.id}": ${en}`);

/** Checks what the schema cannot: that the target's numbers and period make sense together. */
export function validateTarget(t: Target): void {
  assertPacingApplies(t.pacing, t.periodStart, t.deadline);
  for (const stage of t.stages) dayNumber(stage.plannedDate); // stages are compared as strings below
  if (t.kind === 'milestone') {
    if (t.stages.length === 0) throw invalidTarget(t, '是里程碑，但没有阶段', 'a milestone needs at least one stage');
    return;
  }
  if (t.pacing.type === 'steps' && t.stages.length === 0) {
    // Without stages the steps profile would expect nothing all year: every figure would look on track.
    throw new DomainError(
      'invalid_pacing',
      `目标“${t.title}”按阶段计划进度，但没有阶段`,
      `Target "${t.id}": steps pacing needs at least one stage`,
    );
  }
  if (t.target === null) throw invalidTarget(t, '缺少目标值', 'a quantitative target needs a value');
  if (usesBaseline(t) && t.target === baselineOf(t)) {
    throw invalidTarget(t, '的目标值等于基数', 'target equals baseline');
  }
  if (t.kind === 'cumulative' && t.target <= 0 && t.comparator !== 'lte') {
    throw invalidTarget(t, '的累计目标必须大于 0', 'a cumulative target must be positive');
  }
}

/** Level targets, and share targets that state where they start from, are paced from a baseline. */
function usesBaseline(t: Target): boolean {
  return t.kind === 'level' || t.kind === 'cumulative' || (t.kind === 'share' && t.baseline !== null);
}

/** Where progress is counted from: 0 for a flow within the period, the stated baseline for a stock. */
function baselineOf(t: Target): number {
  return t.kind === 'cumulative' ? 0 : (t.baseline ?? 0);
}

/** Rates and shares without a baseline are compared as levels: they should be at target all year. */
function isRateLike(t: Target): boolean {
  return !usesBaseline(t) || t.comparator === 'lte';
}

export function isMet(t: Target, value: number, thresholds: StatusThresholds = DEFAULT_THRESHOLDS): boolean {
  const goal = t.target ?? 0;
  switch (t.comparator) {
    case 'gte':
    case 'eq':
      return value >= goal;
    case 'gt':
      return value > goal;
    case 'approx':
      return value >= goal - Math.abs(goal) * thresholds.approxTolerance;
    case 'lte':
      return value <= goal;
  }
}

/**
 * 完成率: the value as a fraction of the target (1 = met), in the sense of its comparator: value ÷
 * target, or target ÷ value for a limit (以下) once it is exceeded. A stock is measured from zero
 * like every other figure (7,912P of 8,000P is 98.9 %), whatever it is paced from. Always finite.
 */
export function progressOf(t: Target, value: number): number {
  const goal = t.target ?? 0;
  let p: number;
  if (t.comparator === 'lte') p = value <= goal ? 1 : goal > 0 ? goal / value : 0;
  else p = goal > 0 ? value / goal : value >= goal ? 1 : 0;
  return saturate(p);
}

/** Overflow (a tiny goal, a huge value) saturates rather than collapsing to 0, so figures stay monotonic and finite. */
function saturate(x: number): number {
  return Number.isNaN(x) ? 0 : Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, x));
}

/** Growth rates and shares are judged by the rate itself (个百分点 of the rate), other kinds by 完成率. */
export function gapBasisOf(t: Target): GapBasis | null {
  if (t.kind === 'milestone') return null;
  return t.kind === 'growth' || t.kind === 'share' ? 'rate' : 'target';
}

/** `curve`: the target's pacing curve when the caller has built it already (the status engine). */
function expectedOf(t: Target, date: IsoDate, curve?: (date: IsoDate) => number): number {
  if (isRateLike(t)) return 1;
  return curve ? curve(date) : expectedShare(t.pacing, t.periodStart, t.deadline, date, t.stages);
}

/**
 * Where the value itself should be on `date` by the same pacing the status uses: baseline plus the
 * expected share of the way to the target; the target itself for rates, shares without a baseline
 * and lower-is-better limits (they should hold all year). Null without a numeric target.
 */
export function expectedValueOf(t: Target, date: IsoDate): number | null {
  if (t.target === null || t.kind === 'milestone') return null;
  return expectedLevel(t, expectedOf(t, date));
}

interface Point {
  asOf: IsoDate;
  value: number;
  e: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * Project the value at the deadline. Paced kinds: the median slope of the last few reports against
 * the pacing profile (value gained per unit of expected share), applied to the share still to come;
 * the median makes one odd report harmless, and normalising by the profile keeps a back-loaded
 * investment target from looking doomed in spring. Rate-like kinds: the latest rate is the forecast.
 */
function project(t: Target, points: Point[], thresholds: StatusThresholds): Projection | null {
  const last = points[points.length - 1];
  if (!last) return null;
  let value = last.value;
  if (!isRateLike(t) && last.e < 1) {
    const withStart =
      points[0] && points[0].e > 0 ? [{ asOf: t.periodStart, value: baselineOf(t), e: 0 }, ...points] : points;
    const recent = withStart.slice(-TREND_POINTS);
    // Slopes from each earlier point of the window to the latest report, and their median: one odd
    // report in between moves one slope only, and a count that steps every few weeks (14, 14, 14,
    // 15) still has a rate, where week-to-week slopes would be mostly 0 and project a standstill.
    const slopes: number[] = [];
    for (const a of recent.slice(0, -1)) {
      if (last.e - a.e > 1e-9) slopes.push((last.value - a.value) / (last.e - a.e));
    }
    if (slopes.length > 0) {
      let slope = median(slopes);
      if (t.kind === 'cumulative') slope = Math.max(0, slope);
      value = last.value + slope * (1 - last.e);
    }
  }
  if (!Number.isFinite(value)) value = last.value;
  return { value, progress: progressOf(t, value), willMeet: isMet(t, value, thresholds) };
}

function requiredRate(t: Target, points: Point[], asOf: IsoDate): RequiredRate | null {
  const last = points[points.length - 1];
  if (!last || isRateLike(t) || t.target === null) return null;
  const remaining = t.target - last.value;
  const daysLeft = daysBetween(asOf, t.deadline);
  if (remaining <= 0 || daysLeft <= 0) return null;
  const since = addDays(last.asOf, -RECENT_DAYS);
  const windowStart = points.find((p) => p.asOf >= since && p.asOf < last.asOf);
  const span = windowStart ? daysBetween(windowStart.asOf, last.asOf) : 0;
  const recentPerWeek = windowStart && span > 0 ? (last.value - windowStart.value) / (span / 7) : null;
  const rate = {
    unit: t.unit,
    remaining,
    weeksLeft: daysLeft / 7,
    perWeek: remaining / (daysLeft / 7),
    perMonth: remaining / (daysLeft / DAYS_PER_MONTH),
    recentPerWeek: recentPerWeek !== null && Number.isFinite(recentPerWeek) ? recentPerWeek : null,
  };
  // Values near the limits of a double can overflow here; no rate is better than an infinite one.
  return Number.isFinite(rate.remaining) && Number.isFinite(rate.perWeek) && Number.isFinite(rate.perMonth)
    ? rate
    : null;
}

function stale(latestAsOf: IsoDate, t: Target, asOf: IsoDate, thresholds: StatusThresholds): boolean {
  return daysBetween(latestAsOf, minDate(asOf, t.deadline)) > thresholds.cycleDays;
}

/** Stages in the order they are planned (the order nodes are done in). */
function plannedOrder(stages: readonly Stage[]): Stage[] {
  return [...stages].sort((a, b) => (a.plannedDate < b.plannedDate ? -1 : a.plannedDate > b.plannedDate ? 1 : 0));
}

/**
 * Milestones speak in nodes: done of all, the next node and how many days it is overdue at the
 * date of the latest report. An overdue node makes it lagging (severe past `milestoneSevereDays`);
 * no percentage-point gap.
 */
function milestoneState(
  t: Target,
  series: ProgressReport[],
  asOf: IsoDate,
  th: StatusThresholds,
  knownAt: string | undefined,
): TargetState {
  const total = t.stages.length;
  const last = series[series.length - 1];
  const judgedAt = last?.asOf ?? asOf;
  const done = Math.min(last?.stagesDone ?? 0, total);
  const next = plannedOrder(t.stages)[done] ?? null;
  const overdueDays = last && next && next.plannedDate < judgedAt ? daysBetween(next.plannedDate, judgedAt) : 0;
  const dueByNow = stagesPlannedBy(t.stages, asOf);
  const final = judgedAt >= t.deadline || asOf > t.deadline;
  let status: Status;
  if (done >= total) status = 'achieved';
  // Nothing due yet: nothing can be behind or overdue, so staleness does not apply.
  else if (dueByNow === 0) status = done === 0 ? 'not_started' : 'on_track';
  else if (!last || stale(last.asOf, t, asOf, th)) status = 'no_data';
  else if (final) status = 'missed';
  // A date the documents never set (an estimate) can show a node late, never 严重滞后 by itself.
  else if (overdueDays > th.milestoneSevereDays && next?.estimated !== true) status = 'severe';
  else if (overdueDays > 0) status = 'lagging';
  else status = done === 0 && stagesPlannedBy(t.stages, judgedAt) === 0 ? 'not_started' : 'on_track';
  return {
    progress: last ? done / total : null,
    expected: expectedShare({ type: 'steps' }, t.periodStart, t.deadline, judgedAt, t.stages),
    gap: null,
    gapBasis: null,
    judgedAt,
    status,
    forecastMiss: false,
    milestone: { done, total, next, overdueDays },
    fromBaseline: null,
    latest: last
      ? { value: null, unit: '', asOf: last.asOf, stagesDone: done, demo: last.demo, ...provisionalOf(last, knownAt) }
      : null,
    projection: null,
    requiredRate: null,
  };
}

/** Gaps are differences of binary fractions: 7.6/8 − 1 is −0.05000000000000004, which is not "below −5 pp". */
const GAP_EPSILON = 1e-9;

/** The gap, as a fraction, below which a target of this basis is lagging and severe. */
function gapLimits(basis: GapBasis, th: StatusThresholds): { lag: number; severe: number } {
  return basis === 'rate'
    ? { lag: -th.rateLagPp / 100 - GAP_EPSILON, severe: -th.rateSeverePp / 100 - GAP_EPSILON }
    : { lag: -th.lagPp / 100 - GAP_EPSILON, severe: -th.severePp / 100 - GAP_EPSILON };
}

/** A gap's status against the plan's thresholds (完成率 − 应完成率, in percentage points). */
export const statusOfGap = (gap: number, th: StatusThresholds = DEFAULT_THRESHOLDS): Status =>
  paceStatus(gap, false, gapLimits('target', th));

function paceStatus(gap: number, projectedMiss: boolean, limits: { lag: number; severe: number }): Status {
  if (gap < limits.severe || projectedMiss) return 'severe';
  if (gap < limits.lag) return 'lagging';
  return 'on_track';
}

/** Converts a report's value into the target's unit (DomainError when the units do not match). */
export function valueInTargetUnit(t: Target, r: ProgressReport): number | null {
  if (r.value === null) return null;
  return toTargetUnit(r.value, r.unit, t.unit);
}

/** A stock whose starting point the documents do not state: a level, or a share to reach over several years. */
export function needsInferredBaseline(t: Target): boolean {
  if (t.baseline !== null || t.target === null || t.comparator === 'lte') return false;
  return t.kind === 'level' || (t.kind === 'share' && daysBetween(t.periodStart, t.deadline) > 366);
}

/**
 * The target as it is paced. A stock with no stated baseline cannot be paced from zero (the racks
 * in use in January are not this year's progress, and a stalled stock would look far ahead), so it
 * is paced from its first report: that value is the baseline and that date the start, on a straight
 * line to the target. `series` are the effective reports, oldest first. Unchanged otherwise, and
 * when the first report already meets the target.
 */
export function pacedTarget(t: Target, series: readonly ProgressReport[]): Target {
  if (!needsInferredBaseline(t)) return t;
  const first = series.find((r) => r.value !== null);
  if (!first || first.asOf >= t.deadline) return t;
  const value = valueInTargetUnit(t, first);
  if (value === null || !(value < (t.target ?? 0))) return t;
  const shifted = first.asOf > t.periodStart;
  return {
    ...t,
    baseline: value,
    periodStart: shifted ? first.asOf : t.periodStart,
    pacing: shifted ? { type: 'linear' } : t.pacing,
  };
}

/** The report a target is paced from when its baseline is inferred (see `pacedTarget`), else null. */
export function inferredBaseline(t: Target, reports: readonly ProgressReport[], cut: KnowledgeCut) {
  const paced = pacedTarget(t, onePerDate(reportsAsOf(reports, cut)));
  return paced === t || paced.baseline === null ? null : { asOf: paced.periodStart, value: paced.baseline };
}

export function computeTargetState(
  input: Target,
  reports: readonly ProgressReport[],
  options: StateOptions,
): TargetState {
  validateTarget(input);
  return stateOfEffective(input, reportsAsOf(reports, options), options);
}

/**
 * `computeTargetState` of a validated target from its effective reports on or before the as-of
 * date, oldest first (`reportsAsOf`). Which versions count does not depend on the as-of date (it
 * only drops later dates at the end), so the reports of an earlier date are a prefix of these:
 * `targetFacts` works them out once for both of its dates.
 */
export function stateOfEffective(
  input: Target,
  effective: readonly ProgressReport[],
  options: StateOptions,
): TargetState {
  const th = options.thresholds ?? DEFAULT_THRESHOLDS;
  const { asOf } = options;
  expectedShare({ type: 'linear' }, input.periodStart, input.deadline, asOf); // validates asOf
  const series = onePerDate(effective);
  if (input.kind === 'milestone') return milestoneState(input, series, asOf, th, options.knownAt);
  const target = pacedTarget(input, series);
  const goal = target.target ?? 0;
  const basis = gapBasisOf(target) ?? 'target';

  const curve = pacingCurve(target.pacing, target.periodStart, target.deadline, target.stages);
  const points: Point[] = [];
  let lastReport: ProgressReport | undefined;
  for (const r of series) {
    const value = valueInTargetUnit(target, r);
    if (value === null) continue;
    points.push({ asOf: r.asOf, value, e: curve(r.asOf) });
    lastReport = r;
  }
  const last = points[points.length - 1];
  if (!last || !lastReport) {
    return {
      progress: null,
      expected: progressOf(target, expectedLevel(target, expectedOf(target, asOf, curve))),
      gap: null,
      gapBasis: basis,
      judgedAt: asOf,
      // Before its period starts nothing is due yet: not 未填报 (a 2027 target on a 2025 board).
      status: asOf > target.deadline ? 'missed' : asOf < target.periodStart ? 'not_started' : 'no_data',
      forecastMiss: false,
      milestone: null,
      fromBaseline: null,
      latest: null,
      projection: null,
      requiredRate: null,
    };
  }
  // Pace is judged at the date the figure describes, not at the view's as-of date: another
  // department's later report moves the view's date, and must not move this target's verdict.
  const judgedAt = last.asOf;
  // Past the deadline the whole target was due: 应完成率 is 100 %, whatever the figure's date.
  const final = judgedAt >= target.deadline || asOf > target.deadline;
  const share = final ? 1 : expectedOf(target, judgedAt, curve);
  const level = expectedLevel(target, share);
  const progress = progressOf(target, last.value);
  const expected = progressOf(target, level);
  const gap = saturate(
    basis === 'rate'
      ? target.comparator === 'lte'
        ? level / 100 - last.value / 100
        : last.value / 100 - level / 100
      : progress - expected,
  );
  // A stock paced from a baseline: how far along its way from there it is, for the line that
  // explains its 应完成率 ("较 3月3日 的 6,500P 增加 1,412P，按序时应增加 1,040P"). The status is
  // judged on the gap every page prints (完成率 − 应完成率), so a reader can check it against the
  // thresholds; a stock stalled near its target shows as 预计难完成 through its forecast.
  const base = baselineOf(target);
  const fromBaseline =
    !isRateLike(target) && base !== 0
      ? {
          value: base,
          asOf: target.periodStart,
          progress: saturate((last.value - base) / (goal - base)),
          expected: share,
        }
      : null;
  const projection = project(target, points, th);
  const latest = {
    value: last.value,
    unit: target.unit,
    asOf: last.asOf,
    stagesDone: null,
    demo: lastReport.demo,
    ...provisionalOf(lastReport, options.knownAt),
  };
  const limits = gapLimits(basis, th);
  const rateLike = isRateLike(target);
  const enoughHistory = points.length >= 2 && (rateLike || last.e >= PROJECTION_MIN_EXPECTED);
  const missBy = th.severeMiss * Math.abs(goal);
  const projectedShort =
    projection !== null &&
    (target.comparator === 'lte' ? projection.value > goal + missBy : projection.value < goal - missBy);

  let status: Status;
  const met = isMet(target, last.value, th);
  if (met && (!rateLike || final)) status = 'achieved';
  else if (stale(last.asOf, target, asOf, th)) status = 'no_data';
  // Past the deadline there is no pace left to be on: the target is met or it is not (未完成).
  else if (final) status = 'missed';
  else if (met) status = 'on_track';
  else {
    // A projection is an extrapolation of a few noisy weeks: it escalates a target that is already
    // lagging to severe, but cannot by itself call one within its pace 严重滞后 (in a review meeting
    // a red line on a target that is on pace is a false alarm, and false alarms get ignored).
    status = paceStatus(gap, enoughHistory && gap < limits.lag && projectedShort, limits);
  }
  // The forecast's verdict travels with the status, so no view shows 正常 beside "难完成". A rate's
  // forecast is its latest value, which the gap already states; only paced kinds forecast.
  const forecastMiss =
    !rateLike &&
    enoughHistory &&
    projection !== null &&
    !projection.willMeet &&
    (status === 'on_track' || status === 'lagging' || status === 'severe');
  return {
    progress,
    expected,
    gap,
    gapBasis: basis,
    judgedAt,
    status,
    forecastMiss,
    milestone: null,
    fromBaseline,
    latest,
    projection,
    // From the figure's date too: what is left and the weeks left to do it, counted from the same day.
    requiredRate: final ? null : requiredRate(target, points, judgedAt),
  };
}

/** Where the value should be when `share` of the way is expected: baseline + share × (target − baseline). */
function expectedLevel(t: Target, share: number): number {
  if (isRateLike(t)) return t.target ?? 0;
  const base = baselineOf(t);
  return base + share * ((t.target ?? 0) - base);
}

/** Marks a figure still waiting for review (初报); approved figures carry no mark. */
function provisionalOf(r: ProgressReport, knownAt: string | undefined): { provisional?: true } {
  const a = r.approval;
  if (
    !a ||
    (a.state === 'approved' && (knownAt === undefined || Date.parse(a.at ?? r.recordedAt) <= Date.parse(knownAt)))
  )
    return {};
  // Waiting at the cut (returned or approved only later): counted only with the pending ones, and marked.
  return { provisional: true };
}
