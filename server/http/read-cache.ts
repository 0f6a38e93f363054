/**
 * Computed answers of the read endpoints, per data version. A dashboard, a wall screen refreshing
 * every minute and a meeting room all ask the same questions; the status engine answers each
 * question once per change of the data. Bounded (least recently used goes first) in entries and in
 * characters held.
 *
 * Versions are the database's data version, a counter that only grows: once an answer of a newer
 * version is stored, the answers of older ones can never be asked for again and are dropped at once
 * (issue 26: a province's `/summary` is ~4.7 MB of JSON, and each write used to leave the previous
 * ones behind until 256 newer answers pushed them out). An answer computed from an older version
 * than one already stored is returned to its request but not kept.
 */
export class ResponseCache<T = string> {
  private readonly entries = new Map<string, T>();
  private newest: string | null = null;
  private chars = 0;

  constructor(
    private readonly limit = 256,
    /** Characters of JSON held at most (a JavaScript string takes one or two bytes a character). */
    private readonly maxChars = 32 * 1024 * 1024,
    /** The characters an entry holds. */
    private readonly charsOf: (value: T) => number = (value) => (value as string).length,
  ) {}

  get(version: string, key: string): T | undefined {
    const k = `${version}\u0000${key}`;
    const hit = this.entries.get(k);
    if (hit !== undefined) {
      this.entries.delete(k);
      this.entries.set(k, hit);
    }
    return hit;
  }

  set(version: string, key: string, body: T): void {
    if (this.newest !== null && version !== this.newest) {
      if (!isNewer(version, this.newest)) return;
      this.entries.clear();
      this.chars = 0;
    }
    this.newest = version;
    const k = `${version}\u0000${key}`;
    this.remove(k);
    // An answer larger than the whole budget is not kept (it would push out everything else).
    const chars = this.charsOf(body);
    if (chars > this.maxChars) return;
    this.entries.set(k, body);
    this.chars += chars;
    while (this.entries.size > this.limit || this.chars > this.maxChars) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(k: string): void {
    const held = this.entries.get(k);
    if (held === undefined) return;
    this.entries.delete(k);
    this.chars -= this.charsOf(held);
  }
}

/** Whether data version `a` is newer than `b` (counters; anything else that differs counts as newer). */
function isNewer(a: string, b: string): boolean {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return BigInt(a) > BigInt(b);
  return true;
}
