import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { formatQuantity, formatRate } from './format';
import { INVESTMENT_PROFILE } from './pacing';
import {
  DEFAULT_THRESHOLDS,
  type ProgressReport,
  type StatusThresholds,
  type Target,
  targetStateSchema,
} from './schemas';
import {
  computeTargetState,
  inferredBaseline,
  isMet,
  progressOf,
  STATUS_SEVERITY,
  validateTarget,
  valueInTargetUnit,
} from './status';
import {
  cityCompute,
  DIGITAL_PLAN,
  digitalShare,
  guanluReservoir,
  investment,
  keyProjects,
  laoshanCompute,
  makeReport,
  makeTarget,
  newJobs,
  pilotBases,
  pm25,
  reportFor,
  series,
  stagesReport,
  techRenewalGrowth,
} from './test-fixtures';
import { convert } from './units';

const at = (t: Target, reports: readonly ProgressReport[], asOf: string, thresholds?: StatusThresholds) => {
  const state = computeTargetState(t, reports, { asOf, thresholds });
  // Every state the engine returns must satisfy the API contract (finite numbers, known status).
  targetStateSchema.parse(state);
  return state;
};
const one = (t: Target, asOf: string, value: number, cutAsOf = asOf, th?: StatusThresholds) =>
  at(t, [reportFor(t, asOf, value)], cutAsOf, th);
const th = (o: Partial<StatusThresholds>): StatusThresholds => ({ ...DEFAULT_THRESHOLDS, ...o });

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('defaults', () => {
  it('match the design: lag 5 pp, severe 15 pp or 10 % projected miss, 14-day cycle, ±5 % for 左右', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({
      lagPp: 5,
      severePp: 15,
      severeMiss: 0.1,
      cycleDays: 14,
      approxTolerance: 0.05,
      rateLagPp: 0.5,
      rateSeverePp: 2,
      milestoneSevereDays: 30,
    });
  });

  it('orders statuses from achieved to severe', () => {
    const order = Object.entries(STATUS_SEVERITY)
      .sort((a, b) => a[1] - b[1])
      .map(([s]) => s);
    expect(order).toEqual(['achieved', 'on_track', 'not_started', 'no_data', 'lagging', 'severe', 'missed']);
  });
});

describe('cumulative: 新开通5G基站3000个 (progress = value / target, linear pace)', () => {
  const t = makeTarget();

  it('before its period starts with nothing reported: 未开始, not 未填报 (a 2027 target on a 2025 board)', () => {
    const later = makeTarget({ periodStart: '2027-01-01', deadline: '2027-12-31' });
    expect(computeTargetState(later, [], { asOf: '2025-12-26' }).status).toBe('not_started');
    expect(computeTargetState(later, [], { asOf: '2027-02-01' }).status).toBe('no_data');
  });

  it('on track: 1500 by 2025-07-01', () => {
    // expected 181/364 = 0.4973; progress 1500/3000 = 0.5; gap +0.27 pp.
    const s = one(t, '2025-07-01', 1500);
    expect(s.progress).toBe(0.5);
    expect(s.expected).toBeCloseTo(181 / 364, 12);
    expect(s.gap).toBeCloseTo(0.5 - 181 / 364, 12);
    expect(s.status).toBe('on_track');
    expect(s.latest).toEqual({ value: 1500, unit: '个', asOf: '2025-07-01', stagesDone: null, demo: true });
  });

  it('lagging: 1300 by 2025-07-01 (gap −6.4 pp)', () => {
    // 1300/3000 = 0.4333; 0.4333 − 0.4973 = −0.0639 → below −5 pp, not below −15 pp.
    const s = one(t, '2025-07-01', 1300);
    expect(s.gap).toBeCloseTo(1300 / 3000 - 181 / 364, 12);
    expect(s.status).toBe('lagging');
  });

  it('severe: 1000 by 2025-07-01 (gap −16.4 pp)', () => {
    // 1000/3000 = 0.3333; 0.3333 − 0.4973 = −0.1639.
    expect(one(t, '2025-07-01', 1000).status).toBe('severe');
  });

  it('achieved: 3000 reached in November, whatever the pace', () => {
    expect(one(t, '2025-11-20', 3000).status).toBe('achieved');
    expect(one(t, '2025-11-20', 3200).progress).toBeCloseTo(3200 / 3000, 12);
    expect(one(t, '2025-11-20', 2999).status).not.toBe('achieved');
  });

  it('converts a report written in 万个 into 个', () => {
    const s = at(t, [reportFor(t, '2025-07-01', 0.15, { unit: '万个' })], '2025-07-01');
    expect(s.latest?.value).toBeCloseTo(1500, 9);
    expect(s.progress).toBeCloseTo(0.5, 12);
  });

  it('refuses a report in an incompatible unit (亿元 for a count of 个)', () => {
    const bad = reportFor(t, '2025-07-01', 12, { unit: '亿元' });
    expect(codeOf(() => computeTargetState(t, [bad], { asOf: '2025-07-01' }))).toBe('incompatible_units');
    expect(codeOf(() => valueInTargetUnit(t, bad))).toBe('incompatible_units');
  });

  it('抓好460个省市重点项目建设: 230 by 2025-07-01 is on pace', () => {
    const k = keyProjects();
    // 230/460 = 0.5 vs 0.4973.
    expect(one(k, '2025-07-01', 230).status).toBe('on_track');
    // 200/460 = 0.4348 → −6.3 pp.
    expect(one(k, '2025-07-01', 200).status).toBe('lagging');
  });
});

