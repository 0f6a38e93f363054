import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { useReducedMotion } from './use-reduced-motion';

/**
 * The last value each figure showed, by a stable id, for as long as the screen runs. A slide that
 * comes round again animates from what the audience last saw, never from 0. Bounded: one entry per
 * figure on the playlist.
 */
const MemoryContext = createContext<Map<string, number> | null>(null);

export function NumberMemoryProvider({ children }: { children: ReactNode }) {
  const [memory] = useState(() => new Map<string, number>());
  return <MemoryContext.Provider value={memory}>{children}</MemoryContext.Provider>;
}

export const ANIMATION_MS = 900;
const ease = (x: number) => 1 - (1 - x) ** 3;

/**
 * A number that eases from its previous value to the new one (on refresh, and when its slide
 * returns). Not at all under prefers-reduced-motion, and never from 0 on first sight.
 */
export function AnimatedNumber({
  id,
  value,
  format,
  render = (text) => text,
}: {
  id: string;
  value: number | null;
  format: (value: number | null) => string;
  /** Lays out the formatted text (e.g. a smaller unit). */
  render?: (text: string) => ReactNode;
}) {
  const memory = useContext(MemoryContext);
  const reduced = useReducedMotion();
  const [shown, setShown] = useState<number | null>(() => {
    const before = memory?.get(id);
    return before !== undefined && !reduced ? before : value;
  });
  const shownRef = useRef(shown);
  shownRef.current = shown;

  useEffect(() => {
    if (value === null) {
      setShown(null);
      return;
    }
    memory?.set(id, value);
    const from = shownRef.current;
    if (reduced || from === null || from === value || typeof requestAnimationFrame !== 'function') {
      setShown(value);
      return;
    }
    let frame = 0;
    let start: number | null = null;
    const step = (t: number) => {
      start ??= t;
      const x = Math.min(1, (t - start) / ANIMATION_MS);
      setShown(x >= 1 ? value : from + (value - from) * ease(x));
      if (x < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [id, value, reduced, memory]);

  return <>{render(format(shown))}</>;
}
