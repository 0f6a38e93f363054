import { describe, expect, it } from 'vitest';
import { buildReview, defaultMeetingDate, endOfMeetingDay, type MeetingCuts, meetingCuts, oneLine } from './review';
import { type Plan, type ProgressReport, statusThresholdsSchema, type Target } from './schemas';
import { guanluReservoir, makeReport, makeTarget, reportFor } from './test-fixtures';

/**
 * Hand-worked meetings. Every target counts to 1,000 over a 100-day period (2025-01-01 → 04-11), paced
 * linearly, so on day d the expected share is d/100: 0.43 at the previous meeting (Thu 2025-02-13,
 * day 43) and 0.50 at this one (Thu 2025-02-20, day 50). Reports are weekly, on Thursdays, recorded
 * at 18:00 the same day unless said otherwise. Thresholds: lagging below −5 pp, severe below −15 pp
 * or projected to miss by more than 10 %, 未填报 after 14 days without a report.
 */
const PLAN: Plan = {
  id: 'p',
  title: '测试规划',
  issuer: '测试',
  year: 2025,
  document: 'x.txt',
  publishedOn: null,
  thresholds: statusThresholdsSchema.parse({}),
};

const t = (id: string, overrides: Partial<Target> = {}) =>
  makeTarget({ id, planId: 'p', target: 1000, deadline: '2025-04-11', title: `目标${id}`, ...overrides });

const THURSDAYS = ['2025-01-23', '2025-01-30', '2025-02-06', '2025-02-13', '2025-02-20'];
const weekly = (target: Target, values: readonly number[]): ProgressReport[] =>
  values.map((v, i) => reportFor(target, THURSDAYS[i] as string, v));

// On pace: 22 %, 29 %, 36 %, 43 %, 50 %.
const A = t('a-steady', { sectorId: 'innovation' });
// 4.5 pp behind until the previous meeting (正常), then a slow week: 44.5 % against 50 % (滞后).
const B = t('b-new-warning');
// 7 pp behind until the previous meeting (滞后), then a strong week: 48 % (正常).
const C = t('c-recovery');
// Far behind at both meetings: 19 % against 43 %, 22 % against 50 % (严重滞后).
const D = t('d-still-severe', { sectorId: 'innovation' });
// Stopped reporting after 01-30: 14 days before the previous meeting (still counted), 21 before this one.
// Led by 市发展改革委 in the demo division of tasks.
const E = t('e-overdue', { department: 'fgw', departmentName: '市发展和改革委员会', divisionDemo: true });
// Never reported, no lead department named.
const F = t('f-never', { department: null, departmentName: null });
// On pace, but its 02-20 figure is corrected to 300 the morning after the meeting.
const G = t('g-corrected');

const CORRECTION_AT = '2025-02-21T09:00:00+08:00';
const gWeekly = weekly(G, [220, 290, 360, 430, 500]);
const REPORTS: ProgressReport[] = [
  ...weekly(A, [220, 290, 360, 430, 500]),
  ...weekly(B, [175, 245, 315, 385, 445]),
  ...weekly(C, [150, 220, 290, 360, 480]),
  ...weekly(D, [100, 130, 160, 190, 220]),
  ...weekly(E, [220, 290]),
  ...gWeekly,
  reportFor(G, '2025-02-20', 300, {
    id: 'g-fix',
    recordedAt: CORRECTION_AT,
    supersedes: gWeekly[4]?.id ?? null,
    correctionReason: '核实后更正',
  }),
];
const DATA = { plans: [PLAN], targets: [A, B, C, D, E, F, G], reports: REPORTS };
const NOW = new Date('2025-03-10T02:00:00Z');

