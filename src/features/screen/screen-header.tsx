import type { Freshness } from '../../api/use-freshness';
import { formatShortDate, formatTime, formatWeekday } from '../../domain/format';
import { useTranslation } from '../../i18n/use-translation';
import { dataDateOf } from '../../ui/data-date';
import { ScreenDataDate, ScreenFreshness } from './screen-freshness';
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

/**
 * Title of the slide, what is shown (plan, district), the date the data describes (amber with the
 * days since, once older than a reporting cycle), when the page last refreshed, and the clock.
 */
export function ScreenHeader({
  title,
  scope,
  pending,
  asOf,
  newestAsOf,
  freshness,
  clock,
  position,
}: {
  title: string;
  scope: string;
  /** "含初报": the wall counts figures still waiting for review (`includePending=1`). */
  pending?: boolean | undefined;
  asOf: string | undefined;
  /** The newest figure's date (the summary's `freshness.latestReportAsOf`); the as-of date if not given. */
  newestAsOf?: string | null | undefined;
  freshness: Freshness;
  clock: WallClock;
  position: SlidePosition;
}) {
  const { t, locale } = useTranslation();
  const reducedMotion = useReducedMotion();
  // The wall's own Shanghai day: the "已 N 天未更新" count moves on at midnight with the clock.
  const dataDate = asOf ? dataDateOf(asOf, newestAsOf === undefined ? asOf : newestAsOf, clock.day) : null;
  return (
    <header className="screen-head">
      <div className="screen-head__title">
        <p className="screen-head__app">
          <span className="screen-head__mark" aria-hidden="true" />
          {t('app.title')}
          <span className="screen-head__scope">{scope}</span>
          {pending && <span className="screen-head__pending">{t('pendingWall.header')}</span>}
        </p>
        <h1 className="screen-head__slide">{title}</h1>
      </div>
      <div className="screen-head__data">
        {dataDate && <ScreenDataDate dataDate={dataDate} />}
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
