import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app';
import { Store } from '../../server/repositories/store';
import { DEFAULT_RATE_LIMIT } from '../../server/services/rate-limit';
import { problemSchema } from '../../src/domain/problem';

import { type Backend, backends, TEST_NOW, testApp } from './test-db';
import { PASSWORD, seedAccounts, type Who } from './write-helpers';

/** Every scrypt comparison the server makes, so a test can tell a refusal came before the hash. */
const hashes = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../server/services/password', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../server/services/password')>();
  return {
    ...real,
    verifyPassword: (password: string, stored: string) => {
      hashes.count++;
      return real.verifyPassword(password, stored);
    },
  };
});

const ATTACKER = '203.0.113.7';
const OWNER = '198.51.100.2';

/**
 * Lock-out as a weapon (issue 19): guesses from one source slow that source down, exponentially,
 * and never keep the account's owner out from anywhere else.
 */
describe.each(backends())('password guessing is throttled per account and source on %s', (backend: Backend) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let clock: Date;
  let proxied: Hono;
  let direct: Hono;
  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };

  beforeAll(async () => {
    ctx = await testApp(backend);
    await seedAccounts(ctx.db.db, TEST_NOW);
    clock = new Date(TEST_NOW);
    const store = new Store(ctx.db.db);
    proxied = createApp({ store, now: () => clock, accounts: { trustProxy: true } });
    direct = createApp({ store, now: () => clock });
  });
  afterAll(async () => ctx?.close());

  const signInFrom = (app: Hono, forwardedFor: string | null, username: string, password: string) =>
    app.request('/api/v1/session', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
      },
      body: JSON.stringify({ username, password }),
    });
  const detailOf = async (res: Response) => problemSchema.parse(await res.json()).detail;
  const retryAfter = (res: Response) => Number(res.headers.get('retry-after'));

  /** Wrong passwords from one source until it is told to wait; returns that answer. */
  async function failUntilThrottled(from: string, username: string): Promise<Response> {
    for (let i = 0; i < 20; i++) {
      const res = await signInFrom(proxied, from, username, 'wrong password!');
      if (res.status === 429) return res;
      expect(res.status).toBe(401);
    }
    throw new Error('never throttled');
  }

  it("does not let a stranger's guesses keep the owner of the account out", async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 12; i++) {
      last = await signInFrom(proxied, ATTACKER, 'admin', `guess ${i}`);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
    if (!last) throw new Error('no answer');
    expect(retryAfter(last)).toBe(5);
    expect(await detailOf(last)).toBe('登录尝试过于频繁，请 5 秒后再试');
    // While it waits, even the right password from that source is not tried.
    expect((await signInFrom(proxied, ATTACKER, 'admin', PASSWORD)).status).toBe(429);
    // Writing the owner's address first in X-Forwarded-For does not help: the proxy's entry counts.
    expect((await signInFrom(proxied, `${OWNER}, ${ATTACKER}`, 'admin', 'guess')).status).toBe(429);

    // The real admin, elsewhere, at the same moment: in at once, and a typo is just a typo.
    expect((await signInFrom(proxied, OWNER, 'admin', 'typo')).status).toBe(401);
    expect((await signInFrom(proxied, OWNER, 'admin', PASSWORD)).status).toBe(200);
    // So does an instance that never saw the guesses (the count lives in the database)…
    const other = createApp({ store: new Store(ctx.db.db), now: () => clock, accounts: { trustProxy: true } });
    expect((await signInFrom(other, '192.0.2.200', 'admin', PASSWORD)).status).toBe(200);
    // …where the guessing source waits all the same.
    expect((await signInFrom(other, ATTACKER, 'admin', PASSWORD)).status).toBe(429);
  });

  it('answers a waiting source without computing a hash', async () => {
    const before = hashes.count;
    for (let i = 0; i < 5; i++) expect((await signInFrom(proxied, ATTACKER, 'admin', 'guess')).status).toBe(429);
    expect(hashes.count).toBe(before);
  });

  it('doubles the wait with each further failure, up to a quarter of an hour', async () => {
    const from = '203.0.113.20';
    const waits: number[] = [];
    let res = await failUntilThrottled(from, 'viewer');
    for (let i = 0; i < 10; i++) {
      waits.push(retryAfter(res));
      advance(retryAfter(res) - 1);
      expect((await signInFrom(proxied, from, 'viewer', 'still wrong')).status).toBe(429);
      advance(1);
      expect((await signInFrom(proxied, from, 'viewer', 'still wrong')).status).toBe(401);
      res = await signInFrom(proxied, from, 'viewer', 'still wrong');
      expect(res.status).toBe(429);
    }
    expect(waits).toEqual([5, 10, 20, 40, 80, 160, 320, 640, 900, 900]);
    expect(await detailOf(res)).toBe('登录尝试过于频繁，请 15 分钟后再试');
    // The owner from elsewhere is still not held up.
    expect((await signInFrom(proxied, OWNER, 'viewer', PASSWORD)).status).toBe(200);
  });

  it("clears a source's count when it signs in with the right password", async () => {
    const from = '203.0.113.30';
    for (let i = 0; i < 4; i++) expect((await signInFrom(proxied, from, 'rep-a', 'oops')).status).toBe(401);
    expect((await signInFrom(proxied, from, 'rep-a', PASSWORD)).status).toBe(200);
    const rows = await ctx.db.db
      .selectFrom('sign_in_failures')
      .select('source')
      .where('username', '=', 'rep-a')
      .where('source', '=', from)
      .execute();
    expect(rows).toEqual([]);
    // Four more mistakes are free again; the fifth makes it wait.
    for (let i = 0; i < 5; i++) expect((await signInFrom(proxied, from, 'rep-a', 'oops')).status).toBe(401);
    expect((await signInFrom(proxied, from, 'rep-a', PASSWORD)).status).toBe(429);
  });

  it('throttles wrong current passwords on a password change the same way, before hashing', async () => {
    const from = '203.0.113.40';
    const res = await signInFrom(proxied, from, 'rep-b', PASSWORD);
    expect(res.status).toBe(200);
    const who: Who = {
      cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
    };
    const change = (forwardedFor: string, currentPassword: string) =>
      proxied.request('/api/v1/session/password', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: who.cookie,
          'x-csrf-token': who.csrf,
          'x-forwarded-for': forwardedFor,
        },
        body: JSON.stringify({ currentPassword, newPassword: 'a brand new passphrase' }),
      });

    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await change(from, `guess ${i}`)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
    const before = hashes.count;
    const throttled = await change(from, 'guess 6');
    expect(throttled.status).toBe(429);
    expect(retryAfter(throttled)).toBe(5);
    expect(await detailOf(throttled)).toBe('当前密码错误次数过多，请 5 秒后再试');
    expect((await change(from, PASSWORD)).status).toBe(429);
    expect(hashes.count).toBe(before);
    // The guesses count against signing in from there too: it is the same password being guessed.
    expect((await signInFrom(proxied, from, 'rep-b', PASSWORD)).status).toBe(429);

    // Once the wait is over, the right current password goes through and clears the count.
    advance(retryAfter(throttled));
    expect((await change(from, PASSWORD)).status).toBe(204);
    expect((await signInFrom(proxied, from, 'rep-b', 'a brand new passphrase')).status).toBe(200);
  });

  it('without TRUST_PROXY ignores X-Forwarded-For: a new header is no new source', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await signInFrom(direct, `192.0.2.${i + 1}`, 'admin', 'spoofed guess')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await signInFrom(direct, OWNER, 'admin', PASSWORD)).status).toBe(429);
    // Counted under the socket's address (none in app.request), never under a forwarded one.
    const rows = await ctx.db.db
      .selectFrom('sign_in_failures')
      .select(['source', 'failures'])
      .where('username', '=', 'admin')
      .where('source', 'not in', ['*', ATTACKER])
      .execute();
    expect(rows).toEqual([{ source: 'unknown', failures: 5 }]);
  });

  it('stops one source spraying guesses over many usernames', async () => {
    const from = '203.0.113.60';
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await signInFrom(proxied, from, `nobody-${i}`, 'guess')).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.at(-1)).toBe(429);
  });

  it('under a distributed attack every failing source waits from its first failure, the owner still signs in', async () => {
    const limited = createApp({
      store: new Store(ctx.db.db),
      now: () => clock,
      accounts: { trustProxy: true, rateLimit: { ...DEFAULT_RATE_LIMIT, accountFailuresPerHour: 10 } },
    });
    for (let i = 1; i <= 10; i++)
      expect((await signInFrom(limited, `198.18.0.${i}`, 'rep-a', 'distributed guess')).status).toBe(401);
    expect((await signInFrom(limited, '198.18.1.1', 'rep-a', 'distributed guess')).status).toBe(401);
    const next = await signInFrom(limited, '198.18.1.1', 'rep-a', 'distributed guess');
    expect(next.status).toBe(429);
    expect(retryAfter(next)).toBe(5);
    expect((await signInFrom(limited, OWNER, 'rep-a', PASSWORD)).status).toBe(200);
  });
});
