import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Pacing, Stage, StatusThresholds } from '../../src/domain/schemas';

/**
 * Table types for Kysely. Dates are `date` columns read back as `YYYY-MM-DD` strings, instants are
 * `timestamptz` read back as ISO strings, numerics are parsed to numbers (see connect.ts).
 */
export interface PlansTable {
  id: string;
  title: string;
  issuer: string;
  year: number;
  document: string;
  published_on: string | null;
  thresholds: JSONColumnType<StatusThresholds>;
  /** Reports wait for review before they count (0008-approval). */
  approval: Generated<boolean>;
  /** Missed reporting cycles before a department's overdue report is escalated (0009-supervision). */
  escalate_after: Generated<number>;
}

export interface TargetsTable {
  id: string;
  plan_id: string;
  sector_id: string;
  subsection: string;
  title: string;
  district: string;
  department: string | null;
  kind: string;
  unit: string;
  target: number | null;
  comparator: string;
  baseline: number | null;
  period_start: string;
  deadline: string;
  pacing: JSONColumnType<Pacing>;
  stages: JSONColumnType<Stage[]>;
  headline: string | null;
  source_document: string;
  source_quote: string;
  demo: boolean;
  sort_order: Generated<number>;
  /** The lead and supporting departments are the demo division of tasks (0007-departments). */
  division_demo: ColumnType<boolean, boolean | undefined, boolean>;
  /** Reporters of a supporting department may report on the target (0007-departments). */
  support_may_report: ColumnType<boolean, boolean | undefined, boolean>;
}

/** The department registry (0007-departments). */
export interface DepartmentsTable {
  id: string;
  name: string;
  short_name: string;
  kind: string;
  district: string | null;
  leader: string | null;
  /** jsonb array of strings: inserted as JSON text, read back parsed. */
  aliases: ColumnType<string[], string | undefined, string>;
  merged_into: string | null;
  unmatched: ColumnType<boolean, boolean | undefined, boolean>;
  sort_order: Generated<number>;
}

/** Supporting departments (配合单位) of a target. */
export interface TargetDepartmentsTable {
  target_id: string;
  department_id: string;
}

export interface ReportsTable {
  id: string;
  target_id: string;
  as_of: string;
  recorded_at: ColumnType<string, string, never>;
  value: number | null;
  unit: string;
  stages_done: number | null;
  note: string;
  evidence: string | null;
  source_document: string | null;
  source_quote: string | null;
  reported_by: string;
  supersedes: string | null;
  correction_reason: string | null;
  demo: boolean;
  /** The period the figure describes (0006-figure-periods); null: the day `as_of`. */
  period_precision: ColumnType<string | null, string | null | undefined, string | null>;
  period_label: ColumnType<string | null, string | null | undefined, string | null>;
  /** The import that brought the report (0002-accounts); null for hand-entered and seeded reports. */
  import_id: ColumnType<string | null, string | null | undefined, never>;
  /** The department the report was made for (0007-departments): kept when the target is reassigned. */
  department_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** 进展情况, 存在问题, 下步措施, 需协调事项 (0008-approval); '' when not given. */
  progress: Generated<string>;
  problems: Generated<string>;
  next_steps: Generated<string>;
  coordination: Generated<string>;
  /** pending (待审核) | approved | returned (退回); approving or returning is the one update a report gets. */
  approval: Generated<'pending' | 'approved' | 'returned'>;
  decided_by: ColumnType<string | null, string | null | undefined, string | null>;
  decided_at: ColumnType<string | null, string | null | undefined, string | null>;
  return_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ContextFiguresTable {
  id: string;
  target_id: string;
  label: string;
  value: number;
  unit: string;
  as_of: string;
  as_of_precision: string;
  /** The source's words for the period (0006-figure-periods). */
  period_label: ColumnType<string | null, string | null | undefined, string | null>;
  relation: string;
  source_document: string;
  source_quote: string;
}

export interface ProjectsTable {
  id: string;
  name: string;
  district: string;
  sector_id: string;
  total_investment: number | null;
  planned_investment: number | null;
  completed_investment: number | null;
  stage: string;
  owner: string | null;
  source_document: string | null;
  source_quote: string | null;
  demo: boolean;
}

export interface ProjectTargetsTable {
  project_id: string;
  target_id: string;
}

/** Per target, the data version of the last change of its reports (migration 0004). */
export interface ReportChangesTable {
  target_id: string;
  /** bigint: read back as a string. */
  version: ColumnType<string, string | number, string | number>;
}

export interface MetaTable {
  key: string;
  value: string;
}

export type Role = 'viewer' | 'reporter' | 'reviewer' | 'admin';

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  created_at: string;
  disabled: Generated<boolean>;
}

