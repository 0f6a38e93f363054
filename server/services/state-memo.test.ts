import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/domain/dates';
import type { Plan, ProgressReport, Target } from '../../src/domain/schemas';
import { makeTarget, reportFor } from '../../src/domain/test-fixtures';
import type { Store } from '../repositories/store';
import { StateMemo } from './state-memo';

/**
 * The memo's bookkeeping against a database stand-in whose reads can be held back, so that writes
 * land while a computation is in flight (what a busy server sees).
 */
class FakeDb {
  data = 1n;
  catalog = 1n;
  changes = new Map<string, bigint>();
  reports: ProgressReport[] = [];
  /** When set, the next stateReports call reads its rows, then waits for it before answering. */
  hold: Promise<void> | null = null;
  /** With `hold`: the window read (counted as `windowReads`) that waits, instead of the next one. */
  holdAtRead: number | null = null;
  windowReads = 0;
  historyReads = 0;
  constructor(readonly targets: Target[]) {}

  write(targetId: string, reports: ProgressReport[]) {
    this.data += 1n;
    this.reports = [...this.reports.filter((r) => r.targetId !== targetId), ...reports];
    this.changes.set(targetId, this.data);
  }

  store(): Store {
    const fake = {
      versions: async (since: string | null) => ({
        data: this.data.toString(),
        catalog: this.catalog.toString(),
        changed: since === null ? [] : [...this.changes].filter(([, v]) => v > BigInt(since)).map(([id]) => id),
      }),
      plans: async (): Promise<Plan[]> => [],
      targets: async () => [...this.targets],
      projectRollups: async () => new Map(),
      reportCountUpTo: async (limit: number) => Math.min(limit, this.reports.length),
      reports: async (ids: readonly string[] | null) => {
        this.historyReads += 1;
        return this.reports.filter((r) => ids === null || ids.includes(r.targetId));
      },
      stateReports: async (targets: readonly Target[], asOf: IsoDate) => {
        this.windowReads += 1;
        const ids = new Set(targets.map((t) => t.id));
        const rows = this.reports.filter((r) => ids.has(r.targetId) && r.asOf <= asOf);
        if (this.holdAtRead !== null && this.windowReads !== this.holdAtRead) return rows;
        const hold = this.hold;
        this.hold = null;
        this.holdAtRead = null;
        if (hold) await hold;
        return rows;
      },
    };
    return fake as unknown as Store;
  }
}

const a = makeTarget({ id: 'a' });
const b = makeTarget({ id: 'b' });
const cut = { asOf: '2025-06-30' };

