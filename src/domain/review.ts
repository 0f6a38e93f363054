import { type Aggregate, aggregate, behindBy, WARNING_STATUSES } from './aggregate';
import type { AggregateDto } from './aggregate-schema';
import { addDays, daysBetween, type IsoDate, minDate, shanghaiDate } from './dates';
import { changeOf, shownDifference, shownRunRate } from './figures';
import { badRequest, type ParseResult, targetsQuerySchema } from './query';
import { hasNarrative } from './report-schema';
import { effectiveReports, type KnowledgeCut, onePerDate, reportsAsOf, viewOf } from './reports';
import type {
  LatestReport,
  ReviewDepartmentGroup,
  ReviewLaggard,
  ReviewMilestoneStep,
  ReviewMover,
  ReviewOverdueGroup,
  ReviewResponse,
  ReviewSector,
  ReviewTarget,
  ReviewTransition,
} from './review-api';
import type { Plan, ProgressReport, Status, Target, TargetState } from './schemas';
import { SECTORS } from './sectors';
import { STATUS_SEVERITY } from './status';
import { type Dataset, groupReports, matchesStaticFilter, type Rollups, stateOf } from './views';

/**
 * The weekly review meeting (周调度会): the state of every target at the meeting, the state at the
 * previous meeting, and what changed in between. Pure: the server and the mock feed it the same
 * arrays and get the same answer.
 *
 * A meeting is reproducible. A review "as of D" only knows what was recorded by the end of the
 * meeting day (Asia/Shanghai), so a report or a correction recorded afterwards never changes it;
 * the previous meeting is cut the same way at its own date.
 */

export const NO_DEPARTMENT = '未明确牵头部门';
export const MEETING_INTERVAL_DAYS = 7;
export const MOVER_COUNT = 10;

const WARNING: ReadonlySet<Status> = WARNING_STATUSES;
const GOOD: ReadonlySet<Status> = new Set(['on_track', 'achieved']);

/** The last instant of a calendar day in Asia/Shanghai. */
export const endOfMeetingDay = (date: IsoDate): string => `${date}T23:59:59+08:00`;

export interface MeetingCuts {
  meeting: Required<KnowledgeCut>;
  previous: Required<KnowledgeCut>;
}

export const reviewQuerySchema = targetsQuerySchema
  .pick({ plan: true, district: true, asOf: true, knownAt: true, includePending: true })
  .extend({ previous: targetsQuerySchema.shape.asOf });
export interface ReviewQuery {
  plan?: string | undefined;
  district?: string | undefined;
  asOf?: string | undefined;
  previous?: string | undefined;
  knownAt?: string | undefined;
  includePending?: boolean | undefined;
}

/** The latest instant a default meeting date may look at: now, or the knowledge cut when earlier. */
export const meetingLimit = (now: Date, knownAt?: string): number =>
  knownAt === undefined ? now.getTime() : Math.min(now.getTime(), Date.parse(knownAt));

/** The newest recording instant (epoch ms) among the reports recorded by `limit`, or null. */
export function newestRecorded(reports: readonly ProgressReport[], limit: number): number | null {
  let newest: number | null = null;
  for (const r of reports) {
    const at = Date.parse(r.recordedAt);
    if (at <= limit && (newest === null || at > newest)) newest = at;
  }
  return newest;
}

/**
 * Without a date, the meeting is today; but when nothing has been recorded for more than a meeting
 * interval (a demo database of 2025 opened in 2026), the day the newest report came in, so the
 * default review shows the last week that had news rather than an empty one. `newest` is the
 * newest recording instant by `meetingLimit` (the server reads it with one indexed query).
 */
export function meetingDateAfter(newest: number | null, now: Date, knownAt?: string): IsoDate {
  const today = shanghaiDate(new Date(meetingLimit(now, knownAt)));
  if (newest === null) return today;
  const newestDay = shanghaiDate(new Date(newest));
  return daysBetween(newestDay, today) > MEETING_INTERVAL_DAYS ? newestDay : today;
}

export function defaultMeetingDate(reports: readonly ProgressReport[], now: Date, knownAt?: string): IsoDate {
  return meetingDateAfter(newestRecorded(reports, meetingLimit(now, knownAt)), now, knownAt);
}

/** The two knowledge cuts of a review, or a 400 problem naming the parameter that makes no sense. */
export function meetingCuts(q: ReviewQuery, reports: readonly ProgressReport[], now: Date): ParseResult<MeetingCuts> {
  return cutsOfMeeting(q, q.asOf ?? defaultMeetingDate(reports, now, q.knownAt));
}

