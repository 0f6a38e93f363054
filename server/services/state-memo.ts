import type { SummaryResponse } from '../../src/domain/api';
import type { IsoDate } from '../../src/domain/dates';
import { type FilterValues, filterValuesOf } from '../../src/domain/query';
import type { Plan, ProgressReport, Target } from '../../src/domain/schemas';
import {
  type Cut,
  factsOf,
  groupReports,
  hasStaticFilter,
  matchesStaticFilter,
  type Rollups,
  SummaryBuilder,
  type SummaryOptions,
  summarize,
  type TargetFacts,
  type TargetFilter,
  targetFacts,
} from '../../src/domain/views';
import type { Store } from '../repositories/store';
import { ReportColumns, readReportTuples } from './report-columns';

/**
 * Each target's computed facts (state now and a week earlier, freshness; `TargetFacts`) per cut,
 * kept across data versions. A report changes one target: the next `/summary` recomputes that
 * target alone and aggregates the others from memory, instead of running the status engine over
 * the whole province after every write (issue 8: ~2 s at 20,000 targets).
 *
 * Exact on several instances sharing one database: which targets changed is read from the database
 * (`report_changes`, stamped with the data version in commit order, migration 0004), never assumed
 * from this instance's own writes. A change of the catalog (plans, targets) drops everything.
 * Bounded: the least recently used cuts go first, except the present one (the newest report date).
 */

interface CutEntry {
  /** The data version whose changes have been applied: facts here reflect at least that version. */
  seen: bigint;
  /** Bumped whenever facts are dropped: a computation that started earlier must not store its result. */
  generation: number;
  /**
   * Never deleted from, never copied (a copy of a country's 200,000 facts cost ~100 ms a write):
   * a target's facts are replaced in place, in one synchronous step, once recomputed after a change.
   * A request holding the map while it builds its answer finds every target's facts, each one
   * consistent, from before or after the change.
   */
  facts: Map<string, TargetFacts>;
  /** Targets whose facts here predate a change seen (`seen`): the next read recomputes them. */
  stale: Set<string>;
  /**
   * Whether every target of the catalog has facts here. Lets a read after a write find its one
   * stale target without looking up all 20,000 of a province.
   */
  full: boolean;
  /** Every replacement of facts, oldest first, for the summaries below (the first `logBase` dropped). */
  log: Array<{ id: string; before: TargetFacts; after: TargetFacts }>;
  logBase: number;
  /**
   * Summaries of this cut by filter, kept up to date from the log: a write replaces its target's
   * part of each instead of summarizing all targets again (~180 ms at 200,000 targets).
   */
  summaries: Map<string, { builder: SummaryBuilder; at: number }>;
}

/**
 * Replacements logged per cut before the oldest half is dropped (a summary behind it is rebuilt).
 * Each holds a target's old facts (~2 KB) until every kept summary has replayed it: at most ~4 MB a cut.
 */
const LOG_LIMIT = 2048;
/** Summaries kept per cut (one per filter asked for). */
const SUMMARIES_PER_CUT = 32;
/**
 * Laggards a kept summary holds beyond the eight it shows, so that a write improving one of them
 * seldom leaves too few (then the summary is rebuilt from every target).
 */
const SUMMARY_DEPTH = 64;

export interface Catalog {
  version: string;
  plans: Plan[];
  /** Every target, in the catalog's order (sort_order). */
  targets: Target[];
  byId: ReadonlyMap<string, Target>;
  /** Each plan's targets, in the catalog's order: a city's review need not look at a nation's 200,000. */
  byPlan: ReadonlyMap<string, Target[]>;
  /** Project-list targets' roll-ups (projects are seeded with the catalog and change with it). */
  rollups: Rollups;
}

/**
 * The catalog's targets matching the filter's static part, in the catalog's order. Without a filter
 * the catalog's own array: never sort or change it.
 */
