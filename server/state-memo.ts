import type { Plan, Target } from '../src/domain/schemas';
import { type Cut, factsOf, matchesStaticFilter, type TargetFacts, type TargetFilter } from '../src/domain/views';
import type { Store } from './store';

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
  facts: Map<string, TargetFacts>;
}

export interface Catalog {
  version: string;
  plans: Plan[];
  /** Every target, in the catalog's order (sort_order). */
  targets: Target[];
}

export interface MemoOptions {
  /** Facts kept over all cuts (~1 KB each: 60,000 are three cuts of a 20,000-target province). */
  maxFacts?: number;
  maxCuts?: number;
}

export interface MemoStats {
  cuts: number;
  facts: number;
  /** Facts computed by the status engine since the memo was made (tests and the bench read it). */
  computed: number;
}

export class StateMemo {
  private catalog: Promise<Catalog> | null = null;
  private catalogVersion: string | null = null;
  private readonly cuts = new Map<string, CutEntry>();
  private readonly maxFacts: number;
  private readonly maxCuts: number;
  private computed = 0;
  private presentKey: string | null = null;

  constructor(
    private readonly store: Store,
    options: MemoOptions = {},
  ) {
    this.maxFacts = options.maxFacts ?? 60_000;
    this.maxCuts = options.maxCuts ?? 12;
  }

  /** The targets matching the filter and their facts at the cut, with the catalog they come from. */
  async read(
    filter: Omit<TargetFilter, 'status'>,
    cut: Cut,
    /** The cut is the present (no date asked for): what wall screens and most people look at, kept first. */
    present = false,
  ): Promise<{ catalog: Catalog; targets: Target[]; facts: Map<string, TargetFacts> }> {
    // One instant written two ways (+08:00, Z) is one cut.
    const knownAt =
      cut.knownAt === undefined || Number.isNaN(Date.parse(cut.knownAt))
        ? (cut.knownAt ?? '')
        : new Date(cut.knownAt).toISOString();
    const key = `${cut.asOf}\u0000${knownAt}`;
    if (present) this.presentKey = key;
    const known = this.cuts.get(key);
    const versions = await this.store.versions(known ? known.seen.toString() : null);
    const catalog = await this.catalogAt(versions.catalog);

    let entry = this.cuts.get(key);
    if (!entry) {
      entry = { seen: BigInt(versions.data), generation: 0, facts: new Map() };
    } else if (entry === known && BigInt(versions.data) > entry.seen) {
      for (const id of versions.changed) entry.facts.delete(id);
      if (versions.changed.length > 0) entry.generation++;
      entry.seen = BigInt(versions.data);
    }
    // (An entry made by a concurrent request while the versions were read is used as it is: the
    // changes just read were relative to another entry's version.)
    this.cuts.delete(key);
    this.cuts.set(key, entry);
    this.evict(key);

    const targets = catalog.targets.filter((t) => matchesStaticFilter(t, filter));
    const missing = targets.filter((t) => !entry.facts.has(t.id));
    const facts = new Map<string, TargetFacts>();
    for (const t of targets) {
      const f = entry.facts.get(t.id);
      if (f) facts.set(t.id, f);
    }
    if (missing.length > 0) {
      const generation = entry.generation;
      const reports = await this.store.stateReports(missing, cut.asOf, { knownAt: cut.knownAt });
      const fresh = factsOf(missing, reports, catalog.plans, cut);
      this.computed += fresh.size;
      const current = entry;
      const stillValid = this.cuts.get(key) === current && current.generation === generation;
      for (const [id, f] of fresh) {
        facts.set(id, f);
        if (stillValid) current.facts.set(id, f);
      }
      if (stillValid) this.evict(key);
    }
    return { catalog, targets, facts };
  }

  /** The catalog of the given version, loaded once per version (concurrent requests share it). */
  private catalogAt(version: string): Promise<Catalog> {
    if (this.catalog && this.catalogVersion === version) return this.catalog;
    this.cuts.clear();
    this.catalogVersion = version;
    const loading = Promise.all([this.store.plans(), this.store.targets()]).then(([plans, targets]) => ({
      version,
      plans,
      targets,
    }));
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
    return { cuts: this.cuts.size, facts, computed: this.computed };
  }
}
