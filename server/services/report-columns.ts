import { type Kysely, sql } from 'kysely';
import { addDays, dayNumber, fromDayNumber, type IsoDate } from '../../src/domain/dates';
import type { ReportView } from '../../src/domain/reports';
import type { ProgressReport, Target } from '../../src/domain/schemas';
import { needsInferredBaseline } from '../../src/domain/status';
import type { Database } from '../db/schema';
import { STATE_WINDOW_DAYS, STATE_WINDOW_ROWS } from '../repositories/store';

/**
 * Every report of a province held in memory as columns (issue 26): what the status engine reads of
 * a report, 31 bytes each in typed arrays (39 once any report has been approved or returned after
 * review; a million reports and a tenth of room: ~34 MB), instead of ~0.5 KB as
 * objects. A new as-of date then needs no database read: each target's window is cut from its
 * columns exactly as the database's window read cuts it (Store.stateReports: the newest 12 reports
 * or 45 days, plus the first report of a stock paced from it), and only that window is made into
 * report objects for the engine.
 *
 * Each target's reports are one run of rows (oldest first: as-of date, then recording time). A
 * changed target's run is written anew at the end; when the end is reached, the live runs are moved
 * down over the stale rows in place, and the arrays grow only when the live rows need it.
 */

const APPROVED = 0;
const PENDING = 1;
const RETURNED = 2;
const STATE_NAMES = ['approved', 'pending', 'returned'] as const;
/** Flags: the approval state (two bits), demo, value null, stages null, approval carried. */
const DEMO = 4;
const VALUE_NULL = 8;
const STAGES_NULL = 16;
/** The row carries an approval object (anything but "approved on entry"). */
const HAS_APPROVAL = 32;
/** `supersedes` names a report that is not one of this target's. */
const SUPERSEDES_NONE = -1;
const SUPERSEDES_ELSEWHERE = -2;

/** One report as read for the columns (the window read's tuple, without the citation). */
type Tuple = [
  string, // id
  string, // target_id
  string, // as_of
  number | string, // recorded_at, epoch ms
  number | string | null, // value
  string, // unit
  number | null, // stages_done
  string | null, // supersedes
  boolean, // demo
  'pending' | 'approved' | 'returned',
  number | string | null, // decided_at, epoch ms
];

/** Reads every report of the given targets (all of them, every version), as compact tuples. */
export async function readReportTuples(db: Kysely<Database>, targetIds: readonly string[]): Promise<Tuple[]> {
  if (targetIds.length === 0) return [];
  const { rows } = await sql<{ j: Tuple[] | null }>`
    select json_agg(json_build_array(r.id, r.target_id, r.as_of, floor(extract(epoch from r.recorded_at) * 1000)::int8,
                                     r.value, r.unit, r.stages_done, r.supersedes, r.demo,
                                     r.approval, floor(extract(epoch from r.decided_at) * 1000)::int8)) as j
    from (select value as id from json_array_elements_text(${JSON.stringify(targetIds)}::json)
          order by 1 offset 0) as t
    cross join lateral (
      select r.* from reports r where r.target_id = t.id order by r.as_of, r.recorded_at offset 0
    ) as r`.execute(db);
  return rows[0]?.j ?? [];
}

const STATE_OF: Record<string, number> = { approved: APPROVED, pending: PENDING, returned: RETURNED };

export class ReportColumns {
  /** Target id → slot; per slot, where its run starts and how long it is. */
  private readonly slots = new Map<string, number>();
  private start = new Int32Array(1024);
  private length = new Int32Array(1024);
  private size = 0;
  /** Rows in use (live or stale) and live. */
  private used = 0;
  private live = 0;
  private asOf!: Int32Array;
  private recorded!: Float64Array;
  private value!: Float64Array;
  /**
   * When each row was approved or returned (epoch ms, NaN when never): made only once a report has
   * been decided. A province reporting without review has none (8 bytes a report, ~8 MB).
   */
  private decided: Float64Array | null = null;
  private stages!: Int32Array;
  private supersedes!: Int32Array;
  private flags!: Uint8Array;
  private unitIndex!: Uint16Array;
  private readonly units: string[] = [];
  /**
   * Each date's string, made once: a cut makes ~260,000 report objects of a province, and each
   * target's facts keep its newest report's date (one per target for every date the memo keeps).
   */
  private readonly dayNames = new Map<number, IsoDate>();
  private readonly unitIds = new Map<string, number>();

