import { useCallback, useEffect, useReducer } from 'react';

interface State {
  index: number;
  /** Complete loops since the page loaded. */
  loops: number;
  paused: boolean;
  /** Bumped by every move, so the slide timer restarts even when the index stays (a one-slide list). */
  moves: number;
}

type Action = { type: 'next'; length: number } | { type: 'prev'; length: number } | { type: 'toggle' };

function reducer(s: State, a: Action): State {
  if (a.type === 'toggle') return { ...s, paused: !s.paused };
  if (a.length <= 0) return s;
  if (a.type === 'next') {
    const wrapped = s.index + 1 >= a.length;
    return { ...s, index: wrapped ? 0 : s.index + 1, loops: s.loops + (wrapped ? 1 : 0), moves: s.moves + 1 };
  }
  return { ...s, index: (s.index - 1 + a.length) % a.length, moves: s.moves + 1 };
}

/**
 * The rotation: one timeout per slide, restarted by every move (so ←/→ give the new slide its full
 * time) and cleared on pause and unmount.
 */
export function usePlaylist(length: number, intervalMs: number) {
  const [state, dispatch] = useReducer(reducer, { index: 0, loops: 0, paused: false, moves: 0 });
  const next = useCallback(() => dispatch({ type: 'next', length }), [length]);
  const prev = useCallback(() => dispatch({ type: 'prev', length }), [length]);
  const togglePause = useCallback(() => dispatch({ type: 'toggle' }), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `state.moves` restarts the timer on every move
  useEffect(() => {
    if (state.paused || length <= 1) return;
    const timer = setTimeout(next, intervalMs);
    return () => clearTimeout(timer);
  }, [state.moves, state.paused, length, intervalMs, next]);

  // The list can shrink when the summary arrives (a sector without targets drops out).
  const index = length > 0 ? Math.min(state.index, length - 1) : 0;
  return { index, loops: state.loops, paused: state.paused, moves: state.moves, next, prev, togglePause };
}
