import type { Status, Target, TargetState } from './schemas';
import { STATUSES } from './schemas';

export interface TargetWithState {
  target: Target;
  state: TargetState;
}

export type StatusCounts = Record<Status, number>;

export interface Aggregate {
  /** Mean progress of the quantitative and milestone targets with a known progress, each capped at 1. */
  progress: number | null;
  /** Mean expected progress of the same targets. */
  expected: number | null;
  /** How many targets the means are taken over. */
  measured: number;
  total: number;
  counts: StatusCounts;
  /** The targets furthest behind their pace (most negative gap first). */
  laggards: TargetWithState[];
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** The statuses that raise a warning (the laggards of an aggregate). */
export const WARNING_STATUSES: ReadonlySet<Status> = new Set(['lagging', 'severe']);

/** Most negative gap first; ties by id. */
const behindFirst = (a: TargetWithState, b: TargetWithState): number =>
  (a.state.gap ?? 0) - (b.state.gap ?? 0) || a.target.id.localeCompare(b.target.id);

export function aggregate(items: readonly TargetWithState[], laggardCount = 5): Aggregate {
  const counts = emptyCounts();
  let progressSum = 0;
  let expectedSum = 0;
  let measured = 0;
  for (const { state } of items) {
    counts[state.status] += 1;
    if (state.progress !== null && state.expected !== null) {
      progressSum += Math.max(0, Math.min(1, state.progress));
      expectedSum += Math.max(0, Math.min(1, state.expected));
      measured += 1;
    }
  }
  // The few furthest behind, by insertion into a short sorted list rather than sorting every
  // lagging target: a province has thousands of them and the summary wants eight.
  const laggards: TargetWithState[] = [];
  for (const item of items) {
    if (!WARNING_STATUSES.has(item.state.status) || item.state.gap === null) continue;
    const last = laggards[laggards.length - 1];
    if (laggards.length >= laggardCount && (last === undefined || behindFirst(item, last) >= 0)) continue;
    let at = laggards.length;
    while (at > 0 && behindFirst(item, laggards[at - 1] as TargetWithState) < 0) at--;
    laggards.splice(at, 0, item);
    if (laggards.length > laggardCount) laggards.pop();
  }
  return {
    progress: measured > 0 ? progressSum / measured : null,
    expected: measured > 0 ? expectedSum / measured : null,
    measured,
    total: items.length,
    counts,
    laggards,
  };
}
