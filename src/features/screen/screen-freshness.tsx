import type { Freshness } from '../../api/use-freshness';
import { formatDate, formatTime } from '../../domain/format';
import { useTranslation } from '../../i18n/use-translation';
import type { DataDate } from '../../ui/data-date';

const ICONS = {
  ok: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm3.2 4.6-3.9 4.6a.7.7 0 0 1-1 .05L4.6 9a.7.7 0 1 1 1-1l1.1 1.1 3.4-4a.7.7 0 0 1 1.1.95Z',
  warn: 'M8.9 1.9a1 1 0 0 0-1.8 0L.9 13a1 1 0 0 0 .9 1.5h12.4a1 1 0 0 0 .9-1.5L8.9 1.9ZM8 5.2c.4 0 .7.3.7.7v3.6a.7.7 0 0 1-1.4 0V5.9c0-.4.3-.7.7-.7Zm0 6.1a.85.85 0 1 1 0 1.7.85.85 0 0 1 0-1.7Z',
  down: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm2.6 3.9a.7.7 0 0 1 0 1L9 8l1.6 1.6a.7.7 0 1 1-1 1L8 9 6.4 10.6a.7.7 0 1 1-1-1L7 8 5.4 6.4a.7.7 0 0 1 1-1L8 7l1.6-1.6a.7.7 0 0 1 1 0Z',
} as const;

/**
 * The date the figures describe, "数据截至 2025年12月26日"; once no newer figure has come in for
 * more than a reporting cycle, amber with a warning sign and the words "· 已 343 天未更新".
 */
export function ScreenDataDate({ dataDate }: { dataDate: DataDate }) {
  const { t, locale } = useTranslation();
  const stale = dataDate.staleDays !== null;
  return (
    <p className="screen-head__asof num" data-stale={stale || undefined}>
      {stale && (
        <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
          <path d={ICONS.warn} fill="currentColor" fillRule="evenodd" />
        </svg>
      )}
      {t('freshness.dataAsOf', { date: formatDate(dataDate.asOf, locale) })}
      {stale && ` · ${t('freshness.stale', { days: dataDate.staleDays ?? 0 })}`}
    </p>
  );
}

/**
 * Always visible: when the page last fetched the data on screen ("页面刷新于 HH:mm"). After one failed refresh it turns amber and says
 * the connection is lost, after two red with the count; the data itself stays on screen.
 */
export function ScreenFreshness({ freshness }: { freshness: Freshness }) {
  const { t, locale } = useTranslation();
  const { updatedAt, failures } = freshness;
  const level = failures >= 2 ? 'down' : failures === 1 ? 'warn' : 'ok';
  const time = formatTime(updatedAt, locale);
  const text =
    updatedAt === 0
      ? t('screen.connecting')
      : level === 'down'
        ? t('screen.disconnectedAgain', { time, count: failures })
        : level === 'warn'
          ? t('screen.disconnected', { time })
          : t('screen.updated', { time });
  return (
    <p className="screen-fresh" data-level={level} role="status">
      <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
        <path d={ICONS[level]} fill="currentColor" fillRule="evenodd" />
      </svg>
      <span className="num">{text}</span>
    </p>
  );
}