function cuts(q: Parameters<typeof meetingCuts>[0]): MeetingCuts {
  const r = meetingCuts(q, REPORTS, NOW);
  if (!r.ok) throw new Error(r.problem.detail);
  return r.value;
}
const review = (q: Parameters<typeof meetingCuts>[0] = { asOf: '2025-02-20' }) => buildReview(DATA, {}, cuts(q));
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('meeting cuts', () => {
  it('cuts each meeting at the end of its own day, Asia/Shanghai; the previous one a week earlier', () => {
    expect(cuts({ asOf: '2025-02-20' })).toEqual({
      meeting: { asOf: '2025-02-20', knownAt: '2025-02-20T23:59:59+08:00', view: 'approved' },
      previous: { asOf: '2025-02-13', knownAt: '2025-02-13T23:59:59+08:00', view: 'approved' },
    });
    expect(endOfMeetingDay('2025-02-20')).toBe('2025-02-20T23:59:59+08:00');
    expect(cuts({ asOf: '2025-02-20', previous: '2025-02-06' }).previous.asOf).toBe('2025-02-06');
  });

  it('never lets the previous meeting know more than this one', () => {
    const c = cuts({ asOf: '2025-02-20', knownAt: '2025-02-10T00:00:00+08:00' });
    expect(c.meeting.knownAt).toBe('2025-02-10T00:00:00+08:00');
    expect(c.previous.knownAt).toBe('2025-02-10T00:00:00+08:00');
  });

  it('refuses a previous meeting that is not before this one, naming the parameter', () => {
    for (const previous of ['2025-02-20', '2025-02-21']) {
      const r = meetingCuts({ asOf: '2025-02-20', previous }, REPORTS, NOW);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem).toMatchObject({ status: 400, param: 'previous' });
    }
  });

  it('defaults to today, or to the day of the newest report when nothing came in for over a week', () => {
    // The newest report (the correction) came in on 02-21.
    expect(defaultMeetingDate(REPORTS, new Date('2025-02-24T02:00:00Z'))).toBe('2025-02-24');
    expect(defaultMeetingDate(REPORTS, new Date('2025-03-10T02:00:00Z'))).toBe('2025-02-21');
    // Late evening UTC is the next morning in Qingdao.
    expect(defaultMeetingDate(REPORTS, new Date('2025-02-23T17:00:00Z'))).toBe('2025-02-24');
    expect(defaultMeetingDate([], new Date('2025-02-23T17:00:00Z'))).toBe('2025-02-24');
    // Only what was known at knownAt counts.
    expect(defaultMeetingDate(REPORTS, NOW, '2025-02-20T23:59:59+08:00')).toBe('2025-02-20');
  });
});

