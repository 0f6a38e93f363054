import { z } from 'zod';
import { figurePeriodSchema, finite, isoDate, isoDateTime, sourceSchema } from './schemas';

/**
 * A progress report as the API carries it, with its narrative (issue 23) and its approval: apart
 * from schemas.ts so that the first load (the overview, the sector page) does not build them.
 */

/** What a report says beside its figure, as every 周调度 report in Chinese government does. '' when not given. */
export const NARRATIVE_FIELDS = ['progress', 'problems', 'nextSteps', 'coordination'] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];
export const narrativeSchema = z.object({
  /** 进展情况: what was done. */
  progress: z.string(),
  /** 存在问题: what is stuck. */
  problems: z.string(),
  /** 下步措施: what happens next. */
  nextSteps: z.string(),
  /** 需协调事项: what a city leader must unblock. */
  coordination: z.string(),
});
export type Narrative = z.infer<typeof narrativeSchema>;
export const EMPTY_NARRATIVE: Narrative = { progress: '', problems: '', nextSteps: '', coordination: '' };
export const hasNarrative = (n: Narrative | undefined): n is Narrative =>
  n !== undefined && NARRATIVE_FIELDS.some((f) => n[f] !== '');

/** 待审核 / 已审核 / 退回 (issue 23). */
export const APPROVAL_STATES = ['pending', 'approved', 'returned'] as const;
export const approvalStateSchema = z.enum(APPROVAL_STATES);
export type ApprovalState = z.infer<typeof approvalStateSchema>;
export const approvalSchema = z.object({
  state: approvalStateSchema,
  /** Who approved or returned it (username; null: pending, or approved on entry where the plan needs no review). */
  by: z.string().nullable(),
  byName: z.string().nullable().optional(),
  /** When it was approved or returned (for a report approved on entry: when it was recorded). */
  at: isoDateTime.nullable(),
  /** Why it was returned (退回理由), shown to the reporter. */
  reason: z.string().nullable(),
});
export type Approval = z.infer<typeof approvalSchema>;
export const approvalOf = (r: Pick<ProgressReport, 'approval'>): ApprovalState => r.approval?.state ?? 'approved';

export const progressReportSchema = z.object({
  id: z.string().min(1),
  targetId: z.string().min(1),
  /** The date the value is true as of: for a figure of a period, the period's end (1—11月: 11-30). */
  asOf: isoDate,
  /** The period the figure describes; absent or null: the day `asOf` (every department's report). */
  period: figurePeriodSchema.nullable().optional(),
  /** When the report was recorded (the second time axis). */
  recordedAt: isoDateTime,
  /** In `unit`; null for milestone reports. */
  value: finite.nullable(),
  unit: z.string(),
  /** Milestones: how many stages are done. */
  stagesDone: z.number().int().min(0).nullable(),
  note: z.string(),
  /** Evidence: a link or a document reference. */
  evidence: z.string().nullable(),
  /** Published figures carry their citation. */
  source: sourceSchema.nullable(),
  reportedBy: z.string().min(1),
  /**
   * The department (registry id) the figure was reported for, as it was when reported: reassigning
   * the target later does not rewrite it. Absent: not recorded (published figures, older reports).
   */
  department: z.string().min(1).optional(),
  /** The id of the report this one corrects. */
  supersedes: z.string().min(1).nullable(),
  correctionReason: z.string().nullable(),
  demo: z.boolean(),
  /** The reporter's display name (填报人), where the read joins it. */
  reportedByName: z.string().optional(),
  /** 进展情况 / 存在问题 / 下步措施 / 需协调事项: absent where a read leaves them out (the status windows). */
  narrative: narrativeSchema.optional(),
  /** Absent: approved (seeded, published and generated reports, and reads that leave it out). */
  approval: approvalSchema.optional(),
});
export type ProgressReport = z.infer<typeof progressReportSchema>;
