import { readFileSync } from 'node:fs';
import { type Kysely, type Selectable, sql } from 'kysely';
import { connect } from '../../server/db/connect';
import type { Database, ReportsTable } from '../../server/db/schema';
import { reportFromRow } from '../../server/repositories/rows';
import type { ProgressReport } from '../domain/schemas';

/**
 * The database of a component-test server (src/test/api-worker.ts): a copy of the run's template
 * loaded into memory once, and put back as the template has it before every test. Loading a copy
 * costs ~1.5 s, too much per test; instead a table is copied aside before it is first changed (a
 * statement trigger), and reset puts back only the rows of the tables changed since, in ~0.1 s: a
 * test that only reads costs nothing.
 */
export interface TestDb {
  db: Kysely<Database>;
  /** Puts back every table changed since the last reset, and every sequence; says whether any was changed. */
  reset(): Promise<boolean>;
  /** The reports the server wrote since the last reset, in the order it wrote them. */
  reportsWritten(): Promise<ProgressReport[]>;
  close(): Promise<void>;
}

const SAVED = 'test_saved';

/** Opens a copy of the template dump `templateFile` (loaded into memory as tests/api/test-db.ts freshDb does). */
export async function openTestDb(templateFile: string): Promise<TestDb> {
  const handle = await connect({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(templateFile)]) });
  const { db } = handle;
  const tables = (
    await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public'`.execute(db)
  ).rows.map((r) => r.name);
  const saved = (t: string) => sql.table(`${SAVED}.${t}`);
  await db.transaction().execute(async (trx) => {
    await sql`create schema ${sql.id(SAVED)}`.execute(trx);
    await sql`create table ${saved('changed')} (name text primary key)`.execute(trx);
    await sql`create table ${saved('written')} (seq bigserial primary key, id text not null)`.execute(trx);
    await sql`create table ${saved('sequences')} as
      select format('public.%I', sequencename) as name, last_value from pg_sequences
      where schemaname = 'public'`.execute(trx);
    // Before a table's first change: its rows as they were (kept for every later reset), and a note.
    await sql`create function ${sql.id(SAVED, 'before_change')}() returns trigger language plpgsql as $$
      begin
        if not exists (select from ${saved('changed')} where name = tg_table_name) then
          if to_regclass(format('${sql.raw(SAVED)}.%I', tg_table_name)) is null then
            execute format('create table ${sql.raw(SAVED)}.%I as table public.%I', tg_table_name, tg_table_name);
          end if;
          insert into ${saved('changed')} values (tg_table_name);
        end if;
        return null;
      end $$`.execute(trx);
    await sql`create function ${sql.id(SAVED, 'note_report')}() returns trigger language plpgsql as $$
      begin
        insert into ${saved('written')} (id) values (new.id);
        return null;
      end $$`.execute(trx);
    for (const t of tables)
      await sql`create trigger aa_test_saved before insert or update or delete or truncate on ${sql.table(t)}
        for each statement execute function ${sql.id(SAVED, 'before_change')}()`.execute(trx);
    await sql`create trigger zz_test_written after insert on reports
      for each row execute function ${sql.id(SAVED, 'note_report')}()`.execute(trx);
  });

  return {
    db,
    async reset() {
      return db.transaction().execute(async (trx) => {
        const changed = await sql<{ name: string }>`delete from ${saved('changed')} returning name`.execute(trx);
        // Replica mode: no foreign-key checks (tables come back in any order) and no triggers (the
        // data-version bumps, our own) while the saved rows go back. Only the rows that differ are
        // deleted and put back (compared as text: json has no equality): a test adds a report or
        // two to ten thousand, and rewriting them all would cost a second.
        await sql`set local session_replication_role = replica`.execute(trx);
        for (const { name } of changed.rows) {
          const [live, kept] = [sql.table(name), saved(name)];
          await sql`delete from ${live} t where t::text not in (select s::text from ${kept} s)`.execute(trx);
          await sql`insert into ${live} select * from ${kept} s where s::text not in (select t::text from ${live} t)`.execute(
            trx,
          );
        }
        await sql`truncate ${saved('written')}`.execute(trx);
        await sql`select setval(name::regclass, coalesce(last_value, 1), last_value is not null)
          from ${saved('sequences')}`.execute(trx);
        return changed.rows.length > 0;
      });
    },
    async reportsWritten() {
      const { rows } = await sql<Selectable<ReportsTable>>`
        select r.* from ${saved('written')} w join reports r on r.id = w.id order by w.seq`.execute(db);
      return rows.map(reportFromRow);
    },
    close: () => handle.close(),
  };
}