export function catalogTargets(catalog: Catalog, filter: Omit<TargetFilter, 'status'>): readonly Target[] {
  if (!hasStaticFilter(filter)) return catalog.targets;
  // A plan's targets from its list (a nation's filter over 200,000 targets took 13-30 ms).
  const from = filter.plan ? (catalog.byPlan.get(filter.plan) ?? []) : catalog.targets;
  return from.filter((t) => matchesStaticFilter(t, filter));
}

export interface MemoOptions {
  /** Facts kept over all cuts (~2 KB each: 40,000 are two cuts of a 20,000-target province, issue 26). */
  maxFacts?: number;
  maxCuts?: number;
  /**
   * Up to this many reports in the database (a city's catalog over years), every report is held in
   * memory and a new cut (an as-of date or knowledge cut not asked for before) is computed without
   * reading the database; above it (a province), each cut reads its windows (Store.stateReports).
   * 0 (the default) never holds them; the server passes HISTORY_LIMIT.
   */
  historyLimit?: number;
  /**
   * Above historyLimit and up to this many reports (a province), every report is held as compact
   * columns (report-columns.ts, 31–39 bytes a report), loaded in the background after the first read,
   * and a new cut is cut from them exactly as the database's window reads would (no database read).
   * 0 (the default) never holds them; the server passes COLUMNS_LIMIT.
   */
  columnsLimit?: number;
  /** Targets whose windows are read (and facts made) at once when no reports are held (default FACTS_BATCH). */
  factsBatch?: number;
  /** Called when the columns start to load, with the reports counted: the server now holds a province. */
  onColumns?: ((reports: number) => void) | undefined;
}

/** ~0.5 KB a report: at most ~25 MB held. A city's default data is ~5,000 reports a year. */
export const HISTORY_LIMIT = 50_000;
/** 31–39 bytes a report and a tenth of room: at most ~110 MB held (a province's million reports: ~34 MB). */
export const COLUMNS_LIMIT = 2_500_000;
/**
 * Targets whose windows one batch reads when a cut is computed from the database (two parallel reads
 * of Store's WINDOW_CHUNK), their reports let go once their facts are made. A nation's first
 * /summary, 200,000 targets in one batch: heap ~1.3 GB at the end, 35.8 s; in batches of 4,000:
 * ~0.6 GB, 24.8 s (10,000: 27.6 s; 20,000: 28.4 s).
 */
const FACTS_BATCH = 4_000;
/** Targets read per statement while the columns load (each decoded between requests). */
const COLUMNS_CHUNK = 200;

/** Every report as columns, as of the data version `seen`. */
interface Columns {
  seen: bigint;
  cols: ReportColumns;
}

/** Every report by target (target, as-of, recorded order), as of the data version `seen`. */
interface History {
  seen: bigint;
  byTarget: Map<string, ProgressReport[]>;
}

export interface MemoStats {
  cuts: number;
  facts: number;
  /** Facts computed by the status engine since the memo was made (tests and the bench read it). */
  computed: number;
  /** Reports held as columns (0: none, or still loading). */
  columns: number;
  /** Targets added to kept summaries as they were built (not as they were adjusted after writes). */
  summarized: number;
}

export class StateMemo {
  private catalog: Promise<Catalog> | null = null;
  private catalogVersion: string | null = null;
  private readonly cuts = new Map<string, CutEntry>();
  private readonly maxFacts: number;
  private readonly maxCuts: number;
  private computed = 0;
  private summarized = 0;
  private presentKey: string | null = null;
  private readonly historyLimit: number;
  /** null: not loaded; 'off': more reports than historyLimit (until the catalog changes). */
  private history: History | 'off' | null = null;
  private readonly columnsLimit: number;
  private readonly factsBatch: number;
  private readonly onColumns: ((reports: number) => void) | undefined;
  /** null: not decided; 'off': not held (until the catalog changes); 'loading': read in the background. */
  private columns: Columns | 'off' | 'loading' | null = null;
  /** Bumped when the catalog changes: a load started before must not be kept. */
  private columnsEpoch = 0;
  /** Loads and refreshes run one after another: a refresh never applies reads older than the last. */
  private historyQueue: Promise<unknown> = Promise.resolve();
  /** What filters may name, of the catalog they were built from. */
  private values: { of: Catalog; values: FilterValues } | null = null;

