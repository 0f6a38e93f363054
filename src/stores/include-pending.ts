import { useCallback } from 'react';
import { includePendingOf, useUrlState } from './url-state';

const KEYS = ['includePending'] as const;

/**
 * The "含待审核" switch of issue 23, in the URL like the as-of date: every link that carries the
 * date carries it too, so a colleague opening the link sees the same figures, 初报 included. Its own
 * module: the pages that use it load it with them (the overview and sector pages read it from their
 * own view state), so the first load does not carry it.
 */
export function useIncludePending() {
  const [raw, update] = useUrlState(KEYS);
  const set = useCallback((value: '1' | undefined) => update({ includePending: value }), [update]);
  return [includePendingOf(raw.includePending), set] as const;
}
