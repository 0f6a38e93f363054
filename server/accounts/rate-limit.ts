import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Sign-in throttling in two layers:
 * - per client IP, in this instance's memory: cheap, stops one machine from spraying passwords
 *   across many usernames. With N instances an attacker gets at most N × the budget, which is fine
 *   for a coarse first line.
 * - per username, in the database: shared by every instance, so a distributed guess at one account
 *   is locked out after a few failures no matter which instance answers. The lock is short (it also
 *   locks out the real person) and a successful sign-in clears the counter.
 */
export interface RateLimitOptions {
  perIpPerMinute: number;
  failuresBeforeLock: number;
  failureWindowMs: number;
  lockMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = {
  perIpPerMinute: 20,
  failuresBeforeLock: 5,
  failureWindowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

export class IpLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(private readonly perMinute: number) {}

  /** Records an attempt; returns seconds to wait when over the limit. */
  attempt(ip: string, now: Date): number | null {
    const t = now.getTime();
    const recent = (this.hits.get(ip) ?? []).filter((h) => t - h < 60_000);
    if (recent.length >= this.perMinute) {
      this.hits.set(ip, recent);
      return Math.max(1, Math.ceil((60_000 - (t - (recent[0] ?? t))) / 1000));
    }
    recent.push(t);
    this.hits.set(ip, recent);
    if (this.hits.size > 10_000)
      for (const [k, v] of this.hits) if (v.every((h) => t - h >= 60_000)) this.hits.delete(k);
    return null;
  }
}

const key = (username: string) => username.trim().toLowerCase();

/** Seconds until the username may try again, or null when it is not locked. */
export async function lockedFor(db: Kysely<Database>, username: string, now: Date): Promise<number | null> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select('locked_until')
    .where('username', '=', key(username))
    .executeTakeFirst();
  if (!row?.locked_until) return null;
  const ms = Date.parse(row.locked_until) - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : null;
}

export async function recordFailure(
  db: Kysely<Database>,
  username: string,
  now: Date,
  o: RateLimitOptions,
): Promise<void> {
  const k = key(username).slice(0, 64);
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('sign_in_failures')
      .selectAll()
      .where('username', '=', k)
      .forUpdate()
      .executeTakeFirst();
    const t = now.getTime();
    const fresh = !row || t - Date.parse(row.window_start) > o.failureWindowMs;
    const failures = fresh ? 1 : row.failures + 1;
    const values = {
      failures,
      window_start: fresh ? now.toISOString() : row.window_start,
      locked_until: failures >= o.failuresBeforeLock ? new Date(t + o.lockMs).toISOString() : null,
    };
    if (row) await trx.updateTable('sign_in_failures').set(values).where('username', '=', k).execute();
    else
      await trx
        .insertInto('sign_in_failures')
        .values({ username: k, ...values })
        .onConflict((oc) => oc.column('username').doUpdateSet(values))
        .execute();
  });
}

export async function clearFailures(db: Kysely<Database>, username: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('username', '=', key(username)).execute();
}