/** The plans a reviewer reviews whole (0008-approval). */
export interface UserPlansTable {
  user_id: string;
  plan_id: string;
}

export interface UserDepartmentsTable {
  user_id: string;
  department: string;
}

export interface SessionsTable {
  /** sha256 (hex) of the cookie token. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen: string;
  ip: string | null;
}

/** Failed sign-ins (and wrong current passwords) per username and source; source `*` is the account's total. */
export interface SignInFailuresTable {
  username: string;
  source: string;
  failures: number;
  window_start: string;
  last_failure: string;
  blocked_until: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  actor: string | null;
  ip: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  /** jsonb: inserted as JSON text, read back parsed. */
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
}

export interface ImportsTable {
  id: string;
  kind: 'reports' | 'catalog';
  user_id: string;
  file_sha256: string;
  file_name: string;
  committed_at: string;
  rows: number;
  summary: JSONColumnType<Record<string, unknown>>;
}

/** 督办事项 (0009-supervision). */
export interface SupervisionItemsTable {
  id: string;
  title: string;
  target_id: string | null;
  lead_department: string;
  /** jsonb array of registry ids: inserted as JSON text, read back parsed. */
  supporting_departments: ColumnType<string[], string | undefined, string>;
  due_date: string;
  status: 'open' | 'done';
  progress: ColumnType<string, string | undefined, string>;
  note: string | null;
  evidence_url: string | null;
  meeting_date: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  closed_by: string | null;
  closed_at: string | null;
}

/** Delivery channels (0010-notify): `config` may be shown, `secrets` never leave the server. */
export interface NotifyChannelsTable {
  id: string;
  kind: 'webhook' | 'wecom' | 'dingtalk' | 'email';
  name: string;
  audience: 'office' | 'leaders' | 'department' | 'all';
  department: string | null;
  enabled: boolean;
  /** jsonb: inserted as JSON text, read back parsed. */
  config: ColumnType<Record<string, unknown>, string, string>;
  secrets: ColumnType<Record<string, unknown>, string, string>;
  created_at: string;
  updated_at: string;
}

/** Scheduled jobs (0010-notify); `cron` is read in Asia/Shanghai. */
export interface JobsTable {
  name: string;
  cron: string;
  enabled: boolean;
  next_run_at: string | null;
}

export interface JobRunsTable {
  id: string;
  job: string;
  scheduled_for: string;
  manual: boolean;
  state: 'running' | 'done' | 'failed';
  attempts: number;
  locked_by: string | null;
  lease_until: string | null;
  started_at: string | null;
  finished_at: string | null;
  summary: string | null;
  error: string | null;
  created_at: string;
}

/** The outbox (0010-notify): one message to one channel. */
export interface DeliveriesTable {
  id: string;
  run_id: string | null;
  channel_id: string;
  channel_name: string;
  channel_kind: 'webhook' | 'wecom' | 'dingtalk' | 'email';
  message_kind: 'reminder' | 'escalation' | 'supervision' | 'weekly-brief' | 'test';
  message_key: string;
  title: string;
  recipient: string;
  /** jsonb: the whole message, attachments base64. */
  payload: ColumnType<Record<string, unknown>, string, string>;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string | null;
  /** The claim token of the sender holding it (instance id + nonce); finish() requires it. */
  claimed_by: ColumnType<string | null, string | null | undefined, string | null>;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface Database {
  plans: PlansTable;
  targets: TargetsTable;
  departments: DepartmentsTable;
  target_departments: TargetDepartmentsTable;
  reports: ReportsTable;
  context_figures: ContextFiguresTable;
  projects: ProjectsTable;
  project_targets: ProjectTargetsTable;
  meta: MetaTable;
  report_changes: ReportChangesTable;
  users: UsersTable;
  user_departments: UserDepartmentsTable;
  user_plans: UserPlansTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  audit_log: AuditLogTable;
  imports: ImportsTable;
  supervision_items: SupervisionItemsTable;
  notify_channels: NotifyChannelsTable;
  jobs: JobsTable;
  job_runs: JobRunsTable;
  deliveries: DeliveriesTable;
}
