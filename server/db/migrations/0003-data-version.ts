import { type Kysely, sql } from 'kysely';

/**
 * A data version bumped by every statement that changes what the API computes from. Read endpoints
 * cache their answers per version, so several stateless instances on one database stay correct:
 * a write on any instance bumps the version in the database, and every cache misses next time.
 */
const TABLES = ['plans', 'targets', 'reports', 'context_figures', 'projects', 'project_targets'];

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`insert into meta (key, value) values ('data_version', '1') on conflict (key) do nothing`.execute(db);
  await sql`
    create function bump_data_version() returns trigger language plpgsql as $$
    begin
      update meta set value = (value::bigint + 1)::text where key = 'data_version';
      return null;
    end $$`.execute(db);
  for (const t of TABLES) {
    await sql`create trigger ${sql.raw(`${t}_data_version`)} after insert or update or delete on ${sql.table(t)}
      for each statement execute function bump_data_version()`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of TABLES)
    await sql`drop trigger if exists ${sql.raw(`${t}_data_version`)} on ${sql.table(t)}`.execute(db);
  await sql`drop function if exists bump_data_version()`.execute(db);
  await sql`delete from meta where key = 'data_version'`.execute(db);
}