describe('thresholds: gap boundaries are strict ("below expected − 5 pp")', () => {
  // 技改投资增长8%以上 is a rate: its gap is the rate's own difference from 8 %, in 个百分点.
  const g = techRenewalGrowth();
  // A limit (以下) scored as target ÷ value is compared with 100 %: 30/31.579 ≈ 0.95.
  const limit = pm25();

  it('exactly −0.5 个百分点 of a rate is on track, anything below is lagging', () => {
    // 7.5 − 8 = −0.5 (in binary not exactly).
    expect(one(g, '2025-06-30', 7.5).status).toBe('on_track');
    expect(one(g, '2025-06-30', 7.49).status).toBe('lagging');
  });

  it('exactly −2 个百分点 of a rate is lagging, anything below is severe', () => {
    expect(one(g, '2025-06-30', 6).status).toBe('lagging');
    expect(one(g, '2025-06-30', 5.99).status).toBe('severe');
  });

  it('exactly −5 pp of 完成率 is on track, anything below is lagging', () => {
    // 30 / (30 / 0.95) = 0.95 → −5 pp; a little more is below.
    expect(one(limit, '2025-06-30', 30 / 0.95).status).toBe('on_track');
    expect(one(limit, '2025-06-30', 30 / 0.949).status).toBe('lagging');
    expect(one(limit, '2025-06-30', 30 / 0.85).status).toBe('lagging');
    expect(one(limit, '2025-06-30', 30 / 0.849).status).toBe('severe');
  });

  it('are configurable per plan', () => {
    const t = makeTarget();
    // 1300 by 07-01: gap −6.4 pp.
    expect(one(t, '2025-07-01', 1300, '2025-07-01', th({ lagPp: 10 })).status).toBe('on_track');
    expect(one(t, '2025-07-01', 1300, '2025-07-01', th({ lagPp: 2, severePp: 6 })).status).toBe('severe');
  });
});

describe('growth: 技改投资增长8%以上 (latest YTD rate vs target rate)', () => {
  const g = techRenewalGrowth();

  it('compares the rate with the target rate all year (expected 1), the gap in 个百分点 of the rate', () => {
    // 完成率 7.8/8 = 97.5 %; the rate is 0.2 个百分点 below its target.
    const s = one(g, '2025-03-31', 7.8);
    expect(s.expected).toBe(1);
    expect(s.progress).toBeCloseTo(0.975, 12);
    expect(s.gapBasis).toBe('rate');
    expect(s.gap).toBeCloseTo(-0.002, 12);
    expect(s.status).toBe('on_track');
    // 6.5 is 1.5 below: lagging; 5.9 is 2.1 below: severe.
    expect(one(g, '2025-06-30', 6.5).status).toBe('lagging');
    expect(one(g, '2025-06-30', 5.9).status).toBe('severe');
  });

  it('is on track, not achieved, while above target before the year ends; achieved at the deadline', () => {
    expect(one(g, '2025-06-30', 8.2).status).toBe('on_track');
    expect(one(g, '2025-12-31', 8.2).status).toBe('achieved');
  });

  it('projects the latest rate, and calls a projected miss > 10 % severe once there is history', () => {
    // 7.1/8 = 0.8875 → gap −11.25 pp: lagging on the gap alone.
    expect(one(g, '2025-06-30', 7.1).status).toBe('lagging');
    // With a second report, the projection (7.1) misses 8 by 11.25 % > 10 % → severe.
    const s = at(g, [reportFor(g, '2025-05-31', 7.0), reportFor(g, '2025-06-30', 7.1)], '2025-06-30');
    expect(s.projection).toEqual({ value: 7.1, progress: 7.1 / 8, willMeet: false });
    expect(s.status).toBe('severe');
    // Rates have no run-rate.
    expect(s.requiredRate).toBeNull();
  });

  it('工业技改投资增长10%以上 (Laoshan): 9.6 % is −4 pp, on track', () => {
    const t = techRenewalGrowth({ id: 't-laoshan-tech', target: 10, district: '崂山区' });
    expect(one(t, '2025-06-30', 9.6).status).toBe('on_track');
  });
});

