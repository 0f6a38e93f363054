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
 * Progress is summed in billionths (exact integers up to ~9 million targets), so a mean has the
 * same digits whatever order its targets were added or taken away in: the overview's sector row,
 * the sector page and a summary kept up to date write by write agree to the last digit. (Decimal
 * rather than binary units: a hand-worked mean of 50% and 22% comes out as 0.36 exactly.)
 */
const FIXED = 1e9;
const fixed = (x: number): number => Math.round(Math.max(0, Math.min(1, x)) * FIXED);

/** What a tally reads of a target's state: its status, its 完成率 and its 应完成率. */
export type Tallied = Pick<TargetState, 'status' | 'progress' | 'expected'>;

/**
 * Counts by status and mean progress of the states added, any of which can be taken away again
 * (with the state it was added with): the part of an `Aggregate` that needs no more than `Tallied`,
 * such as a sector's mean progress a week before (src/domain/views.ts: SummaryBuilder).
 */
export class Tally {
  private readonly byStatus = emptyCounts();
  private progressSum = 0;
  private expectedSum = 0;
  private measuredCount = 0;
  private totalCount = 0;

  add(state: Tallied): void {
    this.totalCount += 1;
    this.byStatus[state.status] += 1;
    const { progress, expected } = state;
    if (progress !== null && expected !== null) {
      this.progressSum += fixed(progress);
      this.expectedSum += fixed(expected);
      this.measuredCount += 1;
    }
  }

  remove(state: Tallied): void {
    this.totalCount -= 1;
    this.byStatus[state.status] -= 1;
    const { progress, expected } = state;
    if (progress !== null && expected !== null) {
      this.progressSum -= fixed(progress);
      this.expectedSum -= fixed(expected);
      this.measuredCount -= 1;
    }
  }

  get total(): number {
    return this.totalCount;
  }

  /** How many states have both a 完成率 and an 应完成率 (the means are taken over these). */
  get measured(): number {
    return this.measuredCount;
  }

  get counts(): StatusCounts {
    return { ...this.byStatus };
  }

  /** Mean 完成率 of the states with one (each capped at 1), or null. */
  get progress(): number | null {
    return this.measuredCount > 0 ? this.progressSum / this.measuredCount / FIXED : null;
  }

  get expected(): number | null {
    return this.measuredCount > 0 ? this.expectedSum / this.measuredCount / FIXED : null;
  }
}

/**
 * Builds an `Aggregate` one target at a time, touching each state once: a province's summary adds
 * 20,000 targets to ~20 aggregates (each sector now and a week earlier, and the whole) in one pass
 * after every write, where reading each state again per aggregate cost more than the arithmetic.
 *
 * A target can also be taken away again (`remove`, with the state it was added with), so a summary
 * kept across writes is adjusted by the changed targets instead of rebuilt (issue 26: 200,000
 * targets). For that it keeps `depth` laggards rather than `laggardCount`; `complete` says whether
 * the kept ones still cover the `laggardCount` furthest behind.
 */
export class Accumulator {
  private readonly tally = new Tally();
  /** Targets with a warning status, kept or not. */
  private warned = 0;
  /**
   * The furthest behind, in order: a prefix of all warned targets in `behindFirst` order (every
   * warned target not kept sorts after the last one kept).
   */
  private readonly laggards: TargetWithState[] = [];

  /**
   * `laggardCount`: how many of the furthest behind to report (0: none, only the counts and means).
   * `depth`: how many to keep (at least `laggardCount`), so that removals leave enough.
   */
  constructor(
    private readonly laggardCount = 5,
    private readonly depth = laggardCount,
  ) {}

  add(target: Target, state: TargetState): void {
    this.tally.add(state);
    if (this.laggardCount === 0 || !WARNING_STATUSES.has(state.status)) return;
    this.warned += 1;
    // The few furthest behind, by insertion into a short sorted list rather than sorting every
    // lagging target: a province has thousands of them and the summary wants eight.
    const laggards = this.laggards;
    const item = { target, state };
    const last = laggards[laggards.length - 1];
    // Kept only if it sorts before the last one kept, or every warned target so far is kept.
    const before = last !== undefined && behindFirst(item, last) < 0;
    const allKept = laggards.length === this.warned - 1;
    if (!before && !(allKept && laggards.length < this.depth)) return;
    let at = laggards.length;
    while (at > 0 && behindFirst(item, laggards[at - 1] as TargetWithState) < 0) at--;
    laggards.splice(at, 0, item);
    if (laggards.length > this.depth) laggards.pop();
  }

  /** Takes away a target added before, with the very state object it was added with. */
  remove(target: Target, state: TargetState): void {
    this.tally.remove(state);
    if (this.laggardCount === 0 || !WARNING_STATUSES.has(state.status)) return;
    this.warned -= 1;
    // By the state added (the same target may be in with its new state already).
    const at = this.laggards.findIndex((l) => l.state === state && l.target.id === target.id);
    if (at !== -1) this.laggards.splice(at, 1);
  }

  /** Whether the laggards kept still include the `laggardCount` furthest behind (after removals). */
  get complete(): boolean {
    return this.laggards.length >= Math.min(this.laggardCount, this.warned);
  }

  result(): Aggregate {
    const { tally } = this;
    return {
      progress: tally.progress,
      expected: tally.expected,
      measured: tally.measured,
      total: tally.total,
      counts: tally.counts,
      laggards: this.laggards.slice(0, this.laggardCount),
    };
  }
}

export function aggregate(items: readonly TargetWithState[], laggardCount = 5): Aggregate {
  const acc = new Accumulator(laggardCount);
  for (const { target, state } of items) acc.add(target, state);
  return acc.result();
}