  constructor(
    private readonly store: Store,
    options: MemoOptions = {},
  ) {
    this.maxFacts = options.maxFacts ?? 40_000;
    this.maxCuts = options.maxCuts ?? 12;
    this.historyLimit = options.historyLimit ?? 0;
    this.columnsLimit = options.columnsLimit ?? 0;
    this.factsBatch = Math.max(1, Math.floor(options.factsBatch ?? FACTS_BATCH) || FACTS_BATCH);
    this.onColumns = options.onColumns;
  }

  /**
   * The targets matching the filter and their facts at the cut, with the catalog they come from.
   * The map is the memo's own, replaced into as later changes are seen (each target's facts whole,
   * none ever missing): read what you need from it before your request's next await.
   */
  async read(
    filter: Omit<TargetFilter, 'status'>,
    cut: Cut,
    /** The cut is the present (no date asked for): what wall screens and most people look at, kept first. */
    present = false,
  ): Promise<{ catalog: Catalog; targets: readonly Target[]; facts: ReadonlyMap<string, TargetFacts> }> {
    const { catalog, targets, facts } = await this.readCut(filter, cut, present);
    return { catalog, targets, facts };
  }

  /** `read`, with the cut's entry whose facts these are (null: facts computed across a change, not kept). */
  private async readCut(
    filter: Omit<TargetFilter, 'status'>,
    cut: Cut,
    present: boolean,
  ): Promise<{
    catalog: Catalog;
    targets: readonly Target[];
    facts: Map<string, TargetFacts>;
    entry: CutEntry | null;
  }> {
    // One instant written two ways (+08:00, Z) is one cut.
    const knownAt =
      cut.knownAt === undefined || Number.isNaN(Date.parse(cut.knownAt))
        ? (cut.knownAt ?? '')
        : new Date(cut.knownAt).toISOString();
    const key = `${cut.asOf}\u0000${knownAt}\u0000${cut.view ?? 'approved'}`;
    if (present) this.presentKey = key;
    const known = this.cuts.get(key);
    const versions = await this.store.versions(known ? known.seen.toString() : null);
    const catalog = await this.catalogAt(versions.catalog);

    let entry = this.cuts.get(key);
    if (!entry) {
      entry = {
        seen: BigInt(versions.data),
        generation: 0,
        facts: new Map(),
        stale: new Set(),
        full: false,
        log: [],
        logBase: 0,
        summaries: new Map(),
      };
    } else if (entry === known && BigInt(versions.data) > entry.seen) {
      for (const id of versions.changed) if (entry.facts.has(id)) entry.stale.add(id);
      // Even with nothing held: a computation of a changed target started before this change
      // must not store what it read.
      if (versions.changed.length > 0) entry.generation++;
      entry.seen = BigInt(versions.data);
    }
    // (An entry made by a concurrent request while the versions were read is used as it is: the
    // changes just read were relative to another entry's version.)
    this.cuts.delete(key);
    this.cuts.set(key, entry);
    this.evict(key);

    const filtered = hasStaticFilter(filter);
    const targets = catalogTargets(catalog, filter);
    const held = entry.facts;
    const stale = entry.stale;
    const missing = entry.full
      ? [...stale].flatMap((id) => {
          const t = catalog.byId.get(id);
          return t && (!filtered || matchesStaticFilter(t, filter)) ? [t] : [];
        })
      : targets.filter((t) => !held.has(t.id) || stale.has(t.id));
    if (missing.length === 0) return { catalog, targets, facts: held, entry };

    const generation = entry.generation;
    const history = await this.historyNow();
    const columns = history ? null : await this.columnsNow(catalog);
    let fresh: Map<string, TargetFacts>;
    if (columns) {
      // One target at a time, its window made into report objects only while it is computed.
      const plans = new Map(catalog.plans.map((p) => [p.id, p]));
      const windowOf = columns.cols.windows(cut.asOf, cut.knownAt, cut.view ?? 'approved');
      fresh = new Map();
      for (const t of missing) fresh.set(t.id, targetFacts(t, windowOf(t), plans, cut, catalog.rollups.get(t.id)));
    } else if (history) {
      const reports = missing.flatMap((t) => history.byTarget.get(t.id) ?? []);
      fresh = factsOf(missing, reports, catalog.plans, cut, catalog.rollups);
    } else {
      // A batch of targets at a time: a nation's first /summary read all 200,000 targets' windows
      // (2.6 million reports, as JSON then as objects) at once, and its heap stayed at ~1.3 GB for
      // ~0.4 GB kept, every later collection the slower for it (issue 26).
      // (Batches are read one after another, as the parallel reads of one call were each their own
      // statement: a write committed meanwhile may show for some targets and not others in this
      // answer. The change is seen by the next read, which recomputes those targets; a change seen
      // while these are computed keeps none of them, below.)
      fresh = new Map();
      for (let i = 0; i < missing.length; i += this.factsBatch) {
        const part = missing.slice(i, i + this.factsBatch);
        const reports = await this.store.stateReports(part, cut.asOf, { knownAt: cut.knownAt, view: cut.view });
        for (const [id, f] of factsOf(part, reports, catalog.plans, cut, catalog.rollups)) fresh.set(id, f);
      }
    }
    this.computed += fresh.size;
    const current = entry;
    if (this.cuts.get(key) !== current || current.generation !== generation) {
      // A change was seen while these were computed: answer from them, keep none of them (rare).
      const facts = new Map(held);
      for (const [id, f] of fresh) facts.set(id, f);
      return { catalog, targets, facts, entry: null };
    }
    for (const [id, f] of fresh) {
      const before = current.facts.get(id);
      current.facts.set(id, f);
      current.stale.delete(id);
      // Logged only for kept summaries to replay (a cut without one keeps no old facts).
      if (before && current.summaries.size > 0) current.log.push({ id, before, after: f });
    }
    if (current.log.length > LOG_LIMIT) {
      const dropped = current.log.length - LOG_LIMIT / 2;
      current.log.splice(0, dropped);
      current.logBase += dropped;
    }
    if (!current.full && current.facts.size === catalog.targets.length) current.full = true;
    this.evict(key);
    return { catalog, targets, facts: current.facts, entry: current };
  }

