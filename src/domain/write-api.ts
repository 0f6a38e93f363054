import { z } from 'zod';
import { targetWithStateSchema } from './api';
import { addDays, dayNumber, fromDayNumber, type IsoDate, isIsoDate, isIsoInstant } from './dates';
import { isDomainError } from './errors';
import { isWholeCount } from './format';
import {
  CONFIRMATION_CODES,
  type ConfirmationIssue,
  type FieldCheckIssue,
  type IssueCode,
  issueCode,
  issueParamsSchema,
} from './issues';
import { progressReportSchema } from './report-schema';
import { effectiveReports } from './reports';
import {
  DEFAULT_THRESHOLDS,
  isoDate,
  type ProgressReport,
  planSchema,
  type StatusThresholds,
  type Target,
  type TargetState,
  targetSchema,
  targetStateSchema,
} from './schemas';
import { type Role, roleSchema, userSchema } from './session-schema';
import { computeTargetState } from './status';
import { text } from './text-field';
import { inTargetUnit } from './units';

// Who is signed in lives in its own small module (the session check runs on every page).
export {
  READ_ACCESS,
  type ReadAccess,
  ROLES,
  type Role,
  roleSchema,
  type SessionResponse,
  sessionResponseSchema,
  type User,
  userSchema,
} from './session-schema';

/**
 * The write side of `/api/v1` (issue 7): request and response bodies, and the checks a report must
 * pass. The server enforces them; the report form runs the same checks to show problems and the
 * resulting progress before anything is sent.
 */

export const ROLE_NAMES_ZH: Record<Role, string> = {
  viewer: '查看者',
  reporter: '填报员',
  reviewer: '审核员',
  admin: '管理员',
};

/**
 * The schemas' messages are the API's Chinese (the server and the admin CLI answer with them); a form
 * words an issue by its code instead (`issueOfZod`): zod's own checks by kind and limit, refinements
 * by the code in their `params`.
 */
const refined = (message: string, code: IssueCode) => ({ message, params: issueCode(code) });

export { text } from './text-field';

const finite = z.number().refine(Number.isFinite, refined('必须是有限的数字', 'not_finite'));

export const usernameSchema = z
  .string()
  .trim()
  .min(2, { message: '用户名至少 2 个字符' })
  .max(64, { message: '用户名不能超过 64 个字符' })
  .refine((s) => /^[\p{L}\p{N}._@-]+$/u.test(s), refined('用户名只能包含文字、数字和 . _ @ -', 'username_chars'));
export const passwordSchema = z
  .string()
  .min(10, { message: '密码至少 10 个字符' })
  .max(200, { message: '密码不能超过 200 个字符' });
export const departmentSchema = text(100, '部门').trim().min(1, { message: '部门不能为空' });

export const signInRequestSchema = z.object({
  username: text(64, '用户名').trim().min(1, { message: '请输入用户名' }),
  password: z.string().min(1, { message: '请输入密码' }).max(200, { message: '密码过长' }),
});

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

/** Evidence is a link (http/https only: no javascript: or data: URLs) or a document reference. */
const evidenceSchema = text(1000, '佐证')
  .trim()
  .refine(
    (s) => !/^[a-z][a-z0-9+.-]*:/i.test(s) || /^https?:\/\/\S+$/i.test(s),
    refined('佐证链接只能是 http(s) 地址或文件说明', 'evidence_link'),
  );

/** Characters that turn the direction of the text after them (U+202A–202E, U+2066–2069): a figure's spoof. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const narrativeText = (name: string) =>
  text(NARRATIVE_MAX, name)
    .refine((s) => !BIDI_CONTROL.test(s), {
      message: `${name}含有改变文字方向的控制字符，请删除后重试`,
      params: { code: 'bidi_control' as IssueCode, field: name },
    })
    .transform((s) => s.trim())
    .default('');
/** At most this many characters in each part of a narrative (a page of text). */
export const NARRATIVE_MAX = 2000;
export const NARRATIVE_NAMES_ZH = {
  progress: '进展情况',
  problems: '存在问题',
  nextSteps: '下步措施',
  coordination: '需协调事项',
} as const;
/** 进展情况 / 存在问题 / 下步措施 / 需协调事项 of a report: plain text, each optional. */
export const narrativeInputSchema = z.object({
  progress: narrativeText(NARRATIVE_NAMES_ZH.progress),
  problems: narrativeText(NARRATIVE_NAMES_ZH.problems),
  nextSteps: narrativeText(NARRATIVE_NAMES_ZH.nextSteps),
  coordination: narrativeText(NARRATIVE_NAMES_ZH.coordination),
});
export type NarrativeInput = z.infer<typeof narrativeInputSchema>;

