import type { Status } from '../domain/schemas';
import { useTranslation } from '../i18n/use-translation';
import { StatusIcon } from './status-icon';

/**
 * Status as text, icon and colour together. `forecastMiss`: the forecast's verdict beside it
 * ("正常 · 预计难完成"), so no view shows a calm status beside a projection that misses.
 */
export function StatusBadge({ status, forecastMiss = false }: { status: Status; forecastMiss?: boolean | undefined }) {
  const { t } = useTranslation();
  return (
    <span className="status-badges">
      <span className="status-badge" data-status={status}>
        <StatusIcon status={status} />
        <span>{t(`status.${status}`)}</span>
      </span>
      {forecastMiss && <ForecastBadge />}
    </span>
  );
}

/** "预计难完成": the forecast's verdict, in words with an arrow, explained on hover. */
export function ForecastBadge() {
  const { t } = useTranslation();
  return (
    <span className="status-badge status-badge--forecast" data-forecast="miss" title={t('common.forecastMissHint')}>
      <span aria-hidden="true">↘</span>
      <span>{t('common.forecastMiss')}</span>
    </span>
  );
}
