import { z } from 'zod';
import { aggregateSchema } from './aggregate-schema';
import { targetWithStateSchema } from './api';
import { narrativeSchema } from './report-schema';
import {
  figurePeriodSchema,
  isoDate,
  planSchema,
  projectionSchema,
  requiredRateSchema,
  sourceSchema,
  statusSchema,
  targetStateSchema,
} from './schemas';

/**
 * The weekly review's answer (周调度会, GET /api/v1/review), apart from the other response schemas:
 * only the review page (and the server) builds these, not every page's first load.
 */
/** The report a target's state rests on at the meeting: when it was true, who reported it, its citation. */
export const latestReportSchema = z.object({
  id: z.string(),
  asOf: isoDate,
  /** The period the figure describes (1—11月, 2025年6月); absent or null: the day `asOf`. */
  period: figurePeriodSchema.nullable().optional(),
  recordedAt: z.string(),
  reportedBy: z.string(),
  source: sourceSchema.nullable(),
  demo: z.boolean(),
  /**
   * What the department wrote beside the figure (存在问题, 下步措施, 需协调事项…), for a target lagging
   * or severely lagging at the meeting whose report says anything; absent otherwise ("未说明").
   */
  narrative: narrativeSchema.optional(),
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

/**
 * A milestone target (节点) whose completed nodes changed between the meetings: 1/4 → 3/4. Not among
 * the movers, whose changes are 完成率 in percentage points: one node of four would be 25 points and
 * rank above every figure that moved a normal week.
 */
export const reviewMilestoneStepSchema = z.object({
  id: z.string(),
  /** Nodes done at the previous meeting and at this one, of `total`. */
  from: z.number().int().min(0),
  to: z.number().int().min(0),
  total: z.number().int().min(1),
});
export type ReviewMilestoneStep = z.infer<typeof reviewMilestoneStepSchema>;

export const reviewOverdueGroupSchema = z.object({
  /** The lead department's registry id; null: no lead department is named (shown as 未明确牵头部门). */
  department: z.string().nullable(),
  /** Its name as people read it (null with `department`). */
  departmentName: z.string().nullable(),
  /** Some target of the group is led by it in the demo division of tasks (marked 演示). */
  divisionDemo: z.boolean(),
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

/** 按牵头部门: a lead department's targets that are 严重滞后, 滞后 or 未填报 at the meeting. */
export const reviewDepartmentGroupSchema = z.object({
  /** Registry id; null: the targets no department leads (未明确牵头部门). */
  department: z.string().nullable(),
  departmentName: z.string().nullable(),
  /** Some listed target is led by it in the demo division of tasks (marked 演示). */
  divisionDemo: z.boolean(),
  /** Targets it leads (in the review's scope). */
  total: z.number().int(),
  severe: z.number().int(),
  lagging: z.number().int(),
  /** 未填报: no report within the reporting cycle. */
  overdue: z.number().int(),
  /** Those targets, 严重滞后 first, then 滞后, then 未填报; furthest behind first within each. */
  items: z.array(z.object({ id: z.string(), status: z.enum(['severe', 'lagging', 'no_data']) })),
});
export type ReviewDepartmentGroup = z.infer<typeof reviewDepartmentGroupSchema>;

export const reviewLaggardSchema = z.object({
  id: z.string(),
  status: statusSchema,
  gap: z.number().nullable(),
  requiredRate: requiredRateSchema.nullable(),
  projection: projectionSchema.nullable(),
  /**
   * Recent rate ÷ rate now needed, of the two as shown (`shownRunRate`: 2.25 ÷ 11.2, not 2.2479 ÷ 11.21)
   * (Open SDG: ≥ 0.95 on track, 0.6–0.95 needs acceleration).
   */
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
  milestoneSteps: z.array(reviewMilestoneStepSchema),
  stillSevere: z.array(reviewTransitionSchema),
  overdue: z.array(reviewOverdueGroupSchema),
  byDepartment: z.array(reviewDepartmentGroupSchema),
  laggards: z.array(reviewLaggardSchema),
});
export type ReviewResponse = z.infer<typeof reviewResponseSchema>;
