import { describe, expect, it } from 'vitest';
import { rollUp, rollupMeasure, rollupValue } from './project-rollup';
import type { KeyProject } from './schemas';

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