  /**
   * The summary of the targets matching the filter at the cut. Kept per cut and filter, and after a
   * write adjusted by the targets it changed (their facts before and after) instead of summarized
   * again from every target; rebuilt when that cannot be exact (a laggard shown improved and too
   * few are kept, or the newest figure was taken back). Same digits as `summarize`: it is one.
   */
  async summary(
    filter: Omit<TargetFilter, 'status'>,
    cut: Cut,
    present: boolean,
    options: SummaryOptions & { reportDates: IsoDate[] },
  ): Promise<SummaryResponse> {
    const { catalog, targets, facts, entry } = await this.readCut(filter, cut, present);
    if (!entry) return summarize(targets, facts, cut, options);
    const warningCount = options.warningCount ?? 8;
    const key = `${warningCount}\u0000${JSON.stringify(filter)}`;
    const end = entry.logBase + entry.log.length;
    let kept = entry.summaries.get(key);
    if (kept && kept.at >= entry.logBase) {
      const filtered = hasStaticFilter(filter);
      for (let i = kept.at - entry.logBase; i < entry.log.length; i++) {
        const change = entry.log[i] as (typeof entry.log)[number];
        const t = catalog.byId.get(change.id);
        if (t && (!filtered || matchesStaticFilter(t, filter))) kept.builder.replace(t, change.before, change.after);
      }
      kept.at = end;
      if (!kept.builder.complete) kept = undefined;
    } else kept = undefined;
    if (!kept) {
      const builder = new SummaryBuilder(cut.asOf, warningCount, SUMMARY_DEPTH);
      for (const t of targets) {
        const f = facts.get(t.id);
        if (!f) throw new Error(`no facts for target ${t.id}`);
        builder.add(t, f);
      }
      this.summarized += targets.length;
      kept = { builder, at: end };
    }
    entry.summaries.delete(key);
    entry.summaries.set(key, kept);
    if (entry.summaries.size > SUMMARIES_PER_CUT) entry.summaries.delete(entry.summaries.keys().next().value as string);
    // What every kept summary has replayed is not needed again: let those old facts go.
    let replayed = end;
    for (const s of entry.summaries.values()) replayed = Math.min(replayed, s.at);
    if (replayed > entry.logBase) {
      entry.log.splice(0, replayed - entry.logBase);
      entry.logBase = replayed;
    }
    return kept.builder.result(cut, options);
  }

