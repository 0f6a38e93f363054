import { type Kysely, sql } from 'kysely';

/**
 * What the per-target state memo (server/services/state-memo.ts) needs to stay exact on several instances
 * sharing one database:
 * - `meta.catalog_version`, bumped by every statement on plans or targets (a threshold, a deadline
 *   or a target edited changes states: every memo is dropped);
 * - `report_changes`: per target, the data version of the last statement that changed its reports.
 *
 * The reports triggers bump `data_version` themselves and stamp the changed targets with the new
 * value while holding the meta row's lock, which the next writer waits for: versions are handed out
 * in commit order, so a reader that has seen version V has seen every change stamped V or lower.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`insert into meta (key, value) values ('catalog_version', '1') on conflict (key) do nothing`.execute(db);
  await sql`create table report_changes (target_id text primary key, version bigint not null)`.execute(db);
  await sql`create index report_changes_version_idx on report_changes (version)`.execute(db);
  await sql`insert into report_changes (target_id, version)
    select distinct target_id, (select value::bigint from meta where key = 'data_version') from reports`.execute(db);

  await sql`
    create function bump_catalog_version() returns trigger language plpgsql as $$
    begin
      -- Every writer locks the data_version row first, then catalog_version: one order, no deadlock
      -- between a transaction that writes reports then targets and one that writes the other way.
      perform 1 from meta where key = 'data_version' for update;
      update meta set value = (value::bigint + 1)::text where key = 'catalog_version';
      return null;
    end $$`.execute(db);
  for (const t of ['plans', 'targets']) {
    await sql`create trigger ${sql.raw(`${t}_catalog_version`)} after insert or update or delete or truncate
      on ${sql.table(t)} for each statement execute function bump_catalog_version()`.execute(db);
  }

  // Replaces the plain data-version bump of 0003 on reports.
  await sql`drop trigger reports_data_version on reports`.execute(db);
  await sql`
    create function reports_changed() returns trigger language plpgsql as $$
    declare v bigint;
    begin
      update meta set value = (value::bigint + 1)::text where key = 'data_version' returning value::bigint into v;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into report_changes (target_id, version) select distinct target_id, v from new_rows
          on conflict (target_id) do update set version = excluded.version;
      end if;
      if tg_op in ('DELETE', 'UPDATE') then
        insert into report_changes (target_id, version) select distinct target_id, v from old_rows
          on conflict (target_id) do update set version = excluded.version;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger reports_changed_insert after insert on reports
    referencing new table as new_rows for each statement execute function reports_changed()`.execute(db);
  await sql`create trigger reports_changed_update after update on reports
    referencing old table as old_rows new table as new_rows for each statement execute function reports_changed()`.execute(
    db,
  );
  await sql`create trigger reports_changed_delete after delete on reports
    referencing old table as old_rows for each statement execute function reports_changed()`.execute(db);
  // A truncate names no rows: it counts as a catalog change (every memo dropped).
  await sql`create trigger reports_truncated_data after truncate on reports
    for each statement execute function bump_data_version()`.execute(db);
  await sql`create trigger reports_truncated_catalog after truncate on reports
    for each statement execute function bump_catalog_version()`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['reports_changed_insert', 'reports_changed_update', 'reports_changed_delete'])
    await sql`drop trigger if exists ${sql.raw(t)} on reports`.execute(db);
  await sql`drop trigger if exists reports_truncated_data on reports`.execute(db);
  await sql`drop trigger if exists reports_truncated_catalog on reports`.execute(db);
  await sql`drop function if exists reports_changed()`.execute(db);
  for (const t of ['plans', 'targets'])
    await sql`drop trigger if exists ${sql.raw(`${t}_catalog_version`)} on ${sql.table(t)}`.execute(db);
  await sql`drop function if exists bump_catalog_version()`.execute(db);
  await sql`create trigger reports_data_version after insert or update or delete on reports
    for each statement execute function bump_data_version()`.execute(db);
  await sql`drop table if exists report_changes`.execute(db);
  await sql`delete from meta where key = 'catalog_version'`.execute(db);
}
