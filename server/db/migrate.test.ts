import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DbHandle } from './connect';
import { MIGRATIONS, migrateToLatest } from './migrate';

describe('migrateToLatest', () => {
  const queries: string[] = [];
  let handle: DbHandle | null = null;
  // A new embedded database (initdb) takes ~5 s, several times that on a busy machine: a hook's time.
  beforeAll(async () => {
    handle = await connect({ dataDir: 'memory://', onQuery: (q) => queries.push(q) });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('applies every migration to a new database, then finds nothing to do with reads alone', async () => {
    if (!handle) throw new Error('no database');
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

/**
 * 0007-departments on a database that held departments as free text: every name becomes a registry
 * id (full name, short name, alias or the 青岛市 prefix), an unknown name a record of its own flagged
 * `unmatched` (never dropped), and on a demo database the targets naming none get the demo division.
 */
describe('0007-departments on a database with free-text departments', () => {
  let handle: DbHandle | null = null;
  beforeAll(async () => {
    handle = await connect({ dataDir: 'memory://' });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('turns names into registry ids, keeps unknown names as unmatched records, divides the demo’s rest', async () => {
    if (!handle) throw new Error('no database');
    // biome-ignore lint/suspicious/noExplicitAny: the tables as they were before 0007, not today's types
    const db = handle.db as unknown as Kysely<any>;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
    const to6 = await migrator.migrateTo('0006-figure-periods');
    expect(to6.error).toBeUndefined();
    await db
      .insertInto('plans')
      .values({
        id: 'p',
        title: '测试规划',
        issuer: '测试',
        year: 2025,
        document: 'p.txt',
        published_on: null,
        thresholds: JSON.stringify({ lagPp: 5, severePp: 15, severeMiss: 0.1, cycleDays: 14, approxTolerance: 0.05 }),
      })
      .execute();
    const target = (id: string, department: string | null, district = '市级') => ({
      id,
      plan_id: 'p',
      sector_id: 'industry',
      subsection: '测试',
      title: `测试目标${id}`,
      district,
      department,
      kind: 'cumulative',
      unit: '个',
      target: 10,
      comparator: 'gte',
      baseline: null,
      period_start: '2025-01-01',
      deadline: '2025-12-31',
      pacing: JSON.stringify({ type: 'linear' }),
      stages: JSON.stringify([]),
      headline: null,
      source_document: 'p.txt',
      source_quote: id,
      demo: false,
    });
    await db
      .insertInto('targets')
      .values([
        target('full', '市工业和信息化局'),
        target('short', '市发改委'),
        target('prefixed', '青岛市人力资源和社会保障局'),
        target('unknown', '市未知测试办'),
        target('none', null, '崂山区'),
      ])
      .execute();
    await db
      .insertInto('users')
      .values({ id: 'u1', username: 'rep', display_name: 'rep', password_hash: 'x', role: 'reporter' })
      .execute();
    // Two spellings of one department and an unknown name.
    await db
      .insertInto('user_departments')
      .values([
        { user_id: 'u1', department: '市工信局' },
        { user_id: 'u1', department: '市工业和信息化局' },
        { user_id: 'u1', department: '市未知测试办' },
      ])
      .execute();
    await db.insertInto('meta').values({ key: 'demo', value: '1' }).execute();

    expect(await migrateToLatest(handle.db)).toEqual([
      '0007-departments',
      '0008-approval',
      '0009-supervision',
      '0010-notify',
    ]);

    const targets = await db
      .selectFrom('targets')
      .select(['id', 'department', 'division_demo'])
      .orderBy('id')
      .execute();
    const unmatched = await db.selectFrom('departments').selectAll().where('unmatched', '=', true).execute();
    expect(unmatched).toHaveLength(1);
    expect(unmatched[0]).toMatchObject({ name: '市未知测试办', kind: 'other', merged_into: null });
    const u = unmatched[0]?.id;
    expect(Object.fromEntries(targets.map((t) => [t.id, [t.department, t.division_demo]]))).toEqual({
      full: ['gxj', false],
      short: ['fgw', false],
      prefixed: ['rsj', false],
      unknown: [u, false],
      // A district's own target on the demo: its government leads (the demo division).
      none: ['d-laoshan', true],
    });
    const links = await db.selectFrom('user_departments').select('department').orderBy('department').execute();
    expect(links.map((l) => l.department).sort()).toEqual(['gxj', u].sort());
    const supporting = await db.selectFrom('target_departments').selectAll().execute();
    expect(supporting.every((s) => s.target_id === 'none' && s.department_id !== 'd-laoshan')).toBe(true);
    // The foreign keys hold from now on.
    await expect(
      db.updateTable('targets').set({ department: '市工信局' }).where('id', '=', 'full').execute(),
    ).rejects.toThrow(/foreign key/);
  });
});
