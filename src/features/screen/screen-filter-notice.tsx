import type { UnknownFilter } from '../../domain/query';
import { useTranslation } from '../../i18n/use-translation';
import { useFilterValueLabel } from '../../ui/unknown-filter-notice';
import './screen-filter-notice.css';

/** At most this many valid values are listed: readable from across a room (a city has ~60 departments). */
const MAX_SHOWN = 24;

/**
 * The wall's link filters by a value that names nothing (`/screen?district=崂山`): said in large type
 * in place of the slides and the ticker, which would otherwise show an empty, all-clear board.
 */
export function ScreenFilterNotice({ filter }: { filter: UnknownFilter }) {
  const { t, locale } = useTranslation();
  const label = useFilterValueLabel(filter.param);
  const param = t(`unknownFilter.param.${filter.param}`);
  // As typed in the link, named where the value is an id (marine, qd-2025): the wall has no links to click.
  const named = (v: string, l: string) => (l === v ? v : locale === 'en' ? `${v} (${l})` : `${v}（${l}）`);
  const shown = filter.allowed.slice(0, MAX_SHOWN).map((v) => named(v, label(v)));
  const rest = filter.allowed.length - shown.length;
  const values = rest > 0 ? [...shown, t('unknownFilter.more', { count: rest })] : shown;
  return (
    <div className="screen-notice" role="alert">
      <p className="screen-notice__title">{t('unknownFilter.title', { param, value: filter.value })}</p>
      <p className="screen-notice__message">
        {t('unknownFilter.screenMessage', { key: filter.param === 'sector' ? 'sectors' : filter.param })}
      </p>
      {values.length > 0 && (
        <p className="screen-notice__options">{t('unknownFilter.screenOptions', { values: values.join(' · ') })}</p>
      )}
    </div>
  );
}
