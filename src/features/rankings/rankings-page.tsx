import { rankingsXlsxHref, useRankings } from '../../api/get-rankings';
import { useFreshness } from '../../api/use-freshness';
import { formatDate } from '../../domain/format';
import { paths } from '../../domain/paths';
import { useTranslation } from '../../i18n/use-translation';
import { ErrorPanel } from '../../ui/error-panel';
import { FreshnessBadge } from '../../ui/freshness-badge';
import { PageHeader } from '../../ui/page-header';
import { PendingNotice } from '../../ui/pending';
import { PrintHeader } from '../../ui/print-header';
import { QueryState } from '../../ui/query-state';
import { SectionBoundary } from '../../ui/section-boundary';
import { useDocumentTitle } from '../../ui/use-document-title';
import { RankingsRules } from './rankings-rules';
import { RankingsTable } from './rankings-table';
import { RankingsToolbar } from './rankings-toolbar';
import { useRankingsParams } from './use-rankings-params';
import './rankings.css';
import { KeepWhole } from '../../ui/keep-whole';

/**
 * `/rankings`: departments or districts side by side on one measure (达标率, 完成率对序时进度, 按时填报率),
 * each rate beside the counts it is made of, the counting and tie rules beneath, and the same table
 * as a workbook.
 */
export function RankingsPage() {
  const { t, locale } = useTranslation();
  const [params, update] = useRankingsParams();
  const query = useRankings(params);
  const freshness = useFreshness(query);
  const data = query.data;
  useDocumentTitle(t('rankings.title'), t('app.title'));
  const crashed = <ErrorPanel error={new Error(t('error.crashed'))} compact />;
  // The workbook is this table: the same query, at the date the table shows.
  const xlsxHref = rankingsXlsxHref({ ...params, asOf: params.asOf ?? data?.asOf });
  return (
    <div className="stack rankings-page">
      <PageHeader
        crumbs={[
          {
            label: t('app.overview'),
            to: paths.overview({ asOf: params.asOf, includePending: params.includePending }),
          },
        ]}
        title={t('rankings.title')}
        meta={
          data && (
            <span className="num">
              <KeepWhole
                text={t('rankings.asOf', { date: formatDate(data.asOf, locale) })}
                pieces={[formatDate(data.asOf, locale)]}
              />
            </span>
          )
        }
        aside={<FreshnessBadge freshness={freshness} />}
      />
      <PendingNotice on={params.includePending} />
      <SectionBoundary fallback={crashed}>
        <RankingsToolbar params={params} update={update} xlsxHref={xlsxHref} />
      </SectionBoundary>
      <QueryState query={query} label={t('freshness.loading')} lines={10}>
        {(d) => (
          <>
            <PrintHeader title={t('rankings.title')} planId={params.plan} asOf={d.asOf} demo={d.demo} />
            <section className="card" aria-label={t('rankings.title')}>
              <SectionBoundary fallback={crashed}>
                <RankingsTable data={d} includePending={params.includePending} />
              </SectionBoundary>
            </section>
            <SectionBoundary fallback={crashed}>
              <RankingsRules data={d} />
            </SectionBoundary>
          </>
        )}
      </QueryState>
    </div>
  );
}
