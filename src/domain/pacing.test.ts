import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { DomainError } from './errors';
import { assertPacingApplies, expectedShare, INVESTMENT_PROFILE, stagesPlannedBy } from './pacing';
import { type Pacing, pacingSchema } from './schemas';
import { GUANLU_STAGES } from './test-fixtures';

const LINEAR: Pacing = { type: 'linear' };
const STEPS: Pacing = { type: 'steps' };
const Y_START = '2025-01-01';
const Y_END = '2025-12-31';

function domainErrorCode(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as DomainError).code;
  }
  return undefined;
}

describe('linear pacing (时间过半、任务过半)', () => {
  it.each([
    // 2025-01-01 … 2025-12-31 spans 364 days.
    ['2025-01-01', 0],
    ['2025-04-30', 119 / 364], // 0.3269
    ['2025-06-30', 180 / 364], // 0.4945
    ['2025-07-01', 181 / 364], // 0.4973
    ['2025-09-30', 272 / 364], // 0.7473
    ['2025-12-31', 1],
  ])('%s → %f', (date, share) => {
    expect(expectedShare(LINEAR, Y_START, Y_END, date)).toBeCloseTo(share, 10);
  });

  it('is 0 before the period and 1 after the deadline', () => {
    expect(expectedShare(LINEAR, Y_START, Y_END, '2024-11-30')).toBe(0);
    expect(expectedShare(LINEAR, Y_START, Y_END, '2026-03-01')).toBe(1);
  });

  it('paces multi-year targets over their whole period (10+1 industry sizes, 2025–2027)', () => {
    // 2025-01-01 … 2027-12-31 = 1094 days; 2026-01-01 is day 365 → 0.3336.
    expect(expectedShare(LINEAR, '2025-01-01', '2027-12-31', '2026-01-01')).toBeCloseTo(365 / 1094, 10);
  });
});

describe('monthly profile (INVESTMENT_PROFILE)', () => {
  it('is a valid pacing by the schema', () => {
    expect(pacingSchema.parse(INVESTMENT_PROFILE)).toEqual(INVESTMENT_PROFILE);
  });

  it.each([
    ['2025-01-01', 0], // period start
    ['2025-01-02', 0.04 * (2 / 31)], // a day's share counts at the end of the day: 0.00258
    ['2025-01-31', 0.04],
    ['2025-02-14', 0.04 + 0.06 * (14 / 28)], // 0.07
    ['2025-02-28', 0.1],
    ['2025-03-31', 0.17], // ≈ 17 % by March
    ['2025-04-15', 0.17 + 0.09 * (15 / 30)], // 0.215
    ['2025-04-30', 0.26],
    ['2025-06-30', 0.48], // ≈ 48 % by June
    ['2025-09-30', 0.76],
    ['2025-12-30', 0.93 + 0.07 * (30 / 31)], // 0.99774
    ['2025-12-31', 1],
  ])('%s → %f', (date, share) => {
    expect(expectedShare(INVESTMENT_PROFILE, Y_START, Y_END, date)).toBeCloseTo(share, 10);
  });

  it('is back-loaded: behind linear in spring, catching up by year end', () => {
    // 2025-04-30: profile 0.26 vs linear 119/364 = 0.327.
    const profile = expectedShare(INVESTMENT_PROFILE, Y_START, Y_END, '2025-04-30');
    const linear = expectedShare(LINEAR, Y_START, Y_END, '2025-04-30');
    expect(linear - profile).toBeCloseTo(119 / 364 - 0.26, 10);
  });

  it('refuses a period that is not one calendar year', () => {
    expect(domainErrorCode(() => expectedShare(INVESTMENT_PROFILE, '2025-01-01', '2027-12-31', '2025-06-30'))).toBe(
      'invalid_pacing',
    );
    expect(domainErrorCode(() => assertPacingApplies(INVESTMENT_PROFILE, '2025-03-01', '2025-12-31'))).toBe(
      'invalid_pacing',
    );
    expect(() => assertPacingApplies(INVESTMENT_PROFILE, '2025-01-01', '2025-12-31')).not.toThrow();
  });
});

