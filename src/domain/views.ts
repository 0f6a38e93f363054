import { Accumulator, type Aggregate, type Tallied, Tally } from './aggregate';
import type { AggregateDto } from './aggregate-schema';
import type { SectorSummary, SummaryResponse, TargetsResponse, TargetWithStateDto } from './api';
import { addDays, type IsoDate } from './dates';
import { changeOf } from './figures';
import { checkProjects, type ProjectRollup, rollupsOf } from './project-rollup';
import type { ProjectFacets, ProjectsResponse } from './projects-api';
import { effectiveReports, type ReportView, reportsAsOf } from './reports';
import type {
  ContextFigure,
  KeyProject,
  Plan,
  ProgressReport,
  ProjectStage,
  SectorId,
  Status,
  Target,
  TargetState,
} from './schemas';
import { DEFAULT_THRESHOLDS, DISTRICT_CITY } from './schemas';
import { SECTORS } from './sectors';
import { computeTargetState, stateOfEffective, validateTarget } from './status';
import type { TargetDetailResponse } from './target-api';

/**
 * Building the API's response bodies from plain arrays: the server feeds it rows from the database,
 * the MSW mock feeds it the catalog. Both therefore answer with the same numbers.
 */
export interface Dataset {
  plans: readonly Plan[];
  targets: readonly Target[];
  reports: readonly ProgressReport[];
  contextFigures: readonly ContextFigure[];
  projects: readonly KeyProject[];
}

export interface TargetFilter {
  plan?: string | undefined;
  sector?: SectorId | undefined;
  district?: string | undefined;
  department?: string | undefined;
  status?: Status | undefined;
  q?: string | undefined;
}

export interface Cut {
  asOf: IsoDate;
  /** Only what was recorded by this instant (reproducing a past meeting). */
  knownAt?: string | undefined;
  /** Approved reports only (the default), or with those waiting for review (含待审核). */
  view?: ReportView | undefined;
}

/** Headline KPI tiles, in the order users talk about them. Other headline keys follow. */
export const HEADLINE_ORDER = ['key-projects', 'key-investment', 'new-jobs', 'compute', '5g'];
export const WEEK = 7;

export function groupReports(reports: readonly ProgressReport[]): Map<string, ProgressReport[]> {
  const byTarget = new Map<string, ProgressReport[]>();
  for (const r of reports) {
    const list = byTarget.get(r.targetId);
    if (list) list.push(r);
    else byTarget.set(r.targetId, [r]);
  }
  return byTarget;
}

/** The newest as-of date of any report known at `knownAt`: the default "as of" of every view. */
export function newestReportDate(reports: readonly ProgressReport[], knownAt?: string): IsoDate | null {
  let newest: IsoDate | null = null;
  for (const r of effectiveReports(reports, knownAt)) if (newest === null || r.asOf > newest) newest = r.asOf;
  return newest;
}

export function reportDates(reports: readonly ProgressReport[]): IsoDate[] {
  return [...new Set(reports.map((r) => r.asOf))].sort();
}

/** Whether the filter narrows the targets at all by what `matchesStaticFilter` checks. */
export function hasStaticFilter(f: Omit<TargetFilter, 'status'>): boolean {
  return Boolean(f.plan || f.sector || f.district || f.department || f.q?.trim());
}

export function matchesStaticFilter(t: Target, f: TargetFilter): boolean {
  if (f.plan && t.planId !== f.plan) return false;
  if (f.sector && t.sectorId !== f.sector) return false;
  if (f.district && t.district !== f.district) return false;
  if (f.department && t.department !== f.department) return false;
  if (f.q) {
    const q = f.q.trim().toLowerCase();
    // Field by field, as the database's filter does (server/repositories/store.ts): a match never spans two fields.
    if (q && ![t.title, t.id, t.subsection, t.departmentName ?? ''].some((s) => s.toLowerCase().includes(q)))
      return false;
  }
  return true;
}

/** Each project-list target's roll-up, by target id (the watermelon check reads it: checkProjects). */
export type Rollups = ReadonlyMap<string, ProjectRollup>;

export function stateOf(
  target: Target,
  reportsByTarget: ReadonlyMap<string, readonly ProgressReport[]>,
  plans: ReadonlyMap<string, Plan>,
  cut: Cut,
  rollups?: Rollups,
): TargetState {
  const thresholds = plans.get(target.planId)?.thresholds ?? DEFAULT_THRESHOLDS;
  const state = computeTargetState(target, reportsByTarget.get(target.id) ?? [], {
    asOf: cut.asOf,
    knownAt: cut.knownAt,
    view: cut.view,
    thresholds,
  });
  return checkProjects(target, state, rollups?.get(target.id), thresholds);
}

