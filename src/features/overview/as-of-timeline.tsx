import { useSummary } from '../../api/get-summary';
import { formatDate } from '../../domain/format';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import type { OverviewFilters } from './use-overview-filters';

/**
 * A slider over the report dates (newest by default). The dates come from the summary without an
 * as-of date, which is the newest view's own query (cached), so moving the slider never waits on it.
 */
export function AsOfTimeline({
  filters,
  onChange,
}: {
  filters: OverviewFilters;
  onChange: (asOf: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const timeline = useSummary({ plan: filters.plan, district: filters.district, department: filters.department });
  const dates = timeline.data?.reportDates ?? [];
  if (dates.length === 0) return null;
  const last = dates.length - 1;
  const found = filters.asOf ? dates.indexOf(filters.asOf) : last;
  const index = found === -1 ? last : found;
  const current = filters.asOf ?? dates[last] ?? '';
  const go = (i: number) => {
    const clamped = Math.max(0, Math.min(last, i));
    onChange(clamped === last ? undefined : dates[clamped]);
  };
  return (
    <div className="field timeline">
      <label className="field__label" htmlFor="as-of-range">
        {t('overview.asOfLabel')}
      </label>
      <div className="timeline__row">
        <button
          type="button"
          className="icon-button"
          onClick={() => go(index - 1)}
          disabled={index === 0}
          aria-label={t('overview.previousDate')}
        >
          ‹
        </button>
        <input
          id="as-of-range"
          type="range"
          min={0}
          max={last}
          step={1}
          value={index}
          aria-valuetext={formatDate(current, locale)}
          onChange={(e) => go(Number(e.target.value))}
        />
        <button
          type="button"
          className="icon-button"
          onClick={() => go(index + 1)}
          disabled={index === last}
          aria-label={t('overview.nextDate')}
        >
          ›
        </button>
        <output htmlFor="as-of-range" className="timeline__date num">
          {formatDate(current, locale)}
          {index === last && <span className="timeline__newest">{t('overview.newest')}</span>}
        </output>
      </div>
    </div>
  );
}
