import { isIPv4, isIPv6 } from 'node:net';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Password guessing is slowed, never turned into a lock that a stranger can pull (OWASP
 * Authentication Cheat Sheet: lock-out must not become a denial of service):
 * - per (account, source), in the database so every instance shares it: a source's first few wrong
 *   passwords for an account are free, then it waits, the wait doubling with each failure up to a
 *   cap. Only that source waits; the account's owner elsewhere signs in as usual, and a right
 *   password from a source not waiting always succeeds and clears that source's count. Wrong
 *   current passwords on a password change count the same way.
 * - per source across accounts, in this instance's memory: cheap, stops one machine from spraying
 *   passwords over many usernames (N instances give it N × the budget, fine for a coarse line).
 * - per account across sources: past a high hourly ceiling (a distributed attack) a source's
 *   backoff starts with its first failure instead of after the free ones. It only ever slows the
 *   sources that fail, so it cannot keep the owner out either.
 * A source is the client address (see clientIp in http.ts), an IPv6 address by its /64: one host
 * commonly holds a whole /64 and could otherwise take a fresh address for every guess.
 */
export interface RateLimitOptions {
  /** Sign-in attempts per source per minute, whatever the usernames. */
  perIpPerMinute: number;
  /** Failures per (account, source) before it has to wait. */
  freeFailures: number;
  /** The first wait; each further failure doubles it… */
  baseDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
  /** A source's count is forgotten after this long without a failure (a success clears it at once). */
  forgetAfterMs: number;
  /** Failures per account per hour from all sources together before every failure means a wait. */
  accountFailuresPerHour: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = {
  perIpPerMinute: 20,
  freeFailures: 4,
  baseDelayMs: 5_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 24 * 60 * 60_000,
  accountFailuresPerHour: 200,
};

const HOUR_MS = 60 * 60_000;
/** The row that counts an account's failures from every source. */
const ALL_SOURCES = '*';

/** How long a source waits after its `failures`-th failure in a row: nothing for the free ones, then doubling. */
export function backoffMs(
  failures: number,
  free: number,
  o: Pick<RateLimitOptions, 'baseDelayMs' | 'maxDelayMs'>,
): number {
  const over = failures - free;
  if (over <= 0) return 0;
  return Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.min(over - 1, 40));
}

/** The key a client address is counted under: IPv4 as is, IPv6 by its /64 prefix. */
export function sourceOf(ip: string | null): string {
  if (!ip) return 'unknown';
  const a = ip
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\](:\d+)?$/, '$1')
    .replace(/%.*$/, '');
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)(?::\d+)?$/.exec(a)?.[1];
  if (v4 && isIPv4(v4)) return v4;
  if (!isIPv6(a)) return a.slice(0, 64);
  const [head = '', tail] = a.split('::');
  const groups = (s: string) => (s ? s.split(':') : []);
  const width = (parts: string[]) => parts.reduce((n, p) => n + (p.includes('.') ? 2 : 1), 0);
  const h = groups(head);
  const t = tail === undefined ? [] : groups(tail);
  const all = [...h, ...Array<string>(8 - width(h) - width(t)).fill('0'), ...t];
  return `${all
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

export class IpLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(private readonly perMinute: number) {}

  /** Records an attempt; returns seconds to wait when over the limit. */
  attempt(source: string, now: Date): number | null {
    const t = now.getTime();
    const recent = (this.hits.get(source) ?? []).filter((h) => t - h < 60_000);
    if (recent.length >= this.perMinute) {
      this.hits.set(source, recent);
      return Math.max(1, Math.ceil((60_000 - (t - (recent[0] ?? t))) / 1000));
    }
    recent.push(t);
    this.hits.set(source, recent);
    if (this.hits.size > 10_000)
      for (const [k, v] of this.hits) if (v.every((h) => t - h >= 60_000)) this.hits.delete(k);
    return null;
  }
}

const account = (username: string) => username.trim().toLowerCase().slice(0, 64);

/** Seconds this source has to wait before it may try a password for this account again, or null. */
export async function blockedFor(
  db: Kysely<Database>,
  username: string,
  source: string,
  now: Date,
): Promise<number | null> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select('blocked_until')
    .where('username', '=', account(username))
    .where('source', '=', source)
    .executeTakeFirst();
  if (!row?.blocked_until) return null;
  const ms = Date.parse(row.blocked_until) - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : null;
}

/** Counts one wrong password; returns the seconds the source now has to wait (null: none). */
export async function recordFailure(
  db: Kysely<Database>,
  username: string,
  source: string,
  now: Date,
  o: RateLimitOptions,
): Promise<number | null> {
  const k = account(username);
  const t = now.getTime();
  const total = await count(db, k, ALL_SOURCES, now, { by: 'window_start', ms: HOUR_MS });
  const own = await count(db, k, source, now, { by: 'last_failure', ms: o.forgetAfterMs });
  const wait = backoffMs(own, total > o.accountFailuresPerHour ? 0 : o.freeFailures, o);
  if (wait > 0)
    await db
      .updateTable('sign_in_failures')
      .set({ blocked_until: sql`greatest(blocked_until, ${new Date(t + wait).toISOString()}::timestamptz)` })
      .where('username', '=', k)
      .where('source', '=', source)
      .execute();
  // Guesses at made-up usernames leave rows behind: now and then, sweep the forgotten ones.
  if (Math.random() < 0.01)
    await db
      .deleteFrom('sign_in_failures')
      .where('last_failure', '<', new Date(t - Math.max(o.forgetAfterMs, HOUR_MS)).toISOString())
      .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', new Date(t).toISOString())]))
      .execute();
  return wait > 0 ? Math.ceil(wait / 1000) : null;
}

/**
 * Adds one failure to a row and returns its count, in one statement (instances racing on the same
 * row each add theirs). The count starts over when `by` is older than `ms`: for a source, a quiet
 * spell since its last failure; for the account total, a fixed window since the first.
 */
async function count(
  db: Kysely<Database>,
  username: string,
  source: string,
  now: Date,
  reset: { by: 'window_start' | 'last_failure'; ms: number },
): Promise<number> {
  const at = now.toISOString();
  const stale = sql<boolean>`${sql.ref(`sign_in_failures.${reset.by}`)} <= ${new Date(now.getTime() - reset.ms).toISOString()}::timestamptz`;
  const row = await db
    .insertInto('sign_in_failures')
    .values({ username, source, failures: 1, window_start: at, last_failure: at, blocked_until: null })
    .onConflict((oc) =>
      oc.columns(['username', 'source']).doUpdateSet({
        failures: sql`case when ${stale} then 1 else sign_in_failures.failures + 1 end`,
        window_start: sql`case when ${stale} then ${at}::timestamptz else sign_in_failures.window_start end`,
        last_failure: at,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return row.failures;
}

/** A right password: this source starts again from nothing (other sources and the account total keep theirs). */
export async function clearFailures(db: Kysely<Database>, username: string, source: string): Promise<void> {
  await db
    .deleteFrom('sign_in_failures')
    .where('username', '=', account(username))
    .where('source', '=', source)
    .execute();
}
