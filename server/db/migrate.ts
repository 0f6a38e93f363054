import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import * as m0001 from './migrations/0001-catalog';
import * as m0002 from './migrations/0002-accounts';
import * as m0003 from './migrations/0003-data-version';
import * as m0004 from './migrations/0004-report-changes';
import * as m0005 from './migrations/0005-sign-in-backoff';
import * as m0006 from './migrations/0006-figure-periods';
import * as m0007 from './migrations/0007-departments';
import * as m0008 from './migrations/0008-approval';
import * as m0009 from './migrations/0009-supervision';
import * as m0010 from './migrations/0010-notify';
import type { Database } from './schema';

/** Versioned migrations, in code so that the bundle and the tests need no file-system lookups. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-catalog': m0001,
  '0002-accounts': m0002,
  '0003-data-version': m0003,
  '0004-report-changes': m0004,
  '0005-sign-in-backoff': m0005,
  '0006-figure-periods': m0006,
  '0007-departments': m0007,
  '0008-approval': m0008,
  '0009-supervision': m0009,
  '0010-notify': m0010,
};

/**
 * True when every migration is recorded as applied (and no other): one read, no lock. Kysely's
 * Migrator takes a lock and runs several statements to find out the same, which costs a warm
 * start of the embedded database 150–300 ms; it still runs whenever anything is left to do.
 */
async function upToDate(db: Kysely<Database>): Promise<boolean> {
  const { rows: table } = await sql<{ exists: boolean }>`
    select to_regclass('kysely_migration') is not null as exists`.execute(db);
  if (!table[0]?.exists) return false;
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  const applied = rows.map((r) => r.name);
  const wanted = Object.keys(MIGRATIONS).sort();
  return applied.length === wanted.length && applied.every((n, i) => n === wanted[i]);
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  if (await upToDate(db)) return [];
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