  constructor(capacity = 1024) {
    this.allocate(capacity);
  }

  /** Rows the arrays have room for. */
  private get capacity(): number {
    return this.asOf.length;
  }

  /** New, empty arrays for `capacity` rows; returns the ones they replace (growing copies from them). */
  private allocate(capacity: number) {
    const old = this.arrays();
    this.asOf = new Int32Array(capacity);
    this.recorded = new Float64Array(capacity);
    this.value = new Float64Array(capacity);
    if (this.decided) this.decided = new Float64Array(capacity).fill(Number.NaN);
    this.stages = new Int32Array(capacity);
    this.supersedes = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.unitIndex = new Uint16Array(capacity);
    return old;
  }

  /** The columns, by name (those that exist). */
  private arrays() {
    return {
      asOf: this.asOf,
      recorded: this.recorded,
      value: this.value,
      stages: this.stages,
      supersedes: this.supersedes,
      flags: this.flags,
      unitIndex: this.unitIndex,
      ...(this.decided ? { decided: this.decided } : {}),
    };
  }

  get reportCount(): number {
    return this.live;
  }

  /** Bytes held by the arrays (the bench and tests read it). */
  get bytes(): number {
    return this.capacity * (4 + 8 + 8 + (this.decided ? 8 : 0) + 4 + 4 + 1 + 2) + this.start.length * 8;
  }

  /**
   * Replaces the reports of every target named in `ids` with those in `tuples` (which hold only
   * reports of those targets, in any order): a target with none has none now.
   */
  replace(ids: readonly string[], tuples: readonly Tuple[]): void {
    const byTarget = new Map<string, Tuple[]>();
    for (const t of tuples) {
      const list = byTarget.get(t[1]);
      if (list) list.push(t);
      else byTarget.set(t[1], [t]);
    }
    for (const id of new Set(ids)) this.write(id, byTarget.get(id) ?? []);
  }