export function withStates(
  targets: readonly Target[],
  reportsByTarget: ReadonlyMap<string, readonly ProgressReport[]>,
  plans: readonly Plan[],
  cut: Cut,
  rollups?: Rollups,
): TargetWithStateDto[] {
  const planMap = new Map(plans.map((p) => [p.id, p]));
  return targets.map((t) => ({ ...t, state: stateOf(t, reportsByTarget, planMap, cut, rollups) }));
}

/** The target list from plain arrays (the mock), through the same facts as the server's memo. */
export function buildTargets(data: Dataset, filter: TargetFilter, cut: Cut): TargetsResponse {
  const targets = data.targets.filter((t) => matchesStaticFilter(t, filter));
  return listTargets(targets, factsOf(targets, data.reports, data.plans, cut, rollupsOf(data.projects)), filter, cut);
}

/** The target list of the given (already filtered) targets from their facts at the cut. */
export function listTargets(
  targets: readonly Target[],
  facts: ReadonlyMap<string, TargetFacts>,
  filter: Pick<TargetFilter, 'status'>,
  cut: Cut,
): TargetsResponse {
  const items: TargetWithStateDto[] = [];
  for (const t of targets) {
    const state = facts.get(t.id)?.state;
    if (!state) throw new Error(`no facts for target ${t.id}`);
    if (!filter.status || state.status === filter.status) items.push({ ...t, state });
  }
  return { asOf: cut.asOf, items };
}

function toDto(a: Aggregate): AggregateDto {
  return {
    progress: a.progress,
    expected: a.expected,
    measured: a.measured,
    total: a.total,
    counts: a.counts,
    laggardIds: a.laggards.map((l) => l.target.id),
  };
}

export interface SummaryOptions {
  /** The server's clock, for `freshness.generatedAt` (the domain never reads the clock). */
  generatedAt: string;
  /**
   * The as-of timeline: every date with a report in the whole dataset (known at the cut), including
   * dates after the as-of date so a person can move forward again. The server reads it with an
   * index scan; when omitted it is taken from `data.reports`.
   */
  reportDates?: IsoDate[];
  warningCount?: number;
}

/**
 * What a summary reads of a target's state a week before the cut: its status and 完成率 (the
 * sector's mean a week before), and for a rate its figure (a headline's change, figures.ts:
 * changeOf). Kept alone, not the whole state with its projection and required rate: every target
 * of every kept date holds one (issue 26: the facts of a nation's 200,000 targets).
 */
export interface WeekBefore extends Tallied {
  latest: { value: number | null } | null;
}

export function weekBefore(s: TargetState): WeekBefore {
  return {
    status: s.status,
    progress: s.progress,
    expected: s.expected,
    latest: s.latest === null ? null : { value: s.latest.value },
  };
}

/**
 * What the summary (and the target list) need of one target at a cut: its state then and one week
 * earlier (the ▲/▼), and what its known reports up to the as-of date say about freshness. One
 * target's facts depend only on that target, its plan's thresholds, its reports and the cut, so the
 * server can keep them and recompute only the targets whose reports changed (server/services/state-memo.ts).
 */
export interface TargetFacts {
  state: TargetState;
  previous: WeekBefore;
  /** The newest as-of date of a known report on or before the cut's as-of date. */
  latestAsOf: IsoDate | null;
  /** The newest recording instant of those reports, and the same in epoch milliseconds. */
  latestRecordedAt: string | null;
  latestRecordedMs: number;
  /** Whether any of those reports is generated demo data. */
  demo: boolean;
}

