import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate';
import { addDays, type IsoDate } from './dates';
import { DomainError } from './errors';
import { INVESTMENT_PROFILE } from './pacing';
import {
  COMPARATORS,
  type Comparator,
  type Pacing,
  type ProgressReport,
  type StatusThresholds,
  type Target,
  type TargetState,
  targetSchema,
  targetStateSchema,
} from './schemas';
import { computeTargetState, STATUS_SEVERITY, validateTarget } from './status';
import { makeReport, makeTarget } from './test-fixtures';

/*
 * Arbitrary valid targets and reports. Values stay within ±1e9 in mixed units (up to 1e21 in the
 * base unit) so that unit conversion never overflows a double; extreme doubles are tried separately
 * in one unit.
 */

const Y = '2025-01-01';
const day = (from: IsoDate, min: number, max: number) => fc.integer({ min, max }).map((n) => addDays(from, n));

/** Unit families: the target's unit first, then units a report may be written in. */
const UNIT_FAMILIES: readonly (readonly string[])[] = [
  ['个', '万个'],
  ['亿元', '万亿元', '万元'],
  ['万人', '人'],
  ['%'],
  ['P', 'PFLOPS'],
  ['万千瓦', '千瓦'],
  ['万平方米', '平方米'],
];

const monthlyPacing: fc.Arbitrary<Pacing> = fc
  .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 11, maxLength: 11 })
  .map((xs) => ({ type: 'monthly', name: 'random', cumulative: [...[...xs].sort((a, b) => a - b), 1] }));

/** A period and a pacing that applies to it. */
const period = fc.oneof(
  fc.record({ start: fc.constant(Y), end: fc.constant('2025-12-31'), pacing: fc.constant<Pacing>({ type: 'linear' }) }),
  fc.record({ start: fc.constant(Y), end: fc.constant('2025-12-31'), pacing: fc.constant(INVESTMENT_PROFILE) }),
  fc.record({ start: fc.constant('2026-01-01'), end: fc.constant('2026-12-31'), pacing: monthlyPacing }),
  fc
    .tuple(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 1, max: 1100 }))
    .map(([s, len]) => ({ start: addDays(Y, s), end: addDays(Y, s + len), pacing: { type: 'linear' } as Pacing })),
);

const finiteIn = (m: number) => fc.double({ min: -m, max: m, noNaN: true });

const quantitativeTarget: fc.Arbitrary<Target> = fc
  .record({
    kind: fc.constantFrom('cumulative', 'level', 'growth', 'share' as const),
    comparator: fc.constantFrom(...COMPARATORS),
    family: fc.constantFrom(...UNIT_FAMILIES),
    target: finiteIn(1e7),
    baseline: fc.option(finiteIn(1e7), { nil: null }),
    period,
  })
  .map(({ kind, comparator, family, target, baseline, period: p }) => {
    let goal = target;
    if (kind === 'cumulative' && comparator !== 'lte') goal = Math.abs(target) + 1;
    if (kind === 'cumulative' && goal === 0) goal = 1;
    const base = baseline !== null && baseline === goal ? goal - 1 : baseline;
    const levelBase = kind === 'level' && base === null && goal === 0 ? 1 : base;
    return makeTarget({
      id: 't',
      kind,
      comparator,
      unit: family[0] as string,
      target: goal,
      baseline: levelBase,
      periodStart: p.start,
      deadline: p.end,
      pacing: p.pacing,
    });
  });

const milestoneTarget: fc.Arbitrary<Target> = fc
  .record({
    stages: fc.array(day(Y, -100, 500), { minLength: 1, maxLength: 6 }),
    len: fc.integer({ min: 1, max: 800 }),
  })
  .map(({ stages, len }) =>
    makeTarget({
      id: 't',
      kind: 'milestone',
      unit: '',
      target: null,
      comparator: 'eq',
      pacing: { type: 'steps' },
      deadline: addDays(Y, len),
      stages: [...stages].sort().map((d, i) => ({ name: `阶段${i + 1}`, plannedDate: d })),
    }),
  );

