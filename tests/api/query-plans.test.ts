import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../server/db/connect';
import { Store } from '../../server/repositories/store';
import { type Backend, backends, freshDb } from './test-db';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function scans(node: PlanNode, out: string[] = []): string[] {
  if (node['Relation Name']) out.push(`${node['Node Type']} on ${node['Relation Name']}`);
  for (const child of node.Plans ?? []) scans(child, out);
  return out;
}

/**
 * The hot paths must reach reports through an index: at a province's million reports a sequential
 * scan is seconds. The queries are captured as the store really runs them, then EXPLAINed.
 */
describe.each(backends())('query plans on %s', (backend: Backend) => {
  let db: DbHandle;
  const captured: Array<{ sql: string; parameters: readonly unknown[] }> = [];
  beforeAll(async () => {
    db = await freshDb(backend, { onQuery: (sql, parameters) => captured.push({ sql, parameters }) });
    await db.db.executeQuery(CompiledQuery.raw('analyze'));
  });
  afterAll(async () => {
    await db?.close();
  });

  async function plansOf(run: (s: Store) => Promise<unknown>): Promise<string[]> {
    captured.length = 0;
    await run(new Store(db.db));
    const queries = captured.filter((q) => /\breports\b/.test(q.sql));
    expect(queries.length).toBeGreaterThan(0);
    const all: string[] = [];
    for (const q of queries) {
      const result = await db.db.executeQuery<{ 'QUERY PLAN': unknown }>(
        CompiledQuery.raw(`explain (format json) ${q.sql}`, [...q.parameters]),
      );
      const raw = result.rows[0]?.['QUERY PLAN'];
      const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
      all.push(...scans(plan[0]?.Plan as PlanNode));
    }
    return all.filter((s) => s.endsWith(' on reports'));
  }

  it.each([
    ['the reports behind /summary and /targets', async (s: Store) => s.stateReports(await s.targets(), '2025-09-30')],
    [
      'the reports behind a sector filter',
      async (s: Store) => s.stateReports(await s.targets({ sector: 'marine' }), '2025-09-30'),
    ],
    ['the as-of timeline', (s: Store) => s.reportDates()],
    ['one target’s history', (s: Store) => s.reports(['qd-key-projects'])],
    ['the newest report date', (s: Store) => s.newestReportDate()],
    ['a review’s default meeting date', (s: Store) => s.newestRecordedAt({}, Date.parse('2026-01-05T10:00:00Z'))],
    [
      'a city review’s default meeting date',
      (s: Store) => s.newestRecordedAt({ plan: 'qd-2025' }, Date.parse('2026-01-05T10:00:00Z')),
    ],
    [
      'the reports behind a review',
      async (s: Store) =>
        s.reviewReports(await s.targets({ plan: 'qd-2025' }), {
          meeting: { asOf: '2025-09-30', knownAt: '2025-09-30T23:59:59+08:00' },
          previous: { asOf: '2025-06-30', knownAt: '2025-06-30T23:59:59+08:00' },
        }),
    ],
  ])('%s use an index, never a sequential scan of reports', async (_name, run) => {
    const reportScans = await plansOf(run);
    expect(reportScans.length).toBeGreaterThan(0);
    expect(reportScans.filter((s) => s.startsWith('Seq Scan'))).toEqual([]);
  });

  it('would notice a sequential scan (a query on an unindexed column)', async () => {
    const reportScans = await plansOf((s) => s.db.selectFrom('reports').select('id').where('note', '=', 'x').execute());
    expect(reportScans.some((s) => s.startsWith('Seq Scan'))).toBe(true);
  });
});
