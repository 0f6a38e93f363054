import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import type { DbHandle } from '../../server/db/connect';
import { Store } from '../../server/repositories/store';
import { StateMemo } from '../../server/services/state-memo';
import { type SummaryResponse, summaryResponseSchema } from '../../src/domain/api';
import { addDays } from '../../src/domain/dates';
import type { Cut } from '../../src/domain/views';
import { factsOf } from '../../src/domain/views';
import { type Backend, backends, comparable, freshDb, freshInstance, insertReport, TEST_NOW } from './test-db';

/**
 * A province's memo (issue 26): every report held as compact columns, a new as-of date cut from
 * them without reading the database. Its answers must be those of the database's window reads and
 * of a computation from every report, after writes, corrections, approvals and a new week.
 */
class CountingStore extends Store {
  windowReads = 0;
  override async stateReports(...args: Parameters<Store['stateReports']>) {
    this.windowReads += 1;
    return super.stateReports(...args);
  }
}

describe.each(backends())('state memo columns on %s', (backend: Backend) => {
  let db: DbHandle;
  let store: CountingStore;
  let memo: StateMemo;
  let app: Hono;
  /** What the memo told its owner as the columns began to load (the server tightens its heap then). */
  const told: number[] = [];

  beforeAll(async () => {
    db = await freshDb(backend);
    store = new CountingStore(db.db);
    memo = new StateMemo(store, { columnsLimit: 1_000_000, onColumns: (n) => told.push(n) });
    app = createApp({ store, memo, now: () => TEST_NOW });
  });
  afterAll(async () => {
    await db?.close();
  });

  async function summary(path: string): Promise<SummaryResponse> {
    const r = await app.request(`/api/v1${path}`);
    expect(r.status, `${path} → ${r.status}`).toBe(200);
    return summaryResponseSchema.parse(await r.json());
  }

  /** The facts of every target at the cut, from the columns, from window reads and from every report. */
  async function expectSameFacts(cut: Cut) {
    const windowsBefore = store.windowReads;
    const held = await memo.read({}, cut);
    expect(store.windowReads, 'answered without reading windows').toBe(windowsBefore);
    const windowed = await new StateMemo(new Store(db.db)).read({}, cut);
    expect(held.facts.size).toBe(windowed.facts.size);
    for (const [id, f] of windowed.facts) expect(held.facts.get(id), `${id} at ${JSON.stringify(cut)}`).toEqual(f);
  }

  /**
   * The summary served from the columns equals the one a fresh instance computes (every target from
   * its window read), and its targets' facts equal those computed from every report.
   */
  async function expectSameSummary(cut: Cut) {
    const query = new URLSearchParams({ asOf: cut.asOf });
    if (cut.knownAt) query.set('knownAt', cut.knownAt);
    if (cut.view === 'pending') query.set('includePending', '1');
    const windowsBefore = store.windowReads;
    const served = await summary(`/summary?${query}`);
    expect(store.windowReads).toBe(windowsBefore);
    const r = await freshInstance(db).request(`/api/v1/summary?${query}`);
    expect(comparable(served)).toEqual(comparable(summaryResponseSchema.parse(await r.json())));
    const [plans, targets, reports, rollups] = await Promise.all([
      store.plans(),
      store.targets(),
      store.reports(null),
      store.projectRollups(),
    ]);
    const full = factsOf(targets, reports, plans, cut, rollups);
    const held = await memo.read({}, cut);
    for (const [id, f] of full) expect(held.facts.get(id), `${id} from every report`).toEqual(f);
  }

  /** The columns loaded (the first read starts the load; until it is done, cuts read windows). */
  async function loaded(): Promise<SummaryResponse> {
    const first = await summary('/summary');
    for (let i = 0; i < 400 && memo.stats().columns === 0; i++) await new Promise((r) => setTimeout(r, 25));
    return first;
  }

  let seq = 0;
  async function insert(
    targetId: string,
    asOf: string,
    value: number,
    unit: string,
    more: { supersedes?: string; approval?: 'pending' | 'approved' | 'returned'; recordedAt?: string } = {},
  ): Promise<string> {
    seq += 1;
    const id = `columns-test-${seq}`;
    await insertReport(db.db, {
      id,
      targetId,
      asOf,
      value,
      unit,
      ...more,
      recordedAt: more.recordedAt ?? new Date(Date.parse('2026-01-05T09:30:00+08:00') + seq * 1000).toISOString(),
    });
    return id;
  }

  it('loads every report into columns and answers new cuts from them as the database would', async () => {
    const first = await loaded();
    const count = Number(
      (
        await db.db
          .selectFrom('reports')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(memo.stats().columns).toBe(count);
    expect(told).toEqual([count]);
    const dates = first.reportDates;
    expect(dates.length).toBeGreaterThan(10);
    for (const asOf of [dates.at(-2), dates.at(-9), dates.at(3), '2025-09-30'] as string[]) {
      await expectSameFacts({ asOf });
      await expectSameFacts({ asOf, view: 'pending' });
    }
    // A past knowledge cut: the window counts only what was known then.
    await expectSameFacts({ asOf: '2025-09-30', knownAt: '2025-08-15T12:00:00+08:00' });
    await expectSameSummary({ asOf: dates.at(-3) as string });
  }, 120_000);

  it('stays exact after writes, corrections, approvals and a new week', async () => {
    const targets = await store.targets();
    const cumulative = targets.filter((t) => t.kind === 'cumulative' && t.target !== null);
    const stock = targets.find((t) => t.kind === 'level' && t.baseline === null && t.target !== null);
    const [a, b, c] = cumulative;
    if (!a || !b || !c) throw new Error('three cumulative targets expected');
    const present = (await loaded()).asOf;
    const newWeek = addDays(present, 7);

    // A write for the present, a correction of it, and a report waiting for review.
    const written = await insert(a.id, present, (a.target ?? 0) * 0.9, a.unit);
    await expectSameFacts({ asOf: present });
    const correction = await insert(a.id, present, (a.target ?? 0) * 0.5, a.unit, { supersedes: written });
    const pending = await insert(b.id, present, (b.target ?? 0) * 2, b.unit, { approval: 'pending' });
    await expectSameFacts({ asOf: present });
    await expectSameFacts({ asOf: present, view: 'pending' });
    await expectSameSummary({ asOf: present });
    await expectSameSummary({ asOf: present, view: 'pending' });

    // Approved, then another returned: the approved view moves, the pending one drops the returned.
    await db.db
      .updateTable('reports')
      .set({ approval: 'approved', decided_at: '2026-01-05T10:00:00+08:00', decided_by: 'test' })
      .where('id', '=', pending)
      .execute();
    const returned = await insert(c.id, present, 1, c.unit, { approval: 'pending' });
    await db.db
      .updateTable('reports')
      .set({ approval: 'returned', decided_at: '2026-01-05T10:05:00+08:00', decided_by: 'test', return_reason: 'x' })
      .where('id', '=', returned)
      .execute();
    await expectSameFacts({ asOf: present });
    await expectSameFacts({ asOf: present, view: 'pending' });
    // Known before the approval: the report waited then.
    await expectSameFacts({ asOf: present, knownAt: '2026-01-05T09:59:00+08:00' });
    await expectSameFacts({ asOf: present, knownAt: '2026-01-05T10:01:00+08:00', view: 'pending' });

    // A stock paced from its first report: a pending back-filled first figure is not its baseline.
    if (stock) {
      await insert(stock.id, '2025-01-10', 1, stock.unit, { approval: 'pending' });
      await expectSameFacts({ asOf: present });
      await expectSameFacts({ asOf: present, view: 'pending' });
    }

    // The first report of a new week moves the present for everyone.
    await insert(b.id, newWeek, (b.target ?? 0) * 0.7, b.unit);
    const moved = await summary('/summary');
    expect(moved.asOf).toBe(newWeek);
    await expectSameFacts({ asOf: newWeek });
    await expectSameSummary({ asOf: newWeek });
    await expectSameSummary({ asOf: newWeek, view: 'pending' });

    // A correction deleted: the columns forget it, and the figure it corrected counts again.
    await db.db.deleteFrom('reports').where('id', '=', correction).execute();
    await expectSameFacts({ asOf: newWeek });
    await expectSameSummary({ asOf: present });
  }, 120_000);
});
