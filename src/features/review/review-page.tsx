import { useFreshness } from '../../api/use-freshness';
import { formatDate } from '../../domain/format';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { ErrorPanel } from '../../ui/error-panel';
import { FreshnessBadge } from '../../ui/freshness-badge';
import { PageHeader } from '../../ui/page-header';
import { PendingNotice } from '../../ui/pending';
import { PrintHeader } from '../../ui/print-header';
import { QueryState } from '../../ui/query-state';
import { SectionBoundary } from '../../ui/section-boundary';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useReview } from './api/get-review';
import { ReviewChanges } from './review-changes';
import { ReviewDepartments } from './review-departments';
import { ReviewLaggards } from './review-laggards';
import { ReviewOverdue } from './review-overdue';
import { ReviewSectorTables } from './review-sector-tables';
import { ReviewSectors } from './review-sectors';
import { ReviewToolbar } from './review-toolbar';
import { useReviewParams } from './use-review-params';
import './review.css';

/**
 * 周调度会: a frozen snapshot at the meeting date (only what was recorded by the end of that day),
 * what changed since the previous meeting, who owes a report, and what each lagging target now needs.
 * The same page prints as the meeting's A4 handout.
 */
export function ReviewPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, update, time] = useReviewParams();
  const review = useReview(params);
  const freshness = useFreshness(review);
  useDocumentTitle(t('review.title'), t('app.title'));
  const crashed = <ErrorPanel error={new Error(t('error.crashed'))} compact />;
  const data = review.data;
  return (
    <div className="stack review">
      {data && (
        <PrintHeader title={t('review.title')} planId={data.plan?.id} asOf={data.asOf} demo={data.containsDemo} />
      )}
      <PageHeader
        title={t('review.title')}
        meta={
          data && (
            <>
              <span className="num">
                {t('review.meetingMeta', {
                  date: formatDate(data.asOf, locale),
                  previous: formatDate(data.previousAsOf, locale),
                })}
              </span>
              <span>
                {time
                  ? t('review.knownAtTimeNote', { time: `${formatDate(data.asOf, locale)} ${time}` })
                  : t('review.knownAtNote')}
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
            <SectionBoundary fallback={crashed}>
              <ReviewSectors data={d} />
            </SectionBoundary>
            <SectionBoundary fallback={crashed}>
              <ReviewChanges data={d} />
            </SectionBoundary>
            <SectionBoundary fallback={crashed}>
              <ReviewDepartments data={d} />
            </SectionBoundary>
            <SectionBoundary fallback={crashed}>
              <ReviewOverdue data={d} />
            </SectionBoundary>
            <SectionBoundary fallback={crashed}>
              <ReviewLaggards data={d} />
            </SectionBoundary>
            <SectionBoundary fallback={crashed}>
              <ReviewSectorTables data={d} />
            </SectionBoundary>
          </>
        )}
      </QueryState>
    </div>
  );
}