/** The cuts of a meeting held on `asOf` (the query's, or the default meeting date). */
export function cutsOfMeeting(q: ReviewQuery, asOf: IsoDate): ParseResult<MeetingCuts> {
  const view = viewOf(q.includePending);
  const previous = q.previous ?? addDays(asOf, -MEETING_INTERVAL_DAYS);
  if (previous >= asOf) {
    return {
      ok: false,
      problem: badRequest(`参数“previous”（上次会议日期）应早于本次会议日期 ${asOf}`, 'previous'),
    };
  }
  const knownAt = q.knownAt ?? endOfMeetingDay(asOf);
  const previousEnd = endOfMeetingDay(previous);
  const previousKnownAt = Date.parse(previousEnd) <= Date.parse(knownAt) ? previousEnd : knownAt;
  return {
    ok: true,
    value: { meeting: { asOf, knownAt, view }, previous: { asOf: previous, knownAt: previousKnownAt, view } },
  };
}

/**
 * The report a target's state at the cut rests on: the newest effective one with a figure, with what
 * its department wrote beside it when `withNarrative` (and it wrote anything).
 */
export function latestReportAt(
  target: Target,
  reports: readonly ProgressReport[],
  cut: KnowledgeCut,
  withNarrative = false,
): LatestReport | null {
  const series = onePerDate(reportsAsOf(reports, cut));
  for (let i = series.length - 1; i >= 0; i--) {
    const r = series[i] as ProgressReport;
    if (target.kind === 'milestone' || r.value !== null) {
      return {
        id: r.id,
        asOf: r.asOf,
        ...(r.period ? { period: r.period } : {}),
        recordedAt: r.recordedAt,
        reportedBy: r.reportedBy,
        source: r.source,
        demo: r.demo,
        ...(withNarrative && hasNarrative(r.narrative) ? { narrative: r.narrative } : {}),
      };
    }
  }
  return null;
}

