import { z } from 'zod';
import { aggregateSchema } from './aggregate-schema';
import {
  contextFigureSchema,
  isoDate,
  keyProjectSchema,
  planSchema,
  progressReportSchema,
  projectionSchema,
  requiredRateSchema,
  sectorSchema,
  sourceSchema,
  statusSchema,
  targetSchema,
  targetStateSchema,
} from './schemas';

/**
 * Response bodies of `/api/v1`. The server builds them, the MSW mock builds them from the same
 * catalog through the same domain code, and the client parses every response with them.
 */

export const targetWithStateSchema = targetSchema.extend({ state: targetStateSchema });
export type TargetWithStateDto = z.infer<typeof targetWithStateSchema>;

export const plansResponseSchema = z.object({ items: z.array(planSchema) });
export type PlansResponse = z.infer<typeof plansResponseSchema>;

export const sectorsResponseSchema = z.object({ items: z.array(sectorSchema) });
export type SectorsResponse = z.infer<typeof sectorsResponseSchema>;

export const targetsResponseSchema = z.object({
  asOf: isoDate,
  items: z.array(targetWithStateSchema),
});
export type TargetsResponse = z.infer<typeof targetsResponseSchema>;

export const reportWithFlagsSchema = progressReportSchema.extend({
  /** True when a later correction replaces this report (it stays in the history). */
  superseded: z.boolean(),
});
export type ReportWithFlags = z.infer<typeof reportWithFlagsSchema>;

export const targetDetailResponseSchema = z.object({
  asOf: isoDate,
  item: targetWithStateSchema.extend({
    /** The state one week before `asOf`, for ▲/▼ comparisons. */
    previousState: targetStateSchema.nullable(),
    /** Every report, oldest first, corrections included and marked. */
    reports: z.array(reportWithFlagsSchema),
    contextFigures: z.array(contextFigureSchema),
    /** The key projects counted by this target (first page; `projectCount` is the total). */
    projects: z.array(keyProjectSchema),
    projectCount: z.number().int().min(0),
  }),
});
export type TargetDetailResponse = z.infer<typeof targetDetailResponseSchema>;

export const sectorSummarySchema = aggregateSchema.extend({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** The sector's progress one week before `asOf`. */
  previousProgress: z.number().nullable(),
});
export type SectorSummary = z.infer<typeof sectorSummarySchema>;

export const headlineSchema = z.object({
  key: z.string(),
  target: targetWithStateSchema,
  previousProgress: z.number().nullable(),
  /** Week-on-week change (×100 = 个百分点): of 完成率, or of the rate itself for a rate (figures.ts). */
  change: z.number().nullable(),
});
export type Headline = z.infer<typeof headlineSchema>;

export const freshnessSchema = z.object({
  /** The newest as-of date of any report (what the data describes). */
  latestReportAsOf: isoDate.nullable(),
  /** When the newest report was recorded. */
  latestRecordedAt: z.string().nullable(),
  /** When this response was computed (server clock). */
  generatedAt: z.string(),
  /**
   * How many targets' latest figure is dated before the as-of date: they are judged at their own
   * figure's date, and the view says so ("224 项目标的最新数据早于 12月31日").
   */
  olderFigures: z.number().int().min(0),
});

export const summaryResponseSchema = z.object({
  asOf: isoDate,
  previousAsOf: isoDate,
  overall: aggregateSchema,
  sectors: z.array(sectorSummarySchema),
  headlines: z.array(headlineSchema),
  /** The targets furthest behind their pace. */
  warnings: z.array(targetWithStateSchema),
  freshness: freshnessSchema,
  /** Every date with at least one report (also after `asOf`), oldest first: the as-of timeline. */
  reportDates: z.array(isoDate),
  /** Whether any value in this summary comes from generated demo data. */
  containsDemo: z.boolean(),
});
export type SummaryResponse = z.infer<typeof summaryResponseSchema>;

/** What the project filters can offer, over every key project whatever the filter (not just a page). */
export const projectFacetsSchema = z.object({
  /** Every district with a key project: 市级 first, then in code-point order. */
  districts: z.array(z.string().min(1)),
  /** Every target a key project counts towards, in code-point order. */
  targetIds: z.array(z.string().min(1)),
});
export type ProjectFacets = z.infer<typeof projectFacetsSchema>;

