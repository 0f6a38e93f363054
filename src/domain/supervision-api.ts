import { z } from 'zod';
import { isoDate, isoDateTime } from './schemas';
import { text } from './text-field';

/**
 * 督办事项 (issue 24): a decision of the weekly meeting — who does what by when. Created from the
 * review (on a lagging target, or free-standing) by the target office (reviewers, administrators);
 * the lead department's reporters update it and close it with a note at /report.
 *
 * Stored status is `open` or `done`; the status shown is judged on the day the list is read for
 * (`asOf`, default today in Asia/Shanghai): `done` only if closed on or before that day (the
 * Shanghai day of `closedAt`; one closed later reads as open then, without its closing note);
 * otherwise `overdue` when its due date is before that day, else `open`. With `asOf` given, items
 * decided after it are left out: decided is the meeting date when set, else the day it was entered.
 */

export const SUPERVISION_TITLE_MAX = 500;
export const SUPERVISION_NOTE_MAX = 2000;
export const SUPERVISION_STATUSES = ['open', 'done', 'overdue'] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];

const departmentRef = z.object({ id: z.string(), name: z.string() });

/** A link to evidence (a document, a photo album): http(s) only. */
export const evidenceUrlSchema = z
  .string()
  .trim()
  .max(2000, { message: '佐证链接不能超过 2000 个字符' })
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), { message: '佐证链接应以 http:// 或 https:// 开头' });

export const supervisionItemSchema = z.object({
  id: z.string(),
  /** The decision: what is to be done. */
  title: z.string(),
  /** The target it was decided on (null: free-standing). */
  targetId: z.string().nullable(),
  targetTitle: z.string().nullable(),
  /** The plan of its target (null for a free-standing item). */
  planId: z.string().nullable(),
  /** Lead department (牵头单位): a registry id, and its name. */
  leadDepartment: z.string(),
  leadDepartmentName: z.string(),
  /** Supporting departments (配合单位). */
  supportingDepartments: z.array(departmentRef),
  dueDate: isoDate,
  /** open 办理中 · done 已办结 · overdue 逾期 (open and past its due date at `asOf`). */
  status: z.enum(SUPERVISION_STATUSES),
  /** The latest word on its progress (办理进展), '' when none. */
  progress: z.string(),
  /** The closing note (办结说明); null while open. */
  note: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  /** The weekly meeting that decided it (its date), if created from a review. */
  meetingDate: isoDate.nullable(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  closedBy: z.string().nullable(),
  closedByName: z.string().nullable(),
  closedAt: isoDateTime.nullable(),
});
export type SupervisionItem = z.infer<typeof supervisionItemSchema>;

/** GET /supervision */
export const supervisionQuerySchema = z.object({
  /** The day statuses are judged on (default today, Asia/Shanghai): an item due before it and open is 逾期. */
  asOf: isoDate.optional(),
  status: z.enum(SUPERVISION_STATUSES).optional(),
  /** A lead or supporting department (registry id). */
  department: z.string().min(1).max(200).optional(),
  targetId: z.string().min(1).max(200).optional(),
  plan: z.string().min(1).max(200).optional(),
  /** `mine=1`: the items the signed-in person's departments lead or support (401 without a session). */
  mine: z
    .enum(['1', '0', 'true', 'false'], { message: '应为 1（我的）或 0' })
    .transform((v) => v === '1' || v === 'true')
    .optional(),
});
export type SupervisionQuery = z.infer<typeof supervisionQuerySchema>;

export const supervisionCountsSchema = z.object({
  open: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
});

export const supervisionListResponseSchema = z.object({
  asOf: isoDate,
  counts: supervisionCountsSchema,
  /** Overdue first (longest overdue first), then open by due date, then done (newest closed first). */
  items: z.array(supervisionItemSchema),
});
export type SupervisionListResponse = z.infer<typeof supervisionListResponseSchema>;

/** POST /supervision */
export const supervisionCreateSchema = z
  .object({
    title: text(SUPERVISION_TITLE_MAX, '督办事项').trim().min(1, { message: '请填写督办事项' }),
    leadDepartment: z.string().trim().min(1, { message: '请选择牵头单位' }).max(200),
    supportingDepartments: z.array(z.string().trim().min(1).max(200)).max(30).optional(),
    dueDate: isoDate,
    targetId: z.string().trim().min(1).max(200).nullable().optional(),
    meetingDate: isoDate.optional(),
  })
  .strict();
export type SupervisionCreate = z.infer<typeof supervisionCreateSchema>;

/**
 * PATCH /supervision/:id. The lead department's reporters may set `progress`, `evidenceUrl`, and
 * close (`status: 'done'` with a `note`); the target office (reviewers, administrators) may also
 * change the decision itself and reopen (`status: 'open'`).
 */
export const supervisionPatchSchema = z
  .object({
    status: z.enum(['open', 'done']).optional(),
    note: text(SUPERVISION_NOTE_MAX, '办结说明').trim().optional(),
    progress: text(SUPERVISION_NOTE_MAX, '办理进展').trim().optional(),
    evidenceUrl: evidenceUrlSchema.nullable().optional(),
    title: text(SUPERVISION_TITLE_MAX, '督办事项').trim().min(1, { message: '请填写督办事项' }).optional(),
    leadDepartment: z.string().trim().min(1).max(200).optional(),
    supportingDepartments: z.array(z.string().trim().min(1).max(200)).max(30).optional(),
    dueDate: isoDate.optional(),
  })
  .strict();
export type SupervisionPatch = z.infer<typeof supervisionPatchSchema>;

export const supervisionItemResponseSchema = z.object({ item: supervisionItemSchema });
