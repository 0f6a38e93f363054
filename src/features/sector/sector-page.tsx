import { useParams } from 'react-router';
import { useTargets } from '../../api/get-targets';
import { useFreshness } from '../../api/use-freshness';
import { shanghaiDate } from '../../domain/dates';
import { sectorTitle } from '../../domain/page-meta';
import { SECTORS } from '../../domain/sectors';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { hrefWith } from '../../stores/url-state';
import { dataDateOf } from '../../ui/data-date';
import { FreshnessBadge } from '../../ui/freshness-badge';
import { NotFoundView } from '../../ui/not-found-view';
import { PageHeader } from '../../ui/page-header';
import { PendingNotice } from '../../ui/pending';
import { PrintHeader } from '../../ui/print-header';
import { QueryState } from '../../ui/query-state';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useNow } from '../../ui/use-now';
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
    includePending: view.includePending,
  });
  const freshness = useFreshness(targets);
  const now = useNow();
  const name = sector ? (locale === 'en' ? sector.nameEn : sector.name) : undefined;
  useDocumentTitle(
    name && targets.data ? sectorTitle(name, targets.data, locale) : (name ?? t('notFound.title')),
    t('app.title'),
  );
  if (!sector) return <NotFoundView message={t('notFound.sector', { id })} />;
  const items = targets.data?.items ?? [];
  // The newest figure of the sector's targets: the date the page's data describes.
  const newest = items.reduce<string | null>((m, i) => {
    const d = i.state.latest?.asOf ?? null;
    return d !== null && (m === null || d > m) ? d : m;
  }, null);
  const dataDate = targets.data && dataDateOf(targets.data.asOf, newest, shanghaiDate(now()));
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
              includePending: view.includePending,
            }),
          },
        ]}
        title={name}
        meta={<span lang="zh-CN">{sector.heading}</span>}
        aside={<FreshnessBadge freshness={freshness} dataDate={dataDate} />}
      />
      {targets.data && (
        <PrintHeader
          title={name ?? ''}
          planId={view.plan}
          asOf={dataDate?.asOf ?? targets.data.asOf}
          demo={items.some((i) => i.demo || i.state.latest?.demo)}
        />
      )}
      <PendingNotice on={view.includePending} />
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
