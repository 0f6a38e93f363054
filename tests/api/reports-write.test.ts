import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { Store } from '../../server/repositories/store';
import { ensureFirstAdmin } from '../../server/services/bootstrap';
import { problemSchema } from '../../src/domain/problem';
import { targetDetailResponseSchema } from '../../src/domain/target-api';
import { reportResponseSchema, sessionResponseSchema } from '../../src/domain/write-api';
import { type Backend, backends, TEST_NOW, testApp } from './test-db';
import { call, type Fixture, PASSWORD, seedAccounts, signIn, snapshot, type Who } from './write-helpers';

describe.each(backends())('reports, corrections and sessions on %s', (backend: Backend) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let f: Fixture;
  let rep: Who;
  let admin: Who;
  beforeAll(async () => {
    ctx = await testApp(backend);
    f = await seedAccounts(ctx.db.db, TEST_NOW);
    rep = await signIn(ctx.app, 'rep-a');
    admin = await signIn(ctx.app, 'admin');
  });
  afterAll(async () => ctx?.close());

  const post = (path: string, body: unknown, w: Who = rep) => call(ctx.app, 'POST', path, w, body);
  const problemOf = async (res: Response) => problemSchema.parse(await res.json());
  const detail = async (id: string) =>
    targetDetailResponseSchema.parse(await (await ctx.app.request(`/api/v1/targets/${id}?asOf=2025-12-31`)).json());

  it('signs in with an httpOnly SameSite cookie and tells who is signed in', async () => {
    const res = await call(ctx.app, 'POST', '/session', null, { username: 'REP-A', password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = sessionResponseSchema.parse(await (await call(ctx.app, 'GET', '/session', rep)).json());
    expect(me.user?.username).toBe('rep-a');
    expect(me.user?.departments).toHaveLength(1);
    const anon = sessionResponseSchema.parse(await (await call(ctx.app, 'GET', '/session', null)).json());
    expect(anon.user).toBeNull();
  });

  it('refuses a wrong password in Chinese and makes the guessing source wait after repeated failures (shared via the database)', async () => {
    const bad = await call(ctx.app, 'POST', '/session', null, { username: 'viewer', password: 'wrong password!' });
    expect(bad.status).toBe(401);
    expect((await problemOf(bad)).detail).toBe('用户名或密码不正确');
    for (let i = 0; i < 4; i++) await call(ctx.app, 'POST', '/session', null, { username: 'viewer', password: 'nope' });
    // Another instance on the same database makes the same source (no socket here: 'unknown') wait:
    // the counter lives in the database. Other sources are not held (tests/api/lockout.test.ts).
    const other = createApp({ store: new Store(ctx.db.db), now: () => TEST_NOW });
    const locked = await call(other, 'POST', '/session', null, { username: 'viewer', password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBeTruthy();
    const audits = await ctx.db.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'session.sign_in_failed')
      .execute();
    expect(audits.length).toBeGreaterThanOrEqual(5);
  });

  it('resolves a session on any instance (sessions live in the database) and ends it everywhere on sign-out', async () => {
    const w = await signIn(ctx.app, 'rep-b');
    const other = createApp({ store: new Store(ctx.db.db), now: () => TEST_NOW });
    const me = sessionResponseSchema.parse(await (await call(other, 'GET', '/session', w)).json());
    expect(me.user?.username).toBe('rep-b');
    expect((await call(other, 'DELETE', '/session', w)).status).toBe(204);
    const after = sessionResponseSchema.parse(await (await call(ctx.app, 'GET', '/session', w)).json());
    expect(after.user).toBeNull();
    const row = await ctx.db.db.selectFrom('sessions').select('id').execute();
    // Tokens are stored hashed: the cookie value is never in the table.
    const token = w.cookie.split('=')[1] ?? '';
    expect(row.some((r) => r.id === token)).toBe(false);
  });

  it('behind a trusted proxy: the address it appended, its scheme for the cookie, its host for the origin check', async () => {
    const proxied = createApp({ store: new Store(ctx.db.db), now: () => TEST_NOW, accounts: { trustProxy: true } });
    const res = await proxied.request('/api/v1/session', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // The client wrote the first entry itself; the load balancer appended the real address.
        'x-forwarded-for': '6.6.6.6, 203.0.113.9',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'board.example.gov.cn',
        host: '10.0.0.5:5173',
      },
      body: JSON.stringify({ username: 'rep-b', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    const audit = await ctx.db.db
      .selectFrom('audit_log')
      .select('ip')
      .where('action', '=', 'session.sign_in')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.ip).toBe('203.0.113.9');
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const write = (origin: string) =>
      proxied.request('/api/v1/session', {
        method: 'DELETE',
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          origin,
          host: '10.0.0.5:5173',
          'x-forwarded-host': 'board.example.gov.cn',
        },
      });
    expect((await write('https://evil.example')).status).toBe(403);
    expect((await write('https://board.example.gov.cn')).status).toBe(204);
    // Without TRUST_PROXY the headers mean nothing: plain http, no Secure flag.
    const direct = await call(ctx.app, 'POST', '/session', null, { username: 'rep-b', password: PASSWORD });
    expect(direct.headers.get('set-cookie')).not.toMatch(/Secure/i);
  });

  it('answers reads only to signed-in people when READ_ACCESS=signed-in', async () => {
    const closed = createApp({
      store: new Store(ctx.db.db),
      now: () => TEST_NOW,
      accounts: { readAccess: 'signed-in' },
    });
    expect((await closed.request('/api/v1/summary')).status).toBe(401);
    expect((await closed.request('/api/v1/health')).status).toBe(200);
    expect((await closed.request('/api/v1/session')).status).toBe(200);
    expect((await call(closed, 'GET', '/summary', rep)).status).toBe(200);
  });

  it('creates the first admin from the environment only when no user exists, never with a default', async () => {
    expect(await ensureFirstAdmin(ctx.db.db, {}, TEST_NOW)).toBeNull();
    expect(
      await ensureFirstAdmin(ctx.db.db, { ADMIN_USERNAME: 'boss', ADMIN_PASSWORD: 'long enough password' }, TEST_NOW),
    ).toBeNull();
    const fresh = await testApp(backend);
    try {
      await expect(
        ensureFirstAdmin(fresh.db.db, { ADMIN_USERNAME: 'boss', ADMIN_PASSWORD: 'short' }, TEST_NOW),
      ).rejects.toThrow(/ADMIN_PASSWORD/);
      expect(
        await ensureFirstAdmin(
          fresh.db.db,
          { ADMIN_USERNAME: 'boss', ADMIN_PASSWORD: 'long enough password' },
          TEST_NOW,
        ),
      ).toBe('boss');
      const w = await signIn(fresh.app, 'boss', 'long enough password');
      expect(w.csrf).toBeTruthy();
    } finally {
      await fresh.close();
    }
  });

  it('saves a report in a convertible unit, answers with the resulting state, and the dashboard shows it', async () => {
    const before = await detail(f.targetA);
    const last = before.item.state.latest?.value ?? 0;
    const preview = await post(`/targets/${f.targetA}/reports`, { asOf: '2025-12-29', value: last + 5, dryRun: true });
    expect(preview.status).toBe(200);
    expect(reportResponseSchema.parse(await preview.json()).dryRun).toBe(true);
    expect((await detail(f.targetA)).item.reports.length).toBe(before.item.reports.length);

    const res = await post(`/targets/${f.targetA}/reports`, {
      asOf: '2025-12-29',
      value: last + 5,
      note: '第52周',
      evidence: 'https://example.gov.cn/report/52',
    });
    expect(res.status).toBe(201);
    const body = reportResponseSchema.parse(await res.json());
    expect(body.item.reportedBy).toBe('rep-a');
    expect(body.item.recordedAt).toBe(TEST_NOW.toISOString());
    expect(body.state?.latest?.value).toBe(last + 5);
    // The city's plan wants review: the dashboard shows it once a reviewer approves it.
    expect(body.item.approval?.state).toBe('pending');
    expect((await detail(f.targetA)).item.state.latest?.value).toBe(last);
    expect((await post(`/reports/${body.item.id}/approve`, {}, await signIn(ctx.app, 'reviewer'))).status).toBe(200);
    const after = await detail(f.targetA);
    expect(after.item.state.latest?.value).toBe(last + 5);
    expect(after.item.state.latest?.asOf).toBe('2025-12-29');

    const audit = await ctx.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', body.item.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'report.create', actor: 'rep-a', entity: 'report' });
    expect((audit.after as { value: number }).value).toBe(last + 5);

    // The same figure again is not a second report; a different one for the same date is a conflict.
    const again = await post(`/targets/${f.targetA}/reports`, { asOf: '2025-12-29', value: last + 5 });
    expect(again.status).toBe(200);
    expect(reportResponseSchema.parse(await again.json()).unchanged).toBe(true);
    const clash = await post(`/targets/${f.targetA}/reports`, { asOf: '2025-12-29', value: last + 6 });
    expect(clash.status).toBe(409);
    expect((await problemOf(clash)).detail).toContain('如需修改请更正');
  });

  it('validates dates, units and plausibility with Chinese messages per field', async () => {
    const cases: [unknown, number, string, RegExp][] = [
      [{ asOf: '2026-02-01', value: 1 }, 422, 'asOf', /不能晚于今天/],
      [{ asOf: '2024-12-31', value: 1 }, 422, 'asOf', /早于目标期间/],
      [{ asOf: '2025-12-30', value: 1, unit: '万元' }, 422, 'unit', /单位不兼容/],
      [{ asOf: '2025-12-30', value: 'abc' }, 400, 'value', /类型不对/],
      [{ asOf: '2025-13-01', value: 1 }, 400, 'asOf', /日期格式/],
      [{ asOf: '2025-12-30', value: 1, evidence: 'javascript:alert(1)' }, 400, 'evidence', /http/],
    ];
    for (const [body, status, field, message] of cases) {
      const res = await post(`/targets/${f.targetA}/reports`, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      const p = await problemOf(res);
      expect(p.errors?.find((e) => e.field === field)?.message, JSON.stringify(p)).toMatch(message);
    }
    const low = await post(`/targets/${f.targetA}/reports`, { asOf: '2025-12-30', value: 1 });
    expect(low.status).toBe(422);
    const lp = await problemOf(low);
    expect(lp.code).toBe('confirmation_required');
    expect(lp.confirmations?.[0]?.code).toBe('below_last');
    const far = await post(`/targets/${f.targetA}/reports`, { asOf: '2025-12-30', value: 460 * 10 });
    expect((await problemOf(far)).confirmations?.map((c) => c.code)).toContain('far_beyond');
    const confirmed = await post(`/targets/${f.targetA}/reports`, {
      asOf: '2025-12-30',
      value: 460 * 10,
      confirmReason: '口径调整，含新增项目',
    });
    expect(confirmed.status).toBe(201);
    expect(reportResponseSchema.parse(await confirmed.json()).item.note).toContain('口径调整');
  });

  it('corrects a report by appending a superseding one; history shows both', async () => {
    const original = reportResponseSchema.parse(
      await (
        await post(`/targets/${f.targetA}/reports`, { asOf: '2025-12-31', value: 9999, confirmReason: '年末' })
      ).json(),
    ).item;
    const noReason = await post(`/reports/${original.id}/corrections`, { value: 452 });
    expect(noReason.status).toBe(400);
    const res = await post(`/reports/${original.id}/corrections`, {
      value: 452,
      reason: '多录了一位',
      confirmReason: '前一周数据另行更正',
    });
    expect(res.status).toBe(201);
    const fixed = reportResponseSchema.parse(await res.json()).item;
    expect(fixed).toMatchObject({ supersedes: original.id, correctionReason: '多录了一位', asOf: '2025-12-31' });
    const d = await detail(f.targetA);
    const ids = d.item.reports.map((r) => r.id);
    expect(ids).toContain(original.id);
    expect(ids).toContain(fixed.id);
    expect(d.item.reports.find((r) => r.id === original.id)?.superseded).toBe(true);
    // Both wait for review: the version that counts with the pending ones is the correction.
    const pending = targetDetailResponseSchema.parse(
      await (await ctx.app.request(`/api/v1/targets/${f.targetA}?asOf=2025-12-31&includePending=1`)).json(),
    );
    expect(pending.item.state.latest?.value).toBe(452);
    const audit = await ctx.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', fixed.id)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('report.correct');
    expect((audit.before as { value: number }).value).toBe(9999);
    expect((audit.after as { value: number }).value).toBe(452);
  });

  it('two simultaneous corrections of one report: one wins, the other gets a clear conflict, nothing is lost', async () => {
    const original = reportResponseSchema.parse(
      await (
        await post(`/targets/${f.targetA}/reports`, { asOf: '2025-12-28', value: 449, confirmReason: '测试' })
      ).json(),
    ).item;
    const [a, b] = await Promise.all([
      post(`/reports/${original.id}/corrections`, { value: 450, reason: '甲的更正', confirmReason: '测试' }),
      post(`/reports/${original.id}/corrections`, { value: 451, reason: '乙的更正', confirmReason: '测试' }, admin),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    expect((await problemOf(loser)).detail).toMatch(/已被.*更正|已被他人更正/);
    const rows = await ctx.db.db.selectFrom('reports').selectAll().where('supersedes', '=', original.id).execute();
    expect(rows).toHaveLength(1);
    expect(
      await ctx.db.db.selectFrom('reports').select('id').where('id', '=', original.id).executeTakeFirst(),
    ).toBeTruthy();
  });

  it('lists the reporter’s targets, due ones first, with their last report', async () => {
    const res = await call(ctx.app, 'GET', '/my/targets', rep);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { id: string; department: string | null }[]; weekStart: string };
    expect(body.items.map((t) => t.id)).toEqual([f.targetA]);
    expect(body.weekStart).toBe('2026-01-05');
    expect((await call(ctx.app, 'GET', '/my/targets', await signIn(ctx.app, 'rep-b'))).status).toBe(200);
  });

  it('keeps the audit log append-only in the database itself', async () => {
    await expect(ctx.db.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(ctx.db.db.updateTable('audit_log').set({ actor: 'x' }).execute()).rejects.toThrow(/append-only/);
  });

  it('fuzzed report bodies never crash the server and never write anything', async () => {
    const before = await snapshot(ctx.db.db);
    const anyJson = fc.jsonValue({ maxDepth: 3 });
    const reportish = fc.record(
      {
        asOf: fc.oneof(fc.string(), fc.constantFrom('2026-12-31', '2024-01-01', '2025-02-30', ''), fc.integer()),
        value: fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.constant(1e308), anyJson),
        unit: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('万元', '万个', '%', '个', '亿', '千瓦')),
        stagesDone: fc.oneof(fc.integer(), fc.double(), fc.string()),
        note: fc.oneof(fc.string(), fc.string({ minLength: 2001, maxLength: 2100 })),
        evidence: fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'data:text/html,x'), fc.string()),
        dryRun: fc.constant(false),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(reportish, anyJson), async (body) => {
        const res = await post(`/targets/${f.targetA}/reports`, body);
        // No generated body is valid (every as-of date is malformed, missing, in the future or before
        // the period), so every one must be refused with a 4xx problem in Chinese.
        expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
        expect(res.status, JSON.stringify(body)).toBeLessThan(500);
        expect((await problemOf(res)).detail).toMatch(/[\u4e00-\u9fff]/);
      }),
      { numRuns: 150, seed: 7 },
    );
    const created = await ctx.db.db
      .selectFrom('reports')
      .select('id')
      .where('recorded_at', '=', TEST_NOW.toISOString())
      .where('reported_by', '=', 'rep-a')
      .where('as_of', 'not in', ['2025-12-28', '2025-12-29', '2025-12-30', '2025-12-31'])
      .execute();
    expect(created).toEqual([]);
    const after = await snapshot(ctx.db.db);
    expect(after).toEqual(before);
  });

  it('refuses a malformed JSON body, a wrong content type and an oversized body with 4xx', async () => {
    const path = `/api/v1/targets/${f.targetA}/reports`;
    const h = { cookie: rep.cookie, 'x-csrf-token': rep.csrf };
    expect(
      (
        await ctx.app.request(path, {
          method: 'POST',
          headers: { ...h, 'content-type': 'application/json' },
          body: '{"asOf":',
        })
      ).status,
    ).toBe(400);
    expect(
      (await ctx.app.request(path, { method: 'POST', headers: { ...h, 'content-type': 'text/plain' }, body: '{}' }))
        .status,
    ).toBe(415);
    const huge = JSON.stringify({ asOf: '2025-12-30', value: 1, note: 'x'.repeat(200_000) });
    expect(
      (
        await ctx.app.request(path, {
          method: 'POST',
          headers: { ...h, 'content-type': 'application/json' },
          body: huge,
        })
      ).status,
    ).toBe(413);
  });
});
