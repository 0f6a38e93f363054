import { Link } from 'react-router';
import { behindBy } from '../../domain/aggregate';
import type { TargetWithStateDto } from '../../domain/api';
import { completionText, derivedCompletion, formatDerived, gapText } from '../../domain/figures';
import { formatDate, formatPercent, formatQuantity } from '../../domain/format';
import { paths } from '../../domain/paths';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { CardBody, CardHead, CardRow, CardTable, Cell, HeadCell } from '../../ui/card-table';
import { DemoTag } from '../../ui/demo-tag';
import { LeadDepartmentMeta } from '../../ui/lead-department';
import { ProvisionalTag } from '../../ui/pending';
import { ProgressBar } from '../../ui/progress-bar';
import { ScrollRegion } from '../../ui/scroll-region';
import { StatusBadge } from '../../ui/status-badge';
import type { SortKey } from './use-sector-view';

type Update = (patch: Record<string, string | undefined>, o?: { replace?: boolean }) => void;

function SortHeader({
  column,
  label,
  view,
  update,
  numeric = false,
}: {
  column: SortKey;
  label: string;
  view: { sort?: SortKey | undefined; dir: 'asc' | 'desc' };
  update: Update;
  numeric?: boolean;
}) {
  const active = view.sort === column;
  const next = active && view.dir === 'asc' ? 'desc' : 'asc';
  return (
    <HeadCell
      className={numeric ? 'num' : undefined}
      aria-sort={active ? (view.dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button type="button" className="sort-button" onClick={() => update({ sort: column, dir: next })}>
        {label}
        <span aria-hidden="true" className={active ? 'sort-arrow' : 'sort-arrow sort-arrow--idle'}>
          {active ? (view.dir === 'asc' ? '↑' : '↓') : '↕'}
        </span>
      </button>
    </HeadCell>
  );
}

function ValueCell({ item }: { item: TargetWithStateDto }) {
  const locale = useLocale();
  const { t } = useTranslation();
  const label = `${t('common.value')} / ${t('common.goal')}`;
  if (item.kind === 'milestone') {
    return (
      <Cell className="num" label={label}>
        {completionText(item, item.state, locale)}
        {item.state.latest?.demo && <DemoTag />}
        <ProvisionalTag latest={item.state.latest} />
      </Cell>
    );
  }
  return (
    <Cell className="num" label={label}>
      <span className="value-pair">
        <span>{formatQuantity(item.state.latest?.value ?? null, item.unit, locale)}</span>
        {item.state.latest?.demo && <DemoTag />}
        <ProvisionalTag latest={item.state.latest} />
        <span className="muted"> / {formatQuantity(item.target, item.unit, locale)}</span>
      </span>
    </Cell>
  );
}

/** The sector's targets: one row each, sortable by any measure column. */
export function SectorTable({
  rows,
  view,
  update,
  caption,
}: {
  rows: TargetWithStateDto[];
  view: {
    sort?: SortKey | undefined;
    dir: 'asc' | 'desc';
    asOf?: string | undefined;
    includePending?: true | undefined;
  };
  update: Update;
  caption: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (rows.length === 0) return <p className="card muted">{t('sector.empty')}</p>;
  const head = { view, update };
  return (
    <ScrollRegion label={caption}>
      <CardTable className="sector-table">
        <caption className="visually-hidden">{caption}</caption>
        <CardHead sortLabel={t('common.sort')}>
          <SortHeader column="title" label={t('common.target')} {...head} />
          <SortHeader column="progress" label={t('common.progress')} {...head} />
          <HeadCell className="num">
            {t('common.value')} / {t('common.goal')}
          </HeadCell>
          <SortHeader column="gap" label={t('common.gap')} numeric {...head} />
          <SortHeader column="status" label={t('common.status')} {...head} />
          <SortHeader column="projection" label={t('common.projection')} numeric {...head} />
          <SortHeader column="latest" label={t('common.latest')} numeric {...head} />
        </CardHead>
        <CardBody>
          {rows.map((item) => (
            <CardRow key={item.id}>
              <Cell className="sector-table__title" card="title">
                <Link to={paths.target(item.id, { asOf: view.asOf, includePending: view.includePending })}>
                  {item.title}
                </Link>
                <span className="muted small">
                  {item.subsection}
                  {item.district !== '市级' && ` · ${item.district}`}
                  <LeadDepartmentMeta target={item} asOf={view.asOf} includePending={view.includePending} />
                </span>
              </Cell>
              <Cell className="sector-table__bar" card="wide" label={t('common.progress')}>
                <ProgressBar
                  progress={item.state.progress}
                  expected={item.state.expected}
                  name={item.title}
                  status={item.state.status}
                  size="sm"
                  valueText={item.kind === 'milestone' ? completionText(item, item.state, locale) : undefined}
                />
              </Cell>
              <ValueCell item={item} />
              <Cell
                label={t('common.gap')}
                className="num"
                data-negative={behindBy(item.state) < 0 || undefined}
                title={gapText(item, item.state, locale)}
              >
                {gapText(item, item.state, locale, true)}
              </Cell>
              <Cell card="status">
                <StatusBadge
                  status={item.state.status}
                  forecastMiss={item.state.forecastMiss}
                  projects={item.state.projects}
                />
              </Cell>
              <Cell className="num" label={t('common.projection')}>
                {item.state.projection && item.state.gapBasis === 'target' && item.state.status !== 'missed' ? (
                  <span>
                    {formatDerived(item, item.state.projection.value, locale)}{' '}
                    <span className="muted small">
                      ({formatPercent(derivedCompletion(item, item.state.projection.value), locale)})
                    </span>
                  </span>
                ) : (
                  '—'
                )}
              </Cell>
              <Cell className="num" label={t('common.latest')}>
                {item.state.latest ? formatDate(item.state.latest.asOf, locale) : '—'}
              </Cell>
            </CardRow>
          ))}
        </CardBody>
      </CardTable>
    </ScrollRegion>
  );
}