const thresholds: fc.Arbitrary<StatusThresholds> = fc.record({
  lagPp: fc.double({ min: 0, max: 100, noNaN: true }),
  severePp: fc.double({ min: 0, max: 100, noNaN: true }),
  severeMiss: fc.double({ min: 0, max: 1, noNaN: true }),
  cycleDays: fc.integer({ min: 1, max: 366 }),
  approxTolerance: fc.double({ min: 0, max: 0.5, noNaN: true }),
  rateLagPp: fc.double({ min: 0, max: 100, noNaN: true }),
  rateSeverePp: fc.double({ min: 0, max: 100, noNaN: true }),
  milestoneSevereDays: fc.integer({ min: 0, max: 3660 }),
});

/** Reports for a target: random dates, units of the target's family, recorded times and corrections. */
function reportsFor(t: Target, valueArb: fc.Arbitrary<number> = finiteIn(1e9)): fc.Arbitrary<ProgressReport[]> {
  const family = UNIT_FAMILIES.find((f) => f[0] === t.unit) ?? [t.unit];
  const one = fc.record({
    asOf: day(t.periodStart, -60, 900),
    lagMinutes: fc.integer({ min: 0, max: 60 * 24 * 60 }),
    value: valueArb,
    unit: fc.constantFrom(...family),
    stagesDone: fc.nat({ max: 8 }),
    supersedes: fc.option(fc.nat(), { nil: null }),
  });
  return fc.array(one, { maxLength: 14 }).map((rows) =>
    rows.map((r, i) =>
      makeReport({
        id: `r${i}`,
        targetId: t.id,
        asOf: r.asOf,
        recordedAt: new Date(Date.parse(`${r.asOf}T10:00:00+08:00`) + r.lagMinutes * 60_000).toISOString(),
        value: t.kind === 'milestone' ? null : r.value,
        unit: t.kind === 'milestone' ? '' : r.unit,
        stagesDone: t.kind === 'milestone' ? r.stagesDone : null,
        supersedes: r.supersedes === null || i === 0 ? null : `r${r.supersedes % i}`,
      }),
    ),
  );
}

const anyTarget = fc.oneof({ arbitrary: quantitativeTarget, weight: 4 }, { arbitrary: milestoneTarget, weight: 1 });
const scenario = anyTarget.chain((t) =>
  fc.record({
    target: fc.constant(t),
    reports: reportsFor(t),
    asOf: day(t.periodStart, -30, 1000),
    knownAt: fc.option(day(t.periodStart, -10, 1000), { nil: undefined }).map((d) => d && `${d}T12:00:00+08:00`),
    thresholds,
  }),
);

function numbersIn(state: TargetState): number[] {
  const out: number[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'number') out.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(state);
  return out;
}

const RUNS = 400;

