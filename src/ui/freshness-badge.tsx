import type { Freshness } from '../api/use-freshness';
import { formatTime } from '../domain/format';
import { useTranslation } from '../i18n/use-translation';
import { useLocale } from '../stores/ui-store';

/**
 * "数据更新于 HH:mm": neutral while refreshes succeed, amber after one failed refresh, red after two.
 * The data on screen stays; the badge says how old it is.
 */
export function FreshnessBadge({ freshness }: { freshness: Freshness }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { updatedAt, failures, refreshing, refresh } = freshness;
  const level = failures >= 2 ? 'down' : failures === 1 ? 'warn' : 'ok';
  const time = formatTime(updatedAt, locale);
  const text =
    updatedAt === 0
      ? t('freshness.loading')
      : level === 'down'
        ? t('freshness.failedTwice', { time })
        : level === 'warn'
          ? t('freshness.failedOnce', { time })
          : t('freshness.updated', { time });
  return (
    <div className="freshness" data-level={level}>
      <span role="status" className="freshness__text">
        <span className="freshness__dot" aria-hidden="true" />
        {text}
        {refreshing && updatedAt !== 0 && <span className="visually-hidden">{t('freshness.refreshing')}</span>}
      </span>
      <button
        type="button"
        className="icon-button"
        onClick={refresh}
        disabled={refreshing}
        title={t('freshness.refresh')}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" className={refreshing ? 'spin' : undefined}>
          <path
            d="M13.5 8a5.5 5.5 0 1 1-1.6-3.9M13.5 2.5v3h-3"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <span className="visually-hidden">{t('freshness.refresh')}</span>
      </button>
    </div>
  );
}
