import type { Freshness } from '../api/use-freshness';
import { formatDate, formatTime } from '../domain/format';
import { useTranslation } from '../i18n/use-translation';
import { useLocale } from '../stores/ui-store';
import type { DataDate } from './data-date';
import { KeepWhole } from './keep-whole';

/** Warning triangle: an old data date is said in words and shape, not by colour alone. */
const WARN_ICON =
  'M8.9 1.9a1 1 0 0 0-1.8 0L.9 13a1 1 0 0 0 .9 1.5h12.4a1 1 0 0 0 .9-1.5L8.9 1.9ZM8 5.2c.4 0 .7.3.7.7v3.6a.7.7 0 0 1-1.4 0V5.9c0-.4.3-.7.7-.7Zm0 6.1a.85.85 0 1 1 0 1.7.85.85 0 0 1 0-1.7Z';

/**
 * "数据截至 2025年12月26日": the date the figures describe, in the warning style with the days
 * since when no newer figure has come in for more than a reporting cycle ("· 已 343 天未更新").
 */
export function DataDateNote({ dataDate }: { dataDate: DataDate }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { asOf, staleDays } = dataDate;
  const date = formatDate(asOf, locale);
  return (
    <p className="data-date num" data-stale={staleDays !== null || undefined}>
      {staleDays !== null && (
        <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
          <path d={WARN_ICON} fill="currentColor" fillRule="evenodd" />
        </svg>
      )}
      {/* One flex item: the date kept whole inside it, not a second item set apart by the gap. */}
      <span>
        <KeepWhole text={t('freshness.dataAsOf', { date })} pieces={[date]} />
        {staleDays !== null && ` · ${t('freshness.stale', { days: staleDays })}`}
      </span>
    </p>
  );
}

/**
 * Two different things, told apart: what date the data describes (`dataDate`, when the page knows
 * it) and when the page last fetched it ("页面刷新于 HH:mm": neutral while refreshes succeed, amber
 * after one failed refresh, red after two). The data on screen stays; the badge says how old it is.
 */
export function FreshnessBadge({ freshness, dataDate }: { freshness: Freshness; dataDate?: DataDate | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { updatedAt, failures, refreshing, refresh } = freshness;
  const level = failures >= 2 ? 'down' : failures === 1 ? 'warn' : 'ok';
  const time = formatTime(updatedAt, locale);
  const text =
    updatedAt === 0
      ? // Nothing arrived yet: still loading, or (say, reading needs a sign-in) not loaded at all.
        t(failures > 0 ? 'freshness.notLoaded' : 'freshness.loading')
      : level === 'down'
        ? t('freshness.failedTwice', { time })
        : level === 'warn'
          ? t('freshness.failedOnce', { time })
          : t('freshness.updated', { time });
  return (
    <div className="freshness-group">
      {dataDate && <DataDateNote dataDate={dataDate} />}
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
          <svg
            viewBox="0 0 16 16"
            width="14"
            height="14"
            aria-hidden="true"
            className={refreshing ? 'spin' : undefined}
          >
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
    </div>
  );
}
