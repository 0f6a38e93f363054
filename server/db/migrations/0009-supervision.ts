import { type Kysely, sql } from 'kysely';

/**
 * 督办事项 (issue 24): the weekly meeting's decisions — who does what by when.
 *
 * - `status` is `open` (办理中) or `done` (已办结); 逾期 is derived (open, due before the day read).
 * - `lead_department` is a registry id; `supporting_departments` a jsonb array of registry ids.
 * - `progress` is the latest word on it (办理进展); `note` the closing note (办结说明), required to close.
 * - Every change is in the audit log (entity `supervision`).
 * - `plans.escalate_after`: after this many missed reporting cycles a department's overdue report is
 *   escalated (催报升级) to the 分管领导 and the target office.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table supervision_items (
    id text primary key,
    title text not null,
    target_id text references targets(id) on delete set null,
    lead_department text not null references departments(id),
    supporting_departments jsonb not null default '[]',
    due_date date not null,
    status text not null default 'open' constraint supervision_status_check check (status in ('open', 'done')),
    progress text not null default '',
    note text,
    evidence_url text,
    meeting_date date,
    created_by text references users(id) on delete set null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    closed_by text references users(id) on delete set null,
    closed_at timestamptz
  )`.execute(db);
  await sql`create index supervision_open_idx on supervision_items (due_date) where status = 'open'`.execute(db);
  await sql`create index supervision_lead_idx on supervision_items (lead_department)`.execute(db);
  await sql`create index supervision_target_idx on supervision_items (target_id) where target_id is not null`.execute(
    db,
  );
  await sql`alter table plans add column escalate_after integer not null default 2
    constraint plans_escalate_after_check check (escalate_after between 1 and 52)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('supervision_items').ifExists().execute();
  await sql`alter table plans drop column if exists escalate_after`.execute(db);
}
