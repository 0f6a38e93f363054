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
  const laggards = items
    .filter((i) => WARNING_STATUSES.has(i.state.status) && i.state.gap !== null)
    .sort((a, b) => (a.state.gap ?? 0) - (b.state.gap ?? 0) || a.target.id.localeCompare(b.target.id))
    .slice(0, laggardCount);
  return {
    progress: measured > 0 ? progressSum / measured : null,
    expected: measured > 0 ? expectedSum / measured : null,
    measured,
    total: items.length,
    counts,
    laggards,
  };
}
