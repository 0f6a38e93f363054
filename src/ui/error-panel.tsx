import { isApiError } from '../api/api-error';
import { useTranslation } from '../i18n/use-translation';

/** What a person sees when data could not be loaded: what happened, in plain words, and a way to retry. */
export function ErrorPanel({
  error,
  onRetry,
  compact = false,
}: {
  error: unknown;
  onRetry?: () => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const api = isApiError(error) ? error : null;
  const title =
    api?.kind === 'network'
      ? t('error.network')
      : api?.kind === 'schema'
        ? t('error.schema')
        : api?.status === 404
          ? t('error.notFound')
          : t('error.http');
  const message = api?.message ?? (error instanceof Error ? error.message : String(error));
  return (
    <div className={`error-panel${compact ? ' error-panel--compact' : ''}`} role="alert">
      <div className="error-panel__body">
        <strong className="error-panel__title">{title}</strong>
        <p className="error-panel__message">{message}</p>
        {api?.detail && api.detail !== message && (
          <details className="error-panel__details">
            <summary>{t('error.details')}</summary>
            <code>{api.detail}</code>
          </details>
        )}
      </div>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}
