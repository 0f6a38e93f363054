import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, backends, freshDb } from '../../tests/api/test-db';
import type { DbHandle } from '../db/connect';
import {
  backoffMs,
  blockedFor,
  clearFailures,
  DEFAULT_RATE_LIMIT,
  IpLimiter,
  type RateLimitOptions,
  recordFailure,
  sourceOf,
} from './rate-limit';

const O: RateLimitOptions = {
  ...DEFAULT_RATE_LIMIT,
  freeFailures: 4,
  baseDelayMs: 5_000,
  maxDelayMs: 15 * 60_000,
  accountFailuresPerHour: 10,
};
const T0 = new Date('2026-01-05T10:00:00+08:00');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('backoffMs', () => {
  it('is free for the first failures, then doubles from the base up to the cap', () => {
    const waits = Array.from({ length: 14 }, (_, i) => backoffMs(i + 1, 4, O) / 1000);
    expect(waits).toEqual([0, 0, 0, 0, 5, 10, 20, 40, 80, 160, 320, 640, 900, 900]);
    expect(backoffMs(10_000, 4, O)).toBe(O.maxDelayMs);
  });

  it('starts with the first failure when nothing is free', () => {
    expect(backoffMs(1, 0, O)).toBe(5_000);
    expect(backoffMs(2, 0, O)).toBe(10_000);
  });

  it('never shrinks as failures grow', () => {
    for (let n = 1; n < 200; n++) expect(backoffMs(n + 1, 4, O)).toBeGreaterThanOrEqual(backoffMs(n, 4, O));
  });
});

describe('sourceOf', () => {
  it('keeps IPv4 addresses, IPv4-mapped ones and strips a port', () => {
    expect(sourceOf('203.0.113.7')).toBe('203.0.113.7');
    expect(sourceOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(sourceOf('203.0.113.7:51234')).toBe('203.0.113.7');
  });

  it('counts IPv6 by its /64, however the address is written', () => {
    const a = sourceOf('2001:db8:1:2::1');
    expect(a).toBe('2001:db8:1:2::/64');
    expect(sourceOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe(a);
    expect(sourceOf('[2001:db8:1:2::abcd]:443')).toBe(a);
    expect(sourceOf('2001:DB8:1:2:0:0:0:7%eth0')).toBe(a);
    expect(sourceOf('2001:db8:1:3::1')).not.toBe(a);
    expect(sourceOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(sourceOf('::1')).toBe('0:0:0:0::/64');
  });

  it('names a missing address, and bounds anything else', () => {
    expect(sourceOf(null)).toBe('unknown');
    expect(sourceOf('x'.repeat(200))).toHaveLength(64);
  });
});

describe('IpLimiter', () => {
  it('refuses a source over its budget for the rest of the minute, other sources unaffected', () => {
    const l = new IpLimiter(3);
    for (let i = 0; i < 3; i++) expect(l.attempt('a', at(i * 1000))).toBeNull();
    expect(l.attempt('a', at(3000))).toBe(57);
    expect(l.attempt('b', at(3000))).toBeNull();
    expect(l.attempt('a', at(60_001))).toBeNull();
  });
});

describe.each(backends())('failures per (account, source) in the database on %s', (backend: Backend) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDb(backend);
  });
  afterAll(async () => h?.close());

  it('makes only the failing source wait, longer with each failure, and forgets it after a success', async () => {
    const db = h.db;
    for (let i = 0; i < 4; i++) expect(await recordFailure(db, 'Alice', '203.0.113.7', T0, O)).toBeNull();
    expect(await blockedFor(db, 'alice', '203.0.113.7', T0)).toBeNull();
    expect(await recordFailure(db, ' ALICE ', '203.0.113.7', T0, O)).toBe(5);
    expect(await blockedFor(db, 'alice', '203.0.113.7', T0)).toBe(5);
    expect(await blockedFor(db, 'alice', '203.0.113.7', at(4_001))).toBe(1);
    expect(await blockedFor(db, 'alice', '203.0.113.7', at(5_000))).toBeNull();
    expect(await blockedFor(db, 'alice', '198.51.100.2', T0)).toBeNull();
    expect(await recordFailure(db, 'alice', '203.0.113.7', at(5_000), O)).toBe(10);
    expect(await blockedFor(db, 'alice', '203.0.113.7', at(5_000))).toBe(10);

    await clearFailures(db, 'alice', '203.0.113.7');
    expect(await blockedFor(db, 'alice', '203.0.113.7', at(5_000))).toBeNull();
    expect(await recordFailure(db, 'alice', '203.0.113.7', at(6_000), O)).toBeNull();
  });

  it('forgets a source after a quiet spell', async () => {
    const db = h.db;
    for (let i = 0; i < 5; i++) await recordFailure(db, 'bob', '192.0.2.1', T0, O);
    expect(await blockedFor(db, 'bob', '192.0.2.1', T0)).toBe(5);
    const later = at(O.forgetAfterMs + 1);
    expect(await recordFailure(db, 'bob', '192.0.2.1', later, O)).toBeNull();
    const row = await db
      .selectFrom('sign_in_failures')
      .select('failures')
      .where('username', '=', 'bob')
      .where('source', '=', '192.0.2.1')
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(1);
  });

  it('past the account ceiling, every failure means a wait, but a source that has not failed is never held', async () => {
    const db = h.db;
    for (let i = 1; i <= O.accountFailuresPerHour; i++)
      expect(await recordFailure(db, 'carol', `198.18.0.${i}`, T0, O)).toBeNull();
    expect(await recordFailure(db, 'carol', '198.18.1.1', T0, O)).toBe(5);
    expect(await blockedFor(db, 'carol', '198.18.1.1', T0)).toBe(5);
    expect(await blockedFor(db, 'carol', '198.51.100.2', T0)).toBeNull();
    // The ceiling is per hour: the next hour starts with the free failures again.
    expect(await recordFailure(db, 'carol', '198.18.2.1', at(60 * 60_000 + 1), O)).toBeNull();
  });

  it('counts failures from racing instances without losing any', async () => {
    const db = h.db;
    await Promise.all(Array.from({ length: 8 }, () => recordFailure(db, 'dave', '192.0.2.9', T0, O)));
    const row = await db
      .selectFrom('sign_in_failures')
      .select('failures')
      .where('username', '=', 'dave')
      .where('source', '=', '192.0.2.9')
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(8);
  });
});