export const projectsResponseSchema = z.object({
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  total: z.number().int().min(0),
  items: z.array(keyProjectSchema),
  /** On the first page only: the options of the district and target filters. */
  facets: projectFacetsSchema.optional(),
});
export type ProjectsResponse = z.infer<typeof projectsResponseSchema>;

export const projectDetailResponseSchema = z.object({
  item: keyProjectSchema,
  targets: z.array(targetSchema),
});
export type ProjectDetailResponse = z.infer<typeof projectDetailResponseSchema>;

/**
 * RFC 9457 problem details, with the offending parameter named; for a value the parameter cannot
 * take (an unknown district, say), that value and the ones it can (`allowed`).
 */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  param: z.string().optional(),
  value: z.string().optional(),
  allowed: z.array(z.string()).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/* ---- Weekly review meeting (周调度会), /api/v1/review ---- */

/** The report a target's state rests on at the meeting: when it was true, who reported it, its citation. */
export const latestReportSchema = z.object({
  id: z.string(),
  asOf: isoDate,
  recordedAt: z.string(),
  reportedBy: z.string(),
  source: sourceSchema.nullable(),
  demo: z.boolean(),
});
export type LatestReport = z.infer<typeof latestReportSchema>;

export const reviewTargetSchema = targetWithStateSchema.extend({
  /** The state at the previous meeting (its own date, known by the end of that day). */
  previousState: targetStateSchema,
  latestReport: latestReportSchema.nullable(),
});
export type ReviewTarget = z.infer<typeof reviewTargetSchema>;

export const reviewSectorSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  now: aggregateSchema,
  previous: aggregateSchema,
  /** Change of mean progress since the previous meeting, as a fraction (×100 = pp). */
  change: z.number().nullable(),
});
export type ReviewSector = z.infer<typeof reviewSectorSchema>;

/** A target whose status changed (or stayed severe) between the meetings. */
export const reviewTransitionSchema = z.object({
  id: z.string(),
  from: statusSchema,
  to: statusSchema,
  gap: z.number().nullable(),
});
export type ReviewTransition = z.infer<typeof reviewTransitionSchema>;

export const reviewMoverSchema = z.object({
  id: z.string(),
  from: z.number(),
  to: z.number(),
  /** to − from, a fraction (×100 = pp). */
  change: z.number(),
});
export type ReviewMover = z.infer<typeof reviewMoverSchema>;

export const reviewOverdueGroupSchema = z.object({
  /** null: no lead department is named (shown as 未明确牵头部门). */
  department: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      lastReportAsOf: isoDate.nullable(),
      /** Days from the last report to the meeting (or the deadline, if earlier); null when never reported. */
      daysSinceReport: z.number().int().nullable(),
      /** Not overdue at the previous meeting. */
      newlyOverdue: z.boolean(),
    }),
  ),
});
export type ReviewOverdueGroup = z.infer<typeof reviewOverdueGroupSchema>;

export const reviewLaggardSchema = z.object({
  id: z.string(),
  status: statusSchema,
  gap: z.number().nullable(),
  requiredRate: requiredRateSchema.nullable(),
  projection: projectionSchema.nullable(),
  /** Recent rate ÷ rate now needed (Open SDG: ≥ 0.95 on track, 0.6–0.95 needs acceleration). */
  paceRatio: z.number().nullable(),
});
export type ReviewLaggard = z.infer<typeof reviewLaggardSchema>;

export const reviewResponseSchema = z.object({
  /** The meeting date. */
  asOf: isoDate,
  /** Only reports recorded by this instant count (default: the end of the meeting day, Asia/Shanghai). */
  knownAt: z.string(),
  previousAsOf: isoDate,
  previousKnownAt: z.string(),
  plan: planSchema.nullable(),
  district: z.string().nullable(),
  containsDemo: z.boolean(),
  targets: z.array(reviewTargetSchema),
  sectors: z.array(reviewSectorSchema),
  newWarnings: z.array(reviewTransitionSchema),
  recoveries: z.array(reviewTransitionSchema),
  biggestMovers: z.array(reviewMoverSchema),
  stillSevere: z.array(reviewTransitionSchema),
  overdue: z.array(reviewOverdueGroupSchema),
  laggards: z.array(reviewLaggardSchema),
});
export type ReviewResponse = z.infer<typeof reviewResponseSchema>;
