import { useParams, useSearchParams } from 'react-router';
import { isNotFound } from '../../api/api-error';
import { useFreshness } from '../../api/use-freshness';
import { isIsoDate } from '../../domain/dates';
import { departmentTitle } from '../../domain/page-meta';
import { paths } from '../../domain/paths';
import { useTranslation } from '../../i18n/use-translation';
import { useIncludePending } from '../../stores/include-pending';
import { ErrorPanel } from '../../ui/error-panel';
import { FreshnessBadge } from '../../ui/freshness-badge';
import { NotFoundView } from '../../ui/not-found-view';
import { PageHeader } from '../../ui/page-header';
import { IncludePendingSwitch, PendingNotice } from '../../ui/pending';
import { QueryState } from '../../ui/query-state';
import { SectionBoundary } from '../../ui/section-boundary';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useDepartmentView } from './api/get-department';
import { DepartmentMeta, DepartmentProfile } from './department-profile';
import { DepartmentOverdue, DepartmentTargets } from './department-targets';
import { DepartmentTrend } from './department-trend';
import './department.css';

/**
 * `/departments/:id`: one department's accountability — what it leads and supports, how those
 * targets stand, which owe a report, where it ranks and how its share on track has moved.
 */
export function DepartmentPage() {
  const { id = '' } = useParams();
  const raw = useSearchParams()[0].get('asOf') ?? undefined;
  const asOf = isIsoDate(raw) ? raw : undefined;
  const { t, locale } = useTranslation();
  const [includePending, setIncludePending] = useIncludePending();
  const query = useDepartmentView({ id, asOf, includePending });
  const freshness = useFreshness(query);
  const data = query.data;
  useDocumentTitle(data ? departmentTitle(data, locale) : undefined, t('app.title'));
  if (isNotFound(query.error) && !data) return <NotFoundView message={t('notFound.department', { id })} />;
  const crashed = <ErrorPanel error={new Error(t('error.crashed'))} compact />;
  return (
    <div className="stack">
      <PageHeader
        crumbs={[
          { label: t('app.overview'), to: paths.overview({ asOf, includePending }) },
          { label: t('rankings.title'), to: paths.rankings({ asOf, includePending }) },
        ]}
        title={data?.item.name ?? (query.isPending ? t('freshness.loading') : t('app.title'))}
        meta={data && <DepartmentMeta data={data} />}
        aside={
          <>
            <IncludePendingSwitch on={!!includePending} onChange={setIncludePending} />
            <FreshnessBadge freshness={freshness} />
          </>
        }
      />
      <PendingNotice on={includePending} />
      <QueryState query={query} label={t('freshness.loading')} lines={10}>
        {(d) => (
          <>
            <SectionBoundary fallback={crashed}>
              <DepartmentProfile data={d} />
            </SectionBoundary>
            <div className="dept-layout">
              <SectionBoundary fallback={crashed}>
                <DepartmentTargets data={d} />
              </SectionBoundary>
              <div className="stack">
                <SectionBoundary fallback={crashed}>
                  <DepartmentOverdue data={d} />
                </SectionBoundary>
                <SectionBoundary fallback={crashed}>
                  <DepartmentTrend data={d} />
                </SectionBoundary>
              </div>
            </div>
          </>
        )}
      </QueryState>
    </div>
  );
}