  /** The current catalog: plans, targets and roll-ups, read once per catalog version. */
  async catalogNow(): Promise<Catalog> {
    return this.catalogAt((await this.store.versions(null)).catalog);
  }

  /** The project-list targets' roll-ups of the current catalog (read once per catalog version). */
  async rollups(): Promise<Rollups> {
    return (await this.catalogNow()).rollups;
  }

  /** The plans, districts and departments filters may name, from the current catalog (built once per version). */
  async filterValues(): Promise<FilterValues> {
    const catalog = await this.catalogNow();
    if (this.values?.of !== catalog)
      this.values = { of: catalog, values: filterValuesOf(catalog.plans, catalog.targets) };
    return this.values.values;
  }

  /**
   * Every report, brought up to the database's current data version (the targets changed since
   * the last refresh are read again), or null above the limit. Read after the cut's versions, so
   * it is never older than the facts it is used for.
   */
  private historyNow(): Promise<History | null> {
    if (this.historyLimit <= 0 || this.history === 'off') return Promise.resolve(null);
    const next = this.historyQueue.then(async (): Promise<History | null> => {
      const held = this.history;
      if (held === 'off') return null;
      if (held === null) {
        const { data } = await this.store.versions(null);
        if ((await this.store.reportCountUpTo(this.historyLimit + 1)) > this.historyLimit) {
          this.history = 'off';
          return null;
        }
        const loaded = { seen: BigInt(data), byTarget: groupReports(await this.store.reports(null)) };
        this.history = loaded;
        return loaded;
      }
      const { data, changed } = await this.store.versions(held.seen.toString());
      if (BigInt(data) <= held.seen) return held;
      const ids = [...new Set(changed)];
      const fresh = groupReports(await this.store.reports(ids));
      for (const id of ids) held.byTarget.set(id, fresh.get(id) ?? []);
      held.seen = BigInt(data);
      return held;
    });
    // A failed read leaves the history as it was: the next request tries again.
    this.historyQueue = next.catch(() => {});
    return next;
  }