describe('StateMemo', () => {
  it('computes each target once, then only the targets whose reports changed', async () => {
    const db = new FakeDb([a, b]);
    db.write('a', [reportFor(a, '2025-06-27', 1000)]);
    const memo = new StateMemo(db.store());
    const first = await memo.read({}, cut);
    expect(first.facts.get('a')?.state.latest?.value).toBe(1000);
    expect(memo.stats().computed).toBe(2);
    await memo.read({}, cut);
    expect(memo.stats().computed).toBe(2);
    db.write('b', [reportFor(b, '2025-06-27', 2000)]);
    const next = await memo.read({}, cut);
    expect(memo.stats().computed).toBe(3);
    expect(next.facts.get('b')?.state.latest?.value).toBe(2000);
    expect(next.facts.get('a')?.state.latest?.value).toBe(1000);
  });

  it('never leaves a target without facts in a map a request holds when a later change is seen', async () => {
    const c = makeTarget({ id: 'c', sectorId: 'marine' });
    const db = new FakeDb([a, b, c]);
    db.write('a', [reportFor(a, '2025-06-27', 1000)]);
    const memo = new StateMemo(db.store());
    const held = await memo.read({}, cut);
    const before = held.facts.get('a');
    db.write('a', [reportFor(a, '2025-06-27', 1200)]);
    const next = await memo.read({}, cut);
    // The map is the memo's own, not a copy (a copy of 200,000 targets cost ~100 ms a write): the
    // changed target's facts were replaced in it, whole, and no target is ever missing from it.
    // (Every route reads the map before its next await.)
    expect([...held.targets.map((t) => held.facts.get(t.id)?.state.latest?.value ?? null)]).toEqual([1200, null, null]);
    expect(before?.state.latest?.value).toBe(1000);
    expect(next.facts.get('a')?.state.latest?.value).toBe(1200);
    expect(memo.stats().computed).toBe(4);
    // A filtered read after a change computes the changed targets it shows, and no other.
    db.write('c', [reportFor(c, '2025-06-27', 7)]);
    db.write('a', [reportFor(a, '2025-06-27', 1300)]);
    const marine = await memo.read({ sector: 'marine' }, cut);
    expect(marine.targets.map((t) => t.id)).toEqual(['c']);
    expect(marine.facts.get('c')?.state.latest?.value).toBe(7);
    expect(memo.stats().computed).toBe(5);
    const all = await memo.read({}, cut);
    expect(all.facts.get('a')?.state.latest?.value).toBe(1300);
    expect(memo.stats().computed).toBe(6);
  });

  it('holds every report of a small database: new cuts and writes are answered without window reads', async () => {
    const db = new FakeDb([a, b]);
    db.write('a', [reportFor(a, '2025-03-28', 300), reportFor(a, '2025-06-27', 1000)]);
    const memo = new StateMemo(db.store(), { historyLimit: 10 });
    const june = await memo.read({}, cut);
    expect(june.facts.get('a')?.state.latest?.value).toBe(1000);
    const march = await memo.read({}, { asOf: '2025-03-31' });
    expect(march.facts.get('a')?.state.latest?.value).toBe(300);
    expect(march.facts.get('b')?.state.latest).toBeNull();
    db.write('b', [reportFor(b, '2025-06-27', 2000)]);
    const after = await memo.read({}, cut);
    expect(after.facts.get('b')?.state.latest?.value).toBe(2000);
    expect(after.facts.get('a')?.state.latest?.value).toBe(1000);
    // One read of everything, one of the changed target; no window read at all.
    expect({ windows: db.windowReads, history: db.historyReads }).toEqual({ windows: 0, history: 2 });
    // The same facts as the window reads give.
    const windowed = await new StateMemo(db.store()).read({}, { asOf: '2025-03-31' });
    expect(windowed.facts.get('a')).toEqual(march.facts.get('a'));
  });

  it('reads windows instead when the database holds more reports than the limit', async () => {
    const db = new FakeDb([a, b]);
    db.write('a', [reportFor(a, '2025-03-28', 300), reportFor(a, '2025-06-27', 1000)]);
    const memo = new StateMemo(db.store(), { historyLimit: 1 });
    expect((await memo.read({}, cut)).facts.get('a')?.state.latest?.value).toBe(1000);
    await memo.read({}, { asOf: '2025-03-31' });
    expect({ windows: db.windowReads, history: db.historyReads }).toEqual({ windows: 2, history: 0 });
  });

  it('reads a cut’s windows a batch of targets at a time, with the same facts as one read', async () => {
    const targets = Array.from({ length: 7 }, (_, i) => makeTarget({ id: `t${i}` }));
    const db = new FakeDb(targets);
    for (const [i, t] of targets.entries())
      db.write(t.id, [reportFor(t, '2025-05-30', 100 * i), reportFor(t, '2025-06-27', 100 * i + 50)]);
    const batched = await new StateMemo(db.store(), { factsBatch: 3 }).read({}, cut);
    // 7 targets in batches of 3: three reads, each of at most 3 targets' windows.
    expect(db.windowReads).toBe(3);
    const whole = await new StateMemo(db.store()).read({}, cut);
    expect(db.windowReads).toBe(4);
    expect(targets.map((t) => batched.facts.get(t.id)?.state.latest?.value)).toEqual([
      50, 150, 250, 350, 450, 550, 650,
    ]);
    for (const t of targets) expect(batched.facts.get(t.id)).toEqual(whole.facts.get(t.id));
  });

  it('never keeps a result computed from reads older than a change it has seen since', async () => {
    const db = new FakeDb([a, b]);
    const memo = new StateMemo(db.store());
    await memo.read({}, cut);

    db.write('a', [reportFor(a, '2025-06-27', 1000)]);
    let release = () => {};
    db.hold = new Promise((r) => {
      release = r;
    });
    // This request reads a's reports (1000), then stalls…
    const slow = memo.read({}, cut);
    await new Promise((r) => setTimeout(r, 0));
    // …while a correction lands and another request computes a from it.
    db.write('a', [reportFor(a, '2025-06-27', 1500)]);
    const fast = await memo.read({}, cut);
    expect(fast.facts.get('a')?.state.latest?.value).toBe(1500);
    release();
    // The stalled request answers from what it read, but does not store it over the newer facts.
    expect((await slow).facts.get('a')?.state.latest?.value).toBe(1000);
    const after = await memo.read({}, cut);
    expect(after.facts.get('a')?.state.latest?.value).toBe(1500);
  });

  it('keeps none of a batched computation when a change is seen between its batches', async () => {
    const db = new FakeDb([a, b]);
    db.write('a', [reportFor(a, '2025-06-27', 1000)]);
    db.write('b', [reportFor(b, '2025-06-27', 2000)]);
    const memo = new StateMemo(db.store(), { factsBatch: 1 });
    let release = () => {};
    db.hold = new Promise((r) => {
      release = r;
    });
    // The first batch (a: 1000) is read, then the second batch's read stalls…
    db.holdAtRead = 2;
    const slow = memo.read({}, cut);
    await new Promise((r) => setTimeout(r, 0));
    expect(db.windowReads).toBe(2);
    // …while a's report is corrected and another request computes both targets from it.
    db.write('a', [reportFor(a, '2025-06-27', 1500)]);
    const fast = await memo.read({}, cut);
    expect(fast.facts.get('a')?.state.latest?.value).toBe(1500);
    release();
    // The stalled request answers from what it read, and stores none of it over the newer facts.
    expect((await slow).facts.get('a')?.state.latest?.value).toBe(1000);
    const computed = memo.stats().computed;
    const after = await memo.read({}, cut);
    expect(after.facts.get('a')?.state.latest?.value).toBe(1500);
    expect(after.facts.get('b')?.state.latest?.value).toBe(2000);
    // Nothing left to compute: the fast request's facts were kept, the slow one's dropped.
    expect(memo.stats().computed).toBe(computed);
  });

  it('filters by plan from each plan’s list, in the catalog’s order', async () => {
    const targets = [
      makeTarget({ id: 'p1-x', planId: 'p1', district: 'd1' }),
      makeTarget({ id: 'p2-x', planId: 'p2', district: 'd2' }),
      makeTarget({ id: 'p2-y', planId: 'p2', district: 'd1' }),
      makeTarget({ id: 'p1-y', planId: 'p1', district: 'd1' }),
      makeTarget({ id: 'p2-z', planId: 'p2', district: 'd1' }),
    ];
    const memo = new StateMemo(new FakeDb(targets).store());
    const ids = async (filter: Parameters<StateMemo['read']>[0]) =>
      (await memo.read(filter, cut)).targets.map((t) => t.id);
    expect(await ids({ plan: 'p2' })).toEqual(['p2-x', 'p2-y', 'p2-z']);
    expect(await ids({ plan: 'p2', district: 'd1' })).toEqual(['p2-y', 'p2-z']);
    expect(await ids({ district: 'd1' })).toEqual(['p1-x', 'p2-y', 'p1-y', 'p2-z']);
    expect(await ids({ plan: 'p3' })).toEqual([]);
    expect(await ids({})).toEqual(targets.map((t) => t.id));
  });

  it('starts afresh when the catalog changes', async () => {
    const db = new FakeDb([a, b]);
    const memo = new StateMemo(db.store());
    await memo.read({}, cut);
    db.catalog += 1n;
    db.targets.push(makeTarget({ id: 'c', target: 10 }));
    const after = await memo.read({}, cut);
    expect(after.targets.map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(memo.stats().computed).toBe(5);
  });

  it('keeps cuts apart and forgets the least recently used beyond its limit', async () => {
    const db = new FakeDb([a, b]);
    db.write('a', [reportFor(a, '2025-03-28', 300), reportFor(a, '2025-06-27', 1000)]);
    const memo = new StateMemo(db.store(), { maxFacts: 4 });
    const march = await memo.read({}, { asOf: '2025-03-31' });
    expect(march.facts.get('a')?.state.latest?.value).toBe(300);
    await memo.read({}, cut);
    expect(memo.stats()).toMatchObject({ cuts: 2, facts: 4 });
    await memo.read({}, { asOf: '2025-04-30' });
    expect(memo.stats()).toMatchObject({ cuts: 2, facts: 4 });
    // March was evicted: asking again computes it again.
    const computed = memo.stats().computed;
    await memo.read({}, { asOf: '2025-03-31' });
    expect(memo.stats().computed - computed).toBe(2);
  });

  it('keeps the present cut however many past dates are browsed', async () => {
    const db = new FakeDb([a, b]);
    const memo = new StateMemo(db.store(), { maxFacts: 4 });
    await memo.read({}, cut, true);
    for (const asOf of ['2025-03-31', '2025-04-30', '2025-05-30']) await memo.read({}, { asOf });
    const computed = memo.stats().computed;
    await memo.read({}, cut, true);
    expect(memo.stats().computed).toBe(computed);
  });

  it('stays bounded when every request asks for another cut, even one that matches nothing', async () => {
    const db = new FakeDb([a, b]);
    const memo = new StateMemo(db.store(), { maxCuts: 3 });
    for (let h = 0; h < 10; h++)
      await memo.read({ sector: 'marine' }, { asOf: '2025-06-30', knownAt: `2025-06-30T0${h}:00:00Z` });
    expect(memo.stats().cuts).toBe(3);
    // One instant written two ways is one cut.
    await memo.read({}, { asOf: '2025-06-30', knownAt: '2025-06-30T17:00:00+08:00' });
    const computed = memo.stats().computed;
    await memo.read({}, { asOf: '2025-06-30', knownAt: '2025-06-30T09:00:00Z' });
    expect(memo.stats().computed).toBe(computed);
  });

  it('filters without computing targets outside the filter', async () => {
    const db = new FakeDb([a, makeTarget({ id: 'm', sectorId: 'marine' })]);
    const memo = new StateMemo(db.store());
    const marine = await memo.read({ sector: 'marine' }, cut);
    expect(marine.targets.map((t) => t.id)).toEqual(['m']);
    expect([...marine.facts.keys()]).toEqual(['m']);
    expect(memo.stats().computed).toBe(1);
    await memo.read({}, cut);
    expect(memo.stats().computed).toBe(2);
  });
});
