import { type Kysely, sql } from 'kysely';

/**
 * Notifications and scheduled jobs (issue 24).
 *
 * - `notify_channels`: where messages go. `config` holds what may be shown (SMTP host, port, from, to);
 *   `secrets` what may not (a robot's URL, whose query carries its key; DingTalk's 加签 secret; the
 *   SMTP password): written by the API, read only by the senders, never answered.
 * - `jobs`: one row per scheduled job; `next_run_at` is the instant the next run is for (null: to be
 *   computed from `cron`, read in Asia/Shanghai, by the scheduler).
 * - `job_runs`: one row per run. The unique index on (job, scheduled_for) for scheduled runs is what
 *   makes two instances that both see a job due create one run; `lease_until` is how a run whose
 *   instance died is found and run again.
 * - `deliveries`: the outbox. A run's deliveries are inserted in the same transaction that marks the
 *   run done; unique (run_id, channel_id, message_key) so a run finished twice still delivers once.
 *   `payload` holds the whole message (attachments base64) so a retry after a crash has everything.
 *   `next_attempt_at` is also the sender's lease: a claimed delivery is pushed forward, so a sender
 *   that died mid-send is retried when it passes. `claimed_by` is the claim's token (instance + nonce):
 *   a sender records its result only while its claim is the current one, so a sender whose lease ran
 *   out cannot overwrite the result of the one that took the delivery over.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table notify_channels (
    id text primary key,
    kind text not null constraint notify_channels_kind_check check (kind in ('webhook', 'wecom', 'dingtalk', 'email')),
    name text not null,
    audience text not null
      constraint notify_channels_audience_check check (audience in ('office', 'leaders', 'department', 'all')),
    department text references departments(id) on delete cascade,
    enabled boolean not null default true,
    config jsonb not null default '{}',
    secrets jsonb not null default '{}',
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint notify_channels_department_check check ((audience = 'department') = (department is not null))
  )`.execute(db);
  await sql`create table jobs (
    name text primary key,
    cron text not null,
    enabled boolean not null default true,
    next_run_at timestamptz
  )`.execute(db);
  // Asia/Shanghai defaults: reminders on Monday 09:00, at the start of the working week, so that a
  // department behind on its reports has the week to catch up; the brief on Friday 17:00, when the
  // week's figures are in and reviewed, so that it is read before Monday's 调度会.
  await sql`insert into jobs (name, cron, enabled) values ('reminders', '0 9 * * 1', true), ('weekly-brief', '0 17 * * 5', true)`.execute(
    db,
  );
  await sql`create table job_runs (
    id text primary key,
    job text not null,
    scheduled_for timestamptz not null,
    manual boolean not null default false,
    state text not null default 'running' constraint job_runs_state_check check (state in ('running', 'done', 'failed')),
    attempts integer not null default 0,
    locked_by text,
    lease_until timestamptz,
    started_at timestamptz,
    finished_at timestamptz,
    summary text,
    error text,
    created_at timestamptz not null
  )`.execute(db);
  await sql`create unique index job_runs_scheduled_once on job_runs (job, scheduled_for) where not manual`.execute(db);
  await sql`create index job_runs_runnable_idx on job_runs (lease_until) where state = 'running'`.execute(db);
  await sql`create index job_runs_job_idx on job_runs (job, created_at desc)`.execute(db);
  await sql`create table deliveries (
    id text primary key,
    run_id text references job_runs(id) on delete cascade,
    channel_id text not null,
    channel_name text not null,
    channel_kind text not null,
    message_kind text not null,
    message_key text not null,
    title text not null,
    recipient text not null,
    payload jsonb not null,
    state text not null default 'pending' constraint deliveries_state_check check (state in ('pending', 'sent', 'failed')),
    attempts integer not null default 0,
    next_attempt_at timestamptz,
    claimed_by text,
    last_error text,
    created_at timestamptz not null,
    sent_at timestamptz
  )`.execute(db);
  await sql`create unique index deliveries_once on deliveries (run_id, channel_id, message_key)`.execute(db);
  await sql`create index deliveries_due_idx on deliveries (next_attempt_at) where state = 'pending'`.execute(db);
  await sql`create index deliveries_created_idx on deliveries (created_at desc)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deliveries').ifExists().execute();
  await db.schema.dropTable('job_runs').ifExists().execute();
  await db.schema.dropTable('jobs').ifExists().execute();
  await db.schema.dropTable('notify_channels').ifExists().execute();
}
