import { z } from 'zod';
import { progressReportSchema } from './report-schema';
import { isoDate, isoDateTime, targetSchema, targetStateSchema } from './schemas';
import { text } from './text-field';

/**
 * Review of reports (审核, issue 23): a reporter's report on a plan that wants review waits (待审核)
 * until a reviewer approves it (已审核) or returns it (退回) with a reason the reporter sees; a
 * returned report is revised as a new version (a correction of it), never edited in place.
 */

export const RETURN_REASON_MAX = 500;
/** POST /reports/:id/return, POST /imports/:id/return. */
export const returnRequestSchema = z.object({
  reason: text(RETURN_REASON_MAX, '退回理由').trim().min(1, { message: '请填写退回理由' }),
});
/** POST /reports/:id/approve, POST /imports/:id/approve: no fields (an empty object, or no body). */
export const approveRequestSchema = z.object({}).strict();

export const decisionResponseSchema = z.object({ item: progressReportSchema });
export type DecisionResponse = z.infer<typeof decisionResponseSchema>;

export const importDecisionResponseSchema = z.object({
  importId: z.string(),
  /** The reports decided, all at once (the import's reports waiting for review). */
  items: z.array(progressReportSchema),
});
export type ImportDecisionResponse = z.infer<typeof importDecisionResponseSchema>;

export const queueTargetSchema = targetSchema.pick({
  id: true,
  title: true,
  planId: true,
  sectorId: true,
  kind: true,
  unit: true,
  target: true,
  comparator: true,
  department: true,
  departmentName: true,
  stages: true,
});

export const reviewQueueItemSchema = z.object({
  /** The report waiting, with its narrative and who reported it. */
  report: progressReportSchema,
  target: queueTargetSchema,
  /** The figure the board shows now for that date or before (the approved one before it), if any. */
  previous: progressReportSchema.nullable(),
  /** The target's state at the report's date as the board has it now (approved reports only)… */
  current: targetStateSchema.nullable(),
  /** …and with this report counted: its 完成率 and pace. */
  proposed: targetStateSchema.nullable(),
  /** The import that brought it, to approve or return the whole file at once. */
  importId: z.string().nullable(),
});
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;

export const reviewQueueImportSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  importedBy: z.string(),
  importedAt: isoDateTime,
  /** Its reports waiting for review (the latest version of each), all of them: what 全部通过 decides… */
  pending: z.number().int(),
  /** …of which outside the reviewer's scope: with any, the file is decided row by row (all or nothing refuses it). */
  outOfScope: z.number().int(),
});

export const reviewQueueResponseSchema = z.object({
  /** Today in Shanghai. */
  today: isoDate,
  /** Newest first. */
  items: z.array(reviewQueueItemSchema),
  /** Waiting in the reviewer's scope in all (items holds at most the newest 200). */
  total: z.number().int(),
  imports: z.array(reviewQueueImportSchema),
  /** What the reviewer reviews, in words (全部规划 / 部门 …). */
  scope: z.string(),
});
export type ReviewQueueResponse = z.infer<typeof reviewQueueResponseSchema>;

/** The reviewer queue holds at most this many reports (newest first); `total` says how many wait. */
export const QUEUE_LIMIT = 200;
