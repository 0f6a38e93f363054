import { addDays, compareDates, daysBetween, shanghaiDate } from './dates';
import type { SupervisionItem } from './supervision-api';

/**
 * 督办事项 as a weekly meeting reads them (issue 24): the review page's section and the brief's
 * 三、督办事项 group and count them with the same function, so the two never disagree.
 */

export const REVIEW_GROUPS = ['overdue', 'dueSoon', 'open', 'done'] as const;
export type ReviewGroup = (typeof REVIEW_GROUPS)[number];

/** The day an instant falls on in Qingdao. */
export const dayOf = (instant: string): string => shanghaiDate(new Date(instant));

/** The meeting that decided an item, or for one entered elsewhere the day it was entered. */
export const decidedOn = (item: Pick<SupervisionItem, 'meetingDate' | 'createdAt'>): string =>
  item.meetingDate ?? dayOf(item.createdAt);

/**
 * What a meeting on `asOf` reads (statuses as the server judged them for `asOf`): every item decided by
 * then that is still open (逾期; 本周到期 within seven days; 办理中 the rest) and those closed since the
 * previous meeting — from the previous meeting's day on (`>=`), so that one closed on that day after
 * the meeting is not missed by both. Items of another plan than the review's are left out;
 * free-standing ones stay.
 */
export function groupForReview(
  items: readonly SupervisionItem[],
  { asOf, previousAsOf, plan }: { asOf: string; previousAsOf: string; plan?: string | null | undefined },
): Record<ReviewGroup, SupervisionItem[]> {
  const groups: Record<ReviewGroup, SupervisionItem[]> = { overdue: [], dueSoon: [], open: [], done: [] };
  const weekEnd = addDays(asOf, 7);
  for (const item of items) {
    if (plan && item.planId !== null && item.planId !== plan) continue;
    if (compareDates(decidedOn(item), asOf) > 0) continue;
    if (item.status === 'done') {
      if (item.closedAt && compareDates(dayOf(item.closedAt), previousAsOf) >= 0) groups.done.push(item);
    } else if (item.status === 'overdue') groups.overdue.push(item);
    else if (compareDates(item.dueDate, weekEnd) <= 0) groups.dueSoon.push(item);
    else groups.open.push(item);
  }
  return groups;
}

/** Days past due (positive) or left (negative or zero) at `asOf`. */
export const daysPastDue = (item: Pick<SupervisionItem, 'dueDate'>, asOf: string): number =>
  daysBetween(item.dueDate, asOf);