describe('steps (milestones)', () => {
  it('counts the stages planned by the date', () => {
    expect(stagesPlannedBy(GUANLU_STAGES, '2025-04-29')).toBe(0);
    expect(stagesPlannedBy(GUANLU_STAGES, '2025-04-30')).toBe(1);
    expect(stagesPlannedBy(GUANLU_STAGES, '2025-09-01')).toBe(2);
  });

  it.each([
    ['2025-04-29', 0],
    ['2025-04-30', 1 / 3],
    ['2025-07-01', 1 / 3],
    ['2025-08-31', 2 / 3],
    ['2025-12-31', 1],
  ])('官路水库 %s → %f', (date, share) => {
    expect(expectedShare(STEPS, Y_START, Y_END, date, GUANLU_STAGES)).toBeCloseTo(share, 10);
  });

  it('is 0 at the period start and 1 at the deadline even when stages fall outside the period', () => {
    const stages = [
      { name: '开工', plannedDate: '2024-06-01' },
      { name: '竣工', plannedDate: '2026-06-30' },
    ];
    expect(expectedShare(STEPS, Y_START, Y_END, Y_START, stages)).toBe(0);
    expect(expectedShare(STEPS, Y_START, Y_END, '2025-07-01', stages)).toBe(0.5);
    expect(expectedShare(STEPS, Y_START, Y_END, Y_END, stages)).toBe(1);
  });
});

describe('invalid periods and dates', () => {
  it('refuses a deadline on or before the start', () => {
    expect(domainErrorCode(() => expectedShare(LINEAR, '2025-12-31', '2025-01-01', '2025-06-30'))).toBe(
      'invalid_period',
    );
    expect(domainErrorCode(() => expectedShare(LINEAR, '2025-06-30', '2025-06-30', '2025-06-30'))).toBe(
      'invalid_period',
    );
  });

  it('refuses malformed dates with a Chinese message', () => {
    let err: unknown;
    try {
      expectedShare(LINEAR, Y_START, Y_END, '2025-02-30');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('invalid_date');
    expect((err as DomainError).message).toContain('日期格式不正确');
    expect(domainErrorCode(() => expectedShare(LINEAR, '2025/01/01', Y_END, '2025-06-30'))).toBe('invalid_date');
  });
});

// ---- Properties ----

const dayOffset = fc.integer({ min: -400, max: 1500 });
const monthlyPacing: fc.Arbitrary<Pacing> = fc
  .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 11, maxLength: 11 })
  .map((xs) => ({ type: 'monthly', name: 'random', cumulative: [...[...xs].sort((a, b) => a - b), 1] }));
const stagesArb = fc
  .array(fc.integer({ min: -200, max: 1200 }), { minLength: 1, maxLength: 6 })
  .map((offsets) => offsets.map((o, i) => ({ name: `阶段${i + 1}`, plannedDate: addDays(Y_START, o) })));

/** A pacing with a period it applies to (monthly profiles only apply to a calendar year). */
const pacedPeriod = fc.oneof(
  fc
    .tuple(fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: 1, max: 1500 }))
    .map(([s, len]) => ({ pacing: LINEAR, start: addDays(Y_START, s), end: addDays(Y_START, s + len), stages: [] })),
  fc
    .tuple(monthlyPacing, fc.integer({ min: 1990, max: 2060 }))
    .map(([pacing, y]) => ({ pacing, start: `${y}-01-01`, end: `${y}-12-31`, stages: [] })),
  fc
    .tuple(stagesArb, fc.integer({ min: 1, max: 1000 }))
    .map(([stages, len]) => ({ pacing: STEPS, start: Y_START, end: addDays(Y_START, len), stages })),
);

describe('pacing properties', () => {
  it('is 0 at the period start, 1 at the deadline, within [0,1] and monotonic in time', () => {
    fc.assert(
      fc.property(pacedPeriod, dayOffset, dayOffset, ({ pacing, start, end, stages }, a, b) => {
        expect(pacingSchema.safeParse(pacing).success).toBe(true);
        expect(expectedShare(pacing, start, end, start, stages)).toBe(0);
        expect(expectedShare(pacing, start, end, end, stages)).toBe(1);
        const [d1, d2] = [addDays(start, a), addDays(start, b)];
        const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const e1 = expectedShare(pacing, start, end, early, stages);
        const e2 = expectedShare(pacing, start, end, late, stages);
        expect(e1).toBeGreaterThanOrEqual(0);
        expect(e2).toBeLessThanOrEqual(1);
        expect(e1).toBeLessThanOrEqual(e2);
      }),
      { numRuns: 400 },
    );
  });

  it('every day of a calendar year moves the investment profile forward (never backward)', () => {
    let prev = -1;
    for (let i = 0; i <= 364; i++) {
      const e = expectedShare(INVESTMENT_PROFILE, Y_START, Y_END, addDays(Y_START, i));
      expect(e).toBeGreaterThanOrEqual(prev);
      prev = e;
    }
    expect(prev).toBe(1);
  });
});