describe('approx: 布局概念验证平台和中试基地30家左右 (±5 %)', () => {
  const t = pilotBases();

  it('is met from 28.5 (30 − 5 %) upwards', () => {
    expect(isMet(t, 28.5)).toBe(true);
    expect(isMet(t, 28.49)).toBe(false);
    expect(isMet(t, 34)).toBe(true);
    expect(one(t, '2025-11-30', 29).status).toBe('achieved');
  });

  it('28 by 2025-11-30 is not met but on pace (0.933 vs 333/364 = 0.915)', () => {
    const s = one(t, '2025-11-30', 28);
    expect(s.status).toBe('on_track');
    expect(s.gap).toBeCloseTo(28 / 30 - 333 / 364, 12);
  });

  it('uses the configured tolerance', () => {
    expect(isMet(t, 29, th({ approxTolerance: 0 }))).toBe(false);
    expect(one(t, '2025-11-30', 29, '2025-11-30', th({ approxTolerance: 0 })).status).toBe('on_track');
    expect(isMet(t, 27, th({ approxTolerance: 0.1 }))).toBe(true);
  });
});

describe('level: 完成率 = value / target, paced from the baseline', () => {
  it('全区算力规模突破2600P (gt, baseline 1600P): 2100P by 07-01 is half-way', () => {
    const t = laoshanCompute();
    const s = one(t, '2025-07-01', 2100);
    // 完成率 2100/2600; the pace: (2100 − 1600) / (2600 − 1600) = 0.5 of the way vs 0.4973.
    expect(s.progress).toBeCloseTo(2100 / 2600, 12);
    expect(s.fromBaseline).toMatchObject({ value: 1600, progress: 0.5 });
    expect(s.fromBaseline?.expected).toBeCloseTo(181 / 364, 12);
    // 应完成率 on the same scale: (1600 + 0.4973 × 1000) / 2600.
    expect(s.expected).toBeCloseTo((1600 + (181 / 364) * 1000) / 2600, 12);
    expect(s.gap).toBeCloseTo(2100 / 2600 - (1600 + (181 / 364) * 1000) / 2600, 12);
    expect(s.status).toBe('on_track');
    // 1900: 完成率 73.1 % against 应完成率 80.7 %: −7.6 pp, lagging (0.3 of the way against 0.497).
    const behind = one(t, '2025-07-01', 1900);
    expect(behind.gap).toBeCloseTo(1900 / 2600 - (1600 + (181 / 364) * 1000) / 2600, 12);
    expect(behind.status).toBe('lagging');
  });

  it('突破 is strict: 2600P exactly is not achieved, 2601P is', () => {
    const t = laoshanCompute();
    expect(isMet(t, 2600)).toBe(false);
    // Before the deadline, 2600P exactly is on pace; at the deadline it is a miss, however narrow.
    expect(one(t, '2025-12-01', 2600).status).toBe('on_track');
    const s = one(t, '2025-12-31', 2600);
    expect(s.progress).toBe(1);
    expect(s.status).toBe('missed');
    expect(one(t, '2025-12-31', 2601).status).toBe('achieved');
  });

  it('达到 (eq) is met at or above: 8000P and 8500P are achieved, 7999P is not', () => {
    const t = cityCompute();
    expect(one(t, '2025-12-31', 8000).status).toBe('achieved');
    expect(one(t, '2025-12-31', 8500).status).toBe('achieved');
    const s = one(t, '2025-12-31', 7999);
    expect(s.progress).toBeCloseTo(7999 / 8000, 12);
    // Within 5 pp of pace, but the deadline has come: not met is 未完成, for good.
    expect(s.status).toBe('missed');
    expect(one(t, '2025-12-01', 7999).status).toBe('on_track');
  });

  it('progressOf is value ÷ target whatever the baseline, and stays finite', () => {
    const t = laoshanCompute();
    expect(progressOf(t, 1600)).toBeCloseTo(1600 / 2600, 12);
    expect(progressOf(t, 2600)).toBe(1);
    expect(progressOf(laoshanCompute({ baseline: 2600 }), 2600)).toBe(1);
    expect(progressOf(laoshanCompute({ target: 0 }), 5)).toBe(1);
  });
});

describe('share: 数字经济核心产业增加值占地区生产总值比重达到12%以上', () => {
  it('without a baseline, compares the level with the target all year', () => {
    const t = digitalShare();
    // 11/12 = 0.9167 → −8.3 pp.
    const s = one(t, '2025-06-30', 11);
    expect(s.expected).toBe(1);
    expect(s.status).toBe('lagging');
    expect(one(t, '2025-06-30', 12.1).status).toBe('on_track');
    expect(one(t, '2025-12-31', 12.1).status).toBe('achieved');
  });

  it('with a stated baseline (11.2 %, assumed), is paced from it', () => {
    const t = digitalShare({ baseline: 11.2 });
    // Should be at 11.2 + 181/364 × 0.8 = 11.598 %: 11.6 % is 0.002 个百分点 above it.
    const level = 11.2 + (181 / 364) * 0.8;
    const s = one(t, '2025-07-01', 11.6);
    expect(s.progress).toBeCloseTo(11.6 / 12, 12);
    expect(s.expected).toBeCloseTo(level / 12, 12);
    expect(s.gapBasis).toBe('rate');
    expect(s.gap).toBeCloseTo((11.6 - level) / 100, 12);
    expect(s.fromBaseline?.progress).toBeCloseTo(0.5, 12);
    expect(s.status).toBe('on_track');
  });
});

