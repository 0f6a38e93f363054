import { Link } from 'react-router';
import { behindBy } from '../../domain/aggregate';
import type { TargetWithStateDto } from '../../domain/api';
import { completionText, derivedCompletion, formatDerived, gapText } from '../../domain/figures';
import { formatDate, formatPercent, formatQuantity } from '../../domain/format';
import { paths } from '../../domain/paths';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
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
    <th
      scope="col"
      className={numeric ? 'num' : undefined}
      aria-sort={active ? (view.dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button type="button" className="sort-button" onClick={() => update({ sort: column, dir: next })}>
        {label}
        <span aria-hidden="true" className="sort-arrow">
          {active ? (view.dir === 'asc' ? '↑' : '↓') : '↕'}
        </span>
      </button>
    </th>
  );
}

function ValueCell({ item }: { item: TargetWithStateDto }) {
  const locale = useLocale();
  if (item.kind === 'milestone') {
    return (
      <td className="num">
        {completionText(item, item.state, locale)}
        {item.state.latest?.demo && <DemoTag />}
        <ProvisionalTag latest={item.state.latest} />
      </td>
    );
  }
  return (
    <td className="num">
      <span className="value-pair">
        <span>{formatQuantity(item.state.latest?.value ?? null, item.unit, locale)}</span>
        {item.state.latest?.demo && <DemoTag />}
        <ProvisionalTag latest={item.state.latest} />
        <span className="muted"> / {formatQuantity(item.target, item.unit, locale)}</span>
      </span>
    </td>
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
      <table className="table sector-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <SortHeader column="title" label={t('common.target')} {...head} />
            <SortHeader column="progress" label={t('common.progress')} {...head} />
            <th scope="col" className="num">
              {t('common.value')} / {t('common.goal')}
            </th>
            <SortHeader column="gap" label={t('common.gap')} numeric {...head} />
            <SortHeader column="status" label={t('common.status')} {...head} />
            <SortHeader column="projection" label={t('common.projection')} numeric {...head} />
            <SortHeader column="latest" label={t('common.latest')} numeric {...head} />
          </tr>
        </thead>
        <tbody>
          {rows.map((item) => (
            <tr key={item.id}>
              <td className="sector-table__title">
                <Link to={paths.target(item.id, { asOf: view.asOf, includePending: view.includePending })}>
                  {item.title}
                </Link>
                <span className="muted small">
                  {item.subsection}
                  {item.district !== '市级' && ` · ${item.district}`}
                  <LeadDepartmentMeta target={item} asOf={view.asOf} includePending={view.includePending} />
                </span>
              </td>
              <td className="sector-table__bar">
                <ProgressBar
                  progress={item.state.progress}
                  expected={item.state.expected}
                  name={item.title}
                  status={item.state.status}
                  size="sm"
                  valueText={item.kind === 'milestone' ? completionText(item, item.state, locale) : undefined}
                />
              </td>
              <ValueCell item={item} />
              <td
                className="num"
                data-negative={behindBy(item.state) < 0 || undefined}
                title={gapText(item, item.state, locale)}
              >
                {gapText(item, item.state, locale, true)}
              </td>
              <td>
                <StatusBadge
                  status={item.state.status}
                  forecastMiss={item.state.forecastMiss}
                  projects={item.state.projects}
                />
              </td>
              <td className="num">
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
              </td>
              <td className="num">{item.state.latest ? formatDate(item.state.latest.asOf, locale) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
