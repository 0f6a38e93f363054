import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { targetsQueryOptions } from '../../api/get-targets';
import type { TargetsParams } from '../../api/query-keys';
import type { SectorSummary, TargetsResponse } from '../../domain/api';
import { shownDifference } from '../../domain/figures';
import { formatPercent, formatPp } from '../../domain/format';
import { STATUSES } from '../../domain/schemas';
import { SECTORS } from '../../domain/sectors';
import { useTranslation } from '../../i18n/use-translation';
import { ProgressBar } from '../../ui/progress-bar';
import { StatusIcon } from '../../ui/status-icon';
import { AnimatedNumber } from './animated-number';
import { byAttention } from './playlist';
import { TargetRow } from './target-row';
import { useFitCount } from './use-fit-count';

const MAX_ROWS = 8;
/** Module-level, so TanStack Query keeps the selected array (and the fitted row count) between renders. */
const selectByAttention = (d: TargetsResponse) => byAttention(d.items);
const NO_TARGETS: TargetsResponse['items'] = [];

/** The sector's heading as the city work report writes it ("在全方位扩大内需上聚力攻坚求实效"). */
function sectorHeading(id: string, locale: string): string {
  const s = SECTORS.find((x) => x.id === id);
  return s && locale !== 'en' ? s.heading : '';
}

function SectorSide({ sector }: { sector: SectorSummary }) {
  const { t, locale } = useTranslation();
  const name = locale === 'en' ? sector.nameEn : sector.name;
  const heading = sectorHeading(sector.id, locale);
  const gap = shownDifference(sector.progress, sector.expected);
  return (
    <section className="s-panel s-side" aria-labelledby="s-side-title">
      <h2 id="s-side-title" className="s-panel__title">
        {t('screen.sectorProgress')}
      </h2>
      <p className="s-side__pct num">
        <AnimatedNumber id={`sector:${sector.id}`} value={sector.progress} format={(v) => formatPercent(v, locale)} />
      </p>
      <ProgressBar progress={sector.progress} expected={sector.expected} name={name} showValue={false} size="lg" />
      <p className="s-side__pace num">
        {t('screen.expected', { value: formatPercent(sector.expected, locale) })}
        {gap !== null && <span> · {t('screen.gap', { gap: formatPp(gap, locale) })}</span>}
      </p>
      <h3 className="s-side__sub">{t('screen.byStatus')}</h3>
      <ul className="s-counts">
        {STATUSES.filter((s) => sector.counts[s] > 0).map((s) => (
          <li key={s} data-status={s}>
            <StatusIcon status={s} />
            <span className="s-counts__label">{t(`status.${s}`)}</span>
            <span className="s-counts__n num">{t('screen.count', { count: sector.counts[s] })}</span>
          </li>
        ))}
      </ul>
      {heading && <p className="s-side__heading">{heading}</p>}
    </section>
  );
}

/** One sector: its progress and status counts beside its targets, those furthest behind first. */
export function SectorSlide({
  sector,
  params,
  refreshMs,
}: {
  sector: SectorSummary;
  params: TargetsParams;
  refreshMs: number;
}) {
  const { t } = useTranslation();
  const targets = useQuery({
    ...targetsQueryOptions({ ...params, sector: sector.id as TargetsParams['sector'] }),
    refetchInterval: refreshMs,
    refetchIntervalInBackground: true,
    select: selectByAttention,
  });
  const items = targets.data ?? NO_TARGETS;
  const box = useRef<HTMLOListElement>(null);
  const shown = useFitCount(items, MAX_ROWS, box);
  return (
    <div className="s-sector-slide">
      <SectorSide sector={sector} />
      <section className="s-panel s-list" aria-labelledby="s-list-title">
        <div className="s-panel__head">
          <h2 id="s-list-title" className="s-panel__title">
            {targets.data
              ? shown < items.length
                ? t('screen.shownOf', { shown, total: items.length })
                : t('screen.allOf', { total: items.length })
              : targets.isError
                ? t('error.network')
                : t('freshness.loading')}
          </h2>
        </div>
        <ol className="s-rows" ref={box}>
          {items.slice(0, shown).map((item) => (
            <TargetRow key={item.id} item={item} detail="sector" />
          ))}
        </ol>
      </section>
    </div>
  );
}
