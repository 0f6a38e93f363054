import { useEffect, useRef, useState } from 'react';
import { useNow } from '../../ui/use-now';
import { minuteKey, nextDailyInstant, shanghaiDay } from './wall-clock';

export interface WallClock {
  /** The current minute (ms since epoch, floored to the minute): re-renders once a minute. */
  minute: number;
  /** Today on the Asia/Shanghai calendar. */
  day: string;
}

/**
 * The screen's clock: one 1 s interval over the injected `now`, which re-renders only when the
 * minute changes, calls `onDayChange` when the Shanghai date rolls over and `onNightly` once the
 * nightly reload time has passed (checked on every tick, so a PC waking from sleep catches up).
 */
export function useWallClock({
  nightlyMinute,
  onDayChange,
  onNightly,
}: {
  nightlyMinute: number | null;
  onDayChange: (day: string) => void;
  onNightly: () => void;
}): WallClock {
  const now = useNow();
  const [clock, setClock] = useState<WallClock>(() => {
    const t = now().getTime();
    return { minute: minuteKey(t) * 60_000 - 8 * 3_600_000, day: shanghaiDay(t) };
  });
  const callbacks = useRef({ onDayChange, onNightly });
  callbacks.current = { onDayChange, onNightly };

  useEffect(() => {
    const start = now().getTime();
    const nightlyAt = nightlyMinute === null ? null : nextDailyInstant(start, nightlyMinute);
    let lastDay = shanghaiDay(start);
    let lastMinute = minuteKey(start);
    let nightlyDone = false;
    const tick = () => {
      const t = now().getTime();
      const m = minuteKey(t);
      if (m !== lastMinute) {
        lastMinute = m;
        const day = shanghaiDay(t);
        setClock({ minute: m * 60_000 - 8 * 3_600_000, day });
        if (day !== lastDay) {
          lastDay = day;
          callbacks.current.onDayChange(day);
        }
      }
      if (nightlyAt !== null && !nightlyDone && t >= nightlyAt) {
        nightlyDone = true;
        callbacks.current.onNightly();
      }
    };
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [now, nightlyMinute]);

  return clock;
}
