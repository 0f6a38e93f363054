import type { Freshness } from '../../api/use-freshness';
import { formatDate, formatShortDate, formatTime, formatWeekday } from '../../domain/format';
import { useTranslation } from '../../i18n/use-translation';
import { ScreenFreshness } from './screen-freshness';
import { useReducedMotion } from './use-reduced-motion';
import type { WallClock } from './use-wall-clock';

export interface SlidePosition {
  index: number;
  total: number;
  paused: boolean;
  /** Restarts the progress line on every move. */
  moves: number;
  rotateMs: number;
}

/** Title of the slide, what is shown (plan, district, as-of), the data's freshness and the clock. */
export function ScreenHeader({
  title,
  scope,
  asOf,
  freshness,
  clock,
  position,
}: {
  title: string;
  scope: string;
  asOf: string | undefined;
  freshness: Freshness;
  clock: WallClock;
  position: SlidePosition;
}) {
  const { t, locale } = useTranslation();
  const reducedMotion = useReducedMotion();
  return (
    <header className="screen-head">
      <div className="screen-head__title">
        <p className="screen-head__app">
          <span className="screen-head__mark" aria-hidden="true" />
          {t('app.title')}
          <span className="screen-head__scope">{scope}</span>
        </p>
        <h1 className="screen-head__slide">{title}</h1>
      </div>
      <div className="screen-head__data">
        {asOf && <p className="screen-head__asof num">{t('screen.asOf', { date: formatDate(asOf, locale) })}</p>}
        <ScreenFreshness freshness={freshness} />
      </div>
      <div className="screen-head__clock">
        <p className="screen-clock num">
          <time dateTime={new Date(clock.minute).toISOString()}>{formatTime(clock.minute, locale)}</time>
        </p>
        <p className="screen-date">
          {formatShortDate(clock.day, locale)} {formatWeekday(clock.day, locale)}
        </p>
      </div>
      <div className="screen-head__pager">
        {position.paused && <span className="screen-paused">{t('screen.paused')}</span>}
        <span className="num" aria-hidden="true">
          {t('screen.slideOf', { index: position.index + 1, total: position.total })}
        </span>
        <span className="visually-hidden">
          {t('screen.slideOfLabel', { index: position.index + 1, total: position.total })}
        </span>
      </div>
      {!reducedMotion && (
        <div className="screen-head__progress" aria-hidden="true">
          <span
            key={position.moves}
            className="screen-head__progress-fill"
            style={{
              animationDuration: `${position.rotateMs}ms`,
              animationPlayState: position.paused ? 'paused' : 'running',
            }}
          />
        </div>
      )}
    </header>
  );
}
