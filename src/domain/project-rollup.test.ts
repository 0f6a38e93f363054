import { describe, expect, it } from 'vitest';
import { expectedShare, INVESTMENT_PROFILE } from './pacing';
import { checkProjects, rollUp, rollupMeasure, rollupValue } from './project-rollup';
import type { KeyProject } from './schemas';
import { DEFAULT_THRESHOLDS, type TargetState } from './schemas';

const p = (stage: KeyProject['stage'], planned: number | null, done: number | null, demo = true) => ({
  stage,
  plannedInvestment: planned,
  completedInvestment: done,
  demo,
});

describe('a project list rolled up', () => {
  const list = [
    p('preparation', 10, 0.5),
    p('construction', 20.1, 15.2),
    p('construction', 30.2, 30.1),
    p('completed', 5, 5),
    p('operating', 4.7, 4.7),
    p('construction', null, null, false),
  ];

  it('counts started, under construction and completed, and sums the investment to 0.1 亿元', () => {
    expect(rollUp(list)).toEqual({
      projects: 6,
      started: 5,
      underConstruction: 3,
      completed: 2,
      plannedInvestment: 70,
      completedInvestment: 55.5,
      demoProjects: 5,
    });
  });

  it('has no investment when no project states one', () => {
    expect(rollUp([p('construction', null, null)])).toMatchObject({
      plannedInvestment: null,
      completedInvestment: null,
    });
    expect(rollUp([])).toMatchObject({ projects: 0, started: 0 });
  });

  it('is a count target’s projects started and an amount target’s investment done', () => {
    const r = rollUp(list);
    expect(rollupMeasure({ unit: '个', target: 6, title: '抓好6个重点项目建设' }, r)).toBe('started');
    expect(rollupValue({ unit: '个', target: 6, title: '抓好6个重点项目建设' }, r)).toBe(5);
    expect(rollupMeasure({ unit: '亿元', target: 70, title: '完成投资70亿元' }, r)).toBe('investment');
    expect(rollupValue({ unit: '亿元', target: 70, title: '完成投资70亿元' }, r)).toBe(55.5);
    expect(rollupValue({ unit: '%', target: 90, title: '开工率90%' }, r)).toBeNull();
  });

  it('counts the projects done for a list to finish, and none for a step no stage records', () => {
    const r = rollUp(list);
    expect(rollupValue({ unit: '个', target: 6, title: '建成张家下庄等6个安置区' }, r)).toBe(2);
    expect(rollupMeasure({ unit: '个', target: 6, title: '推动6个安置区主体封顶' }, r)).toBeNull();
  });

  it('is no measure of a target its list only gives examples for (等60个项目竣工 with two named)', () => {
    const r = rollUp(list);
    expect(rollupMeasure({ unit: '个', target: 60, title: '推动银丰华美达酒店等60个项目竣工' }, r)).toBeNull();
    expect(rollupMeasure({ unit: '亿元', target: 2450, title: '完成投资2450亿元以上' }, r)).toBeNull();
  });
});

describe('the watermelon check', () => {
  const count = {
    unit: '个',
    target: 4,
    title: '抓好4个重点项目建设',
    periodStart: '2025-01-01',
    deadline: '2025-12-31',
  };
  /** The count's own state, judged at a date, with its own (linear) 应完成率. */
  const state = (status: TargetState['status'], judgedAt = '2025-12-26', expected: number | null = 0.98) => ({
    progress: 0.95,
    expected,
    gap: expected === null ? null : 0.95 - expected,
    gapBasis: 'target' as const,
    judgedAt,
    status,
    forecastMiss: false,
    milestone: null,
    fromBaseline: null,
    latest: null,
    projection: null,
    requiredRate: null,
  });
  // Four projects, all started; 80 of the year's 100亿元 done.
  const behind = rollUp([
    p('construction', 40, 30),
    p('construction', 30, 25),
    p('completed', 20, 20),
    p('operating', 10, 5),
  ]);

  it('makes a count of projects started no better than its projects’ investment against the pace, and says why', () => {
    const checked = checkProjects(count, state('on_track'), behind, DEFAULT_THRESHOLDS);
    // The money is paced as an investment target is (93 % by November, 100 % at the year's end): on
    // 26 December 98.9 % is due, not the count's own 98 %; 80 % done is 18.9 points behind: 严重滞后.
    const due = 0.93 + (0.07 * 26) / 31;
    expect(expectedShare(INVESTMENT_PROFILE, '2025-01-01', '2025-12-31', '2025-12-26')).toBeCloseTo(due, 12);
    expect(checked.status).toBe('severe');
    expect(checked.projects?.investment).toBeCloseTo(0.8, 12);
    expect(checked.projects?.expected).toBeCloseTo(due, 12);
    expect(checked.projects?.gap).toBeCloseTo(0.8 - due, 12);
    // By mid-September 70.5 % is due (65 % by August's end, 76 % by September's): 80 % is ahead.
    expect(checkProjects(count, state('on_track', '2025-09-15', 0.7), behind)).toEqual(
      state('on_track', '2025-09-15', 0.7),
    );
    // By 20 December 97.5 % is due: 80 % lags by 17.5 points.
    expect(checkProjects(count, state('on_track', '2025-12-20'), behind).status).toBe('severe');
  });

  it('is paced by the count’s own 应完成率 when its period is not a calendar year', () => {
    const span = { ...count, periodStart: '2025-03-01', deadline: '2026-02-28' };
    const checked = checkProjects(span, state('on_track', '2025-12-26', 0.9), behind);
    expect(checked.projects?.expected).toBe(0.9);
    expect(checked.status).toBe('lagging');
  });

  it('leaves a target alone whose projects’ money keeps pace, or that is met, not started or measured otherwise', () => {
    expect(checkProjects(count, state('on_track', '2025-09-30'), behind)).toEqual(state('on_track', '2025-09-30'));
    expect(checkProjects(count, state('achieved'), behind).status).toBe('achieved');
    expect(checkProjects(count, state('no_data'), behind).status).toBe('no_data');
    expect(checkProjects({ ...count, target: 60 }, state('on_track'), behind).status).toBe('on_track');
    expect(checkProjects(count, state('on_track'), undefined).status).toBe('on_track');
    expect(checkProjects(count, state('on_track', '2025-12-26', null), behind).status).toBe('on_track');
    // Never better than its own pace says.
    expect(checkProjects(count, state('severe'), behind).status).toBe('severe');
  });
});