describe('lte: 控制在…以下 (lower is better)', () => {
  const t = pm25();

  it('is met at or below the target; on track before the deadline, achieved at it', () => {
    expect(isMet(t, 30)).toBe(true);
    expect(isMet(t, 30.1)).toBe(false);
    expect(one(t, '2025-06-30', 29).status).toBe('on_track');
    expect(one(t, '2025-06-30', 29).progress).toBe(1);
    expect(one(t, '2025-12-31', 29).status).toBe('achieved');
  });

  it('scores an overshoot as target / value', () => {
    // 30/32 = 0.9375 → −6.25 pp; 30/36 = 0.833 → −16.7 pp.
    expect(one(t, '2025-06-30', 32).progress).toBeCloseTo(0.9375, 12);
    expect(one(t, '2025-06-30', 32).status).toBe('lagging');
    expect(one(t, '2025-06-30', 36).status).toBe('severe');
  });

  it('a projected overshoot > 10 % is severe (the miss is above the target, not below)', () => {
    // 34 twice: gap −11.8 pp (lagging) but 34 > 30 + 3 → severe.
    const s = at(t, [reportFor(t, '2025-05-31', 34), reportFor(t, '2025-06-30', 34)], '2025-06-30');
    expect(s.status).toBe('severe');
    // 31 twice: gap −3.2 pp, projected 31 ≤ 33 → on track.
    expect(at(t, [reportFor(t, '2025-05-31', 31), reportFor(t, '2025-06-30', 31)], '2025-06-30').status).toBe(
      'on_track',
    );
  });
});

describe('milestone: 建成官路水库主体工程 (stages 04-30, 08-31, 12-31)', () => {
  const t = guanluReservoir();

  it('is not started before the first stage is due, reported or not', () => {
    expect(at(t, [], '2025-03-01').status).toBe('not_started');
    const s = at(t, [stagesReport(t, '2025-02-28', 0)], '2025-03-01');
    expect(s.status).toBe('not_started');
    expect(s.expected).toBe(0);
    expect(s.progress).toBe(0);
  });

  it('is on track when ahead before the first stage is due', () => {
    expect(at(t, [stagesReport(t, '2025-03-01', 1)], '2025-03-01').status).toBe('on_track');
  });

  it('progress = stages done / stages, expected = stages planned by the date / stages', () => {
    // 2025-09-01: 2 of 3 planned.
    const behind = at(t, [stagesReport(t, '2025-09-01', 1)], '2025-09-01');
    expect(behind.expected).toBeCloseTo(2 / 3, 12);
    expect(behind.progress).toBeCloseTo(1 / 3, 12);
    // The second node (08-31) is one day overdue: lagging, in days, not percentage points.
    expect(behind.status).toBe('lagging');
    expect(behind.gap).toBeNull();
    expect(behind.milestone).toEqual({ done: 1, total: 3, next: t.stages[1], overdueDays: 1 });
    expect(behind.latest).toMatchObject({ stagesDone: 1, value: null });
    // 45 days overdue (> 30): severe.
    expect(at(t, [stagesReport(t, '2025-10-15', 1)], '2025-10-15').status).toBe('severe');
    expect(at(t, [stagesReport(t, '2025-09-01', 2)], '2025-09-01').status).toBe('on_track');
    expect(at(t, [stagesReport(t, '2025-12-20', 3)], '2025-12-20').status).toBe('achieved');
  });

  it('is late against a date the documents never set (an estimate), but never 严重滞后 for it alone', () => {
    const estimated = guanluReservoir({
      stages: t.stages.map((s, i) => (i === 1 ? { ...s, estimated: true } : s)),
    });
    // 45 days past the estimated 08-31: lagging, where a date the documents set would be severe.
    expect(at(estimated, [stagesReport(estimated, '2025-10-15', 1)], '2025-10-15').status).toBe('lagging');
    expect(at(t, [stagesReport(t, '2025-10-15', 1)], '2025-10-15').status).toBe('severe');
  });

  it('is no_data once a stage is due and nothing was reported, or the last report is stale', () => {
    expect(at(t, [], '2025-05-15').status).toBe('no_data');
    expect(at(t, [stagesReport(t, '2025-05-01', 1)], '2025-05-15').status).toBe('on_track');
    expect(at(t, [stagesReport(t, '2025-05-01', 1)], '2025-05-16').status).toBe('no_data');
  });

  it('caps stages done at the number of stages', () => {
    expect(at(t, [stagesReport(t, '2025-09-01', 7)], '2025-09-01').progress).toBe(1);
  });

  it('expects every stage at the deadline, even one planned after it', () => {
    const late = guanluReservoir({
      stages: [
        { name: '主体完工', plannedDate: '2025-10-31' },
        { name: '竣工验收', plannedDate: '2026-03-31' },
      ],
    });
    const s = at(late, [stagesReport(late, '2025-12-31', 1)], '2025-12-31');
    expect(s.expected).toBe(1);
    expect(s.status).toBe('missed');
  });
});