describe('a review (hand-worked)', () => {
  const r = review();
  const byId = new Map(r.targets.map((x) => [x.id, x]));

  it('states every target now and at the previous meeting', () => {
    expect(r.targets).toHaveLength(7);
    const pair = (id: string) => {
      const x = byId.get(id);
      return [x?.previousState.status, x?.state.status, x?.previousState.progress, x?.state.progress];
    };
    expect(pair('a-steady')).toEqual(['on_track', 'on_track', 0.43, 0.5]);
    expect(pair('b-new-warning')).toEqual(['on_track', 'lagging', 0.385, 0.445]);
    expect(pair('c-recovery')).toEqual(['lagging', 'on_track', 0.36, 0.48]);
    expect(pair('d-still-severe')).toEqual(['severe', 'severe', 0.19, 0.22]);
    // Judged at its figure's date (01-30, on pace) while fresh; stale at this meeting.
    expect(pair('e-overdue')).toEqual(['on_track', 'no_data', 0.29, 0.29]);
    expect(pair('f-never')).toEqual(['no_data', 'no_data', null, null]);
    // The correction came in after the meeting: the meeting saw 500.
    expect(pair('g-corrected')).toEqual(['on_track', 'on_track', 0.43, 0.5]);
    expect(byId.get('g-corrected')?.latestReport).toMatchObject({ asOf: '2025-02-20', demo: true });
    expect(byId.get('g-corrected')?.latestReport?.id).not.toBe('g-fix');
  });

  it('finds new warnings, recoveries and the still severe', () => {
    expect(r.newWarnings).toEqual([{ id: 'b-new-warning', from: 'on_track', to: 'lagging', gap: 0.445 - 0.5 }]);
    expect(r.recoveries).toEqual([{ id: 'c-recovery', from: 'lagging', to: 'on_track', gap: 0.48 - 0.5 }]);
    expect(r.stillSevere).toEqual([{ id: 'd-still-severe', from: 'severe', to: 'severe', gap: 0.22 - 0.5 }]);
  });

  it('ranks the biggest movers by the change in percentage points (ties by id; no change, no mover)', () => {
    expect(r.biggestMovers.map((m) => [m.id, Math.round(m.change * 1000) / 10])).toEqual([
      ['c-recovery', 12],
      ['a-steady', 7],
      ['g-corrected', 7],
      ['b-new-warning', 6],
      ['d-still-severe', 3],
    ]);
  });

  it('lists the milestones whose completed nodes changed, not among the movers in points', () => {
    // Two milestones of three nodes in the same plan: one completes two nodes between the meetings,
    // one completes none (1 → 1). Neither may appear among the movers, whose changes are 完成率 points.
    const stages = [
      { name: '开工', plannedDate: '2025-02-01' },
      { name: '主体完工', plannedDate: '2025-03-01' },
      { name: '投用', plannedDate: '2025-04-11' },
    ];
    const m1 = guanluReservoir({ id: 'm-steps', planId: 'p', deadline: '2025-04-11', stages });
    const m2 = guanluReservoir({ id: 'm-still', planId: 'p', deadline: '2025-04-11', stages });
    const nodes = (target: Target, asOf: string, stagesDone: number) =>
      makeReport({ targetId: target.id, unit: '', asOf, stagesDone });
    const reports = [
      ...REPORTS,
      nodes(m1, '2025-02-13', 1),
      nodes(m1, '2025-02-20', 3),
      nodes(m2, '2025-02-06', 1),
      nodes(m2, '2025-02-20', 1),
    ];
    const r = buildReview({ plans: [PLAN], targets: [A, B, m1, m2], reports }, {}, cuts({ asOf: '2025-02-20' }));
    expect(r.milestoneSteps).toEqual([{ id: 'm-steps', from: 1, to: 3, total: 3 }]);
    expect(ids(r.biggestMovers)).not.toContain('m-steps');
    // The target the step belongs to says the same nodes at both meetings.
    const step = r.targets.find((x) => x.id === 'm-steps');
    expect([step?.previousState.milestone?.done, step?.state.milestone?.done]).toEqual([1, 3]);
  });

  it('lists overdue reports by lead department, named departments first', () => {
    expect(r.overdue).toEqual([
      {
        department: 'fgw',
        departmentName: '市发展和改革委员会',
        divisionDemo: true,
        items: [{ id: 'e-overdue', lastReportAsOf: '2025-01-30', daysSinceReport: 21, newlyOverdue: true }],
      },
      {
        department: null,
        departmentName: null,
        divisionDemo: false,
        items: [{ id: 'f-never', lastReportAsOf: null, daysSinceReport: null, newlyOverdue: false }],
      },
    ]);
  });

  it('counts each lead department’s lagging, severe and overdue targets, most problems first, no lead last', () => {
    expect(r.byDepartment).toEqual([
      {
        department: 'txj',
        departmentName: '市通信管理局',
        divisionDemo: false,
        total: 5,
        severe: 1,
        lagging: 1,
        overdue: 0,
        items: [
          { id: 'd-still-severe', status: 'severe' },
          { id: 'b-new-warning', status: 'lagging' },
        ],
      },
      {
        department: 'fgw',
        departmentName: '市发展和改革委员会',
        divisionDemo: true,
        total: 1,
        severe: 0,
        lagging: 0,
        overdue: 1,
        items: [{ id: 'e-overdue', status: 'no_data' }],
      },
      {
        department: null,
        departmentName: null,
        divisionDemo: false,
        total: 1,
        severe: 0,
        lagging: 0,
        overdue: 1,
        items: [{ id: 'f-never', status: 'no_data' }],
      },
    ]);
  });

  it('gives each lagging target the run-rate now needed beside its recent rate and projection', () => {
    expect(ids(r.laggards)).toEqual(['d-still-severe', 'b-new-warning']);
    const [d, b] = r.laggards;
    // D: 780 still to do in 50 days (7 1/7 weeks) = 109.2 a week; the last four weeks gave 120 = 30 a week.
    expect(d?.requiredRate?.remaining).toBe(780);
    expect(d?.requiredRate?.perWeek).toBeCloseTo(109.2, 10);
    expect(d?.requiredRate?.recentPerWeek).toBeCloseTo(30, 10);
    // 实际/所需 of the two as printed, "每周 109人" and "30人": 27.5 %, where 30 ÷ 109.2 would be 27.47 %.
    expect(d?.paceRatio).toBeCloseTo(30 / 109, 10);
    // Trend: 30 per 0.07 of the period, half the period left: 220 + 428.57 × 0.5.
    expect(d?.projection?.value).toBeCloseTo(220 + (30 / 0.07) * 0.5, 8);
    expect(d?.projection?.willMeet).toBe(false);
    // B: 555 in 50 days = 77.7 a week; 270 in the last four weeks = 67.5 a week. The slopes from the
    // period start and each earlier week to the latest (445/0.5, 270/0.28, 200/0.21, 130/0.14, 60/0.07
    // = 890, 964, 952, 929, 857 per period) have the median 929, so the projection is
    // 445 + 929 × 0.5 = 909.3: a miss of 9.1 %, under the 10 % that would make it severe. Lagging.
    expect(b?.requiredRate?.perWeek).toBeCloseTo(77.7, 10);
    expect(b?.requiredRate?.recentPerWeek).toBeCloseTo(67.5, 10);
    expect(b?.paceRatio).toBeCloseTo(67.5 / 77.7, 10);
    expect(b?.projection?.value).toBeCloseTo(445 + (130 / 0.14) * 0.5, 8);
  });

  it('sums up each sector now and at the previous meeting', () => {
    const innovation = r.sectors.find((s) => s.id === 'innovation');
    // A and D: (0.5 + 0.22) / 2 now, (0.43 + 0.19) / 2 before.
    expect(innovation?.now.progress).toBeCloseTo(0.36, 12);
    expect(innovation?.previous.progress).toBeCloseTo(0.31, 12);
    expect(innovation?.change).toBeCloseTo(0.05, 12);
    expect(innovation?.now.expected).toBeCloseTo(0.5, 12);
    expect(innovation?.now.counts).toMatchObject({ on_track: 1, severe: 1 });
    const demand = r.sectors.find((s) => s.id === 'demand');
    expect(demand?.now.total).toBe(5);
    // F has no progress: the mean is over the four measured targets B, C, E, G.
    expect(demand?.now.measured).toBe(4);
    expect(demand?.now.progress).toBeCloseTo((0.445 + 0.48 + 0.29 + 0.5) / 4, 12);
    expect(r.sectors.find((s) => s.id === 'marine')).toMatchObject({ change: null, now: { total: 0 } });
  });
});

