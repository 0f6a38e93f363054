/**
 * Computed answers of the read endpoints, per data version. A dashboard, a wall screen refreshing
 * every minute and a meeting room all ask the same questions; the status engine answers each
 * question once per change of the data. Bounded (least recently used goes first).
 */
export class ResponseCache {
  private readonly entries = new Map<string, string>();

  constructor(private readonly limit = 256) {}

  get(version: string, key: string): string | undefined {
    const k = `${version}\u0000${key}`;
    const hit = this.entries.get(k);
    if (hit !== undefined) {
      this.entries.delete(k);
      this.entries.set(k, hit);
    }
    return hit;
  }

  set(version: string, key: string, body: string): void {
    const k = `${version}\u0000${key}`;
    this.entries.delete(k);
    this.entries.set(k, body);
    while (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
