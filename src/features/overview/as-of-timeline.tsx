import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { summaryQueryOptions, useSummary } from '../../api/get-summary';
import { formatDate } from '../../domain/format';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import type { OverviewFilters } from './use-overview-filters';

/**
 * A slider over the report dates (newest by default). The dates come from the summary without an
 * as-of date, which is the newest view's own query (cached), so moving the slider never waits on it.
 *
 * While the reader is at the slider (it or its buttons focused, or the pointer over it), the weeks
 * either side of the shown one are fetched once the shown one is on screen, so stepping a week back
 * or forward (the arrow keys, ‹ ›) shows its figures at once instead of waiting on the server.
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
  const queryClient = useQueryClient();
  const scope = { plan: filters.plan, district: filters.district, department: filters.department };
  const timeline = useSummary(scope);
  const shown = useSummary({ ...scope, asOf: filters.asOf });
  const [engaged, setEngaged] = useState({ focus: false, pointer: false });
  const dates = timeline.data?.reportDates ?? [];
  const last = dates.length - 1;
  const found = filters.asOf ? dates.indexOf(filters.asOf) : last;
  const index = found === -1 ? last : found;
  const settled = shown.isSuccess && !shown.isPlaceholderData && !shown.isFetching;
  const neighbours = [index - 1, index + 1]
    .filter((i) => i >= 0 && i <= last)
    .map((i) => (i === last ? '' : (dates[i] ?? '')));
  const neighbourKey = neighbours.join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `neighbourKey` stands for `neighbours`; `scope`'s fields are listed
  useEffect(() => {
    if (!(engaged.focus || engaged.pointer) || !settled) return;
    for (const asOf of neighbours)
      void queryClient.prefetchQuery(summaryQueryOptions({ ...scope, asOf: asOf || undefined }));
  }, [
    engaged.focus,
    engaged.pointer,
    settled,
    neighbourKey,
    scope.plan,
    scope.district,
    scope.department,
    queryClient,
  ]);
  if (dates.length === 0) return null;
  const engage = {
    onFocus: () => setEngaged((e) => ({ ...e, focus: true })),
    onBlur: () => setEngaged((e) => ({ ...e, focus: false })),
    onPointerEnter: () => setEngaged((e) => ({ ...e, pointer: true })),
    onPointerLeave: () => setEngaged((e) => ({ ...e, pointer: false })),
  };
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
          {...engage}
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
          {...engage}
          onChange={(e) => go(Number(e.target.value))}
        />
        <button
          type="button"
          className="icon-button"
          {...engage}
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
