import { type Kysely, type Migration, Migrator } from 'kysely';
import * as m0001 from './migrations/0001-catalog';
import * as m0002 from './migrations/0002-accounts';
import * as m0003 from './migrations/0003-data-version';
import * as m0004 from './migrations/0004-report-changes';
import type { Database } from './schema';

/** Versioned migrations, in code so that the bundle and the tests need no file-system lookups. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-catalog': m0001,
  '0002-accounts': m0002,
  '0003-data-version': m0003,
  '0004-report-changes': m0004,
};

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
