import { useParams } from 'react-router';
import { useTargets } from '../../api/get-targets';
import { useFreshness } from '../../api/use-freshness';
import { formatDate } from '../../domain/format';
import { SECTORS } from '../../domain/sectors';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { hrefWith } from '../../stores/url-state';
import { FreshnessBadge } from '../../ui/freshness-badge';
import { NotFoundView } from '../../ui/not-found-view';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { SectorTable } from './sector-table';
import { SectorToolbar } from './sector-toolbar';
import { filterAndSort, useSectorView } from './use-sector-view';
import './sector.css';

export function SectorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const [view, update] = useSectorView();
  const sector = SECTORS.find((s) => s.id === id);
  const targets = useTargets({
    sector: sector?.id,
    plan: view.plan,
    district: view.district,
    department: view.department,
    asOf: view.asOf,
  });
  const freshness = useFreshness(targets);
  const name = sector ? (locale === 'en' ? sector.nameEn : sector.name) : undefined;
  useDocumentTitle(name ?? t('notFound.title'), t('app.title'));
  if (!sector) return <NotFoundView message={t('notFound.sector', { id })} />;
  const items = targets.data?.items ?? [];
  return (
    <div className="stack">
      <PageHeader
        crumbs={[
          {
            label: t('app.overview'),
            // Back to the same slice of the overview the drill-down came from.
            to: hrefWith('/', {
              plan: view.plan,
              district: view.district,
              department: view.department,
              asOf: view.asOf,
            }),
          },
        ]}
        title={name}
        meta={
          <>
            <span lang="zh-CN">{sector.heading}</span>
            {targets.data && (
              <span className="num">
                {t('common.asOf')} {formatDate(targets.data.asOf, locale)}
              </span>
            )}
          </>
        }
        aside={<FreshnessBadge freshness={freshness} />}
      />
      <SectorToolbar view={view} update={update} items={items} />
      <QueryState query={targets} label={name ?? ''} lines={10} unknownFilter={view.unknownStatus}>
        {(data) => (
          <SectorTable
            rows={filterAndSort(data.items, view)}
            view={view}
            update={update}
            caption={t('sector.caption', { sector: name ?? '' })}
          />
        )}
      </QueryState>
    </div>
  );
}
