import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVESTMENT_PROFILE } from './pacing';
import { progressReportSchema } from './report-schema';
import { monthlyProfileSchema, pacingSchema, targetSchema, targetStateSchema } from './schemas';
import {
  cityCompute,
  digitalShare,
  guanluReservoir,
  investment,
  keyProjects,
  laoshanCompute,
  makeTarget,
  newJobs,
  pilotBases,
  pm25,
  reportFor,
  techRenewalGrowth,
} from './test-fixtures';

const catalogCases = [
  makeTarget(),
  keyProjects(),
  investment(),
  newJobs(),
  techRenewalGrowth(),
  pilotBases(),
  laoshanCompute(),
  cityCompute(),
  digitalShare(),
  guanluReservoir(),
];

describe('schemas', () => {
  it('every test case is a valid target and its reports valid reports', () => {
    for (const t of [...catalogCases, pm25()]) {
      expect(targetSchema.safeParse(t).success).toBe(true);
      if (t.kind !== 'milestone')
        expect(progressReportSchema.safeParse(reportFor(t, '2025-06-30', 1)).success).toBe(true);
    }
  });

  it('monthly profiles must rise to exactly 1 in December', () => {
    expect(
      monthlyProfileSchema.safeParse(INVESTMENT_PROFILE.type === 'monthly' && INVESTMENT_PROFILE.cumulative).success,
    ).toBe(true);
    const falling = [0.1, 0.05, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1];
    const short = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.97, 0.99];
    expect(monthlyProfileSchema.safeParse(falling).success).toBe(false);
    expect(monthlyProfileSchema.safeParse(short).success).toBe(false);
    expect(pacingSchema.safeParse({ type: 'monthly', name: 'x', cumulative: [1] }).success).toBe(false);
  });

  it('refuses dates that are not calendar days and values that are not finite', () => {
    expect(targetSchema.safeParse(makeTarget({ deadline: '2025-02-30' })).success).toBe(false);
    expect(targetSchema.safeParse(makeTarget({ target: Number.NaN })).success).toBe(false);
    const r = reportFor(makeTarget(), '2025-06-30', 1);
    expect(progressReportSchema.safeParse({ ...r, value: Number.POSITIVE_INFINITY }).success).toBe(false);
    expect(progressReportSchema.safeParse({ ...r, recordedAt: '2025-06-30 10:00' }).success).toBe(false);
    const state = {
      progress: Number.NaN,
      expected: 0.5,
      gap: null,
      status: 'on_track',
      latest: null,
      projection: null,
      requiredRate: null,
    };
    expect(targetStateSchema.safeParse(state).success).toBe(false);
  });

  // Byte-identical copies of the source documents travel with the repository (data/seeds).
  const seeds = join(__dirname, '../../data/seeds');
  it('every quote used as a test case is an exact line of its source document', () => {
    for (const t of catalogCases) {
      const text = readFileSync(join(seeds, t.source.document), 'utf8');
      expect(text, `${t.source.document}: ${t.source.quote}`).toContain(t.source.quote);
    }
  });
});