describe('staleness: no report within the cycle (14 days) → no_data', () => {
  const t = makeTarget();
  // 1500 on 06-01: progress 0.5 vs expected 151/364 = 0.41 → on track while fresh.
  const r = [reportFor(t, '2025-06-01', 1500)];

  it('14 days old is fresh, 15 days old is stale', () => {
    expect(at(t, r, '2025-06-15').status).toBe('on_track');
    const s = at(t, r, '2025-06-16');
    expect(s.status).toBe('no_data');
    // The last figure is still shown.
    expect(s.latest?.value).toBe(1500);
    expect(s.progress).toBe(0.5);
  });

  it('follows the configured cycle', () => {
    expect(at(t, r, '2025-06-16', th({ cycleDays: 30 })).status).toBe('on_track');
    expect(at(t, r, '2025-06-08', th({ cycleDays: 6 })).status).toBe('no_data');
  });

  it('no reports at all → no_data with the expected pace still given', () => {
    const s = at(t, [], '2025-07-01');
    expect(s).toMatchObject({ progress: null, gap: null, status: 'no_data', latest: null, projection: null });
    expect(s.expected).toBeCloseTo(181 / 364, 12);
  });

  it('reports after the as-of date do not count', () => {
    expect(at(t, [reportFor(t, '2025-07-02', 1500)], '2025-07-01').status).toBe('no_data');
  });

  it('an achieved cumulative target stays achieved when reports stop', () => {
    expect(at(t, [reportFor(t, '2025-09-01', 3000)], '2025-12-01').status).toBe('achieved');
  });

  it('a rate that was on target goes stale like any other', () => {
    const g = techRenewalGrowth();
    expect(at(g, [reportFor(g, '2025-06-01', 8.5)], '2025-07-01').status).toBe('no_data');
  });

  it('after the deadline, freshness is judged at the deadline', () => {
    // Last report 12-20 is 11 days before the deadline: not stale in February.
    expect(at(t, [reportFor(t, '2025-12-20', 2990)], '2026-02-01').status).not.toBe('no_data');
    expect(at(t, [reportFor(t, '2025-12-01', 2990)], '2026-02-01').status).toBe('no_data');
  });
});

describe('monthly profile: 完成投资2450亿元以上 (INVESTMENT_PROFILE)', () => {
  // On-profile month-end figures: 2450 × (0.04, 0.10, 0.17, 0.26) = 98, 245, 416.5, 637 亿元.
  const inv = investment();
  const onProfile = [
    reportFor(inv, '2025-01-31', 98),
    reportFor(inv, '2025-02-28', 245),
    reportFor(inv, '2025-03-31', 416.5),
    reportFor(inv, '2025-04-30', 637),
  ];

  it('keeps an on-profile investment target on track in spring', () => {
    const s = at(inv, onProfile, '2025-04-30');
    // expected 0.26, progress 637/2450 = 0.26.
    expect(s.expected).toBeCloseTo(0.26, 12);
    expect(s.gap).toBeCloseTo(0, 12);
    expect(s.status).toBe('on_track');
    // Slope per unit of expected share is 2450 throughout → projected exactly 2450.
    expect(s.projection?.value).toBeCloseTo(2450, 6);
    expect(s.projection?.willMeet).toBe(true);
  });

  it('where linear pacing would call the same figures lagging (or worse)', () => {
    const linear = investment({ pacing: { type: 'linear' } });
    // Latest figure alone: 0.26 vs 119/364 = 0.327 → gap −6.7 pp → lagging.
    expect(at(linear, [onProfile[3] as ProgressReport], '2025-04-30').status).toBe('lagging');
    // With the history, the linear trend: the slopes from the period start and each month-end to the
    // latest (637/(119/364), 539/(89/364), 392/(61/364), 220.5/(30/364) = 1948, 2204, 2339, 2675 per
    // unit of time) have the median 2271.8, projecting 637 + 2271.8 × (1 − 119/364) ≈ 2166 亿元, an
    // 11.6 % miss → severe.
    const s = at(linear, onProfile, '2025-04-30');
    expect(s.projection?.value).toBeCloseTo(637 + ((539 / 89 + 392 / 61) / 2) * 364 * (1 - 119 / 364), 6);
    expect(s.status).toBe('severe');
  });

  it('measures the recent rate for monthly reporters too', () => {
    const s = at(inv, onProfile, '2025-04-30');
    // 03-31 → 04-30: (637 − 416.5) over 30 days = 51.45 亿元 per week.
    expect(s.requiredRate?.recentPerWeek).toBeCloseTo((637 - 416.5) / (30 / 7), 9);
    // Still needed: 1813 亿元 over 245 days = 35 weeks → 51.8 亿元 per week.
    expect(s.requiredRate?.perWeek).toBeCloseTo(51.8, 9);
  });

  it('accepts reports in 万亿元', () => {
    const s = at(inv, [reportFor(inv, '2025-04-30', 0.0637, { unit: '万亿元' })], '2025-04-30');
    expect(s.latest?.value).toBeCloseTo(637, 9);
  });
});

