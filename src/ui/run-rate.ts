import type { Locale } from '../domain/format';
import { formatQuantityFit, formatRate } from '../domain/format';
import type { RequiredRate } from '../domain/schemas';
import type { TFunction } from '../i18n/use-translation';

/** "还需每周 1.93万人，近四周平均 275人": the run-rate still needed beside the one actually achieved. */
export function formatRunRate(rate: RequiredRate, locale: Locale, t: TFunction): string {
  const needed = t('overview.needed', { rate: formatRate(rate.perWeek, rate.unit, 'week', locale) });
  if (rate.recentPerWeek === null) return needed;
  const recent =
    locale === 'en'
      ? formatRate(rate.recentPerWeek, rate.unit, 'week', locale)
      : formatQuantityFit(rate.recentPerWeek, rate.unit, locale);
  return `${needed}${locale === 'en' ? '; ' : '，'}${t('overview.recent', { rate: recent })}`;
}
