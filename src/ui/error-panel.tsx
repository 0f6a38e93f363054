import { type ApiError, isApiError, NOT_JSON_DETAIL } from '../api/api-error';
import type { Locale } from '../domain/format';
import { paths } from '../domain/paths';
import type { TFunction } from '../i18n/use-translation';
import { useTranslation } from '../i18n/use-translation';

function titleOf(api: ApiError | null, t: TFunction): string {
  if (api?.kind === 'network') return t('error.network');
  if (api?.kind === 'schema') return t('error.schema');
  if (api?.status === 404) return t('error.notFound');
  if (api?.status === 401) return t('error.signInTitle');
  return t('error.http');
}

/** The message in the person's language, from the kind and status (ApiError's own message is Chinese). */
function messageOf(api: ApiError, t: TFunction, locale: Locale): string {
  if (api.kind === 'network') return t('error.networkMessage');
  if (api.kind === 'schema') return t(api.detail === NOT_JSON_DETAIL ? 'error.unreadable' : 'error.invalid');
  if (api.status >= 500) return t('error.serverMessage', { status: api.status });
  if (api.status === 401) return t('error.signInMessage');
  // The server's own words name the item or parameter; they are Chinese, so English readers get
  // a plain message and find them under the technical details.
  if (locale === 'zh-CN' && api.detail) return api.detail;
  return api.status === 404 ? t('error.notFoundMessage') : t('error.requestFailed', { status: api.status });
}

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
  const { t, locale } = useTranslation();
  const api = isApiError(error) ? error : null;
  const title = titleOf(api, t);
  const message = api ? messageOf(api, t, locale) : error instanceof Error ? error.message : String(error);
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
      {api?.status === 401 ? (
        // Reading needs a sign-in (READ_ACCESS=signed-in): the way in, coming back to this page.
        <a className="button button--primary" href={paths.signIn(window.location.pathname + window.location.search)}>
          {t('error.signInAction')}
        </a>
      ) : (
        onRetry && (
          <button type="button" className="button" onClick={onRetry}>
            {t('error.retry')}
          </button>
        )
      )}
    </div>
  );
}