describe('computeTargetState on arbitrary valid input', () => {
  it('never throws, returns a schema-valid state, and every number is finite', () => {
    fc.assert(
      fc.property(scenario, ({ target, reports, asOf, knownAt, thresholds: th }) => {
        expect(targetSchema.safeParse(target).success).toBe(true);
        validateTarget(target);
        const state = computeTargetState(target, reports, { asOf, knownAt, thresholds: th });
        expect(targetStateSchema.safeParse(state).success).toBe(true);
        for (const n of numbersIn(state)) expect(Number.isFinite(n)).toBe(true);
        if (state.progress === null) expect(state.gap).toBeNull();
        // 未开始: a milestone with no stage due yet, or any target before its period starts.
        if (state.status === 'not_started') expect(target.kind === 'milestone' || asOf < target.periodStart).toBe(true);
        // The aggregate of any states is finite too.
        const agg = aggregate([{ target, state }]);
        for (const n of [agg.progress, agg.expected]) if (n !== null) expect(Number.isFinite(n)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('stays finite with extreme values in the target unit (no conversion)', () => {
    const extreme = quantitativeTarget.chain((t) =>
      fc.record({
        target: fc.constant(t),
        reports: reportsFor(t, fc.double({ noNaN: true, noDefaultInfinity: true })).map((rs) =>
          rs.map((r) => ({ ...r, unit: t.unit })),
        ),
        asOf: day(t.periodStart, -30, 1000),
      }),
    );
    fc.assert(
      fc.property(extreme, ({ target, reports, asOf }) => {
        const state = computeTargetState(target, reports, { asOf });
        for (const n of numbersIn(state)) expect(Number.isFinite(n)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('"as of D, known at K" equals the state computed from what was recorded by K', () => {
    fc.assert(
      fc.property(scenario, ({ target, reports, asOf, knownAt }) => {
        fc.pre(knownAt !== undefined);
        const k = knownAt as string;
        const known = reports.filter((r) => Date.parse(r.recordedAt) <= Date.parse(k));
        expect(computeTargetState(target, reports, { asOf, knownAt: k })).toEqual(
          computeTargetState(target, known, { asOf }),
        );
      }),
      { numRuns: 200 },
    );
  });
});

/** Distinct weekly report dates, all on or before the as-of date, in the target's unit; no corrections. */
const plainSeries = quantitativeTarget.chain((t) =>
  fc.record({
    target: fc.constant(t),
    values: fc.array(finiteIn(1e7), { minLength: 1, maxLength: 10 }),
    firstWeek: fc.integer({ min: -4, max: 50 }),
    extraDays: fc.integer({ min: 0, max: 30 }),
    thresholds,
  }),
);

function weekly(t: Target, values: readonly number[], firstWeek: number): ProgressReport[] {
  return values.map((v, i) =>
    makeReport({
      id: `w${i}`,
      targetId: t.id,
      unit: t.unit,
      asOf: addDays(t.periodStart, (firstWeek + i) * 7),
      value: v,
    }),
  );
}

/** Lower is worse, except for 以下 (lte) targets. */
const worse = (c: Comparator, v: number, by: number) => (c === 'lte' ? v + by : v - by);

describe('status is monotonic in the latest figure', () => {
  it('never improves when the latest reported value gets worse, other reports equal', () => {
    fc.assert(
      fc.property(
        plainSeries,
        fc.double({ min: 1e-6, max: 1e7, noNaN: true }),
        ({ target, values, firstWeek, extraDays, thresholds: th }, by) => {
          const reports = weekly(target, values, firstWeek);
          const last = reports[reports.length - 1] as ProgressReport;
          const asOf = addDays(last.asOf, extraDays);
          const worsened = [...reports.slice(0, -1), { ...last, value: worse(target.comparator, last.value ?? 0, by) }];
          const before = computeTargetState(target, reports, { asOf, thresholds: th });
          const after = computeTargetState(target, worsened, { asOf, thresholds: th });
          expect(STATUS_SEVERITY[after.status]).toBeGreaterThanOrEqual(STATUS_SEVERITY[before.status]);
          // Progress falls with the figure when the target lies in the comparator's direction from its
          // baseline (a 以上 target below its baseline makes progress run backwards; see validateTarget).
          const from = target.kind === 'cumulative' ? 0 : (target.baseline ?? 0);
          const consistent = target.comparator === 'lte' || (target.target ?? 0) >= from;
          if (consistent && before.progress !== null && after.progress !== null) {
            expect(after.progress).toBeLessThanOrEqual(before.progress);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never improves when fewer milestone stages are done', () => {
    fc.assert(
      fc.property(
        milestoneTarget,
        fc.array(fc.nat({ max: 7 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 20 }),
        thresholds,
        (target, done, drop, extraDays, th) => {
          const reports = done.map((d, i) =>
            makeReport({ targetId: target.id, unit: '', asOf: addDays(Y, i * 14), stagesDone: d }),
          );
          const last = reports[reports.length - 1] as ProgressReport;
          const asOf = addDays(last.asOf, extraDays);
          const fewer = [...reports.slice(0, -1), { ...last, stagesDone: Math.max(0, (last.stagesDone ?? 0) - drop) }];
          const before = computeTargetState(target, reports, { asOf, thresholds: th });
          const after = computeTargetState(target, fewer, { asOf, thresholds: th });
          expect(STATUS_SEVERITY[after.status]).toBeGreaterThanOrEqual(STATUS_SEVERITY[before.status]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('corrections', () => {
  it('a correction replaces the report it corrects; before it was recorded, the old value stands', () => {
    fc.assert(
      fc.property(
        plainSeries,
        fc.nat(),
        finiteIn(1e7),
        ({ target, values, firstWeek, extraDays, thresholds: th }, pick, corrected) => {
          const reports = weekly(target, values, firstWeek);
          const i = pick % reports.length;
          const wrong = reports[i] as ProgressReport;
          const asOf = addDays((reports[reports.length - 1] as ProgressReport).asOf, extraDays);
          const correction = makeReport({
            id: 'correction',
            targetId: target.id,
            unit: target.unit,
            asOf: wrong.asOf,
            recordedAt: '2027-06-01T09:00:00+08:00',
            value: corrected,
            supersedes: wrong.id,
            correctionReason: '更正',
          });
          const all = [...reports, correction];
          const withCorrectValue = reports.map((r, j) => (j === i ? { ...r, value: corrected } : r));
          const opts = { asOf, thresholds: th };
          expect(computeTargetState(target, all, opts)).toEqual(computeTargetState(target, withCorrectValue, opts));
          expect(computeTargetState(target, all, { ...opts, knownAt: '2027-05-31T23:59:59+08:00' })).toEqual(
            computeTargetState(target, reports, opts),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('invalid input throws a DomainError with the right code, never NaN', () => {
  type Breaker = {
    code: string;
    apply: (t: Target) => { target: Target; report?: Partial<ProgressReport>; asOf?: string; knownAt?: string };
  };
  const breakers: fc.Arbitrary<Breaker> = fc.oneof(
    fc.constantFrom('2025-02-29', '2025-13-01', '2025/01/01', '25-01-01', '', 'yesterday').map<Breaker>((bad) => ({
      code: 'invalid_date',
      apply: (t) => ({ target: { ...t, periodStart: bad } }),
    })),
    fc.constantFrom('2025-04-31', '2025-6-30', 'soon').map<Breaker>((bad) => ({
      code: 'invalid_date',
      apply: (t) => ({ target: t, asOf: bad }),
    })),
    fc.constantFrom('not a time', '2025-99-99T00:00:00Z').map<Breaker>((bad) => ({
      code: 'invalid_date',
      apply: (t) => ({ target: t, knownAt: bad }),
    })),
    fc.integer({ min: 0, max: 400 }).map<Breaker>((back) => ({
      code: 'invalid_period',
      apply: (t) => ({ target: { ...t, pacing: { type: 'linear' }, deadline: addDays(t.periodStart, -back) } }),
    })),
    fc.constantFrom('个', '家', '人次', '公里').map<Breaker>((unit) => ({
      code: 'incompatible_units',
      apply: (t) => ({
        target: { ...t, kind: 'cumulative', unit: '亿元', target: 2450, comparator: 'gte' },
        report: { unit, value: 1 },
      }),
    })),
    finiteIn(1e6).map<Breaker>((v) => ({
      code: 'invalid_target',
      apply: (t) => ({ target: { ...t, kind: 'level', target: v, baseline: v } }),
    })),
    fc.constant<Breaker>({
      code: 'invalid_target',
      apply: (t) => ({
        target: { ...t, kind: 'milestone', unit: '', target: null, stages: [], pacing: { type: 'steps' } },
      }),
    }),
    fc.constant<Breaker>({
      code: 'invalid_pacing',
      apply: (t) => ({
        target: { ...t, pacing: INVESTMENT_PROFILE, periodStart: '2025-02-01', deadline: '2025-12-31' },
      }),
    }),
  );

  it('for every kind of bad input', () => {
    fc.assert(
      fc.property(quantitativeTarget, breakers, day(Y, 0, 360), (valid, breaker, asOfDefault) => {
        const { target, report, asOf, knownAt } = breaker.apply(valid);
        const reports = [
          makeReport({ targetId: target.id, unit: target.unit, asOf: asOfDefault, value: 1, ...report }),
        ];
        let result: unknown;
        try {
          result = computeTargetState(target, reports, { asOf: asOf ?? asOfDefault, knownAt });
        } catch (e) {
          expect(e).toBeInstanceOf(DomainError);
          expect((e as DomainError).code).toBe(breaker.code);
          expect((e as DomainError).message).toMatch(/[\u4e00-\u9fff]/);
          return;
        }
        expect.unreachable(`expected ${breaker.code}, got ${JSON.stringify(result)}`);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the figures officials read (issue 18)', () => {
  it('完成率 is value ÷ target (target ÷ value for a limit), whatever the kind and baseline', () => {
    fc.assert(
      fc.property(
        quantitativeTarget.chain((t) => fc.record({ target: fc.constant(t), reports: reportsFor(t) })),
        day(Y, 0, 900),
        ({ target, reports }, asOf) => {
          const s = computeTargetState(target, reports, { asOf });
          if (s.latest?.value == null || s.progress === null) return;
          const v = s.latest.value;
          const goal = target.target ?? 0;
          if (target.comparator === 'lte') {
            if (v > goal && goal > 0) expect(s.progress).toBeCloseTo(goal / v, 9);
          } else if (goal > 0 && Number.isFinite(v / goal)) {
            expect(s.progress).toBeCloseTo(v / goal, 9);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a growth rate’s or share’s gap is the rate’s own difference from where it should be', () => {
    // Rates as documents write them (0.01 % to 10,000 %): a denormal target cannot be reconstructed
    // from expected × target below, which is how this test finds where the rate should be.
    const rateTarget = quantitativeTarget.filter(
      (t) => (t.kind === 'growth' || t.kind === 'share') && (t.target ?? 0) >= 0.01 && (t.target ?? 0) <= 1e4,
    );
    fc.assert(
      fc.property(
        rateTarget.chain((t) => fc.record({ target: fc.constant(t), reports: reportsFor(t, finiteIn(200)) })),
        day(Y, 0, 900),
        ({ target, reports }, asOf) => {
          const s = computeTargetState(target, reports, { asOf });
          if (s.latest?.value == null || s.gap === null) return;
          expect(s.gapBasis).toBe('rate');
          // Where it should be: the target all year, or the paced level of a share with a baseline.
          const level = (s.expected ?? 0) * (target.target ?? 0);
          if ((target.target ?? 0) > 0 && target.comparator !== 'lte') {
            const scale = Math.max(1, Math.abs(s.latest.value), Math.abs(level));
            expect(Math.abs(s.gap * 100 - (s.latest.value - level))).toBeLessThanOrEqual(1e-9 * scale);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a report on target A never changes the state of target B, at any as-of date', () => {
    fc.assert(
      fc.property(
        scenario,
        anyTarget.chain((a) => fc.record({ target: fc.constant({ ...a, id: 'a' }), reports: reportsFor(a) })),
        ({ target: b, reports, asOf, thresholds: th }, other) => {
          const mine = reports.map((r) => ({ ...r, targetId: b.id }));
          const theirs = other.reports.map((r, i) => ({ ...r, id: `a${i}`, targetId: 'a', supersedes: null }));
          // The memo and the views hand each target only its own reports; the as-of date is the
          // view's and stays put. A later report of A, dated after all of B's, changes nothing of B's.
          const alone = computeTargetState(b, mine, { asOf, thresholds: th });
          const grouped = new Map<string, ProgressReport[]>();
          for (const r of [...mine, ...theirs]) grouped.set(r.targetId, [...(grouped.get(r.targetId) ?? []), r]);
          expect(computeTargetState(b, grouped.get(b.id) ?? [], { asOf, thresholds: th })).toEqual(alone);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a target’s pace is judged at its own figure’s date: moving the view’s date later (within the cycle) never moves it', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 13 }), ({ target, reports, asOf, thresholds: th }, later) => {
        const before = computeTargetState(target, reports, { asOf, thresholds: { ...th, cycleDays: 14 } });
        const after = computeTargetState(target, reports, {
          asOf: addDays(asOf, later),
          thresholds: { ...th, cycleDays: 14 },
        });
        // No new figure in between, none stale yet, the deadline not passed: the same verdict.
        const newFigure = reports.some((r) => r.asOf > asOf && r.asOf <= addDays(asOf, later));
        const passes = addDays(asOf, later) > target.deadline || asOf > target.deadline;
        if (newFigure || passes || before.latest === null || after.status === 'no_data') return;
        if (target.kind === 'milestone') return; // a node falling due is news even without a report
        expect(after.gap).toBe(before.gap);
        expect(after.expected).toBe(before.expected);
        expect(after.status).toBe(before.status);
        expect(after.requiredRate).toEqual(before.requiredRate);
        expect(after.forecastMiss).toBe(before.forecastMiss);
      }),
      { numRuns: RUNS },
    );
  });
});