describe('run-rate: 城镇新增就业35万人以上', () => {
  // Weekly reports in 人: 196,800 on 09-02 rising 6,100 a week to 221,200 on 09-30.
  const t = newJobs();
  const reports = series(t, '2025-09-02', [196800, 202900, 209000, 215100, 221200]).map((r) => ({
    ...r,
    unit: '人',
  }));
  const s = at(t, reports, '2025-09-30');

  it('still needs 9,800 people a week; the last four weeks averaged 6,100', () => {
    const rate = s.requiredRate;
    expect(rate).not.toBeNull();
    if (!rate) return;
    // remaining 35 − 22.12 = 12.88 万人; 09-30 → 12-31 = 92 days = 13.14 weeks.
    expect(rate.unit).toBe('万人');
    expect(rate.remaining).toBeCloseTo(12.88, 10);
    expect(rate.weeksLeft).toBeCloseTo(92 / 7, 12);
    expect(rate.perWeek).toBeCloseTo(0.98, 10); // 12.88 × 7 / 92
    expect(rate.perMonth).toBeCloseTo((12.88 * 30.4375) / 92, 10); // 4.26125 万人
    expect(rate.recentPerWeek).toBeCloseTo(0.61, 10); // (22.12 − 19.68) / 4
    const needed = formatRate(convert(rate.perWeek, '万人', '人'), '人', 'week');
    const recent = formatQuantity(convert(rate.recentPerWeek ?? 0, '万人', '人'), '人');
    expect(`还需${needed}，近四周平均 ${recent}`).toBe('还需每周 9,800人，近四周平均 6,100人');
  });

  it('is severe: −11.5 pp behind and projected to reach only 30.1万 (−14 %)', () => {
    // progress 22.12/35 = 0.632 vs 272/364 = 0.747 → gap −11.5 pp (lagging by itself);
    // slope 0.61 per 7/364 of the year = 31.72 万人 per unit → 22.12 + 31.72 × 0.2527 = 30.14 万人.
    expect(s.gap).toBeCloseTo(22.12 / 35 - 272 / 364, 10);
    expect(s.projection?.value).toBeCloseTo(22.12 + 31.72 * (92 / 364), 8);
    expect(s.status).toBe('severe');
  });

  it('has no run-rate once the target is met', () => {
    const done = at(t, [reportFor(t, '2025-11-30', 35.2)], '2025-11-30');
    expect(done.status).toBe('achieved');
    expect(done.requiredRate).toBeNull();
  });
});

describe('projection: robust to one odd report', () => {
  // 5G基站 exactly on the linear pace: round(3000 × d / 364) weekly from 04-30 to 07-02.
  const t = makeTarget();
  const onPace = [981, 1038, 1096, 1154, 1212, 1269, 1327, 1385, 1442, 1500];
  const clean = series(t, '2025-04-30', onPace);
  const base = at(t, clean, '2025-07-02');

  it('projects an on-pace series to the target', () => {
    expect(base.status).toBe('on_track');
    expect(base.projection?.value).toBeGreaterThan(2950);
    expect(base.projection?.value).toBeLessThan(3050);
  });

  it.each([
    ['×10', 10],
    ['÷10', 0.1],
  ])('a %s typo in the week before the latest does not flip the projection', (_label, factor) => {
    const odd = clean.map((r, i) => (i === 8 ? { ...r, value: (r.value ?? 0) * factor } : r));
    const s = at(t, odd, '2025-07-02');
    expect(s.status).toBe(base.status);
    // The on-pace series is rounded to whole stations, so its projection sits within a few of 3000.
    expect(s.projection?.progress).toBeGreaterThan(0.99);
    expect(Math.abs((s.projection?.value ?? 0) - (base.projection?.value ?? 0))).toBeLessThan(30);
  });

  it('a slowing series is projected to miss', () => {
    // From 06-04 only +10 a week: the median slope follows the recent weeks.
    const slowing = series(t, '2025-04-30', [981, 1038, 1096, 1154, 1164, 1174, 1184, 1194, 1204, 1214]);
    const s = at(t, slowing, '2025-07-02');
    expect(s.projection?.willMeet).toBe(false);
    expect(s.status).toBe('severe');
  });

  it('never projects a cumulative total falling', () => {
    const falling = series(t, '2025-04-30', [1500, 1450, 1400, 1350, 1300]);
    const s = at(t, falling, '2025-05-28');
    expect(s.projection?.value).toBe(1300);
  });
});