export const reportInputSchema = z.object({
  asOf: isoDate,
  /** In `unit` (default: the target's unit); null/absent for milestones. */
  value: finite.nullable().optional(),
  unit: text(20, '单位').trim().optional(),
  stagesDone: z.number().int().min(0).max(1000).nullable().optional(),
  note: text(2000, '说明').default(''),
  narrative: narrativeInputSchema.optional(),
  evidence: evidenceSchema.nullable().optional(),
  /** Required when the checks ask for confirmation (value below the last one, far beyond the target). */
  confirmReason: text(500, '确认理由').trim().optional(),
  /** Check and preview only; nothing is saved. */
  dryRun: z.boolean().optional(),
});
export type ReportInput = z.infer<typeof reportInputSchema>;

export const correctionInputSchema = reportInputSchema.extend({
  /** Defaults to the as-of date of the corrected report. */
  asOf: isoDate.optional(),
  reason: text(500, '更正原因').trim().min(1, { message: '请填写更正原因' }),
});
export type CorrectionInput = z.infer<typeof correctionInputSchema>;

export { type Confirmation, confirmationSchema, type FieldIssue, fieldIssueSchema } from './problem';
export { CONFIRMATION_CODES, issueParamsSchema };

export const reportResponseSchema = z.object({
  item: progressReportSchema,
  /** The target's state as of the report's date with the report counted. */
  state: targetStateSchema.nullable(),
  dryRun: z.boolean(),
  /** True when an identical report already existed and nothing was written. */
  unchanged: z.boolean(),
});
export type ReportResponse = z.infer<typeof reportResponseSchema>;

export const myTargetSchema = targetWithStateSchema.extend({
  lastReport: progressReportSchema.nullable(),
  /** Reports a reviewer returned (退回) that are not revised yet, newest first: the reporter's to-do. */
  returned: z.array(progressReportSchema).default([]),
  /** No report yet this week (Monday–Sunday, Shanghai) while the target's period runs. */
  due: z.boolean(),
  /** The last report is older than the plan's reporting cycle. */
  overdue: z.boolean(),
});
export const myTargetsResponseSchema = z.object({
  today: isoDate,
  weekStart: isoDate,
  items: z.array(myTargetSchema),
});
export type MyTargetsResponse = z.infer<typeof myTargetsResponseSchema>;

// --- imports -------------------------------------------------------------------------------------

export const cellIssueSchema = z.object({
  /** 1-based spreadsheet row. */
  row: z.number().int(),
  column: z.string(),
  /** In Chinese, the API's language; `code` and `params` let a client word it in its own. */
  message: z.string(),
  code: z.string().optional(),
  params: issueParamsSchema.optional(),
});
export type CellIssue = z.infer<typeof cellIssueSchema>;