  private slotOf(id: string): number {
    let s = this.slots.get(id);
    if (s === undefined) {
      s = this.size++;
      if (s >= this.start.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2);
          b.set(a);
          return b;
        };
        this.start = grow(this.start);
        this.length = grow(this.length);
      }
      this.slots.set(id, s);
    }
    return s;
  }

  private unitOf(unit: string): number {
    let u = this.unitIds.get(unit);
    if (u === undefined) {
      u = this.units.length;
      if (u > 0xffff) throw new Error('too many distinct units');
      this.units.push(unit);
      this.unitIds.set(unit, u);
    }
    return u;
  }

  private write(id: string, rows: Tuple[]): void {
    const slot = this.slotOf(id);
    // The target's old run is stale from here: making room leaves it behind.
    this.live -= this.length[slot] ?? 0;
    this.length[slot] = 0;
    // Oldest first: as-of date, then recording time (stable: ties keep the database's order).
    const sorted = rows
      .map((r, i) => ({ r, i, day: dayNumber(r[2]), ms: Number(r[3]) }))
      .sort((a, b) => a.day - b.day || a.ms - b.ms || a.i - b.i);
    if (this.used + sorted.length > this.capacity) this.makeRoom(sorted.length);
    if (!this.decided && sorted.some(({ r }) => r[10] !== null))
      this.decided = new Float64Array(this.capacity).fill(Number.NaN);
    const decided = this.decided;
    const at = this.used;
    const local = new Map<string, number>();
    sorted.forEach((x, k) => {
      local.set(x.r[0], k);
    });
    sorted.forEach(({ r, day, ms }, k) => {
      const i = at + k;
      const [, , , , value, unit, stagesDone, supersedes, demo, approval, decidedAt] = r;
      this.asOf[i] = day;
      this.recorded[i] = ms;
      this.value[i] = value === null ? 0 : Number(value);
      if (decided) decided[i] = decidedAt === null ? Number.NaN : Number(decidedAt);
      this.stages[i] = stagesDone ?? 0;
      this.supersedes[i] = supersedes === null ? SUPERSEDES_NONE : (local.get(supersedes) ?? SUPERSEDES_ELSEWHERE);
      this.unitIndex[i] = this.unitOf(unit);
      this.flags[i] =
        (STATE_OF[approval] ?? APPROVED) |
        (demo ? DEMO : 0) |
        (value === null ? VALUE_NULL : 0) |
        (stagesDone === null ? STAGES_NULL : 0) |
        (approval === 'approved' && decidedAt === null ? 0 : HAS_APPROVAL);
    });
    this.start[slot] = at;
    this.length[slot] = sorted.length;
    this.used += sorted.length;
    this.live += sorted.length;
  }

  /**
   * Room at the end for `incoming` more rows: the live runs moved down over the stale ones, in place
   * (no second set of arrays beside these), or, when that would leave less than a twentieth of the
   * arrays free, copied into arrays a tenth larger than the live rows need.
   */
  private makeRoom(incoming: number): void {
    const need = this.live + incoming;
    if (need + Math.ceil(this.capacity / 20) <= this.capacity) {
      this.compactInPlace();
      return;
    }
    const old = this.allocate(Math.max(1024, Math.ceil(need * 1.1)));
    const columns = Object.keys(old) as Array<keyof typeof old>;
    let at = 0;
    for (let s = 0; s < this.size; s++) {
      const from = this.start[s] ?? 0;
      const n = this.length[s] ?? 0;
      for (const k of columns) this[k]?.set(old[k]?.subarray(from, from + n) ?? [], at);
      this.start[s] = at;
      at += n;
    }
    this.used = at;
  }

  /** Moves every live run down over the stale rows before it, in the order the runs lie. */
  private compactInPlace(): void {
    const order = Array.from({ length: this.size }, (_, s) => s).sort(
      (a, b) => (this.start[a] ?? 0) - (this.start[b] ?? 0),
    );
    const columns = Object.values(this.arrays());
    let at = 0;
    for (const s of order) {
      const from = this.start[s] ?? 0;
      const n = this.length[s] ?? 0;
      if (n === 0) continue;
      // `at` never passes `from` (the runs before this one fit below it), so no run is overwritten.
      if (from !== at) for (const c of columns) c.copyWithin(at, from, from + n);
      this.start[s] = at;
      at += n;
    }
    this.used = at;
  }

  /**
   * What Store.stateReports reads for a target at the cut, as report objects: the window (reports
   * about dates on or before the as-of date recorded by `knownAt`, from the earlier of 45 days back
   * and the date of the 12th newest), plus every version of the first report that counts in the view
   * for a stock paced from it. Ids are the row's place in the target's run (`supersedes` points the
   * same way), which is all the engine compares them for. Returns the cutter for one cut.
   */
  windows(asOf: IsoDate, knownAt: string | undefined, view: ReportView): (target: Target) => ProgressReport[] {
    const day = dayNumber(asOf);
    const limit = knownAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(knownAt);
    const since = dayNumber(addDays(asOf, -STATE_WINDOW_DAYS));
    return (target) => this.window(target, day, since, limit, view);
  }

  private window(target: Target, day: number, since: number, limit: number, view: ReportView): ProgressReport[] {
    const slot = this.slots.get(target.id);
    if (slot === undefined) return [];
    const from = this.start[slot] ?? 0;
    const n = this.length[slot] ?? 0;
    const ad = this.asOf;
    const rec = this.recorded;
    // The end: past the last row about a date on or before the as-of date.
    let end = n;
    while (end > 0 && (ad[from + end - 1] ?? 0) > day) end--;
    // The 12th newest known row's date bounds the window from below (or 45 days, if earlier).
    let lower = Number.NEGATIVE_INFINITY;
    let seen = 0;
    for (let k = end - 1; k >= 0; k--) {
      if ((rec[from + k] ?? 0) > limit) continue;
      if (++seen === STATE_WINDOW_ROWS) {
        lower = Math.min(since, ad[from + k] ?? 0);
        break;
      }
    }
    let begin = end;
    while (begin > 0 && (ad[from + begin - 1] ?? 0) >= lower) begin--;
    const out: ProgressReport[] = [];
    let extra: number[] | null = null;
    if (needsInferredBaseline(target)) {
      // Every version of the first report that counts in the view, however old: those the window
      // leaves out (older than it, or recorded after the cut).
      let first: number | null = null;
      for (let k = 0; k < end && first === null; k++)
        if (this.visible(from + k, view, limit)) first = ad[from + k] ?? 0;
      if (first !== null)
        for (let k = 0; k < end && (ad[from + k] ?? 0) <= first; k++) {
          if ((ad[from + k] ?? 0) !== first) continue;
          if (k >= begin && (rec[from + k] ?? 0) <= limit) continue;
          if (!extra) extra = [];
          extra.push(k);
        }
    }
    let e = 0;
    for (let k = extra ? Math.min(begin, extra[0] ?? begin) : begin; k < end; k++) {
      if (extra && extra[e] === k) {
        e++;
        out.push(this.report(target.id, from, k));
      } else if (k >= begin && (rec[from + k] ?? 0) <= limit) out.push(this.report(target.id, from, k));
    }
    return out;
  }

  /** Whether row `i` counts in the view at `limit` (visibleSql's rule). */
  private visible(i: number, view: ReportView, limit: number): boolean {
    const state = (this.flags[i] ?? 0) & 3;
    const recorded = this.recorded[i] ?? 0;
    const decided = this.decided?.[i] ?? Number.NaN;
    if (view === 'all') return recorded <= limit;
    if (view === 'approved') {
      if (state !== APPROVED) return false;
      return (Number.isNaN(decided) ? recorded : decided) <= limit;
    }
    if (recorded > limit) return false;
    // Returned: not after it was returned (with no knowledge cut, not at all). NULL > limit is false.
    if (state === RETURNED) return limit !== Number.POSITIVE_INFINITY && decided > limit;
    return true;
  }

  private dayName(day: number): IsoDate {
    let name = this.dayNames.get(day);
    if (name === undefined) {
      name = fromDayNumber(day);
      this.dayNames.set(day, name);
    }
    return name;
  }

  private report(targetId: string, from: number, k: number): ProgressReport {
    const i = from + k;
    const f = this.flags[i] ?? 0;
    const s = this.supersedes[i] ?? SUPERSEDES_NONE;
    const r = new ColumnReport(
      String(k),
      targetId,
      this.dayName(this.asOf[i] ?? 0),
      this.recorded[i] ?? 0,
      f & VALUE_NULL ? null : (this.value[i] ?? 0),
      this.units[this.unitIndex[i] ?? 0] ?? '',
      f & STAGES_NULL ? null : (this.stages[i] ?? 0),
      s === SUPERSEDES_NONE ? null : s === SUPERSEDES_ELSEWHERE ? '\u0000elsewhere' : String(s),
      (f & DEMO) !== 0,
    );
    if (f & HAS_APPROVAL) {
      const decided = this.decided?.[i] ?? Number.NaN;
      r.approval = {
        state: STATE_NAMES[f & 3] ?? 'approved',
        by: null,
        at: Number.isNaN(decided) ? null : new Date(decided).toISOString(),
        reason: null,
      } as ProgressReport['approval'];
    }
    return r as unknown as ProgressReport;
  }
}

/**
 * A report made from the columns for the engine: only what it reads, with its recording instant as
 * epoch ms (`recordedMs`, which targetFacts reads instead of parsing the string) and the string
 * made only when asked for.
 */
class ColumnReport {
  approval: ProgressReport['approval'] = undefined;
  readonly note = '';
  constructor(
    readonly id: string,
    readonly targetId: string,
    readonly asOf: IsoDate,
    readonly recordedMs: number,
    readonly value: number | null,
    readonly unit: string,
    readonly stagesDone: number | null,
    readonly supersedes: string | null,
    readonly demo: boolean,
  ) {}

  get recordedAt(): string {
    return new Date(this.recordedMs).toISOString();
  }
}