export function targetFacts(
  target: Target,
  reports: readonly ProgressReport[],
  plans: ReadonlyMap<string, Plan>,
  cut: Cut,
  rollup?: ProjectRollup,
): TargetFacts {
  const options = {
    knownAt: cut.knownAt,
    view: cut.view,
    thresholds: plans.get(target.planId)?.thresholds ?? DEFAULT_THRESHOLDS,
  };
  const checked = (state: TargetState) => checkProjects(target, state, rollup, options.thresholds);
  validateTarget(target);
  // Which versions count, once for both dates: each date's reports are a prefix (oldest first).
  const effective = reportsAsOf(reports, { asOf: cut.asOf, knownAt: cut.knownAt, view: cut.view });
  const aWeekBefore = addDays(cut.asOf, -WEEK);
  let prefix = effective.length;
  while (prefix > 0 && (effective[prefix - 1] as ProgressReport).asOf > aWeekBefore) prefix--;
  let latestAsOf: IsoDate | null = null;
  let latestRecorded: ProgressReport | null = null;
  let latestRecordedMs = Number.NEGATIVE_INFINITY;
  let demo = false;
  for (const r of effective) {
    if (latestAsOf === null || r.asOf > latestAsOf) latestAsOf = r.asOf;
    // Reports cut from the memo's columns (server/services/report-columns.ts) carry the instant as a number.
    const ms = (r as { recordedMs?: number }).recordedMs ?? Date.parse(r.recordedAt);
    if (ms > latestRecordedMs) {
      latestRecordedMs = ms;
      latestRecorded = r;
    }
    demo ||= r.demo;
  }
  const latestRecordedAt = latestRecorded === null ? null : latestRecorded.recordedAt;
  return {
    state: checked(stateOfEffective(target, effective, { ...options, asOf: cut.asOf })),
    previous: weekBefore(
      checked(
        stateOfEffective(target, prefix === effective.length ? effective : effective.slice(0, prefix), {
          ...options,
          asOf: aWeekBefore,
        }),
      ),
    ),
    latestAsOf,
    latestRecordedAt,
    latestRecordedMs,
    demo,
  };
}

/** Every target's facts at the cut, from a dataset's reports. */
export function factsOf(
  targets: readonly Target[],
  reports: readonly ProgressReport[],
  plans: readonly Plan[],
  cut: Cut,
  rollups?: Rollups,
): Map<string, TargetFacts> {
  const byTarget = groupReports(reports);
  const planMap = new Map(plans.map((p) => [p.id, p]));
  return new Map(
    targets.map((t) => [t.id, targetFacts(t, byTarget.get(t.id) ?? [], planMap, cut, rollups?.get(t.id))]),
  );
}

export function buildSummary(data: Dataset, filter: TargetFilter, cut: Cut, options: SummaryOptions): SummaryResponse {
  const targets = data.targets.filter((t) => matchesStaticFilter(t, filter));
  return summarize(targets, factsOf(targets, data.reports, data.plans, cut, rollupsOf(data.projects)), cut, {
    ...options,
    reportDates: options.reportDates ?? reportDates(effectiveReports(data.reports, cut.knownAt, cut.view)),
  });
}

/** The summary of the given (already filtered) targets from their facts at the cut. */
export function summarize(
  targets: readonly Target[],
  facts: ReadonlyMap<string, TargetFacts>,
  cut: Cut,
  options: SummaryOptions & { reportDates: IsoDate[] },
): SummaryResponse {
  // One pass, each state read once: at a province's 20,000 targets this runs after every write.
  const builder = new SummaryBuilder(cut.asOf, options.warningCount);
  for (const target of targets) {
    const f = facts.get(target.id);
    if (!f) throw new Error(`no facts for target ${target.id}`);
    builder.add(target, f);
  }
  return builder.result(cut, options);
}

const headlineRank = (key: string) => {
  const i = HEADLINE_ORDER.indexOf(key);
  return i === -1 ? HEADLINE_ORDER.length : i;
};

/**
 * A summary's running totals: every target added with its facts once, then kept up to date by
 * replacing the few targets a write changed (issue 26: at 200,000 targets, a full pass after every
 * write cost ~180 ms). `summarize` is one of these filled in one go, so both give the same digits.
 */
export class SummaryBuilder {
  private readonly overall: Accumulator;
  private readonly sectorNow = new Map<SectorId, Accumulator>();
  private readonly sectorBefore = new Map<SectorId, Tally>();
  private readonly headlined = new Map<string, { target: Target & { headline: string }; facts: TargetFacts }>();
  private latestAsOf: IsoDate | null = null;
  private latestRecordedAt: string | null = null;
  private latestRecordedMs = Number.NEGATIVE_INFINITY;
  /** How many targets hold the newest as-of date and the newest recording instant. */
  private latestAsOfHeld = 0;
  private latestRecordedHeld = 0;
  private demo = 0;
  private olderFigures = 0;
  /** The last target holding the newest figure was replaced by older facts: the newest is unknown. */
  private freshnessLost = false;

  /**
   * `depth`: how many laggards each aggregate keeps beyond the `warningCount` it reports, so that
   * replacing one of them seldom leaves too few (then `complete` is false and it is built anew).
   */
  constructor(
    private readonly asOf: IsoDate,
    warningCount = 8,
    depth = warningCount,
  ) {
    this.overall = new Accumulator(warningCount, depth);
    for (const s of SECTORS) {
      this.sectorNow.set(s.id, new Accumulator(5, depth > warningCount ? depth : 5));
      this.sectorBefore.set(s.id, new Tally());
    }
  }

