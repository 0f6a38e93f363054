import { shownRunRate } from '../domain/figures';
import type { Locale } from '../domain/format';
import { formatRate, formatRateQuantity } from '../domain/format';
import type { RequiredRate } from '../domain/schemas';
import type { TFunction } from '../i18n/use-translation';

/**
 * "还需每周 1.93万人，近四周平均 275人": the run-rate still needed beside the one actually achieved,
 * with the digits the review's 实际/所需 is divided from (`shownRunRate`), so both read the same.
 */
export function formatRunRate(rate: RequiredRate, locale: Locale, t: TFunction): string {
  const run = shownRunRate(rate);
  const needed = t('overview.needed', { rate: formatRate(run.needed, run.unit, 'week', locale) });
  if (run.recent === null) return needed;
  const recent =
    locale === 'en'
      ? formatRate(run.recent, run.unit, 'week', locale)
      : formatRateQuantity(run.recent, run.unit, locale);
  return `${needed}${locale === 'en' ? '; ' : '，'}${t('overview.recent', { rate: recent })}`;
}
