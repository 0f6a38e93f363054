import { Link, useLocation } from 'react-router';
import { usePlans } from '../api/get-plans';
import type { FilterParam, UnknownFilter } from '../domain/query';
import { STATUSES, type Status } from '../domain/schemas';
import { SECTORS } from '../domain/sectors';
import { useTranslation } from '../i18n/use-translation';

/** How a filter's value reads to a person: a plan's title, a sector's or a status's name; else the value. */
export function useFilterValueLabel(param: FilterParam): (value: string) => string {
  const { t, locale } = useTranslation();
  const plans = usePlans();
  return (value) => {
    if (param === 'plan') return plans.data?.items.find((p) => p.id === value)?.title ?? value;
    if (param === 'sector') {
      const sector = SECTORS.find((s) => s.id === value);
      return sector ? (locale === 'en' ? sector.nameEn : sector.name) : value;
    }
    if (param === 'status' && (STATUSES as readonly string[]).includes(value)) return t(`status.${value as Status}`);
    return value;
  };
}

/** The current address with one parameter set to `value`, or removed (`undefined`). */
function useHrefWithParam(param: string): (value: string | undefined) => string {
  const { pathname, search } = useLocation();
  return (value) => {
    const next = new URLSearchParams(search);
    if (value === undefined) next.delete(param);
    else next.set(param, value);
    const s = next.toString();
    return s ? `${pathname}?${s}` : pathname;
  };
}

/**
 * A filter in the link names nothing (`?district=崂山`): said plainly, in place of the board, with a
 * way to clear it and the values it could have meant. An empty board here would read as all-clear.
 */
export function UnknownFilterNotice({ filter }: { filter: UnknownFilter }) {
  const { t } = useTranslation();
  const label = useFilterValueLabel(filter.param);
  const hrefWith = useHrefWithParam(filter.param);
  const param = t(`unknownFilter.param.${filter.param}`);
  return (
    <div className="error-panel unknown-filter" role="alert">
      <div className="error-panel__body">
        <strong className="error-panel__title">{t('unknownFilter.title', { param, value: filter.value })}</strong>
        <p className="error-panel__message">{t('unknownFilter.message')}</p>
        {filter.allowed.length > 0 && (
          <details className="error-panel__details">
            <summary>{t('unknownFilter.options', { param, count: filter.allowed.length })}</summary>
            <ul className="unknown-filter__options">
              {filter.allowed.map((v) => (
                <li key={v}>
                  <Link to={hrefWith(v)}>{label(v)}</Link>
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <Link className="button" to={hrefWith(undefined)}>
        {t('unknownFilter.clear', { param })}
      </Link>
    </div>
  );
}
