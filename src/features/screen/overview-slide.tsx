import type { SectorSummary, SummaryResponse } from '../../domain/api';
import { formatPercent } from '../../domain/format';
import { useTranslation } from '../../i18n/use-translation';
import { ProgressBar } from '../../ui/progress-bar';
import { StatusIcon } from '../../ui/status-icon';
import { AnimatedNumber } from './animated-number';
import { ScreenKpi } from './screen-kpi';

function SectorRow({ sector }: { sector: SectorSummary }) {
  const { t, locale } = useTranslation();
  const name = locale === 'en' ? sector.nameEn : sector.name;
  const behind = sector.counts.severe + sector.counts.lagging;
  const worst = sector.counts.severe > 0 ? 'severe' : behind > 0 ? 'lagging' : 'on_track';
  return (
    <li className="s-sector">
      <span className="s-sector__name">{name}</span>
      <ProgressBar progress={sector.progress} expected={sector.expected} name={name} showValue={false} size="lg" />
      <span className="s-sector__pct num">
        <AnimatedNumber id={`sector:${sector.id}`} value={sector.progress} format={(v) => formatPercent(v, locale)} />
      </span>
      <span className="s-sector__behind num" data-status={worst}>
        <StatusIcon status={worst} />
        {behind > 0 ? t('screen.behind', { count: behind }) : t('status.on_track')}
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
