import { type Aggregate, aggregate } from './aggregate';
import type { AggregateDto } from './aggregate-schema';
import type {
  ProjectFacets,
  ProjectsResponse,
  SectorSummary,
  SummaryResponse,
  TargetDetailResponse,
  TargetsResponse,
  TargetWithStateDto,
} from './api';
import { addDays, type IsoDate } from './dates';
import { effectiveReports } from './reports';
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
import { computeTargetState } from './status';

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

export function matchesStaticFilter(t: Target, f: TargetFilter): boolean {
  if (f.plan && t.planId !== f.plan) return false;
  if (f.sector && t.sectorId !== f.sector) return false;
  if (f.district && t.district !== f.district) return false;
  if (f.department && t.department !== f.department) return false;
  if (f.q) {
    const q = f.q.trim().toLowerCase();
    if (q && !`${t.title} ${t.id} ${t.subsection} ${t.department ?? ''}`.toLowerCase().includes(q)) return false;
  }
  return true;
}

export function stateOf(
  target: Target,
  reportsByTarget: ReadonlyMap<string, readonly ProgressReport[]>,
  plans: ReadonlyMap<string, Plan>,
  cut: Cut,
): TargetState {
  return computeTargetState(target, reportsByTarget.get(target.id) ?? [], {
    asOf: cut.asOf,
    knownAt: cut.knownAt,
    thresholds: plans.get(target.planId)?.thresholds ?? DEFAULT_THRESHOLDS,
  });
}

export function withStates(
  targets: readonly Target[],
  reportsByTarget: ReadonlyMap<string, readonly ProgressReport[]>,
  plans: readonly Plan[],
  cut: Cut,
): TargetWithStateDto[] {
  const planMap = new Map(plans.map((p) => [p.id, p]));
  return targets.map((t) => ({ ...t, state: stateOf(t, reportsByTarget, planMap, cut) }));
}

export function buildTargets(data: Dataset, filter: TargetFilter, cut: Cut): TargetsResponse {
  const targets = data.targets.filter((t) => matchesStaticFilter(t, filter));
  const items = withStates(targets, groupReports(data.reports), data.plans, cut).filter(
    (t) => !filter.status || t.state.status === filter.status,
  );
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

function aggregateDtos(items: TargetWithStateDto[], laggards = 5): Aggregate {
  return aggregate(
    items.map((i) => ({ target: i, state: i.state })),
    laggards,
  );
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

export function buildSummary(data: Dataset, filter: TargetFilter, cut: Cut, options: SummaryOptions): SummaryResponse {
  const targets = data.targets.filter((t) => matchesStaticFilter(t, filter));
  const ids = new Set(targets.map((t) => t.id));
  const reports = data.reports.filter((r) => ids.has(r.targetId));
  const byTarget = groupReports(reports);
  const previousAsOf = addDays(cut.asOf, -WEEK);
  const now = withStates(targets, byTarget, data.plans, cut);
  const before = withStates(targets, byTarget, data.plans, { ...cut, asOf: previousAsOf });
  const previousById = new Map(before.map((t) => [t.id, t.state]));

  const sectors: SectorSummary[] = SECTORS.map((s) => {
    const items = now.filter((t) => t.sectorId === s.id);
    const prev = aggregateDtos(before.filter((t) => t.sectorId === s.id));
    return {
      ...toDto(aggregateDtos(items)),
      id: s.id,
      name: s.name,
      nameEn: s.nameEn,
      previousProgress: prev.progress,
    };
  });

  const rank = (key: string) => {
    const i = HEADLINE_ORDER.indexOf(key);
    return i === -1 ? HEADLINE_ORDER.length : i;
  };
  const headlines = now
    .filter((t): t is TargetWithStateDto & { headline: string } => t.headline !== null)
    .sort((a, b) => rank(a.headline) - rank(b.headline) || a.headline.localeCompare(b.headline))
    .map((t) => ({ key: t.headline, target: t, previousProgress: previousById.get(t.id)?.progress ?? null }));

  const overall = aggregateDtos(now, options.warningCount ?? 8);
  const known = effectiveReports(reports, cut.knownAt).filter((r) => r.asOf <= cut.asOf);
  let latestReportAsOf: IsoDate | null = null;
  let latestRecordedAt: string | null = null;
  for (const r of known) {
    if (latestReportAsOf === null || r.asOf > latestReportAsOf) latestReportAsOf = r.asOf;
    if (latestRecordedAt === null || Date.parse(r.recordedAt) > Date.parse(latestRecordedAt))
      latestRecordedAt = r.recordedAt;
  }
  return {
    asOf: cut.asOf,
    previousAsOf,
    overall: toDto(overall),
    sectors,
    headlines,
    warnings: overall.laggards.map((l) => now.find((t) => t.id === l.target.id)).filter((t) => t !== undefined),
    freshness: { latestReportAsOf, latestRecordedAt, generatedAt: options.generatedAt },
    reportDates: options.reportDates ?? reportDates(effectiveReports(data.reports, cut.knownAt)),
    containsDemo: targets.some((t) => t.demo) || known.some((r) => r.demo),
  };
}

/** How many of a target's key projects its detail view carries (the full list is `/projects?target=`). */
export const DETAIL_PROJECT_LIMIT = 50;

export function buildTargetDetail(
  data: Omit<Dataset, 'projects'>,
  id: string,
  cut: Cut,
  projects: { items: KeyProject[]; total: number },
): TargetDetailResponse | null {
  const target = data.targets.find((t) => t.id === id);
  if (!target) return null;
  const reports = data.reports.filter((r) => r.targetId === id);
  const byTarget = new Map([[id, reports]]);
  const plans = new Map(data.plans.map((p) => [p.id, p]));
  const known = reports.filter((r) => !cut.knownAt || Date.parse(r.recordedAt) <= Date.parse(cut.knownAt));
  const supersededIds = new Set(known.map((r) => r.supersedes).filter((s) => s !== null));
  return {
    asOf: cut.asOf,
    item: {
      ...target,
      state: stateOf(target, byTarget, plans, cut),
      previousState: stateOf(target, byTarget, plans, { ...cut, asOf: addDays(cut.asOf, -WEEK) }),
      reports: known
        .map((r) => ({ ...r, superseded: supersededIds.has(r.id) }))
        .sort((a, b) => a.asOf.localeCompare(b.asOf) || Date.parse(a.recordedAt) - Date.parse(b.recordedAt)),
      contextFigures: data.contextFigures.filter((c) => c.targetId === id),
      projects: projects.items,
      projectCount: projects.total,
    },
  };
}

export const PROJECT_SORTS = [
  'name',
  '-name',
  'investment',
  '-investment',
  'stage',
  '-stage',
  'district',
  '-district',
] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

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
