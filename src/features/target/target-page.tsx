import { type ComponentType, Suspense } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { isNotFound } from '../../api/api-error';
import { useFreshness } from '../../api/use-freshness';
import { shanghaiDate } from '../../domain/dates';
import { targetTitle } from '../../domain/page-meta';
import { paths } from '../../domain/paths';
import { SECTORS } from '../../domain/sectors';
import { useTranslation } from '../../i18n/use-translation';
import { useIncludePending } from '../../stores/include-pending';
import { useLocale } from '../../stores/ui-store';
import { hrefWith } from '../../stores/url-state';
import { dataDateOf } from '../../ui/data-date';
import { FreshnessBadge } from '../../ui/freshness-badge';
import { NotFoundView } from '../../ui/not-found-view';
import { PageHeader } from '../../ui/page-header';
import { PendingNotice } from '../../ui/pending';
import { PrintHeader } from '../../ui/print-header';
import { QueryState } from '../../ui/query-state';
import { SectionBoundary } from '../../ui/section-boundary';
import { SourceQuote } from '../../ui/source-quote';
import { StatusBadge } from '../../ui/status-badge';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useNow } from '../../ui/use-now';
import { useTarget } from './api/get-target';
import { ContextFigures } from './context-figures';
import { usePreviewHandOver } from './inline-target';
import { LatestNarrative } from './latest-narrative';
import { MilestoneStages } from './milestone-stages';
import { ReportHistory } from './report-history';
import { TargetFacts } from './target-facts';
import { TargetProjects } from './target-projects';
import { TargetSummary } from './target-summary';
import { TrendFigure } from './trend-figure';
import { buildTrend } from './trend-series';
import './target.css';

/** The target's 督办事项 (issue 24): handed in by the app, a lazily loaded panel with its own words. */
export type TargetSupervisionSlot = ComponentType<{ targetId: string; asOf: string }>;

export function TargetPage({ supervision: Supervision }: { supervision?: TargetSupervisionSlot }) {
  const { id = '' } = useParams();
  const asOf = useSearchParams()[0].get('asOf') ?? undefined;
  const { t } = useTranslation();
  const locale = useLocale();
  const [includePending] = useIncludePending();
  const query = useTarget({ id, asOf, includePending });
  // A page that came server-rendered shows its preview until this render replaces it.
  usePreviewHandOver(query.data !== undefined || query.isError);
  const freshness = useFreshness(query);
  const item = query.data?.item;
  const now = useNow();
  // What date this target's figure describes (its own latest figure, never the view's later date).
  const dataDate = query.data && dataDateOf(query.data.asOf, item?.state.latest?.asOf ?? null, shanghaiDate(now()));
  useDocumentTitle(query.data ? targetTitle(query.data, locale) : undefined, t('app.title'));
  if (isNotFound(query.error) && !item) return <NotFoundView message={t('notFound.target', { id })} />;
  const sector = item && SECTORS.find((s) => s.id === item.sectorId);
  return (
    <div className="stack">
      <PageHeader
        crumbs={[
          { label: t('app.overview'), to: hrefWith('/', { asOf, includePending }) },
          ...(sector
            ? [
                {
                  label: locale === 'en' ? sector.nameEn : sector.name,
                  to: paths.sector(sector.id, { asOf, includePending }),
                },
              ]
            : []),
        ]}
        title={item?.title ?? (query.isPending ? t('freshness.loading') : t('target.pageTitle'))}
        meta={
          item && (
            <StatusBadge
              status={item.state.status}
              forecastMiss={item.state.forecastMiss}
              projects={item.state.projects}
            />
          )
        }
        aside={<FreshnessBadge freshness={freshness} dataDate={dataDate} />}
      />
      <PendingNotice on={includePending} />
      <QueryState query={query} label={t('freshness.loading')} lines={10}>
        {(data) => {
          const d = data.item;
          const chartLabel = `${t('target.trend')}：${d.title}`;
          return (
            <div className="target-layout">
              <PrintHeader
                title={d.title}
                planId={d.planId}
                asOf={data.asOf}
                demo={d.demo || d.reports.some((r) => r.demo)}
              />
              <div className="stack">
                <TargetSummary item={d} asOf={data.asOf} />
                {d.kind === 'milestone' ? (
                  <MilestoneStages item={d} />
                ) : (
                  <section className="card" aria-labelledby="trend-title">
                    <h2 id="trend-title" className="card__title">
                      {t('target.trend')}
                    </h2>
                    <SectionBoundary fallback={<p className="muted">{t('error.crashed')}</p>}>
                      <TrendFigure
                        trend={buildTrend(d, data.asOf, includePending ? 'pending' : 'approved')}
                        unit={d.unit}
                        label={chartLabel}
                      />
                    </SectionBoundary>
                  </section>
                )}
                <LatestNarrative item={d} asOf={data.asOf} pinnedAsOf={asOf} includePending={includePending} />
                {Supervision && (
                  <SectionBoundary fallback={<p className="muted">{t('error.crashed')}</p>}>
                    <Suspense fallback={null}>
                      <Supervision targetId={d.id} asOf={data.asOf} />
                    </Suspense>
                  </SectionBoundary>
                )}
                <ReportHistory item={d} />
              </div>
              <div className="stack">
                <TargetFacts item={d} asOf={data.asOf} />
                <section className="card" aria-labelledby="source-title">
                  <h2 id="source-title" className="card__title">
                    {t('target.sourceTitle')}
                  </h2>
                  <SourceQuote source={d.source} />
                </section>
                <ContextFigures figures={d.contextFigures} />
                <TargetProjects item={d} />
              </div>
            </div>
          );
        }}
      </QueryState>
    </div>
  );
}