  add(target: Target, f: TargetFacts): void {
    this.overall.add(target, f.state);
    this.sectorNow.get(target.sectorId)?.add(target, f.state);
    this.sectorBefore.get(target.sectorId)?.add(f.previous);
    if (target.headline !== null)
      this.headlined.set(target.id, { target: { ...target, headline: target.headline }, facts: f });
    if (f.latestAsOf !== null) {
      if (this.latestAsOf === null || f.latestAsOf > this.latestAsOf) {
        this.latestAsOf = f.latestAsOf;
        this.latestAsOfHeld = 0;
      }
      if (f.latestAsOf === this.latestAsOf) this.latestAsOfHeld += 1;
      if (f.latestAsOf < this.asOf) this.olderFigures += 1;
    }
    if (f.latestRecordedAt !== null) {
      if (f.latestRecordedMs > this.latestRecordedMs) {
        this.latestRecordedMs = f.latestRecordedMs;
        this.latestRecordedAt = f.latestRecordedAt;
        this.latestRecordedHeld = 0;
      }
      if (f.latestRecordedMs === this.latestRecordedMs) this.latestRecordedHeld += 1;
    }
    if (target.demo || f.demo) this.demo += 1;
  }

  /** Replaces a target's facts (`before`: those it was added with) by its new ones. */
  replace(target: Target, before: TargetFacts, after: TargetFacts): void {
    // Added first: a headline's entry is overwritten rather than removed, and the newest figure
    // counts the new facts before it loses the old.
    this.add(target, after);
    this.remove(target, before);
  }

  /** Takes out facts `add` put in (all but the headline entry, which `replace` overwrites). */
  private remove(target: Target, before: TargetFacts): void {
    this.overall.remove(target, before.state);
    this.sectorNow.get(target.sectorId)?.remove(target, before.state);
    this.sectorBefore.get(target.sectorId)?.remove(before.previous);
    if (before.latestAsOf !== null && before.latestAsOf < this.asOf) this.olderFigures -= 1;
    if (target.demo || before.demo) this.demo -= 1;
    // The newest figure stays known while another target still holds it.
    if (before.latestAsOf !== null && before.latestAsOf === this.latestAsOf && --this.latestAsOfHeld === 0)
      this.freshnessLost = true;
    if (
      before.latestRecordedAt !== null &&
      before.latestRecordedMs === this.latestRecordedMs &&
      --this.latestRecordedHeld === 0
    )
      this.freshnessLost = true;
  }

  /** Whether the totals are still exact (false: a replacement took away what cannot be recovered). */
  get complete(): boolean {
    if (this.freshnessLost || !this.overall.complete) return false;
    for (const a of this.sectorNow.values()) if (!a.complete) return false;
    return true;
  }

  result(cut: Cut, options: SummaryOptions & { reportDates: IsoDate[] }): SummaryResponse {
    const sectors: SectorSummary[] = SECTORS.map((s) => ({
      ...toDto((this.sectorNow.get(s.id) as Accumulator).result()),
      id: s.id,
      name: s.name,
      nameEn: s.nameEn,
      previousProgress: (this.sectorBefore.get(s.id) as Tally).progress,
    }));
    const headlines = [...this.headlined.values()]
      .sort(
        (a, b) =>
          headlineRank(a.target.headline) - headlineRank(b.target.headline) ||
          a.target.headline.localeCompare(b.target.headline),
      )
      .map(({ target, facts }) => ({
        key: target.headline,
        target: { ...target, state: facts.state },
        previousProgress: facts.previous.progress,
        change: changeOf(target, facts.state, facts.previous),
      }));
    const whole = this.overall.result();
    return {
      asOf: cut.asOf,
      previousAsOf: addDays(cut.asOf, -WEEK),
      overall: toDto(whole),
      sectors,
      headlines,
      warnings: whole.laggards.map((l) => ({ ...l.target, state: l.state })),
      freshness: {
        latestReportAsOf: this.latestAsOf,
        latestRecordedAt: this.latestRecordedAt,
        generatedAt: options.generatedAt,
        olderFigures: this.olderFigures,
      },
      reportDates: options.reportDates,
      containsDemo: this.demo > 0,
    };
  }
}

/** How many of a target's key projects its detail view carries (the full list is `/projects?target=`). */
export const DETAIL_PROJECT_LIMIT = 50;

