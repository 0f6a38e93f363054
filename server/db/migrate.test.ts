import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, type DbHandle } from './connect';
import { MIGRATIONS, migrateToLatest } from './migrate';

describe('migrateToLatest', () => {
  const queries: string[] = [];
  let handle: DbHandle | null = null;
  afterAll(async () => {
    await handle?.close();
  });

  it('applies every migration to a new database, then finds nothing to do with reads alone', async () => {
    handle = await connect({ dataDir: 'memory://', onQuery: (q) => queries.push(q) });
    expect(await migrateToLatest(handle.db)).toEqual(Object.keys(MIGRATIONS));
    queries.length = 0;
    expect(await migrateToLatest(handle.db)).toEqual([]);
    expect(queries.length).toBeGreaterThan(0);
    // No lock taken, nothing created: a warm start (and every instance of a deployment) only reads.
    for (const q of queries) expect(q.trim()).toMatch(/^select\b/i);
  });

  it('still refuses a database migrated by a newer version of the code', async () => {
    if (!handle) throw new Error('no database');
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', now()::text)`.execute(
      handle.db,
    );
    await expect(migrateToLatest(handle.db)).rejects.toThrow(/9999-from-the-future/);
  });
});
