import { z } from 'zod';
import { STATUS_SEVERITY } from './aggregate';
import { DomainError } from './errors';
import { expectedShare, INVESTMENT_PROFILE } from './pacing';
import type { KeyProject, StatusThresholds, Target, TargetState } from './schemas';
import { statusOfGap } from './status';

/**
 * A project-list target (抓好460个省市重点项目建设, 完成年度投资2450亿元, 崂山区263个重点项目…) is measured
 * by its projects: how many have started (在建, 竣工 or 投产), how many are under construction or
 * done, and the investment completed against the year's plan. The roll-up is what the target page
 * prints beside the figure and what the demo's figure for such a target is made of, so the tile, the
 * target page and the project table give the same numbers.
 */
export const projectRollupSchema = z.object({
  /** Projects in the list. */
  projects: z.number().int().min(0),
  /** Started: under construction, completed or in operation. */
  started: z.number().int().min(0),
  underConstruction: z.number().int().min(0),
  /** Completed or in operation. */
  completed: z.number().int().min(0),
  /** 亿元 planned for the year over the projects that state it; null when none does. */
  plannedInvestment: z.number().nullable(),
  /** 亿元 completed in the year to date over the same projects. */
  completedInvestment: z.number().nullable(),
  /** Projects whose stage or investment is generated demo data. */
  demoProjects: z.number().int().min(0),
});
export type ProjectRollup = z.infer<typeof projectRollupSchema>;

type Counted = Pick<KeyProject, 'stage' | 'plannedInvestment' | 'completedInvestment' | 'demo'>;

/** Sums in 亿元 kept to 0.1 (the figures' own precision), so no float noise reaches a page. */
const tenth = (n: number) => Math.round(n * 10) / 10;

export function rollUp(projects: readonly Counted[]): ProjectRollup {
  let started = 0;
  let underConstruction = 0;
  let completed = 0;
  let planned: number | null = null;
  let done: number | null = null;
  let demoProjects = 0;
  for (const p of projects) {
    if (p.stage !== 'preparation') started++;
    if (p.stage === 'construction') underConstruction++;
    if (p.stage === 'completed' || p.stage === 'operating') completed++;
    if (p.plannedInvestment !== null) planned = (planned ?? 0) + p.plannedInvestment;
    if (p.completedInvestment !== null) done = (done ?? 0) + p.completedInvestment;
    if (p.demo) demoProjects++;
  }
  return {
    projects: projects.length,
    started,
    underConstruction,
    completed,
    plannedInvestment: planned === null ? null : tenth(planned),
    completedInvestment: done === null ? null : tenth(done),
    demoProjects,
  };
}

/**
 * What a project-list target's figure is of its list, when the list is the whole of what the target
 * counts: a number of projects (抓好460个重点项目, with 460 listed) counts the projects started; an amount
 * (完成年度投资2450亿元, with the listed projects' plans adding up to it) is the investment completed;
 * a number of projects to finish (建成8个安置区) counts the projects completed. Null for a list of examples (推动银丰华美达酒店等60个项目竣工 names two of the sixty) or another unit.
 */
export function rollupMeasure(
  target: Pick<Target, 'unit' | 'target' | 'title'>,
  r: ProjectRollup,
): 'started' | 'completed' | 'investment' | null {
  if (target.target === null || target.target <= 0) return null;
  if ((target.unit === '个' || target.unit === '项') && r.projects >= target.target) {
    // 主体封顶 is a step no project stage records; 竣工/建成/投产 counts the projects done.
    if (/封顶/.test(target.title)) return null;
    return /竣工|建成|投产/.test(target.title) ? 'completed' : 'started';
  }
  if (target.unit === '亿元' && r.plannedInvestment !== null && r.plannedInvestment >= 0.95 * target.target)
    return 'investment';
  return null;
}

/** The target's figure as its projects make it (see rollupMeasure). */
export function rollupValue(target: Pick<Target, 'unit' | 'target' | 'title'>, r: ProjectRollup): number | null {
  const m = rollupMeasure(target, r);
  if (m === 'started') return r.started;
  if (m === 'completed') return r.completed;
  if (m === 'investment') return r.completedInvestment;
  return null;
}

/** Statuses a pace can be judged for: not one met, missed, not started or without a figure. */
const PACED = new Set(['on_track', 'lagging', 'severe']);

/**
 * Where a year's investment should be by a date: paced as the catalog paces an investment target
 * (INVESTMENT_PROFILE, back-loaded), so the list's money and the plan's investment target
 * (完成投资2450亿元, the same projects' money) are measured against the same 序时进度. A period the
 * monthly profile cannot fit (not a calendar year) keeps the target's own pace.
 */
function investmentPace(target: Pick<Target, 'periodStart' | 'deadline'>, state: TargetState): number | null {
  try {
    return expectedShare(INVESTMENT_PROFILE, target.periodStart, target.deadline, state.judgedAt);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'invalid_pacing') return state.expected;
    throw e;
  }
}

/**
 * The watermelon check: a target counted from its project list (projects started or done) whose
 * projects' investment lags the pace — the year's planned investment done, against the investment's
 * 序时进度 at the date the target is judged — is no better than that lag, and says why (`projects`).
 * Green outside, red inside is what a count of projects started alone would show.
 */
export function checkProjects(
  target: Pick<Target, 'unit' | 'target' | 'title' | 'periodStart' | 'deadline'>,
  state: TargetState,
  r: ProjectRollup | undefined,
  th?: StatusThresholds,
): TargetState {
  if (!r || !PACED.has(state.status) || state.expected === null) return state;
  const m = rollupMeasure(target, r);
  if ((m !== 'started' && m !== 'completed') || !r.plannedInvestment || r.completedInvestment === null) return state;
  const pace = investmentPace(target, state);
  if (pace === null) return state;
  const investment = r.completedInvestment / r.plannedInvestment;
  const expected = Math.min(1, pace);
  const gap = investment - expected;
  const verdict = statusOfGap(gap, th);
  if (verdict === 'on_track') return state;
  const worse = STATUS_SEVERITY[verdict] > STATUS_SEVERITY[state.status] ? verdict : state.status;
  return { ...state, status: worse, projects: { investment, expected, gap } };
}

/** Each target's roll-up over a list of projects (the in-memory dataset; the server sums in SQL). */
export function rollupsOf(projects: readonly KeyProject[]): Map<string, ProjectRollup> {
  const lists = new Map<string, KeyProject[]>();
  for (const p of projects)
    for (const id of p.targetIds) {
      const list = lists.get(id);
      if (list) list.push(p);
      else lists.set(id, [p]);
    }
  return new Map([...lists].map(([id, list]) => [id, rollUp(list)]));
}
