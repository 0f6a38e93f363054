import { roundRate } from '../domain/figures';
import type { Locale } from '../domain/format';
import { formatQuantityFit, formatRate } from '../domain/format';
import type { RequiredRate, Target } from '../domain/schemas';
import type { TFunction } from '../i18n/use-translation';

/**
 * "还需每周 1.93万人，近四周平均 275人": the run-rate still needed beside the one actually achieved,
 * rounded as every derived figure is (whole counts, the target's own precision).
 */
export function formatRunRate(
  rate: RequiredRate,
  locale: Locale,
  t: TFunction,
  target: Pick<Target, 'kind' | 'unit' | 'target' | 'comparator'>,
): string {
  const needed = t('overview.needed', {
    rate: formatRate(roundRate(target, rate.perWeek), rate.unit, 'week', locale),
  });
  if (rate.recentPerWeek === null) return needed;
  const recentValue = roundRate(target, rate.recentPerWeek);
  const recent =
    locale === 'en'
      ? formatRate(recentValue, rate.unit, 'week', locale)
      : formatQuantityFit(recentValue, rate.unit, locale);
  return `${needed}${locale === 'en' ? '; ' : '，'}${t('overview.recent', { rate: recent })}`;
}