describe('reproducing a past meeting', () => {
  it('leaves out a correction recorded after the meeting, and shows it once it is known', () => {
    const later = review({ asOf: '2025-02-20', knownAt: '2025-02-21T12:00:00+08:00' });
    const g = later.targets.find((x) => x.id === 'g-corrected');
    // 300 of 1000 against 50 % expected: −20 pp, severe; the meeting of 02-20 never saw this.
    expect(g?.state.progress).toBe(0.3);
    expect(g?.state.status).toBe('severe');
    expect(g?.latestReport?.id).toBe('g-fix');
    expect(ids(later.newWarnings)).toEqual(['g-corrected', 'b-new-warning']);
    // Reopening the meeting itself still gives exactly what it showed.
    expect(review()).toEqual(review({ asOf: '2025-02-20', knownAt: endOfMeetingDay('2025-02-20') }));
    expect(ids(review().newWarnings)).toEqual(['b-new-warning']);
  });

  it('leaves out reports recorded after the meeting day, even about earlier dates', () => {
    // A's 02-20 figure reaches the system on 02-21: the meeting knew only 02-13.
    const late = REPORTS.map((x) =>
      x.targetId === 'a-steady' && x.asOf === '2025-02-20' ? { ...x, recordedAt: '2025-02-21T08:00:00+08:00' } : x,
    );
    const c = meetingCuts({ asOf: '2025-02-20' }, late, NOW);
    if (!c.ok) throw new Error('cuts');
    const a = buildReview({ ...DATA, reports: late }, {}, c.value).targets.find((x) => x.id === 'a-steady');
    expect(a?.state.progress).toBe(0.43);
    expect(a?.state.latest?.asOf).toBe('2025-02-13');
  });

  it('gives, as "previous", exactly what the previous meeting showed', () => {
    const now = review();
    const then = review({ asOf: '2025-02-13' });
    for (const x of now.targets) {
      expect(x.previousState, x.id).toEqual(then.targets.find((y) => y.id === x.id)?.state);
    }
    expect(now.sectors.map((s) => s.previous)).toEqual(then.sectors.map((s) => s.now));
  });

  it('filters by plan and district, and marks demo data', () => {
    const r = buildReview(DATA, { plan: 'p', district: '崂山区' }, cuts({ asOf: '2025-02-20' }));
    expect(r.targets).toEqual([]);
    expect(r.containsDemo).toBe(false);
    expect(r.plan?.title).toBe('测试规划');
    expect(review().containsDemo).toBe(true);
  });
});

