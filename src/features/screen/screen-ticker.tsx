import { useEffect, useState } from 'react';
import type { TargetWithStateDto } from '../../domain/api';
import { gapText } from '../../domain/figures';
import { useTranslation } from '../../i18n/use-translation';
import { StatusIcon } from '../../ui/status-icon';
import { useReducedMotion } from './use-reduced-motion';

/** Pixels per second the ticker moves: readable from across a room, calm enough for hours. */
const SPEED_PX_S = 110;
/** Rough width of one character at the ticker's 28 px, to time the loop without measuring. */
const CHAR_PX = 26;
const STEP_MS = 8_000;

function TickerItem({ item }: { item: TargetWithStateDto }) {
  const { t, locale } = useTranslation();
  return (
    <li className="ticker__item" data-status={item.state.status}>
      <span className="ticker__status">
        <StatusIcon status={item.state.status} />
        {t(`status.${item.state.status}`)}
      </span>
      <span className="ticker__title">{item.title}</span>
      <span className="ticker__gap num">{gapText(item, item.state, locale)}</span>
    </li>
  );
}

/**
 * The lagging targets, scrolling along the bottom of the screen (CSS animation, no timers). Under
 * prefers-reduced-motion it does not scroll: it shows one target at a time and steps every 8 s.
 */
export function ScreenTicker({
  warnings = [],
  demo,
  loading = false,
}: {
  warnings?: TargetWithStateDto[] | undefined;
  demo: boolean;
  loading?: boolean;
}) {
  const { t } = useTranslation();
  const reduced = useReducedMotion();
  const [step, setStep] = useState(0);
  useEffect(() => {
    if (!reduced || warnings.length <= 1) return;
    const timer = setInterval(() => setStep((s) => s + 1), STEP_MS);
    return () => clearInterval(timer);
  }, [reduced, warnings.length]);

  const chars = warnings.reduce((n, w) => n + w.title.length + 16, 0);
  const duration = Math.max(20, (chars * CHAR_PX) / SPEED_PX_S);
  const one = warnings.length > 0 ? warnings[step % warnings.length] : undefined;
  return (
    <footer className="screen-foot">
      <p className="ticker__label">
        <StatusIcon status="severe" />
        {t('screen.ticker')}
      </p>
      <section className="ticker" aria-label={t('screen.tickerLabel')}>
        {loading ? null : warnings.length === 0 ? (
          <p className="ticker__empty">{t('screen.noWarnings')}</p>
        ) : reduced ? (
          <ul className="ticker__static">{one && <TickerItem item={one} />}</ul>
        ) : (
          <div className="ticker__track" data-marquee="" style={{ animationDuration: `${duration}s` }}>
            <ul className="ticker__run">
              {warnings.map((w) => (
                <TickerItem key={w.id} item={w} />
              ))}
            </ul>
            <ul className="ticker__run" aria-hidden="true">
              {warnings.map((w) => (
                <TickerItem key={w.id} item={w} />
              ))}
            </ul>
          </div>
        )}
      </section>
      {demo && (
        <p className="screen-demo" title={t('screen.demoCornerLabel')}>
          {t('screen.demoCorner')}
          <span className="visually-hidden">：{t('screen.demoCornerLabel')}</span>
        </p>
      )}
    </footer>
  );
}