describe('two time axes in the state', () => {
  const t = makeTarget();
  // The 07-01 figure was first reported as 15000 (typo), corrected to 1500 two days later.
  const typo = reportFor(t, '2025-07-01', 15000, { id: 'typo', recordedAt: '2025-07-01T18:00:00+08:00' });
  const fix = reportFor(t, '2025-07-01', 1500, {
    id: 'fix',
    recordedAt: '2025-07-03T09:00:00+08:00',
    supersedes: 'typo',
    correctionReason: '多输了一个0',
  });

  it('uses the correction, ignoring the report it corrects', () => {
    const s = computeTargetState(t, [typo, fix], { asOf: '2025-07-01' });
    expect(s.latest?.value).toBe(1500);
    expect(s.status).toBe('on_track');
  });

  it('"as of 07-01, known at 07-02" reproduces the view before the correction', () => {
    const s = computeTargetState(t, [typo, fix], { asOf: '2025-07-01', knownAt: '2025-07-02T12:00:00+08:00' });
    expect(s.latest?.value).toBe(15000);
    expect(s.status).toBe('achieved');
  });

  it('refuses a knownAt that is not an instant', () => {
    expect(codeOf(() => computeTargetState(t, [typo], { asOf: '2025-07-01', knownAt: 'yesterday' }))).toBe(
      'invalid_date',
    );
  });

  it('a later report for the same date replaces the earlier one without being a correction', () => {
    const first = reportFor(t, '2025-07-01', 1200, { recordedAt: '2025-07-01T09:00:00+08:00' });
    const second = reportFor(t, '2025-07-01', 1500, { recordedAt: '2025-07-01T17:00:00+08:00' });
    expect(computeTargetState(t, [second, first], { asOf: '2025-07-01' }).latest?.value).toBe(1500);
  });
});

describe('validation: bad input throws a DomainError with the right code', () => {
  const ok = makeTarget();
  const r = [reportFor(ok, '2025-07-01', 1500)];
  const state =
    (t: Target, asOf = '2025-07-01', reports: ProgressReport[] = r) =>
    () =>
      computeTargetState(t, reports, { asOf });

  it.each<[string, () => unknown, string]>([
    ['a malformed as-of date', state(ok, '2025-7-1'), 'invalid_date'],
    ['an impossible period start', state(makeTarget({ periodStart: '2025-02-30' })), 'invalid_date'],
    ['a deadline before the start', state(makeTarget({ deadline: '2024-12-31' })), 'invalid_period'],
    ['a deadline equal to the start', state(makeTarget({ deadline: '2025-01-01' })), 'invalid_period'],
    [
      'a monthly profile on a two-year target',
      state(makeTarget({ pacing: INVESTMENT_PROFILE, deadline: '2026-12-31' })),
      'invalid_pacing',
    ],
    [
      'a monthly profile with the as-of at the period start',
      state(investment({ periodStart: '2025-03-01' }), '2025-03-01'),
      'invalid_pacing',
    ],
    ['steps pacing for a number without stages', state(makeTarget({ pacing: { type: 'steps' } })), 'invalid_pacing'],
    ['a level target equal to its baseline', state(laoshanCompute({ baseline: 2600 })), 'invalid_target'],
    ['a quantitative target without a value', state(makeTarget({ target: null })), 'invalid_target'],
    ['a cumulative target of 0', state(makeTarget({ target: 0 })), 'invalid_target'],
    ['a milestone without stages', state(guanluReservoir({ stages: [] })), 'invalid_target'],
    [
      'a stage with a malformed date',
      state(guanluReservoir({ stages: [{ name: '主体完工', plannedDate: '2025-13-01' }] })),
      'invalid_date',
    ],
    [
      'a report in an incompatible unit',
      state(ok, '2025-07-01', [reportFor(ok, '2025-07-01', 1, { unit: '亿元' })]),
      'incompatible_units',
    ],
    [
      'a report in an unknown unit',
      state(ok, '2025-07-01', [reportFor(ok, '2025-07-01', 1, { unit: '万' })]),
      'invalid_unit',
    ],
  ])('%s', (_label, f, code) => {
    expect(codeOf(f)).toBe(code);
  });

  it('validateTarget accepts every catalog case used here', () => {
    for (const t of [
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
      pm25(),
    ]) {
      expect(() => validateTarget(t)).not.toThrow();
    }
  });

  it('messages are Chinese and name the target', () => {
    try {
      validateTarget(guanluReservoir({ stages: [] }));
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).message).toBe('目标“建成官路水库主体工程”是里程碑，但没有阶段');
    }
  });

  it('a report of a milestone without stagesDone counts as no stage done', () => {
    const m = guanluReservoir();
    const s = at(m, [makeReport({ targetId: m.id, asOf: '2025-05-10', unit: '', value: null })], '2025-05-10');
    expect(s.progress).toBe(0);
  });
});

describe('projection of a number paced by stages', () => {
  // Half the work is planned by 06-30 and the rest by 12-31: the expected share steps 0 → ½ → 1.
  const t = makeTarget({
    title: '完成改造任务100个',
    target: 100,
    pacing: { type: 'steps' },
    stages: [
      { name: '上半年', plannedDate: '2025-06-30' },
      { name: '下半年', plannedDate: '2025-12-31' },
    ],
  });

  it('extrapolates along the stages, not as a standstill', () => {
    const s = at(t, series(t, '2025-07-04', [40, 50, 60]), '2025-07-18');
    expect(s.expected).toBe(0.5);
    expect(s.gap).toBeCloseTo(0.1, 10);
    // 60 done when half was planned: the half still to come at that rate gives 60 + 60 = 120.
    expect(s.projection?.value).toBeCloseTo(120, 10);
    expect(s.projection?.willMeet).toBe(true);
    expect(s.status).toBe('on_track');
  });
});