describe('what a lagging target’s department wrote (issue 23)', () => {
  const said = (problems: string, rest: Partial<ProgressReport['narrative'] & object> = {}) => ({
    narrative: { progress: '', problems, nextSteps: '', coordination: '', ...rest },
  });
  // Every target's reports as above, each week with a narrative, then variations per target.
  const withNarratives = REPORTS.map((x) => ({ ...x, ...said(`${x.targetId} ${x.asOf}`) }));
  const narrativeOf = (r: ReturnType<typeof buildReview>, id: string) =>
    r.targets.find((x) => x.id === id)?.latestReport?.narrative;

  it('carries the narrative of the report the lagging state rests on, and none for targets on track', () => {
    const r = buildReview({ ...DATA, reports: withNarratives }, {}, cuts({ asOf: '2025-02-20' }));
    // B (newly lagging) and D (still severe): the 02-20 report's words.
    expect(narrativeOf(r, 'b-new-warning')?.problems).toBe('b-new-warning 2025-02-20');
    expect(narrativeOf(r, 'd-still-severe')?.problems).toBe('d-still-severe 2025-02-20');
    // On track or recovered: the meeting does not ask, the answer stays small.
    expect(narrativeOf(r, 'a-steady')).toBeUndefined();
    expect(narrativeOf(r, 'c-recovery')).toBeUndefined();
  });

  it('gives no narrative when the latest report says nothing, even if an earlier one did ("未说明")', () => {
    const reports = withNarratives.map((x) =>
      x.targetId === 'd-still-severe' && x.asOf === '2025-02-20' ? { ...x, ...said('') } : x,
    );
    const r = buildReview({ ...DATA, reports }, {}, cuts({ asOf: '2025-02-20' }));
    expect(r.targets.find((x) => x.id === 'd-still-severe')?.latestReport?.asOf).toBe('2025-02-20');
    expect(narrativeOf(r, 'd-still-severe')).toBeUndefined();
  });

  it('takes a correction’s words over the corrected report’s, once the correction is known', () => {
    const b = withNarratives.find((x) => x.targetId === 'b-new-warning' && x.asOf === '2025-02-20');
    const fix = reportFor(B, '2025-02-20', 446, {
      id: 'b-fix',
      recordedAt: '2025-02-20T20:00:00+08:00',
      supersedes: b?.id ?? null,
      correctionReason: '补充说明',
      ...said('土地指标未下达', { nextSteps: '三月底前报批', coordination: '请市自然资源局协调指标' }),
    });
    const r = buildReview({ ...DATA, reports: [...withNarratives, fix] }, {}, cuts({ asOf: '2025-02-20' }));
    expect(r.targets.find((x) => x.id === 'b-new-warning')?.latestReport).toMatchObject({
      id: 'b-fix',
      narrative: {
        progress: '',
        problems: '土地指标未下达',
        nextSteps: '三月底前报批',
        coordination: '请市自然资源局协调指标',
      },
    });
    // The meeting held before the correction came in saw the first words.
    const before = buildReview(
      { ...DATA, reports: [...withNarratives, { ...fix, recordedAt: '2025-02-21T09:00:00+08:00' }] },
      {},
      cuts({ asOf: '2025-02-20' }),
    );
    expect(narrativeOf(before, 'b-new-warning')?.problems).toBe('b-new-warning 2025-02-20');
  });
});

describe('oneLine (the wall’s short form of 存在问题)', () => {
  it('puts the text on one line and keeps a short one whole', () => {
    expect(oneLine('  土地指标未下达，\n\n两个项目\t停工待批  ', 60)).toBe('土地指标未下达， 两个项目 停工待批');
    expect(oneLine('', 60)).toBe('');
    expect(oneLine('甲'.repeat(60), 60)).toBe('甲'.repeat(60));
  });

  it('cuts a longer text to the limit, ending in …, never inside a character', () => {
    expect(oneLine('甲'.repeat(61), 60)).toBe(`${'甲'.repeat(59)}…`);
    // 𠮷 is two UTF-16 units: it goes whole or not at all.
    const cut = oneLine(`${'甲'.repeat(58)}𠮷乙`, 60);
    expect(cut).toBe(`${'甲'.repeat(58)}…`);
    expect(cut.length).toBeLessThanOrEqual(60);
    for (const n of [1, 2, 59, 60, 61, 2000]) expect(oneLine('问题 '.repeat(n), 60).length).toBeLessThanOrEqual(60);
  });
});
