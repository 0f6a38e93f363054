import { type RefObject, useLayoutEffect, useState } from 'react';

/**
 * How many of `items` fit in a fixed-height box: render them all (up to `max`), measure, keep the
 * ones whose bottom edge is inside the box. A long title that wraps costs a row rather than being
 * cut off. Measured on layout (the design is unscaled there), again whenever `items` changes.
 */
export function useFitCount<T>(items: readonly T[], max: number, box: RefObject<HTMLElement | null>): number {
  const initial = Math.min(max, items.length);
  const [fit, setFit] = useState({ items, count: initial });
  // Element by element: a caller's fresh but equal array (`data ?? []`) must not restart the fit.
  const same = fit.items === items || (fit.items.length === items.length && fit.items.every((x, i) => x === items[i]));
  const current = same ? fit : { items, count: initial };
  if (!same) setFit(current);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const limit = el.clientHeight + 1;
    let fitting = 0;
    for (const child of Array.from(el.children) as HTMLElement[]) {
      if (child.offsetTop + child.offsetHeight > limit) break;
      fitting++;
    }
    const count = Math.max(1, Math.min(current.count, fitting));
    if (count < current.count) setFit({ items, count });
  });

  return Math.min(current.count, items.length);
}
