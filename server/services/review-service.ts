import type { ReadProblem } from '../../src/domain/query';
import { viewOf } from '../../src/domain/reports';
import { buildReview, cutsOfMeeting, meetingDateAfter, meetingLimit, type ReviewQuery } from '../../src/domain/review';
import type { ReviewResponse } from '../../src/domain/review-api';
import type { Plan } from '../../src/domain/schemas';
import type { Store } from '../repositories/store';
import { checkFilters } from './filter-check';
import { catalogTargets, StateMemo } from './state-memo';

/**
 * The weekly review (周调度会) as one reusable computation: the JSON route, the Excel and Word exports
 * and the scheduled weekly brief (server/jobs/weekly-brief.ts) all read the same meeting the same way.
 */
export interface ReviewServiceDeps {
  store: Store;
  /** The app's state memo (shares its catalog and roll-ups); a job without one gets a private one. */
  memo?: StateMemo | undefined;
  now: Date;
}

export type ReviewResult = { ok: true; plans: Plan[]; value: ReviewResponse } | { ok: false; problem: ReadProblem };

/**
 * The review a query asks for, or a 400 problem (a date that makes no sense). A filter naming no
 * plan or district of the catalog throws a `ProblemAnswer` (as every read does, server/services/filter-check.ts).
 */
export async function buildReviewFor(deps: ReviewServiceDeps, q: ReviewQuery): Promise<ReviewResult> {
  const { store, now } = deps;
  const memo = deps.memo ?? new StateMemo(store);
  await checkFilters(memo, q);
  const filter = { plan: q.plan, district: q.district };
  // The plans and targets from the memo's catalog (held per catalog version), as the summary reads
  // them: reading a city's targets again from the database cost a national review ~25 ms.
  const [catalog, newest] = await Promise.all([
    memo.catalogNow(),
    q.asOf ? null : store.newestRecordedAt(filter, meetingLimit(now, q.knownAt), viewOf(q.includePending)),
  ]);
  const { plans, rollups } = catalog;
  const targets = catalogTargets(catalog, filter);
  const cuts = cutsOfMeeting(q, q.asOf ?? meetingDateAfter(newest, now, q.knownAt));
  if (!cuts.ok) return cuts;
  // Only the reports the two states rest on: a province's review must not read a million rows.
  const reports = await store.reviewReports(targets, cuts.value);
  return { ok: true, plans, value: buildReview({ plans, targets, reports, rollups }, filter, cuts.value) };
}

/** The words a review's scope is named with in file names and titles: 全部规划, or the plan (and district). */
export function reviewScope(review: Pick<ReviewResponse, 'plan' | 'district'>, separator = '-'): string {
  return [review.plan?.title ?? '全部规划', review.district].filter(Boolean).join(separator);
}
