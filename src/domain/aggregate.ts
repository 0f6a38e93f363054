import type { Status, Target, TargetState } from './schemas';
import { STATUSES } from './schemas';

export interface TargetWithState {
  target: Target;
  state: TargetState;
}

export type StatusCounts = Record<Status, number>;

/** How bad a status is, for sorting and for the "never improves when progress falls" guarantee. */
export const STATUS_SEVERITY: Record<Status, number> = {
  achieved: 0,
  on_track: 1,
  not_started: 2,
  no_data: 3,
  lagging: 4,
  severe: 5,
  missed: 6,
};

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

/** The statuses that raise a warning (the laggards of an aggregate): behind pace, or missed for good. */
export const WARNING_STATUSES: ReadonlySet<Status> = new Set(['lagging', 'severe', 'missed']);

/** How bad a warning is, worst first: 未完成, 严重滞后, 滞后. */
const WARNING_RANK: Partial<Record<Status, number>> = { missed: 0, severe: 1, lagging: 2 };

/**
 * How far behind, for ordering (more negative is further behind): the gap, or for a milestone its
 * overdue days as a fraction of a year (a node 179 days late sorts beside a gap of −49 个百分点).
 */
export function behindBy(s: TargetState): number {
  return s.gap ?? (s.milestone ? -s.milestone.overdueDays / 365 : 0);
}

/** Worst status first, then furthest behind; ties by id. */
export const behindFirst = (a: TargetWithState, b: TargetWithState): number =>
  (WARNING_RANK[a.state.status] ?? 3) - (WARNING_RANK[b.state.status] ?? 3) ||
  behindBy(a.state) - behindBy(b.state) ||
  a.target.id.localeCompare(b.target.id);

/**
 * Builds an `Aggregate` one target at a time, touching each state once: a province's summary adds
 * 20,000 targets to ~20 aggregates (each sector now and a week earlier, and the whole) in one pass
 * after every write, where reading each state again per aggregate cost more than the arithmetic.
 */
export class Accumulator {
  private readonly counts = emptyCounts();
  private progressSum = 0;
  private expectedSum = 0;
  private measured = 0;
  private total = 0;
  private readonly laggards: TargetWithState[] = [];

  /** `laggardCount`: how many of the furthest behind to keep (0: none, only the counts and means). */
  constructor(private readonly laggardCount = 5) {}

  add(target: Target, state: TargetState): void {
    this.total += 1;
    this.counts[state.status] += 1;
    const { progress, expected } = state;
    if (progress !== null && expected !== null) {
      this.progressSum += Math.max(0, Math.min(1, progress));
      this.expectedSum += Math.max(0, Math.min(1, expected));
      this.measured += 1;
    }
    if (this.laggardCount === 0 || !WARNING_STATUSES.has(state.status)) return;
    // The few furthest behind, by insertion into a short sorted list rather than sorting every
    // lagging target: a province has thousands of them and the summary wants eight.
    const laggards = this.laggards;
    const item = { target, state };
    const last = laggards[laggards.length - 1];
    if (laggards.length >= this.laggardCount && (last === undefined || behindFirst(item, last) >= 0)) return;
    let at = laggards.length;
    while (at > 0 && behindFirst(item, laggards[at - 1] as TargetWithState) < 0) at--;
    laggards.splice(at, 0, item);
    if (laggards.length > this.laggardCount) laggards.pop();
  }

  result(): Aggregate {
    const { measured } = this;
    return {
      progress: measured > 0 ? this.progressSum / measured : null,
      expected: measured > 0 ? this.expectedSum / measured : null,
      measured,
      total: this.total,
      counts: { ...this.counts },
      laggards: [...this.laggards],
    };
  }
}

export function aggregate(items: readonly TargetWithState[], laggardCount = 5): Aggregate {
  const acc = new Accumulator(laggardCount);
  for (const { target, state } of items) acc.add(target, state);
  return acc.result();
}
