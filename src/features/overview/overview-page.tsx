import { useQueryClient } from '@tanstack/react-query';
import { summaryQueryOptions, useSummary } from '../../api/get-summary';
import type { SummaryParams } from '../../api/query-keys';
import { useFreshness } from '../../api/use-freshness';
import { formatDate } from '../../domain/format';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { ErrorPanel } from '../../ui/error-panel';
import { FreshnessBadge } from '../../ui/freshness-badge';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { SectionBoundary } from '../../ui/section-boundary';
import { useDocumentTitle } from '../../ui/use-document-title';
import { GapWarnings } from './gap-warnings';
import { HeadlineTiles } from './headline-tiles';
import { OverviewFiltersBar } from './overview-filters';
import { SectorBars } from './sector-bars';
import { StatusTargets } from './status-targets';
import { StatusWarnings } from './status-warnings';
import { useOverviewFilters } from './use-overview-filters';
import './overview.css';

const SUMMARY_KEYS = ['plan', 'district', 'department', 'asOf'] as const;

export function OverviewPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useOverviewFilters();
  const params: SummaryParams = {
    plan: filters.plan,
    district: filters.district,
    department: filters.department,
    asOf: filters.asOf,
  };
  // A new filter or as-of date asks for its summary in the event handler: otherwise the request
  // would wait until React had rendered the whole page again with the previous answer (a third of
  // the time from moving the as-of slider to the new figures on screen).
  const update: typeof setFilters = (patch, options) => {
    const next = { ...params };
    for (const k of SUMMARY_KEYS) if (k in patch) next[k] = patch[k] || undefined;
    void queryClient.prefetchQuery(summaryQueryOptions(next));
    if (next.asOf) void queryClient.prefetchQuery(summaryQueryOptions({ ...next, asOf: undefined }));
    setFilters(patch, options);
  };
  const summary = useSummary(params);
  const freshness = useFreshness(summary);
  useDocumentTitle(t('overview.title'), t('app.title'));
  const crashed = <ErrorPanel error={new Error(t('error.crashed'))} compact />;
  return (
    <div className="stack">
      <PageHeader
        title={t('overview.title')}
        meta={
          summary.data && (
            <>
              <span className="num">
                {t('common.asOf')} {formatDate(summary.data.asOf, locale)}
              </span>
              <span>{t('overview.counts', { total: summary.data.overall.total })}</span>
            </>
          )
        }
        aside={<FreshnessBadge freshness={freshness} />}
      />
      <SectionBoundary fallback={crashed}>
        <OverviewFiltersBar filters={filters} update={update} />
      </SectionBoundary>
      <QueryState query={summary} label={t('freshness.loading')} lines={8} unknownFilter={filters.unknownStatus}>
        {(data) => (
          <>
            <SectionBoundary fallback={crashed}>
              <HeadlineTiles headlines={data.headlines} compare={filters.compare} asOf={filters.asOf} />
            </SectionBoundary>
            {filters.status && (
              <SectionBoundary fallback={crashed}>
                <StatusTargets params={{ ...params, status: filters.status }} />
              </SectionBoundary>
            )}
            <div className="overview-grid">
              <SectionBoundary fallback={crashed}>
                <SectorBars sectors={data.sectors} compare={filters.compare} highlight={filters.status} />
              </SectionBoundary>
              <SectionBoundary fallback={crashed}>
                {filters.status ? (
                  <StatusWarnings
                    params={params}
                    status={filters.status}
                    summaryWarnings={data.warnings}
                    onShowAll={() => update({ status: undefined })}
                  />
                ) : (
                  <GapWarnings warnings={data.warnings} />
                )}
              </SectionBoundary>
            </div>
          </>
        )}
      </QueryState>
    </div>
  );
}
