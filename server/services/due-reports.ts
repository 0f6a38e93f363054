import { daysBetween, type IsoDate, minDate, shanghaiDate } from '../../src/domain/dates';
import type { ReviewResponse, ReviewTarget } from '../../src/domain/review-api';
import type { Plan, ProgressReport } from '../../src/domain/schemas';
import { DEFAULT_THRESHOLDS } from '../../src/domain/schemas';
import { dueness } from '../../src/domain/write-api';
import type { Store } from '../repositories/store';
import { buildReviewFor } from './review-service';
import type { StateMemo } from './state-memo';

/**
 * 催报: what each lead department owes on a given day. Overdue (逾期未报) is exactly the review's
 * definition — a target whose status is 未填报, no figure within its plan's reporting cycle — read from
 * the review of that day (`overdue` groups), so the reminder, the meeting and the brief name the same
 * targets. Due (本周应报) is the report page's: running this week and nothing reported since Monday
 * (src/domain/write-api.ts `dueness`). A report waiting for review counts as reported here: the
 * department has done its part, the reminder goes to whoever reviews.
 */

/** The plan setting's value when a plan has none (the column's default, migration 0009). */
export const DEFAULT_ESCALATE_AFTER = 2;

export interface DueTarget {
  id: string;
  title: string;
  planId: string;
  /** The last report with a figure known on the day; null: never reported. */
  lastReportAsOf: IsoDate | null;
  /** Days from it to the day (or the deadline, if earlier), as the review counts them; null: never reported. */
  daysSinceReport: number | null;
  /** Days in the target's plan's reporting cycle. */
  cycleDays: number;
  /** Whole reporting cycles gone by without a report (overdue targets: at least 1; due ones: 0). */
  missedCycles: number;
  /** Its plan's threshold: this many missed cycles escalate. */
  escalateAfter: number;
  /** Its lead department is the demo division of tasks (not an official assignment). */
  divisionDemo: boolean;
  /** Its last report is demo data. */
  demo: boolean;
}

export interface DepartmentDue {
  /** Registry id and name of the lead department. */
  id: string;
  name: string;
  /** Some listed target is led by it in the demo division of tasks. */
  divisionDemo: boolean;
  /** Some listed target is in the demo division or has demo figures: its message says 含演示数据. */
  containsDemo: boolean;
  /** 逾期未报: the review's overdue targets of this department, never reported first, then the longest silence. */
  overdue: DueTarget[];
  /** 本周应报: due this week and not overdue. */
  due: DueTarget[];
  /** Most cycles missed on any of its targets. */
  maxMissedCycles: number;
  /** Some target has missed at least its plan's `escalateAfter` cycles. */
  escalated: boolean;
}

export interface DueReports {
  /** The day (Asia/Shanghai) it was judged on. */
  asOf: IsoDate;
  review: ReviewResponse;
  /** Departments with anything due or overdue: escalated first, then most overdue, then by name. */
  departments: DepartmentDue[];
  /** Overdue targets no department leads (the office must find an owner). */
  unassignedOverdue: DueTarget[];
}

/** Cycles gone by without a report: the days of silence (from the period's start when never reported) over the cycle. */
export function missedCycles(
  target: Pick<ReviewTarget, 'periodStart' | 'deadline'>,
  daysSinceReport: number | null,
  cycleDays: number,
  day: IsoDate,
): number {
  const silent = daysSinceReport ?? daysBetween(target.periodStart, minDate(day, target.deadline));
  return Math.max(1, Math.floor(silent / cycleDays));
}

/** What every lead department owes on `day` (default: today in Asia/Shanghai), from the review of that day. */
export async function dueReports(
  deps: { store: Store; memo?: StateMemo | undefined; now: Date },
  day: IsoDate = shanghaiDate(deps.now),
): Promise<DueReports> {
  const r = await buildReviewFor(deps, { asOf: day, includePending: true });
  // The meeting date is the one asked for and `previous` is left to its default: never a problem.
  if (!r.ok) throw new Error(r.problem.detail);
  return dueFromReview(r.value, r.plans, day);
}

/** The same, from a review already built (at `day`, with pending reports counted). */
export function dueFromReview(review: ReviewResponse, plans: readonly Plan[], day: IsoDate): DueReports {
  const planOf = new Map(plans.map((p) => [p.id, p]));
  const targetOf = new Map(review.targets.map((t) => [t.id, t]));
  const settings = (t: ReviewTarget) => {
    const plan = planOf.get(t.planId);
    return {
      cycleDays: plan?.thresholds.cycleDays ?? DEFAULT_THRESHOLDS.cycleDays,
      escalateAfter: plan?.escalateAfter ?? DEFAULT_ESCALATE_AFTER,
    };
  };

  const departments = new Map<string, DepartmentDue>();
  const departmentOf = (t: ReviewTarget): DepartmentDue | null => {
    if (t.department === null) return null;
    let d = departments.get(t.department);
    if (!d) {
      d = {
        id: t.department,
        name: t.departmentName ?? t.department,
        divisionDemo: false,
        containsDemo: false,
        overdue: [],
        due: [],
        maxMissedCycles: 0,
        escalated: false,
      };
      departments.set(t.department, d);
    }
    if (t.divisionDemo) d.divisionDemo = true;
    if (t.divisionDemo || t.latestReport?.demo) d.containsDemo = true;
    return d;
  };

  const unassignedOverdue: DueTarget[] = [];
  const overdueIds = new Set<string>();
  for (const group of review.overdue) {
    for (const item of group.items) {
      const t = targetOf.get(item.id);
      if (!t) continue;
      overdueIds.add(t.id);
      const s = settings(t);
      const entry: DueTarget = {
        id: t.id,
        title: t.title,
        planId: t.planId,
        lastReportAsOf: item.lastReportAsOf,
        daysSinceReport: item.daysSinceReport,
        ...s,
        missedCycles: missedCycles(t, item.daysSinceReport, s.cycleDays, day),
        divisionDemo: t.divisionDemo,
        demo: t.latestReport?.demo === true,
      };
      const d = departmentOf(t);
      if (!d) {
        unassignedOverdue.push(entry);
        continue;
      }
      d.overdue.push(entry);
      d.maxMissedCycles = Math.max(d.maxMissedCycles, entry.missedCycles);
      if (entry.missedCycles >= entry.escalateAfter) d.escalated = true;
    }
  }

  for (const t of review.targets) {
    if (t.department === null || overdueIds.has(t.id)) continue;
    const last = t.latestReport;
    // dueness reads only the last report's date.
    const { due } = dueness(t, last && ({ asOf: last.asOf } as ProgressReport), day, settings(t).cycleDays);
    if (!due) continue;
    const d = departmentOf(t);
    d?.due.push({
      id: t.id,
      title: t.title,
      planId: t.planId,
      lastReportAsOf: last?.asOf ?? null,
      daysSinceReport: last ? daysBetween(last.asOf, minDate(day, t.deadline)) : null,
      ...settings(t),
      missedCycles: 0,
      divisionDemo: t.divisionDemo,
      demo: last?.demo === true,
    });
  }

  const list = [...departments.values()]
    .filter((d) => d.overdue.length + d.due.length > 0)
    .sort(
      (a, b) =>
        Number(b.escalated) - Number(a.escalated) ||
        b.overdue.length - a.overdue.length ||
        b.due.length - a.due.length ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );
  return { asOf: day, review, departments: list, unassignedOverdue };
}