export const IMPORT_ROW_STATUSES = ['new', 'correction', 'unchanged', 'skipped', 'error'] as const;
export const importRowSchema = z.object({
  row: z.number().int(),
  targetId: z.string().nullable(),
  title: z.string().nullable(),
  status: z.enum(IMPORT_ROW_STATUSES),
  asOf: isoDate.nullable(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  /** Status the target would have with this row saved. */
  previewStatus: z.string().nullable(),
  previewProgress: z.number().nullable(),
  errors: z.array(cellIssueSchema),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importResponseSchema = z.object({
  mode: z.enum(['dry-run', 'commit']),
  fileName: z.string(),
  sha256: z.string(),
  committed: z.boolean(),
  /** The same file was already committed by this person: nothing was written again. */
  alreadyImported: z.boolean(),
  importId: z.string().nullable(),
  counts: z.object({
    rows: z.number().int(),
    new: z.number().int(),
    correction: z.number().int(),
    unchanged: z.number().int(),
    skipped: z.number().int(),
    error: z.number().int(),
  }),
  /** Every error, in Chinese, e.g. 第12行 “本期数值”：不是数字. */
  /** Every problem of the file in the API's Chinese (第12行 “本期数值”：不是数字)… */
  messages: z.array(z.string()),
  /** …and the same problems of its cells with their codes, for a client to word in its own language. */
  issues: z.array(cellIssueSchema),
  rows: z.array(importRowSchema),
});
export type ImportResponse = z.infer<typeof importResponseSchema>;

export function cellMessage(issue: CellIssue): string {
  return issue.column ? `第${issue.row}行 “${issue.column}”：${issue.message}` : `第${issue.row}行：${issue.message}`;
}

// --- admin ---------------------------------------------------------------------------------------

export const createUserRequestSchema = z.object({
  username: usernameSchema,
  displayName: text(100, '姓名').trim().optional(),
  password: passwordSchema,
  role: roleSchema,
  departments: z.array(departmentSchema).max(50).default([]),
  /** Plans a reviewer reviews whole (plan ids). */
  plans: z.array(text(100, '规划')).max(50).default([]),
});
export const updateUserRequestSchema = z
  .object({
    displayName: text(100, '姓名').trim().min(1),
    password: passwordSchema,
    role: roleSchema,
    departments: z.array(departmentSchema).max(50),
    plans: z.array(text(100, '规划')).max(50),
    disabled: z.boolean(),
  })
  .partial();
export const usersResponseSchema = z.object({ items: z.array(userSchema) });
export const userItemSchema = z.object({ item: userSchema });
export const targetItemSchema = z.object({ item: targetSchema });
export const planItemSchema = z.object({ item: planSchema });
/** Editable catalog fields (the id is fixed once reports refer to it). */
export const targetCreateSchema = targetSchema.omit({ departmentName: true, divisionDemo: true }).extend({
  supportingDepartments: z.array(z.string().min(1)).max(50).default([]),
  supportMayReport: z.boolean().default(false),
});
export const targetPatchSchema = targetSchema
  .omit({ id: true, departmentName: true, divisionDemo: true })
  .extend({ supportingDepartments: z.array(z.string().min(1)).max(50) })
  .partial();

const auditBound = z
  .string()
  .refine(
    (s) => isIsoDate(s) || isIsoInstant(s),
    refined('应为日期（YYYY-MM-DD）或带时区的时间（ISO 8601）', 'date_or_instant'),
  );
/** Filters of the audit log (GET /admin/audit and its export); a date bound covers its whole day in Shanghai. */
export const auditQuerySchema = z.object({
  actor: text(64, '操作人').optional(),
  action: text(100, '操作').optional(),
  entity: text(100, '对象').optional(),
  entityId: text(200, '对象编号').optional(),
  from: auditBound.transform((s) => (isIsoDate(s) ? `${s}T00:00:00+08:00` : s)).optional(),
  to: auditBound.transform((s) => (isIsoDate(s) ? `${s}T23:59:59.999+08:00` : s)).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditResponseSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(auditEntrySchema),
});

// --- the checks of one report ---------------------------------------------------------------------

/** A value more than this many times the target is almost always a unit slip (35 entered as 350000). */
export const FAR_BEYOND_FACTOR = 2;

export interface ReportDraft {
  asOf: IsoDate;
  value: number | null;
  /** As entered; '' means the target's unit. */
  unit: string;
  stagesDone: number | null;
}

/** A problem of one field of a report: a code and its figures, worded by src/i18n. */
export type ReportIssue = FieldCheckIssue & { field: keyof ReportDraft };

export interface ReportCheck {
  errors: ReportIssue[];
  confirmations: ConfirmationIssue[];
  /** The value in the target's unit, when it could be converted. */
  valueInTargetUnit: number | null;
}

/** A figure as a message shows it: at most ten significant digits (no 0.30000000000000004). */
const figure = (n: number) => Number(n.toPrecision(10));

/**
 * Checks a new report (or a correction of `supersedes`) against the target and its history.
 * `today` is the reporter's calendar day (Asia/Shanghai) from the injected clock.
 */
export function checkReport(
  target: Target,
  history: readonly ProgressReport[],
  draft: ReportDraft,
  today: IsoDate,
  supersedes?: string,
): ReportCheck {
  const errors: ReportIssue[] = [];
  const confirmations: ConfirmationIssue[] = [];
  if (draft.asOf > today) errors.push({ field: 'asOf', code: 'as_of_future', params: { today } });
  if (draft.asOf < target.periodStart)
    errors.push({ field: 'asOf', code: 'as_of_before_start', params: { start: target.periodStart } });
  if (draft.asOf > target.deadline)
    errors.push({ field: 'asOf', code: 'as_of_after_deadline', params: { deadline: target.deadline } });

  if (target.kind === 'milestone') {
    if (draft.stagesDone === null) errors.push({ field: 'stagesDone', code: 'stages_required' });
    else if (draft.stagesDone > target.stages.length)
      errors.push({ field: 'stagesDone', code: 'stages_too_many', params: { max: target.stages.length } });
    if (draft.value !== null) errors.push({ field: 'value', code: 'milestone_value' });
    return { errors, confirmations, valueInTargetUnit: null };
  }
  if (draft.stagesDone !== null) errors.push({ field: 'stagesDone', code: 'numeric_stages' });
  if (draft.value === null) {
    errors.push({ field: 'value', code: 'value_required' });
    return { errors, confirmations, valueInTargetUnit: null };
  }
  const converted = inTargetUnit(draft.value, draft.unit, target.unit);
  if (!converted.ok) {
    errors.push({ field: 'unit', ...converted.issue });
    return { errors, confirmations, valueInTargetUnit: null };
  }
  const value = converted.value;
  if (target.kind === 'cumulative' && value < 0) errors.push({ field: 'value', code: 'cumulative_negative' });
  // 443.7个项目 is no count anyone can have: a unit of whole things (个, 家, 人) takes whole numbers
  // (1.2万人 converts to 12,000 people, which is whole; float noise of a conversion is no fraction).
  if (isWholeCount(target.unit) && Math.abs(value - Math.round(value)) > 1e-6)
    errors.push({ field: 'value', code: 'count_not_whole', params: { unit: target.unit } });

  if (target.kind === 'cumulative') {
    const earlier = effectiveReports(history, undefined, 'pending')
      .filter((r) => r.id !== supersedes && r.asOf <= draft.asOf && r.value !== null)
      .sort((a, b) =>
        a.asOf === b.asOf ? Date.parse(a.recordedAt) - Date.parse(b.recordedAt) : a.asOf < b.asOf ? -1 : 1,
      )
      .at(-1);
    const last = earlier && earlier.value !== null ? inTargetUnit(earlier.value, earlier.unit, target.unit) : null;
    if (earlier && last?.ok && value < last.value) {
      confirmations.push({
        code: 'below_last',
        params: { value: figure(value), last: figure(last.value), unit: target.unit, asOf: earlier.asOf },
      });
    }
  }
  const goal = target.target;
  if (
    goal !== null &&
    goal > 0 &&
    target.comparator !== 'lte' &&
    (target.kind === 'cumulative' || target.kind === 'level') &&
    value > goal * FAR_BEYOND_FACTOR
  ) {
    confirmations.push({
      code: 'far_beyond',
      params: {
        value: figure(value),
        goal: figure(goal),
        unit: target.unit,
        ratio: figure(Math.round((value / goal) * 10) / 10),
      },
    });
  }
  return { errors, confirmations, valueInTargetUnit: value };
}

/** The target's state as of the report's date, with the report counted (null when it cannot be computed). */
export function previewState(
  target: Target,
  history: readonly ProgressReport[],
  report: ProgressReport,
  thresholds: StatusThresholds = DEFAULT_THRESHOLDS,
): TargetState | null {
  try {
    return computeTargetState(target, [...history, report], { asOf: report.asOf, thresholds, view: 'pending' });
  } catch (e) {
    if (isDomainError(e)) return null;
    throw e;
  }
}

/** Monday of the week (Monday–Sunday) containing `date`. */
export function weekStart(date: IsoDate): IsoDate {
  const n = dayNumber(date);
  // 1970-01-01 was a Thursday: day 0 → weekday 3 counting Monday as 0.
  const weekday = (((n + 3) % 7) + 7) % 7;
  return fromDayNumber(n - weekday);
}

/** Whether a target still wants a report this week, and whether it is past its reporting cycle. */
export function dueness(
  target: Target,
  last: ProgressReport | null,
  today: IsoDate,
  cycleDays: number,
): { due: boolean; overdue: boolean } {
  const start = weekStart(today);
  const running = target.periodStart <= today && target.deadline >= start;
  if (!running) return { due: false, overdue: false };
  const due = last === null || last.asOf < start;
  const overdue =
    last === null ? today > addDays(target.periodStart, cycleDays) : last.asOf < addDays(today, -cycleDays);
  return { due, overdue };
}

/**
 * The as-of date a new report starts with: the reporting cut-off. While the target runs that is
 * today (a report this week describes the week so far, as `dueness` counts it); once its deadline
 * has passed, the deadline (a figure after the period describes its end; today would be refused as
 * `as_of_after_deadline`). Never a future date, never before the period starts while it has started.
 */
export function defaultAsOf(target: Pick<Target, 'periodStart' | 'deadline'>, today: IsoDate): IsoDate {
  const cut = target.deadline < today ? target.deadline : today;
  return cut < target.periodStart && target.periodStart <= today ? target.periodStart : cut;
}

// --- catalog import (admins) ----------------------------------------------------------------------

export const catalogImportRowSchema = z.object({
  row: z.number().int(),
  targetId: z.string().nullable(),
  title: z.string().nullable(),
  status: z.enum(['new', 'update', 'unchanged', 'error']),
  errors: z.array(cellIssueSchema),
});
export const catalogImportResponseSchema = z.object({
  mode: z.enum(['dry-run', 'commit']),
  fileName: z.string(),
  committed: z.boolean(),
  plansCreated: z.array(z.string()),
  counts: z.object({
    rows: z.number().int(),
    new: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    error: z.number().int(),
  }),
  /** Every problem of the file in the API's Chinese (第12行 “本期数值”：不是数字)… */
  messages: z.array(z.string()),
  /** …and the same problems of its cells with their codes, for a client to word in its own language. */
  issues: z.array(cellIssueSchema),
  rows: z.array(catalogImportRowSchema),
});
export type CatalogImportResponse = z.infer<typeof catalogImportResponseSchema>;