/**
 * Text on one line of at most `max` characters (UTF-16 units, as a schema's `max` counts them): runs
 * of white space become one space, and a longer text is cut, never inside a character, and ends in …
 */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let out = '';
  for (const ch of flat) {
    if (out.length + ch.length + 1 > max) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

function aggregateDto(a: Aggregate): AggregateDto {
  return {
    progress: a.progress,
    expected: a.expected,
    measured: a.measured,
    total: a.total,
    counts: a.counts,
    laggardIds: a.laggards.map((l) => l.target.id),
  };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface ReviewChanges {
  sectors: ReviewSector[];
  newWarnings: ReviewTransition[];
  recoveries: ReviewTransition[];
  biggestMovers: ReviewMover[];
  milestoneSteps: ReviewMilestoneStep[];
  stillSevere: ReviewTransition[];
  overdue: ReviewOverdueGroup[];
  byDepartment: ReviewDepartmentGroup[];
  laggards: ReviewLaggard[];
}

export interface ReviewItem {
  target: Target;
  now: TargetState;
  previous: TargetState;
  /** The last report known at the meeting (for "overdue": how long since it). */
  latestAsOf: IsoDate | null;
}

/**
 * What changed between two meetings, from each target's state at both cuts:
 * - new warnings: now lagging or severe, and not in that state before (lagging → severe counts too);
 * - recoveries: lagging or severe before, on track or achieved now;
 * - biggest movers: the largest changes of progress, in either direction;
 * - milestone steps: the milestones whose completed nodes changed, most nodes gained first;
 * - still severe: severe at both meetings;
 * - overdue: no report within the reporting cycle (status 未填报), grouped by lead department;
 * - laggards: every lagging target with the run-rate it now needs beside its recent rate.
 */
export function computeReviewChanges(
  items: readonly ReviewItem[],
  meetingDate: IsoDate,
  moverCount = MOVER_COUNT,
): ReviewChanges {
  const sectors: ReviewSector[] = SECTORS.map((s) => {
    const inSector = items.filter((i) => i.target.sectorId === s.id);
    const now = aggregate(inSector.map((i) => ({ target: i.target, state: i.now })));
    const before = aggregate(inSector.map((i) => ({ target: i.target, state: i.previous })));
    return {
      id: s.id,
      name: s.name,
      nameEn: s.nameEn,
      now: aggregateDto(now),
      previous: aggregateDto(before),
      change: shownDifference(now.progress, before.progress),
    };
  });

  const transition = (i: ReviewItem): ReviewTransition => ({
    id: i.target.id,
    from: i.previous.status,
    to: i.now.status,
    gap: i.now.gap,
  });
  // Furthest behind first: the gap, or a milestone's overdue days (aggregate.ts `behindBy`).
  const behind = new Map(items.map((i) => [i.target.id, behindBy(i.now)]));
  const worstFirst = (a: ReviewTransition, b: ReviewTransition) =>
    STATUS_SEVERITY[b.to] - STATUS_SEVERITY[a.to] || (behind.get(a.id) ?? 0) - (behind.get(b.id) ?? 0) || byId(a, b);

  const newWarnings = items
    .filter(
      (i) =>
        WARNING.has(i.now.status) &&
        (!WARNING.has(i.previous.status) || (i.now.status === 'severe' && i.previous.status === 'lagging')),
    )
    .map(transition)
    .sort(worstFirst);
  const recoveries = items
    .filter((i) => WARNING.has(i.previous.status) && GOOD.has(i.now.status))
    .map(transition)
    .sort(byId);
  const stillSevere = items
    .filter((i) => i.previous.status === 'severe' && i.now.status === 'severe')
    .map(transition)
    .sort(worstFirst);

  const biggestMovers: ReviewMover[] = [];
  for (const i of items) {
    if (i.now.progress === null || i.previous.progress === null) continue;
    // Of 完成率, or of the rate itself for growth rates and shares (figures.ts).
    const change = changeOf(i.target, i.now, i.previous);
    // Differences of binary fractions: 0.3 − 0.1 − 0.2 is not a movement anyone made.
    if (change === null || Math.abs(change) < 1e-9) continue;
    biggestMovers.push({ id: i.target.id, from: i.previous.progress, to: i.now.progress, change });
  }
  biggestMovers.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || byId(a, b));
  biggestMovers.length = Math.min(biggestMovers.length, moverCount);

  const milestoneSteps: ReviewMilestoneStep[] = [];
  for (const i of items) {
    const now = i.now.milestone;
    if (i.target.kind !== 'milestone' || !now) continue;
    const from = i.previous.milestone?.done ?? 0;
    if (now.done !== from) milestoneSteps.push({ id: i.target.id, from, to: now.done, total: now.total });
  }
  milestoneSteps.sort((a, b) => b.to - b.from - (a.to - a.from) || byId(a, b));

  const groups = new Map<string | null, ReviewOverdueGroup>();
  for (const i of items) {
    if (i.now.status !== 'no_data') continue;
    const department = i.target.department;
    let group = groups.get(department);
    if (!group) {
      group = { ...leadOf(i.target), divisionDemo: false, items: [] };
      groups.set(department, group);
    }
    if (i.target.divisionDemo) group.divisionDemo = true;
    group.items.push({
      id: i.target.id,
      lastReportAsOf: i.latestAsOf,
      daysSinceReport:
        i.latestAsOf === null ? null : daysBetween(i.latestAsOf, minDate(meetingDate, i.target.deadline)),
      newlyOverdue: i.previous.status !== 'no_data',
    });
  }
  const overdue = [...groups.values()]
    .map((g) => ({
      ...g,
      // Never reported first, then the longest silence.
      items: g.items.sort(
        (a, b) =>
          (b.daysSinceReport ?? Number.MAX_SAFE_INTEGER) - (a.daysSinceReport ?? Number.MAX_SAFE_INTEGER) || byId(a, b),
      ),
    }))
    .sort(
      (a, b) =>
        Number(a.department === null) - Number(b.department === null) ||
        b.items.length - a.items.length ||
        (a.departmentName ?? '').localeCompare(b.departmentName ?? '', 'zh-CN'),
    );

  const laggards: ReviewLaggard[] = items
    .filter((i) => WARNING.has(i.now.status))
    .map((i) => {
      const rate = i.now.requiredRate;
      return {
        id: i.target.id,
        status: i.now.status,
        gap: i.now.gap,
        requiredRate: rate,
        projection: i.now.projection,
        // Of the two rates as printed beside it, so the percentage checks (`shownRunRate`).
        paceRatio: rate ? shownRunRate(rate).ratio : null,
      };
    })
    .sort(
      (a, b) =>
        STATUS_SEVERITY[b.status] - STATUS_SEVERITY[a.status] ||
        (behind.get(a.id) ?? 0) - (behind.get(b.id) ?? 0) ||
        byId(a, b),
    );

  const byDepartment = departmentProblems(items, behind);

  return {
    sectors,
    newWarnings,
    recoveries,
    biggestMovers,
    milestoneSteps,
    stillSevere,
    overdue,
    byDepartment,
    laggards,
  };
}

/** A target's lead department as a review group names it: the id and the name people read. */
const leadOf = (t: Target): { department: string | null; departmentName: string | null } =>
  t.department === null
    ? { department: null, departmentName: null }
    : { department: t.department, departmentName: t.departmentName ?? t.department };

/** The statuses the meeting asks a lead department about, worst first: 严重滞后, 滞后, 未填报. */
export const DEPARTMENT_PROBLEMS = ['severe', 'lagging', 'no_data'] as const satisfies readonly Status[];
type DepartmentProblem = (typeof DEPARTMENT_PROBLEMS)[number];
const isProblem = (s: Status): s is DepartmentProblem => (DEPARTMENT_PROBLEMS as readonly Status[]).includes(s);

/**
 * 按牵头部门: per lead department, how many of the targets it leads are 滞后, 严重滞后 or 未填报 and which.
 * Departments with the most such targets first (then the most severe, then by name); the targets no
 * department leads (未明确牵头部门) last. Departments without any such target are left out.
 */
export function departmentProblems(
  items: readonly ReviewItem[],
  behind: ReadonlyMap<string, number>,
): ReviewDepartmentGroup[] {
  const groups = new Map<string | null, ReviewDepartmentGroup>();
  for (const i of items) {
    let group = groups.get(i.target.department);
    if (!group) {
      group = { ...leadOf(i.target), divisionDemo: false, total: 0, severe: 0, lagging: 0, overdue: 0, items: [] };
      groups.set(i.target.department, group);
    }
    group.total += 1;
    const status = i.now.status;
    if (!isProblem(status)) continue;
    if (i.target.divisionDemo) group.divisionDemo = true;
    if (status === 'no_data') group.overdue += 1;
    else group[status] += 1;
    group.items.push({ id: i.target.id, status });
  }
  const rank = (s: DepartmentProblem) => DEPARTMENT_PROBLEMS.indexOf(s);
  return [...groups.values()]
    .filter((g) => g.items.length > 0)
    .map((g) => ({
      ...g,
      items: g.items.sort(
        (a, b) => rank(a.status) - rank(b.status) || (behind.get(a.id) ?? 0) - (behind.get(b.id) ?? 0) || byId(a, b),
      ),
    }))
    .sort(
      (a, b) =>
        Number(a.department === null) - Number(b.department === null) ||
        b.items.length - a.items.length ||
        b.severe - a.severe ||
        (a.departmentName ?? '').localeCompare(b.departmentName ?? '', 'zh-CN'),
    );
}

export interface ReviewFilter {
  plan?: string | undefined;
  district?: string | undefined;
}

/** The review response, from plain arrays (the server's rows or the mock's catalog). */
export function buildReview(
  data: Pick<Dataset, 'plans' | 'targets' | 'reports'> & { rollups?: Rollups },
  filter: ReviewFilter,
  cuts: MeetingCuts,
): ReviewResponse {
  const targets = data.targets.filter((t) => matchesStaticFilter(t, filter));
  const ids = new Set(targets.map((t) => t.id));
  const reports = data.reports.filter((r) => ids.has(r.targetId));
  const byTarget = groupReports(reports);
  const plans = new Map<string, Plan>(data.plans.map((p) => [p.id, p]));

  const items: ReviewItem[] = [];
  const out: ReviewTarget[] = [];
  for (const t of targets) {
    const now = stateOf(t, byTarget, plans, cuts.meeting, data.rollups);
    const previous = stateOf(t, byTarget, plans, cuts.previous, data.rollups);
    // The narrative only where the meeting asks about it (滞后, 严重滞后): a province's review stays small.
    const latestReport = latestReportAt(t, byTarget.get(t.id) ?? [], cuts.meeting, WARNING.has(now.status));
    items.push({ target: t, now, previous, latestAsOf: latestReport?.asOf ?? null });
    out.push({ ...t, state: now, previousState: previous, latestReport });
  }
  const known = effectiveReports(reports, cuts.meeting.knownAt, cuts.meeting.view).filter(
    (r) => r.asOf <= cuts.meeting.asOf,
  );
  return {
    asOf: cuts.meeting.asOf,
    knownAt: cuts.meeting.knownAt,
    previousAsOf: cuts.previous.asOf,
    previousKnownAt: cuts.previous.knownAt,
    plan: filter.plan ? (plans.get(filter.plan) ?? null) : null,
    district: filter.district ?? null,
    containsDemo: targets.some((t) => t.demo) || known.some((r) => r.demo),
    targets: out,
    ...computeReviewChanges(items, cuts.meeting.asOf),
  };
}
