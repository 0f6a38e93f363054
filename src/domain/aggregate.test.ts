import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Accumulator, aggregate, emptyCounts, type TargetWithState } from './aggregate';
import { STATUSES, type Status, type TargetState } from './schemas';
import { computeTargetState } from './status';
import {
  guanluReservoir,
  investment,
  keyProjects,
  makeTarget,
  newJobs,
  reportFor,
  stagesReport,
} from './test-fixtures';

function item(id: string, status: Status, progress: number | null, expected: number | null, gap?: number | null) {
  const state: TargetState = {
    progress,
    expected,
    gap: gap === undefined ? (progress === null || expected === null ? null : progress - expected) : gap,
    gapBasis: 'target',
    judgedAt: '2025-06-30',
    status,
    forecastMiss: false,
    milestone: null,
    fromBaseline: null,
    latest: null,
    projection: null,
    requiredRate: null,
  };
  return { target: makeTarget({ id }), state };
}

describe('aggregate', () => {
  it('is empty for no targets', () => {
    expect(aggregate([])).toEqual({
      progress: null,
      expected: null,
      measured: 0,
      total: 0,
      counts: emptyCounts(),
      laggards: [],
    });
    expect(Object.keys(emptyCounts()).sort()).toEqual([...STATUSES].sort());
  });

  it('averages progress capped at 1 (and floored at 0) and expected over the measured targets', () => {
    const a = aggregate([
      item('a', 'achieved', 1.5, 0.5), // counts as 1
      item('b', 'lagging', 0.3, 0.5),
      item('c', 'severe', -0.2, 0.5), // a falling growth rate counts as 0
      item('d', 'no_data', null, 0.5), // not measured
    ]);
    expect(a.measured).toBe(3);
    expect(a.total).toBe(4);
    // Summed in billionths (order-independent), so exact to 9 places; a mean of decimals is exact.
    expect(a.progress).toBeCloseTo((1 + 0.3 + 0) / 3, 9);
    expect(a.expected).toBe(0.5);
  });

  it('counts every status', () => {
    const a = aggregate([
      item('a', 'achieved', 1, 1),
      item('b', 'on_track', 0.5, 0.5),
      item('c', 'on_track', 0.6, 0.5),
      item('d', 'lagging', 0.4, 0.5),
      item('e', 'severe', 0.1, 0.5),
      item('f', 'no_data', null, 0.5),
      item('g', 'not_started', 0, 0),
    ]);
    expect(a.counts).toEqual({
      achieved: 1,
      on_track: 2,
      lagging: 1,
      severe: 1,
      no_data: 1,
      not_started: 1,
      missed: 0,
    });
  });

  it('lists the worst laggards first by gap, ties by id, lagging and severe only, up to the count', () => {
    const items = [
      item('m', 'lagging', 0.42, 0.5), // −8
      item('z', 'severe', 0.2, 0.5), // −30
      item('a', 'severe', 0.2, 0.5), // −30, tie → by id
      item('x', 'on_track', 0.1, 0.5, -0.4), // not a laggard whatever its gap
      item('n', 'no_data', 0.1, 0.5), // stale: listed elsewhere, not here
      item('k', 'lagging', 0.35, 0.5), // −15
    ];
    expect(aggregate(items).laggards.map((i) => i.target.id)).toEqual(['a', 'z', 'k', 'm']);
    expect(aggregate(items, 2).laggards.map((i) => i.target.id)).toEqual(['a', 'z']);
  });

  it('rolls up real states: a sector of 5G, key projects, investment, jobs and the reservoir on 2025-07-01', () => {
    const asOf = '2025-07-01';
    const g = makeTarget();
    const k = keyProjects();
    const inv = investment();
    const jobs = newJobs();
    const res = guanluReservoir();
    const items: TargetWithState[] = [
      // 5G: 1500/3000 = 0.5 vs 0.4973 → on track.
      { target: g, state: computeTargetState(g, [reportFor(g, asOf, 1500)], { asOf }) },
      // Key projects: 150/460 = 0.326 vs 0.4973 → −17.1 pp severe.
      { target: k, state: computeTargetState(k, [reportFor(k, asOf, 150)], { asOf }) },
      // Investment: 1200/2450 = 0.4898 vs profile 0.48 + 0.08 × 1/31 = 0.4826 → on track.
      { target: inv, state: computeTargetState(inv, [reportFor(inv, asOf, 1200)], { asOf }) },
      // Jobs: nothing reported → no_data, not measured.
      { target: jobs, state: computeTargetState(jobs, [], { asOf }) },
      // Reservoir: 0 of 3 stages done, the first (04-30) 62 days overdue → severe (after the key
      // projects' −17.1 pp: 62 days is 17.0 % of a year).
      { target: res, state: computeTargetState(res, [stagesReport(res, asOf, 0)], { asOf }) },
    ];
    const a = aggregate(items);
    expect(a.counts).toMatchObject({ on_track: 2, severe: 2, no_data: 1 });
    expect(a.measured).toBe(4);
    expect(a.progress).toBeCloseTo((0.5 + 150 / 460 + 1200 / 2450 + 0) / 4, 9);
    expect(a.expected).toBeCloseTo((181 / 364 + 181 / 364 + (0.48 + 0.08 / 31) + 1 / 3) / 4, 9);
    expect(a.laggards.map((i) => i.target.id)).toEqual(['t-key-projects', 't-guanlu']);
  });

  it('properties: means within [0,1], counts add up to the total, laggards sorted', () => {
    const state = fc.record({
      status: fc.constantFrom(...STATUSES),
      progress: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }),
      expected: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(state, { maxLength: 30 }), fc.integer({ min: 0, max: 10 }), (states, n) => {
        const items = states.map((s, i) => item(`t${i}`, s.status, s.progress, s.expected));
        const a = aggregate(items, n);
        expect(Object.values(a.counts).reduce((x, y) => x + y, 0)).toBe(items.length);
        for (const m of [a.progress, a.expected]) {
          if (m === null) expect(a.measured).toBe(0);
          else {
            expect(m).toBeGreaterThanOrEqual(0);
            expect(m).toBeLessThanOrEqual(1);
          }
        }
        expect(a.laggards.length).toBeLessThanOrEqual(n);
        // 未完成 first, then 严重滞后, then 滞后; within a status, furthest behind first.
        const rank = { missed: 0, severe: 1, lagging: 2 } as Record<string, number>;
        const keys = a.laggards.map((l) => [rank[l.state.status] ?? 3, l.state.gap ?? 0] as const);
        expect(keys).toEqual([...keys].sort((x, y) => x[0] - y[0] || x[1] - y[1]));
        for (const l of a.laggards) expect(['lagging', 'severe', 'missed']).toContain(l.state.status);
      }),
      { numRuns: 300 },
    );
  });

  it('properties: taking targets away and adding their new states gives what adding the final states gives', () => {
    const state = fc.record({
      status: fc.constantFrom(...STATUSES),
      progress: fc.option(fc.double({ min: -0.5, max: 1.5, noNaN: true }), { nil: null }),
      expected: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(state, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), state), { maxLength: 30 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 12 }),
        (states, changes, n, extra) => {
          const items = states.map((s, i) => item(`t${i}`, s.status, s.progress, s.expected));
          const kept = new Accumulator(n, n + extra);
          for (const i of items) kept.add(i.target, i.state);
          for (const [at, s] of changes) {
            const i = at % items.length;
            const before = items[i] as TargetWithState;
            const after = item(before.target.id, s.status, s.progress, s.expected);
            kept.add(after.target, after.state);
            kept.remove(before.target, before.state);
            items[i] = after;
          }
          const fresh = aggregate(items, n);
          // Either exact (same digits, same laggards), or it says it is not and is rebuilt.
          if (kept.complete) expect(kept.result()).toEqual(fresh);
          else
            expect(kept.result().laggards.length).toBeLessThan(
              Math.min(n, fresh.counts.lagging + fresh.counts.severe + fresh.counts.missed),
            );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a mean has the same digits in any order of adding', () => {
    const items = [0.1, 0.2, 0.3, 1 / 3, 0.7, 2 / 7].map((p, i) => item(`t${i}`, 'on_track', p, 0.5));
    expect(aggregate([...items].reverse()).progress).toBe(aggregate(items).progress);
    expect(aggregate([items[0], items[1]] as TargetWithState[]).progress).toBe(0.15);
  });
});
