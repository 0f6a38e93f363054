import { formatPp } from '../domain/format';
import { useTranslation } from '../i18n/use-translation';
import { useLocale } from '../stores/ui-store';

/** ▲/▼ change of progress since last week, in percentage points. */
export function Delta({ now, before }: { now: number | null; before: number | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (now === null || before === null) return null;
  const diff = Math.round((now - before) * 1000) / 1000;
  const dir = diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat';
  const arrow = dir === 'up' ? '▲' : dir === 'down' ? '▼' : '■';
  return (
    <span className="delta num" data-dir={dir}>
      <span aria-hidden="true">{arrow}</span> {t('common.sinceLastWeek')} {formatPp(diff, locale)}
    </span>
  );
}
