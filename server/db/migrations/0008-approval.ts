import { type Kysely, sql } from 'kysely';

/**
 * Reports that explain themselves and are checked before the board counts them (issue 23).
 *
 * - `reports.progress`, `problems`, `next_steps`, `coordination`: 进展情况, 存在问题, 下步措施,
 *   需协调事项 ('' when not given).
 * - `reports.approval`: `approved` (every report so far, and every report of a plan that needs no
 *   review), `pending` (待审核) or `returned` (退回, with `return_reason`); `decided_by` and
 *   `decided_at` say who approved or returned it and when (null for a report approved on entry: it
 *   counts from when it was recorded). Approving is the one update a report ever gets; a returned
 *   report is revised as a new version that supersedes it.
 * - `plans.approval`: the plan's reports wait for review. On for the city's plan.
 * - `user_plans`: the plans a reviewer reviews whole (the city's target office); a reviewer's
 *   departments (`user_departments`) bound the rest.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table reports
    add column progress text not null default '',
    add column problems text not null default '',
    add column next_steps text not null default '',
    add column coordination text not null default '',
    add column approval text not null default 'approved'
      constraint reports_approval_check check (approval in ('pending', 'approved', 'returned')),
    add column decided_by text,
    add column decided_at timestamptz,
    add column return_reason text`.execute(db);
  // The reviewers' queue: the few reports waiting, newest first.
  await sql`create index reports_pending_idx on reports (recorded_at desc) where approval = 'pending'`.execute(db);
  // The newest approval (a review's default meeting time), one probe.
  await sql`create index reports_decided_idx on reports (decided_at) where decided_at is not null`.execute(db);
  await sql`alter table plans add column approval boolean not null default false`.execute(db);
  // On by default for the demo's city plan only: an existing real installation turns it on itself,
  // once it has reviewers (the admin's 规划设置), or its departments' reports would stop moving the board.
  await sql`update plans set approval = true
    where id = 'qd-2025' and exists (select 1 from meta where key = 'demo' and value = '1')`.execute(db);

  await sql`alter table users drop constraint users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check
    check (role in ('viewer', 'reporter', 'reviewer', 'admin'))`.execute(db);
  await db.schema
    .createTable('user_plans')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_plans_pkey', ['user_id', 'plan_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_plans').ifExists().execute();
  await sql`delete from users where role = 'reviewer'`.execute(db);
  await sql`alter table users drop constraint users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check
    check (role in ('viewer', 'reporter', 'admin'))`.execute(db);
  await sql`alter table plans drop column approval`.execute(db);
  await sql`drop index if exists reports_pending_idx`.execute(db);
  await sql`drop index if exists reports_decided_idx`.execute(db);
  await sql`delete from reports where approval <> 'approved'`.execute(db);
  await sql`alter table reports
    drop column progress, drop column problems, drop column next_steps, drop column coordination,
    drop column approval, drop column decided_by, drop column decided_at, drop column return_reason`.execute(db);
}