export function buildTargetDetail(
  data: Omit<Dataset, 'projects'>,
  id: string,
  cut: Cut,
  projects: { items: KeyProject[]; total: number; rollup: ProjectRollup | null },
): TargetDetailResponse | null {
  const target = data.targets.find((t) => t.id === id);
  if (!target) return null;
  const reports = data.reports.filter((r) => r.targetId === id);
  const byTarget = new Map([[id, reports]]);
  const plans = new Map(data.plans.map((p) => [p.id, p]));
  const known = reports.filter((r) => !cut.knownAt || Date.parse(r.recordedAt) <= Date.parse(cut.knownAt));
  // Replaced, as this view sees it: a version another one corrects, unless it is the one that counts
  // (an approved figure whose correction waits, or was returned, is still the board's).
  const replaced = new Set(known.map((r) => r.supersedes).filter((s) => s !== null));
  const counted = new Set(effectiveReports(known, cut.knownAt, cut.view).map((r) => r.id));
  const supersededIds = new Set([...replaced].filter((id) => !counted.has(id)));
  const rollups = new Map(projects.rollup ? [[id, projects.rollup]] : []);
  return {
    asOf: cut.asOf,
    item: {
      ...target,
      state: stateOf(target, byTarget, plans, cut, rollups),
      previousState: stateOf(target, byTarget, plans, { ...cut, asOf: addDays(cut.asOf, -WEEK) }, rollups),
      reports: known
        .map((r) => ({ ...r, superseded: supersededIds.has(r.id) }))
        .sort((a, b) => a.asOf.localeCompare(b.asOf) || Date.parse(a.recordedAt) - Date.parse(b.recordedAt)),
      contextFigures: data.contextFigures.filter((c) => c.targetId === id),
      projects: projects.items,
      projectCount: projects.total,
      projectRollup: projects.rollup,
    },
  };
}

export { PROJECT_SORTS, type ProjectSort } from './project-sorts';

import type { ProjectSort } from './project-sorts';

export interface ProjectFilter {
  target?: string | undefined;
  district?: string | undefined;
  sector?: SectorId | undefined;
  stage?: ProjectStage | undefined;
  q?: string | undefined;
  sort?: ProjectSort | undefined;
  page: number;
  pageSize: number;
}

/** Plans by year, then id: the order every listing uses. */
export const comparePlans = (a: Plan, b: Plan): number => a.year - b.year || codePointCompare(a.id, b.id);

/** Code-point order, the same as PostgreSQL's `collate "C"`, so the database and the mock agree. */
export const codePointCompare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const STAGE_ORDER: Record<ProjectStage, number> = { preparation: 0, construction: 1, completed: 2, operating: 3 };

export function compareProjects(sort: ProjectSort): (a: KeyProject, b: KeyProject) => number {
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  const sign = desc ? -1 : 1;
  return (a, b) => {
    let c = 0;
    if (key === 'investment') c = (a.totalInvestment ?? -1) - (b.totalInvestment ?? -1);
    else if (key === 'stage') c = STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage];
    else if (key === 'district') c = codePointCompare(a.district, b.district);
    else c = codePointCompare(a.name, b.name);
    return sign * c || codePointCompare(a.id, b.id);
  };
}

export function buildProjects(data: Dataset, f: ProjectFilter): ProjectsResponse {
  const q = f.q?.trim().toLowerCase();
  const all = data.projects
    .filter(
      (p) =>
        (!f.target || p.targetIds.includes(f.target)) &&
        (!f.district || p.district === f.district) &&
        (!f.sector || p.sectorId === f.sector) &&
        (!f.stage || p.stage === f.stage) &&
        (!q || `${p.name} ${p.owner ?? ''}`.toLowerCase().includes(q)),
    )
    .sort(compareProjects(f.sort ?? 'name'));
  const start = (f.page - 1) * f.pageSize;
  const page = { page: f.page, pageSize: f.pageSize, total: all.length, items: all.slice(start, start + f.pageSize) };
  if (f.page !== 1) return page;
  return {
    ...page,
    facets: projectFacets(
      data.projects.map((p) => p.district),
      data.projects.flatMap((p) => p.targetIds),
    ),
  };
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The filter options of the projects list from every project's district and targets, in one
 * order for the server and the mock (a database collation would differ from JavaScript's).
 */
export function projectFacets(districts: Iterable<string>, targetIds: Iterable<string>): ProjectFacets {
  return {
    districts: [...new Set(districts)].sort(
      (a, b) => Number(b === DISTRICT_CITY) - Number(a === DISTRICT_CITY) || byCodePoint(a, b),
    ),
    targetIds: [...new Set(targetIds)].sort(byCodePoint),
  };
}
