import type { SectorSummary, SummaryResponse } from '../../domain/api';
import { formatPercent } from '../../domain/format';
import { useTranslation } from '../../i18n/use-translation';
import { ProgressBar } from '../../ui/progress-bar';
import { StatusIcon } from '../../ui/status-icon';
import { AnimatedNumber } from './animated-number';
import { ScreenKpi } from './screen-kpi';

/**
 * What the audience should know about a sector's targets besides its bar: how many are behind and
 * how many have no report. Only a sector with neither is called on track.
 */
function SectorStatus({ counts }: { counts: SectorSummary['counts'] }) {
  const { t } = useTranslation();
  // The same count as the desk's 进度预警 (滞后, 严重滞后 and 未完成), never "滞后" for two statuses.
  const behind = counts.severe + counts.lagging + counts.missed;
  if (behind === 0 && counts.no_data === 0)
    return (
      <span className="s-sector__flag" data-status="on_track">
        <StatusIcon status="on_track" />
        {t('status.on_track')}
      </span>
    );
  return (
    <>
      {behind > 0 && (
        <span className="s-sector__flag" data-status={counts.severe + counts.missed > 0 ? 'severe' : 'lagging'}>
          <StatusIcon status={counts.severe + counts.missed > 0 ? 'severe' : 'lagging'} />
          {t('screen.behind', { count: behind })}
        </span>
      )}
      {counts.no_data > 0 && (
        <span className="s-sector__flag" data-status="no_data">
          <StatusIcon status="no_data" />
          {t('screen.noData', { count: counts.no_data })}
        </span>
      )}
    </>
  );
}

function SectorRow({ sector }: { sector: SectorSummary }) {
  const { locale } = useTranslation();
  const name = locale === 'en' ? sector.nameEn : sector.name;
  return (
    <li className="s-sector">
      <span className="s-sector__name">{name}</span>
      <ProgressBar progress={sector.progress} expected={sector.expected} name={name} showValue={false} size="lg" />
      <span className="s-sector__pct num">
        <AnimatedNumber id={`sector:${sector.id}`} value={sector.progress} format={(v) => formatPercent(v, locale)} />
      </span>
      <span className="s-sector__behind num">
        <SectorStatus counts={sector.counts} />
      </span>
    </li>
  );
}

/** Headline KPI tiles over the ten sectors' progress against pace. */
export function OverviewSlide({ summary }: { summary: SummaryResponse }) {
  const { t } = useTranslation();
  return (
    <div className="s-overview">
      {summary.headlines.length > 0 && (
        <section aria-labelledby="s-headlines">
          <h2 id="s-headlines" className="visually-hidden">
            {t('screen.headlines')}
          </h2>
          <div className="s-kpis" data-count={Math.min(8, summary.headlines.length)}>
            {summary.headlines.slice(0, 8).map((h) => (
              <ScreenKpi key={h.key} headline={h} />
            ))}
          </div>
        </section>
      )}
      <section className="s-panel s-sectors-panel" aria-labelledby="s-sectors">
        <div className="s-panel__head">
          <h2 id="s-sectors" className="s-panel__title">
            {t('screen.sectors')}
          </h2>
          <p className="s-legend">
            <span className="s-legend__marker" aria-hidden="true" />
            {t('demo.legendExpected')}
          </p>
        </div>
        <ol className="s-sectors">
          {summary.sectors.map((s) => (
            <SectorRow key={s.id} sector={s} />
          ))}
        </ol>
      </section>
    </div>
  );
}