  /**
   * The columns of every report, brought up to the database's current data version, or null when
   * they are not held (outside the limits) or still loading (the first read starts the load; until
   * it is done, cuts read their windows from the database).
   */
  private async columnsNow(catalog: Catalog): Promise<Columns | null> {
    if (this.columnsLimit <= this.historyLimit || this.columns === 'off' || this.columns === 'loading') return null;
    if (this.columns === null) {
      this.columns = 'loading';
      const epoch = this.columnsEpoch;
      const count = await this.store.reportCountUpTo(this.columnsLimit + 1).catch(() => null);
      if (epoch !== this.columnsEpoch) return null;
      if (count === null || count > this.columnsLimit || count <= this.historyLimit) {
        // Not counted (a failed read): try again with the next read.
        this.columns = count === null ? null : 'off';
        return null;
      }
      this.onColumns?.(count);
      this.loadColumns(catalog, epoch, count).then(
        (loaded) => {
          if (epoch === this.columnsEpoch) this.columns = loaded;
        },
        () => {
          if (epoch === this.columnsEpoch) this.columns = null;
        },
      );
      return null;
    }
    const held = this.columns;
    const next = this.historyQueue.then(async (): Promise<Columns | null> => {
      const { data, changed } = await this.store.versions(held.seen.toString());
      if (BigInt(data) <= held.seen) return held;
      // A few hundred targets a statement, as they load: after a 10,000-row import one statement
      // would bring half a million rows as one JSON string (on PGlite into memory that never shrinks).
      // Each part is as new as `data` or newer; applying it early is safe (the columns only move forward).
      const ids = [...new Set(changed)];
      for (let i = 0; i < ids.length; i += COLUMNS_CHUNK) {
        const part = ids.slice(i, i + COLUMNS_CHUNK);
        held.cols.replace(part, await readReportTuples(this.store.db, part));
      }
      held.seen = BigInt(data);
      return held;
    });
    this.historyQueue = next.catch(() => {});
    return next;
  }

  /** Reads every report of the catalog's targets into columns, a few hundred targets at a time. */
  private async loadColumns(catalog: Catalog, epoch: number, count: number): Promise<Columns> {
    const { data } = await this.store.versions(null);
    // Sized for the reports counted and a tenth more: the arrays are not regrown as they load, and
    // rewritten targets reclaim the stale rows in place (ReportColumns.makeRoom) without growing them.
    const cols = new ReportColumns(Math.ceil(count * 1.1) + 1024);
    const ids = catalog.targets.map((t) => t.id);
    for (let i = 0; i < ids.length && epoch === this.columnsEpoch; i += COLUMNS_CHUNK) {
      const part = ids.slice(i, i + COLUMNS_CHUNK);
      cols.replace(part, await readReportTuples(this.store.db, part));
      // Let requests waiting meanwhile go first.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { seen: BigInt(data), cols };
  }

  /** The catalog of the given version, loaded once per version (concurrent requests share it). */
  private catalogAt(version: string): Promise<Catalog> {
    if (this.catalog && this.catalogVersion === version) return this.catalog;
    this.cuts.clear();
    this.history = null;
    this.columns = null;
    this.columnsEpoch++;
    this.catalogVersion = version;
    const loading = Promise.all([this.store.plans(), this.store.targets(), this.store.projectRollups()]).then(
      ([plans, targets, rollups]) => {
        const byPlan = new Map<string, Target[]>();
        for (const t of targets) {
          const list = byPlan.get(t.planId);
          if (list) list.push(t);
          else byPlan.set(t.planId, [t]);
        }
        const catalog = { version, plans, targets, byId: new Map(targets.map((t) => [t.id, t])), byPlan, rollups };
        // The values filters may name, with the catalog rather than on the first filtered read
        // (~45 ms over a nation's 200,000 targets, which a city's first /review waited for).
        this.values = { of: catalog, values: filterValuesOf(plans, targets) };
        return catalog;
      },
    );
    this.catalog = loading;
    // A failed load must not stay cached: the next request tries again.
    loading.catch(() => {
      if (this.catalog === loading) {
        this.catalog = null;
        this.catalogVersion = null;
      }
    });
    return loading;
  }

  private evict(keep: string): void {
    let total = 0;
    for (const e of this.cuts.values()) total += e.facts.size;
    for (const [key, e] of this.cuts) {
      if (total <= this.maxFacts && this.cuts.size <= this.maxCuts) break;
      if (key === keep || key === this.presentKey) continue;
      this.cuts.delete(key);
      total -= e.facts.size;
    }
  }

  stats(): MemoStats {
    let facts = 0;
    for (const e of this.cuts.values()) facts += e.facts.size;
    const columns = typeof this.columns === 'object' && this.columns !== null ? this.columns.cols.reportCount : 0;
    return { cuts: this.cuts.size, facts, computed: this.computed, columns, summarized: this.summarized };
  }
}
