import { useFreshness } from '../../api/use-freshness';
import { useTranslation } from '../../i18n/use-translation';
import { FreshnessBadge } from '../../ui/freshness-badge';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useProjects } from './api/get-projects';
import { ProjectsFilters } from './projects-filters';
import { ProjectsTable } from './projects-table';
import { useProjectsView } from './use-projects-view';
import './projects.css';

export function ProjectsPage() {
  const { t } = useTranslation();
  const [view, update] = useProjectsView();
  const query = useProjects(view);
  const freshness = useFreshness(query);
  useDocumentTitle(t('projects.title'), t('app.title'));
  const total = query.data?.pages[0]?.total;
  return (
    <div className="stack">
      <PageHeader
        crumbs={[{ label: t('app.overview'), to: '/' }]}
        title={t('projects.title')}
        meta={total !== undefined && <span className="num">{t('common.count', { count: total })}</span>}
        aside={<FreshnessBadge freshness={freshness} />}
      />
      <ProjectsFilters view={view} update={update} facets={query.data?.pages[0]?.facets} />
      <QueryState query={query} label={t('projects.title')} lines={12}>
        {(data) => (
          <ProjectsTable
            rows={data.pages.flatMap((p) => p.items)}
            total={data.pages[0]?.total ?? 0}
            view={view}
            update={update}
            loadMore={() => {
              if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
            }}
            loadingMore={query.isFetchingNextPage}
          />
        )}
      </QueryState>
    </div>
  );
}
