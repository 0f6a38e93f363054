import { Link, useSearchParams } from 'react-router';
import type { SectorSummary } from '../../domain/api';
import { shownDifference } from '../../domain/figures';
import { paths } from '../../domain/paths';
import { STATUSES, type Status } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { Delta } from '../../ui/delta';
import { ProgressBar } from '../../ui/progress-bar';
import { StatusIcon } from '../../ui/status-icon';

/** Each count opens the sector's list of targets in that status, furthest behind first. */
function StatusCounts({
  counts,
  highlight,
  sector,
  hrefFor,
}: {
  counts: SectorSummary['counts'];
  highlight?: Status | undefined;
  sector: string;
  hrefFor: (status: Status) => string;
}) {
  const { t } = useTranslation();
  return (
    <ul className="status-counts">
      {STATUSES.filter((s) => counts[s] > 0).map((s) => (
        <li key={s} data-status={s} data-highlight={highlight === s || undefined}>
          <Link
            to={hrefFor(s)}
            title={t(`status.${s}`)}
            aria-label={t('overview.sectorStatusCount', { sector, status: t(`status.${s}`), count: counts[s] })}
          >
            <StatusIcon status={s} />
            <span className="num">{counts[s]}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * What each count's icon means, in words, always on screen: the counts themselves are an icon and a
 * number, so without this the status would rest on colour and a hover title.
 */
function StatusLegend() {
  const { t } = useTranslation();
  return (
    <ul className="status-counts status-legend" aria-label={t('overview.statusLegend')}>
      {STATUSES.map((s) => (
        <li key={s} data-status={s}>
          <StatusIcon status={s} />
          {t(`status.${s}`)}
        </li>
      ))}
    </ul>
  );
}

/** The ten sectors: progress against pace, counts by status; a click anywhere on a row drills in. */
export function SectorBars({
  sectors,
  compare,
  highlight,
}: {
  sectors: SectorSummary[];
  compare: boolean;
  highlight?: Status | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [search] = useSearchParams();
  // The sector view understands the same filters; carry them so the drill-down shows the same slice
  // (one status: the sector view does not know the overview's group of every warning status).
  const carry = {
    ...Object.fromEntries(
      ['plan', 'district', 'department', 'asOf', 'includePending'].map((k) => [k, search.get(k) ?? undefined]),
    ),
    status: highlight,
  };
  return (
    <section className="card" aria-labelledby="sectors-title">
      <div className="card__head">
        <h2 id="sectors-title" className="card__title">
          {t('overview.sectors')}
        </h2>
        <span className="card__hint">{t('demo.legendExpected')}</span>
      </div>
      <StatusLegend />
      <ol className="sector-list">
        {sectors.map((s) => {
          const name = locale === 'en' ? s.nameEn : s.name;
          return (
            <li key={s.id} className="sector-row">
              <div className="sector-row__name">
                <Link className="stretched" to={paths.sector(s.id, carry)}>
                  {name}
                </Link>
                <span className="muted small">{t('overview.measured', { measured: s.measured, total: s.total })}</span>
              </div>
              <ProgressBar progress={s.progress} expected={s.expected} name={name} status={undefined} />
              <div className="sector-row__delta">
                {compare && <Delta change={shownDifference(s.progress, s.previousProgress)} />}
              </div>
              <div className="sector-row__counts">
                <StatusCounts
                  counts={s.counts}
                  highlight={highlight}
                  sector={name}
                  // Sorted by gap, ascending: the furthest behind first.
                  hrefFor={(status) => paths.sector(s.id, { ...carry, status, sort: 'gap', dir: 'asc' })}
                />
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
