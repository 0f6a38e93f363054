import { formatPp } from '../domain/format';
import { useTranslation } from '../i18n/use-translation';
import { useLocale } from '../stores/ui-store';

/**
 * ▲/▼ change since last week, in 个百分点: of 完成率, or of a rate itself (figures.ts `changeOf`),
 * with the digits its gap is written with. Nothing when the change is unknown.
 */
export function Delta({ change, digits = 1 }: { change: number | null; digits?: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (change === null || !Number.isFinite(change)) return null;
  const f = 10 ** (digits + 2);
  const diff = Math.round(change * f) / f;
  const dir = diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat';
  const arrow = dir === 'up' ? '▲' : dir === 'down' ? '▼' : '■';
  return (
    <span className="delta num" data-dir={dir}>
      <span aria-hidden="true">{arrow}</span> {t('common.sinceLastWeek')} {formatPp(diff, locale, digits)}
    </span>
  );
}
