import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { KeyProject } from '../../domain/schemas';
import type { ProjectSort } from '../../domain/views';
import { useTranslation } from '../../i18n/use-translation';
import { CardBody, CardHead, CardTable, HeadCell } from '../../ui/card-table';
import { ScrollRegion } from '../../ui/scroll-region';
import { ProjectRow } from './project-row';
import type { ProjectsUpdate, ProjectsView } from './use-projects-view';

/** A one-line row's height (projects.css: `.projects-table tbody tr`); taller rows are measured. */
const ROW_ESTIMATE = 38;
/** A row's height where it is a card (a phone: ui.css `.card-table`); each is measured as it renders. */
const CARD_ESTIMATE = 200;
/** Where the table is a list of cards (ui.css). */
const CARDS_QUERY = 'screen and (max-width: 640px)';
/** Rows rendered when the scroll box cannot be measured (no layout, e.g. jsdom): never an empty table. */
const FALLBACK_ROWS = 30;

/** Keeps the scroll height of the rows that are not rendered. */
function Spacer({ height }: { height: number }) {
  return (
    <tr className="spacer">
      <td colSpan={7} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

type SortColumn = 'name' | 'district' | 'stage' | 'investment';

function SortTh({
  column,
  label,
  view,
  update,
  numeric,
}: {
  column: SortColumn;
  label: string;
  view: ProjectsView;
  update: ProjectsUpdate;
  numeric?: boolean;
}) {
  const sort = view.sort ?? 'name';
  const active = sort === column || sort === `-${column}`;
  const desc = sort === `-${column}`;
  const next = (active && !desc ? `-${column}` : column) as ProjectSort;
  return (
    <HeadCell
      className={numeric ? 'num' : undefined}
      aria-sort={active ? (desc ? 'descending' : 'ascending') : undefined}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => update({ sort: next === 'name' ? undefined : next })}
      >
        {label}
        <span aria-hidden="true" className={active ? 'sort-arrow' : 'sort-arrow sort-arrow--idle'}>
          {active ? (desc ? '↓' : '↑') : '↕'}
        </span>
      </button>
    </HeadCell>
  );
}

/**
 * Thousands of projects stay smooth: only the rows in view are in the DOM (spacer rows keep the
 * scroll height), and the next page loads as the reader nears the end of what is loaded.
 */
export function ProjectsTable({
  rows,
  total,
  view,
  update,
  loadMore,
  loadingMore,
}: {
  rows: KeyProject[];
  total: number;
  view: ProjectsView;
  update: ProjectsUpdate;
  loadMore: () => void;
  loadingMore: boolean;
}) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLElement>(null);
  const cards = typeof window !== 'undefined' && window.matchMedia?.(CARDS_QUERY).matches === true;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (cards ? CARD_ESTIMATE : ROW_ESTIMATE),
    overscan: 12,
  });
  const measured = virtualizer.getVirtualItems();
  const items =
    measured.length > 0
      ? measured
      : rows
          .slice(0, FALLBACK_ROWS)
          .map((_, index) => ({ index, start: index * ROW_ESTIMATE, end: (index + 1) * ROW_ESTIMATE, key: index }));
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (rows.length < total && lastIndex >= rows.length - 20) loadMore();
  }, [lastIndex, rows.length, total, loadMore]);

  if (rows.length === 0) return <p className="card muted">{t('projects.empty')}</p>;
  const before = items[0]?.start ?? 0;
  const after = measured.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  const sortProps = { view, update };
  return (
    <ScrollRegion ref={scrollRef} className="projects-scroll" label={t('projects.title')}>
      <CardTable className="projects-table" aria-rowcount={total + 1}>
        <CardHead sortLabel={t('projects.sort')} rowIndex={1}>
          <SortTh column="name" label={t('projects.name')} {...sortProps} />
          <SortTh column="district" label={t('common.district')} {...sortProps} />
          <HeadCell>{t('common.sector')}</HeadCell>
          <SortTh column="stage" label={t('projects.stage')} {...sortProps} />
          <SortTh column="investment" label={t('projects.totalUnit')} numeric {...sortProps} />
          <HeadCell>{t('projects.investmentProgress')}</HeadCell>
          <HeadCell>{t('projects.owner')}</HeadCell>
        </CardHead>
        <CardBody>
          {before > 0 && <Spacer height={before} />}
          {items.map((v) => {
            const p = rows[v.index];
            return p ? (
              <ProjectRow
                key={p.id}
                project={p}
                rowIndex={v.index + 2}
                measure={virtualizer.measureElement}
                index={v.index}
              />
            ) : null;
          })}
          {after > 0 && <Spacer height={after} />}
        </CardBody>
      </CardTable>
      {loadingMore && (
        <p className="projects-more muted small" role="status">
          {t('common.loadingMore')}
        </p>
      )}
    </ScrollRegion>
  );
}