describe('projection of a count that steps every few weeks', () => {
  // 新建未来产业实验室20家 style: whole numbers, reported weekly, moving every two to five weeks.
  const t = makeTarget({ title: '布局建设未来产业实验室20家', unit: '家', target: 20 });
  const steps = series(t, '2025-07-04', [12, 12, 13, 13, 13, 13, 14, 14, 14, 14]);

  it('is not called severe while ahead of its pace', () => {
    const s = at(t, steps, '2025-09-05');
    // 14/20 = 0.70 against 247/364 = 0.679: ahead by 2.1 pp.
    expect(s.gap).toBeCloseTo(14 / 20 - 247 / 364, 10);
    expect(s.status).toBe('on_track');
    // Three flat weeks do not project a standstill: the slopes reach back to the last step up.
    expect(s.projection?.value).toBeGreaterThan(14);
  });

  it('is not called severe by a trend alone while within 5 pp of its pace', () => {
    const g = makeTarget();
    // On pace until 06-18, then two flat weeks: 1385/3000 − 183/364 = −4.1 pp.
    const flat = series(g, '2025-04-30', [981, 1038, 1096, 1154, 1212, 1269, 1327, 1385, 1385, 1385]);
    const s = at(g, flat, '2025-07-02');
    expect(s.gap).toBeCloseTo(1385 / 3000 - 182 / 364, 10);
    expect(s.status).toBe('on_track');
  });

  it('is still called severe when it is behind pace and the trend misses by more than 10 %', () => {
    const stalled = series(t, '2025-07-04', [9, 9, 9, 10, 10, 10, 10, 10, 10, 10]);
    const s = at(t, stalled, '2025-09-05');
    expect(s.gap).toBeLessThan(-0.15);
    expect(s.status).toBe('severe');
  });
});

describe('a stock with no stated baseline is paced from its first report', () => {
  // 力争通用数据中心标准机架数达6.5万架: the racks in use in January are not this year's progress.
  const racks = makeTarget({
    id: 'racks',
    title: '力争通用数据中心标准机架数达6.5万架',
    kind: 'level',
    unit: '万架',
    target: 6.5,
    comparator: 'eq',
    source: { document: DIGITAL_PLAN, quote: '通用数据中心标准机架数达6.5万架' },
  });

  it('shows a stalled stock as projected to miss, not far ahead', () => {
    const stalled = [reportFor(racks, '2025-05-30', 6.2), reportFor(racks, '2025-06-27', 6.2)];
    const s = at(racks, stalled, '2025-06-27');
    // Paced from 6.2 on 05-30 to 6.5 on 12-31: expected 28/215 = 0.13 of the way, done 0.
    expect(s.fromBaseline).toEqual({ value: 6.2, asOf: '2025-05-30', progress: 0, expected: s.fromBaseline?.expected });
    expect(s.fromBaseline?.expected).toBeCloseTo(28 / 215, 10);
    // Judged on the gap every page prints (95.4 % against 96.0 %): within pace, but its forecast
    // (no growth) says it will miss, and that travels with the status.
    expect(s.status).toBe('on_track');
    expect(s.forecastMiss).toBe(true);
    // The headline is still value ÷ target (95.4 %), and 应完成率 on the same scale.
    expect(s.progress).toBeCloseTo(6.2 / 6.5, 12);
    expect(s.expected).toBeCloseTo((6.2 + (28 / 215) * 0.3) / 6.5, 10);
    expect(inferredBaseline(racks, stalled, { asOf: '2025-06-27' })).toEqual({ asOf: '2025-05-30', value: 6.2 });
  });

  it('keeps a stock growing at the pace it needs on track', () => {
    const growing = series(racks, '2025-05-30', [6.2, 6.22, 6.24, 6.26, 6.28]);
    const s = at(racks, growing, '2025-06-27');
    expect(s.fromBaseline?.progress).toBeCloseTo(0.08 / 0.3, 10);
    expect(s.progress).toBeCloseTo(6.28 / 6.5, 10);
    expect(s.status).toBe('on_track');
  });

  it('calls a stock that already meets the target achieved', () => {
    expect(one(racks, '2025-03-31', 6.6).status).toBe('achieved');
    expect(inferredBaseline(racks, [reportFor(racks, '2025-03-31', 6.6)], { asOf: '2025-03-31' })).toBeNull();
  });

  it('uses a stated baseline as it is', () => {
    const stated = { ...racks, baseline: 5 };
    expect(inferredBaseline(stated, [reportFor(stated, '2025-05-30', 6.2)], { asOf: '2025-06-27' })).toBeNull();
    expect(one(stated, '2025-06-27', 6.2).fromBaseline?.progress).toBeCloseTo(1.2 / 1.5, 10);
  });

  it('leaves one-year shares compared as levels (at target all year)', () => {
    const share = makeTarget({ kind: 'share', unit: '%', target: 12, title: '占比12%' });
    expect(one(share, '2025-06-30', 11).expected).toBe(1);
  });
});
