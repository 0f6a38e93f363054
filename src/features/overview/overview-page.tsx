import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { summaryQueryOptions, useSummary } from '../../api/get-summary';
import type { SummaryParams } from '../../api/query-keys';
import { useFreshness } from '../../api/use-freshness';
import { WARNING_STATUSES } from '../../domain/aggregate';
import type { SummaryResponse } from '../../domain/api';
import { shanghaiDate } from '../../domain/dates';
import { formatDate } from '../../domain/format';
import { overviewTitle } from '../../domain/page-meta';
import { useTranslation } from '../../i18n/use-translation';
import { dataDateOf } from '../../ui/data-date';
import { ErrorPanel } from '../../ui/error-panel';
import { FreshnessBadge } from '../../ui/freshness-badge';
import { PageHeader } from '../../ui/page-header';
import { PendingNotice } from '../../ui/pending';
import { PrintWhenShown, usePrintShortcut } from '../../ui/print-shortcut';
import { QueryState } from '../../ui/query-state';
import { SectionBoundary } from '../../ui/section-boundary';
import { useAfterLoad } from '../../ui/use-after-load';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useNow } from '../../ui/use-now';
import { GapWarnings } from './gap-warnings';
import { HeadlineTiles } from './headline-tiles';
import { OverviewFiltersBar } from './overview-filters';
import { SectorBars } from './sector-bars';
import { StatusCountLine, statusListHref } from './status-count-line';
import { StatusTargets } from './status-targets';
import { StatusWarnings } from './status-warnings';
import { useOverviewFilters, WARNING_FILTER } from './use-overview-filters';
import './overview.css';
import { KeepWhole } from '../../ui/keep-whole';

const PrintHeader = lazy(() => import('../../ui/print-header').then((m) => ({ default: m.PrintHeader })));

const SUMMARY_KEYS = ['plan', 'district', 'department', 'asOf'] as const;

/** How many targets warn (滞后, 严重滞后, 未完成) under the filters: the list shows the furthest behind of them. */
const warningCount = (data: SummaryResponse) => [...WARNING_STATUSES].reduce((n, s) => n + data.overall.counts[s], 0);

/** "查看全部 31 项": the warnings panel shows the eight furthest behind; this opens every one. */
function ViewAllWarnings({ count, params }: { count: number; params: SummaryParams }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <p className="card__foot">
      <Link to={statusListHref(params, WARNING_FILTER)}>{t('overview.viewAll', { count })}</Link>
    </p>
  );
}

export function OverviewPage() {
  const { t, locale } = useTranslation();
  const now = useNow();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useOverviewFilters();
  const params: SummaryParams = {
    plan: filters.plan,
    district: filters.district,
    department: filters.department,
    asOf: filters.asOf,
    includePending: filters.includePending,
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
  const afterLoad = useAfterLoad();
  const printRequest = usePrintShortcut();
  const freshness = useFreshness(summary);
  useDocumentTitle(summary.data ? overviewTitle(summary.data, locale) : t('overview.title'), t('app.title'));
  const crashed = <ErrorPanel error={new Error(t('error.crashed'))} compact />;
  const dataDate =
    summary.data && dataDateOf(summary.data.asOf, summary.data.freshness.latestReportAsOf, shanghaiDate(now()));
  return (
    <div className="stack">
      <PageHeader
        title={t('overview.title')}
        meta={
          summary.data && (
            <>
              <StatusCountLine
                total={summary.data.overall.total}
                counts={summary.data.overall.counts}
                params={params}
                current={filters.status}
              />
              {summary.data.freshness.olderFigures > 0 && (
                <span className="muted small">
                  <KeepWhole
                    text={t('overview.olderFigures', {
                      count: summary.data.freshness.olderFigures,
                      date: formatDate(summary.data.asOf, locale),
                    })}
                    pieces={[formatDate(summary.data.asOf, locale)]}
                  />
                </span>
              )}
            </>
          )
        }
        aside={<FreshnessBadge freshness={freshness} dataDate={dataDate} />}
      />
      {summary.data && (afterLoad || printRequest.asked > 0) && (
        // The printed overview (a briefing for the mayor): the page, plan and date on top, without the
        // site's header and the filters; every sheet numbered and dated (PrintMargins). Loaded once
        // the page has: imported with it, its print style sheet joined the overview's first paint as
        // a second render-blocking stylesheet; fetched as the page rendered, Lighthouse counted its
        // request against the largest paint (the overview's LCP read 289-290 ms against 252 without it).
        // Its file failing to load (a dropped connection) leaves the page as it is: a press of Ctrl+P
        // then prints without the header after a wait (print-shortcut.tsx).
        <SectionBoundary fallback={null}>
          <Suspense fallback={null}>
            <PrintHeader
              title={t('overview.title')}
              planId={params.plan}
              asOf={summary.data.asOf}
              demo={summary.data.containsDemo}
            />
            {/* Ctrl+P pressed before the header had loaded: printed once it has (print-shortcut.tsx). */}
            <PrintWhenShown request={printRequest} />
          </Suspense>
        </SectionBoundary>
      )}
      {/* Without figures to print, Ctrl+P still prints what the page shows (the error). */}
      {summary.isError && !summary.data && <PrintWhenShown request={printRequest} />}
      <PendingNotice on={filters.includePending} />
      <SectionBoundary fallback={crashed}>
        <OverviewFiltersBar filters={filters} update={update} />
      </SectionBoundary>
      <QueryState query={summary} label={t('freshness.loading')} lines={8} unknownFilter={filters.unknownStatus}>
        {(data) => (
          // In reading order as a phone shows it: the warnings, then the sectors, then the headline
          // figures. Wider screens place them as before (overview.css: headline figures on top, the
          // sectors beside the warnings), so the one order serves both and the preview matches.
          <div className={filters.statuses.length > 0 ? 'overview-body overview-body--status' : 'overview-body'}>
            {/* First when asked for (a count in the headline line links here), then the usual overview. */}
            {filters.statuses.length > 0 && (
              <div className="overview-body__status">
                <SectionBoundary fallback={crashed}>
                  <StatusTargets params={params} statuses={filters.statuses} />
                </SectionBoundary>
              </div>
            )}
            <div className="overview-body__warnings">
              <SectionBoundary fallback={crashed}>
                {filters.status ? (
                  <StatusWarnings
                    params={params}
                    status={filters.status}
                    summaryWarnings={data.warnings}
                    onShowAll={() => update({ status: undefined })}
                  />
                ) : (
                  <GapWarnings
                    warnings={data.warnings}
                    total={warningCount(data)}
                    footer={
                      filters.statuses.length === 0 && <ViewAllWarnings count={warningCount(data)} params={params} />
                    }
                  />
                )}
              </SectionBoundary>
            </div>
            <div className="overview-body__sectors">
              <SectionBoundary fallback={crashed}>
                <SectorBars sectors={data.sectors} compare={filters.compare} highlight={filters.status} />
              </SectionBoundary>
            </div>
            <div className="overview-body__tiles">
              <SectionBoundary fallback={crashed}>
                <HeadlineTiles
                  headlines={data.headlines}
                  compare={filters.compare}
                  asOf={filters.asOf}
                  includePending={filters.includePending}
                />
              </SectionBoundary>
            </div>
          </div>
        )}
      </QueryState>
    </div>
  );
}
