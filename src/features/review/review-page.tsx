import { type ComponentType, Suspense, useState } from 'react';
import { useSessionUser } from '../../api/session';
import { useFreshness } from '../../api/use-freshness';
import { formatDate } from '../../domain/format';
import { reviewTitle } from '../../domain/page-meta';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { ErrorPanel } from '../../ui/error-panel';
import { FreshnessBadge } from '../../ui/freshness-badge';
import { PageHeader } from '../../ui/page-header';
import { PendingNotice } from '../../ui/pending';
import { PrintHeader } from '../../ui/print-header';
import { QueryState } from '../../ui/query-state';
import { SectionBoundary } from '../../ui/section-boundary';
import { Skeleton } from '../../ui/skeleton';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useReview } from './api/get-review';
import { ReviewAppendix } from './review-appendix';
import { ReviewMoves, ReviewNewWarnings, ReviewStillSevere } from './review-changes';
import { ReviewDepartments } from './review-departments';
import { ReviewLaggards } from './review-laggards';
import { ReviewOverdue } from './review-overdue';
import { ReviewSectorTables } from './review-sector-tables';
import { ReviewSectors } from './review-sectors';
import { ReviewToolbar } from './review-toolbar';
import { useReviewParams } from './use-review-params';
import './review.css';
import { KeepWhole } from '../../ui/keep-whole';

/** A 新增督办 asked for on the page (`key` tells two clicks on the same row apart), with what it prefills. */
export interface SupervisionRequest {
  key: number;
  draft: { targetId: string | null; targetTitle: string | null; leadDepartment: string | null };
}

/**
 * 督办事项 (issue 24): the app hands the section in (a lazily loaded component with its own words),
 * so the review's first load carries neither the section nor its form, and it asks for its data
 * after the review's own has arrived.
 */
export interface ReviewSupervisionProps {
  asOf: string;
  previousAsOf: string;
  plan: string | undefined;
  canCreate: boolean;
  request: SupervisionRequest | null;
  onRequest: (r: SupervisionRequest | null) => void;
}

/**
 * 周调度会: a frozen snapshot at the meeting date (only what was recorded by the end of that day),
 * what changed since the previous meeting, who owes a report, and what each lagging target now needs.
 * The same page prints as the meeting's A4 handout.
 */
export function ReviewPage({ supervision: Supervision }: { supervision?: ComponentType<ReviewSupervisionProps> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, update, time, appendix] = useReviewParams();
  const review = useReview(params);
  const freshness = useFreshness(review);
  useDocumentTitle(review.data ? reviewTitle(review.data, locale) : t('review.title'), t('app.title'));
  const crashed = <ErrorPanel error={new Error(t('error.crashed'))} compact />;
  const data = review.data;
  const meetingDate = data ? formatDate(data.asOf, locale) : '';
  const previousDate = data ? formatDate(data.previousAsOf, locale) : '';
  const user = useSessionUser();
  // The target office (reviewers, administrators) records the meeting's decisions as 督办事项.
  const canSupervise = user?.role === 'reviewer' || user?.role === 'admin';
  const [supervise, setSupervise] = useState<SupervisionRequest | null>(null);
  return (
    <div className="stack review">
      {data && (
        <PrintHeader
          title={t('review.title')}
          planId={data.plan?.id}
          asOf={data.asOf}
          demo={data.containsDemo}
          dateText={t('review.meetingDate', { date: meetingDate })}
        />
      )}
      <PageHeader
        title={t('review.title')}
        meta={
          data && (
            <>
              <span className="num">
                <KeepWhole
                  text={t('review.meetingMeta', { date: meetingDate, previous: previousDate })}
                  pieces={[meetingDate, previousDate]}
                />
              </span>
              <span>
                {time ? (
                  <KeepWhole
                    text={t('review.knownAtTimeNote', { time: `${meetingDate} ${time}` })}
                    pieces={[meetingDate]}
                  />
                ) : (
                  t('review.knownAtNote')
                )}
              </span>
            </>
          )
        }
        aside={<FreshnessBadge freshness={freshness} />}
      />
      <PendingNotice on={params.includePending} />
      <div data-print-hide="">
        <SectionBoundary fallback={crashed}>
          <ReviewToolbar params={params} time={time} update={update} data={data} />
        </SectionBoundary>
      </div>
      <QueryState query={review} label={t('freshness.loading')} lines={10}>
        {(d) => (
          <>
            {/* The order a meeting reads it: the counts, what is new and what is severe (with what each
                department says), the decisions of earlier meetings, who owes a report; then the rest. */}
            <SectionBoundary fallback={crashed}>
              <ReviewSectors data={d} />
            </SectionBoundary>
            <SectionBoundary fallback={crashed}>
              <ReviewNewWarnings data={d} />
            </SectionBoundary>
            <SectionBoundary fallback={crashed}>
              <ReviewStillSevere data={d} />
            </SectionBoundary>
            {Supervision && (
              <SectionBoundary fallback={crashed}>
                <Suspense fallback={<Skeleton label={t('freshness.loading')} lines={3} />}>
                  <Supervision
                    asOf={d.asOf}
                    previousAsOf={d.previousAsOf}
                    plan={params.plan}
                    canCreate={canSupervise}
                    request={supervise}
                    onRequest={setSupervise}
                  />
                </Suspense>
              </SectionBoundary>
            )}
            <SectionBoundary fallback={crashed}>
              <ReviewOverdue data={d} />
            </SectionBoundary>
            <SectionBoundary fallback={crashed}>
              <ReviewMoves data={d} />
            </SectionBoundary>
            <ReviewAppendix
              on={appendix}
              onChange={(on) => update({ appendix: on ? undefined : '0' }, { replace: true })}
            >
              <SectionBoundary fallback={crashed}>
                <ReviewDepartments data={d} />
              </SectionBoundary>
              <SectionBoundary fallback={crashed}>
                <ReviewLaggards
                  data={d}
                  onSupervise={
                    canSupervise && Supervision
                      ? (x) =>
                          setSupervise({
                            key: Date.now(),
                            draft: { targetId: x.id, targetTitle: x.title, leadDepartment: x.department },
                          })
                      : undefined
                  }
                />
              </SectionBoundary>
              <SectionBoundary fallback={crashed}>
                <ReviewSectorTables data={d} />
              </SectionBoundary>
            </ReviewAppendix>
          </>
        )}
      </QueryState>
    </div>
  );
}
