import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createMockApi } from '../../mock/handlers';
import {
  plansResponseSchema,
  sectorsResponseSchema,
  summaryResponseSchema,
  targetsResponseSchema,
} from '../../src/domain/api';
import { problemSchema } from '../../src/domain/problem';
import { projectDetailResponseSchema, projectsResponseSchema } from '../../src/domain/projects-api';
import { reviewResponseSchema } from '../../src/domain/review-api';
import { sessionResponseSchema } from '../../src/domain/session-schema';
import { targetDetailResponseSchema } from '../../src/domain/target-api';
import {
  auditResponseSchema,
  importResponseSchema,
  myTargetsResponseSchema,
  reportResponseSchema,
  userItemSchema,
  usersResponseSchema,
} from '../../src/domain/write-api';
import { TEST_NOW, testApp } from './test-db';
import { call, type Fixture, fileForm, PASSWORD, seedAccounts, type Who } from './write-helpers';

/**
 * One implementation, one contract: what the server answers, reads and writes, validates against
 * the domain's response schemas, with which the client parses every answer. The component tests and
 * their mock (mock/handlers.ts) hand their requests to this same server, so no second implementation
 * can drift from it; the last test checks that wiring.
 */
const ORIGIN = 'http://localhost';

const CASES: Array<[string, number, z.ZodType]> = [
  ['/plans', 200, plansResponseSchema],
  ['/sectors', 200, sectorsResponseSchema],
  ['/targets', 200, targetsResponseSchema],
  ['/targets?plan=qd-2025&sector=demand', 200, targetsResponseSchema],
  ['/targets?status=lagging&asOf=2025-09-30', 200, targetsResponseSchema],
  [`/targets?q=${encodeURIComponent('重点项目')}`, 200, targetsResponseSchema],
  ['/targets?knownAt=2025-07-01T00:00:00Z', 200, targetsResponseSchema],
  ['/summary', 200, summaryResponseSchema],
  ['/summary?asOf=2025-06-30', 200, summaryResponseSchema],
  [`/summary?plan=laoshan-2025&district=${encodeURIComponent('崂山区')}`, 200, summaryResponseSchema],
  ['/projects', 200, projectsResponseSchema],
  ['/projects?sort=-investment&page=3&pageSize=25', 200, projectsResponseSchema],
  ['/projects?sector=marine&stage=construction', 200, projectsResponseSchema],
  ['/targets?asOf=2025-02-30', 400, problemSchema],
  ['/summary?plan=qd-2052', 400, problemSchema],
  ['/projects?page=0', 400, problemSchema],
  ['/targets/does-not-exist', 404, problemSchema],
  ['/projects/does-not-exist', 404, problemSchema],
  ['/review', 200, reviewResponseSchema],
  ['/review?asOf=2025-09-30', 200, reviewResponseSchema],
  ['/review?asOf=2025-06-30&previous=2025-06-02&plan=qd-2025', 200, reviewResponseSchema],
  [`/review?plan=laoshan-2025&district=${encodeURIComponent('崂山区')}&asOf=2025-11-28`, 200, reviewResponseSchema],
  ['/review?asOf=2025-09-30&knownAt=2025-09-20T00:00:00Z', 200, reviewResponseSchema],
  ['/review?asOf=2025-02-30', 400, problemSchema],
  ['/review?asOf=2025-09-30&previous=2025-10-01', 400, problemSchema],
  ['/targets.csv?status=nope', 400, problemSchema],
  // Unknown filter values: a 400 naming the parameter, with the valid values from the catalog.
  [`/summary?district=${encodeURIComponent('崂山')}`, 400, problemSchema],
  [`/targets?department=${encodeURIComponent('市发改')}`, 400, problemSchema],
  [`/review?district=${encodeURIComponent('崂山')}`, 400, problemSchema],
  [`/targets.csv?district=${encodeURIComponent('崂山')}`, 400, problemSchema],
  ['/targets?sector=oceans', 400, problemSchema],
];

/** The body of `res`, checked for its status and parsed with `schema` (the test fails with zod's issues). */
async function answer<S extends z.ZodType>(res: Response, status: number, schema: S): Promise<z.infer<S>> {
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(status);
  return schema.parse(JSON.parse(text));
}

describe('the server answers as the domain schemas say', () => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let f: Fixture;
  beforeAll(async () => {
    ctx = await testApp('pglite');
    f = await seedAccounts(ctx.db.db, TEST_NOW);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it.each(CASES)('%s', async (path, status, schema) => {
    await answer(await ctx.app.request(`/api/v1${path}`), status, schema);
  });

  it('answers a target detail and a project detail', async () => {
    const targets = targetsResponseSchema.parse(await (await ctx.app.request('/api/v1/targets')).json());
    const withProjects = targets.items.find((t) => t.headline === 'key-projects');
    const sample = [targets.items[0], targets.items[targets.items.length - 1], withProjects].filter(
      (t) => t !== undefined,
    );
    expect(sample).toHaveLength(3);
    for (const t of sample)
      await answer(await ctx.app.request(`/api/v1/targets/${t.id}?asOf=2025-08-29`), 200, targetDetailResponseSchema);
    const page = projectsResponseSchema.parse(await (await ctx.app.request('/api/v1/projects?pageSize=1')).json());
    await answer(await ctx.app.request(`/api/v1/projects/${page.items[0]?.id}`), 200, projectDetailResponseSchema);
  });

  it.each(['/targets.csv', '/targets.csv?sector=marine&asOf=2025-06-30', '/targets.csv?knownAt=2025-07-01T00:00:00Z'])(
    '%s is a CSV attachment',
    async (path) => {
      const res = await ctx.app.request(`/api/v1${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=.*\.csv/);
      expect((await res.text()).split('\n').length).toBeGreaterThan(2);
    },
  );

  it('answers the writes: sign-in, session, a report, its correction, a conflict, an import, users, sign-out', async () => {
    const signedIn = await call(ctx.app, 'POST', '/session', null, { username: 'rep-a', password: PASSWORD });
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const session = await answer(signedIn, 200, sessionResponseSchema);
    expect(session.user?.username).toBe('rep-a');
    const rep: Who = { cookie, csrf: session.csrfToken ?? '' };
    expect((await answer(await call(ctx.app, 'GET', '/session', rep), 200, sessionResponseSchema)).user?.username).toBe(
      'rep-a',
    );
    const mine = await answer(await call(ctx.app, 'GET', '/my/targets', rep), 200, myTargetsResponseSchema);
    expect(mine.items.map((t) => t.id)).toContain(f.targetA);

    // A figure above every one so far, on a day of the target's period that has none yet: a new
    // report, not a correction.
    const detail = await answer(
      await call(ctx.app, 'GET', `/targets/${f.targetA}`, rep),
      200,
      targetDetailResponseSchema,
    );
    const latest = Math.max(0, ...detail.item.reports.map((r) => r.value ?? 0));
    const taken = new Set(detail.item.reports.map((r) => r.asOf));
    const [asOf, importAsOf] = ['2025-12-31', '2025-12-30', '2025-12-29', '2025-12-28', '2025-12-27'].filter(
      (d) => !taken.has(d),
    );
    if (!asOf || !importAsOf) throw new Error(`fixture: ${f.targetA} has reports on every day of its last week`);
    const created = await answer(
      await call(ctx.app, 'POST', `/targets/${f.targetA}/reports`, rep, {
        asOf,
        value: latest + 1,
        note: '合同测试',
        confirmReason: '合同测试',
      }),
      201,
      reportResponseSchema,
    );
    expect(created).toMatchObject({
      dryRun: false,
      unchanged: false,
      item: { value: latest + 1, reportedBy: 'rep-a' },
    });
    const corrected = await answer(
      await call(ctx.app, 'POST', `/reports/${created.item.id}/corrections`, rep, {
        value: latest + 2,
        reason: '录入有误',
      }),
      201,
      reportResponseSchema,
    );
    expect(corrected.item).toMatchObject({ supersedes: created.item.id, correctionReason: '录入有误' });
    const conflict = await answer(
      await call(ctx.app, 'POST', `/targets/${f.targetA}/reports`, rep, { asOf, value: latest + 3 }),
      409,
      problemSchema,
    );
    expect(conflict.code).toBe('exists_same_date');
    const invalid = await answer(
      await call(ctx.app, 'POST', `/targets/${f.targetA}/reports`, rep, { asOf, value: 'many' }),
      400,
      problemSchema,
    );
    expect(invalid.errors?.map((e) => e.field)).toContain('value');

    const csv = `目标编号,本期数值,截至日期,原因\n${f.targetA},${latest + 4},${importAsOf},合同测试\n`;
    const preview = await answer(
      await call(ctx.app, 'POST', '/imports?mode=dry-run', rep, fileForm(csv, 'a.csv')),
      200,
      importResponseSchema,
    );
    expect(preview).toMatchObject({ mode: 'dry-run', committed: false, counts: { rows: 1, error: 0 } });
    const committed = await answer(
      await call(ctx.app, 'POST', '/imports?mode=commit', rep, fileForm(csv, 'a.csv')),
      201,
      importResponseSchema,
    );
    expect(committed).toMatchObject({ mode: 'commit', committed: true });

    const admin = await signInAs('admin');
    const user = await answer(
      await call(ctx.app, 'POST', '/admin/users', admin, {
        username: 'contract-rep',
        password: 'long enough password',
        role: 'reporter',
        departments: ['市统计局'],
      }),
      201,
      userItemSchema,
    );
    // A department named as people write it is stored as its registry id.
    expect(user.item.departments).toEqual(['tjj']);
    const users = await answer(await call(ctx.app, 'GET', '/admin/users', admin), 200, usersResponseSchema);
    expect(users.items.map((u) => u.username)).toContain('contract-rep');
    const disabled = await answer(
      await call(ctx.app, 'PATCH', `/admin/users/${user.item.id}`, admin, { disabled: true }),
      200,
      userItemSchema,
    );
    expect(disabled.item.disabled).toBe(true);
    const audit = await answer(await call(ctx.app, 'GET', '/admin/audit', admin), 200, auditResponseSchema);
    expect(audit.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['report.create', 'report.correct', 'import.commit', 'user.create']),
    );

    const out = await call(ctx.app, 'DELETE', '/session', rep);
    expect(out.status).toBe(204);
    expect((await answer(await call(ctx.app, 'GET', '/session', rep), 200, sessionResponseSchema)).user).toBeNull();
  });

  async function signInAs(username: string): Promise<Who> {
    const res = await call(ctx.app, 'POST', '/session', null, { username, password: PASSWORD });
    const body = await answer(res, 200, sessionResponseSchema);
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: body.csrfToken ?? '' };
  }

  it('is what the mock hands requests to, with its cookies, failure modes switched and back', async () => {
    const mock = createMockApi({ origin: ORIGIN, upstream: () => ctx.app, slowMs: 10 });
    const send = (path: string, init?: RequestInit) =>
      getResponse(mock.handlers, new Request(`${ORIGIN}/api/v1${path}`, init));
    const signIn = (username: string) =>
      send('/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });

    await answer((await send('/summary')) as Response, 200, summaryResponseSchema);
    // The session cookie (HttpOnly, so never in document.cookie) is kept and sent, as a browser does.
    await answer((await signIn('viewer')) as Response, 200, sessionResponseSchema);
    expect((await answer((await send('/session')) as Response, 200, sessionResponseSchema)).user?.username).toBe(
      'viewer',
    );

    mock.setFailure('server-error');
    await answer((await send('/summary')) as Response, 500, problemSchema);
    // Who is signed in is asked on every page: it stays up while the data fails.
    await answer((await send('/session')) as Response, 200, sessionResponseSchema);
    mock.setFailure('malformed');
    const malformed = await send('/summary');
    expect(summaryResponseSchema.safeParse(await malformed?.json()).success).toBe(false);
    mock.setFailure('network-error');
    expect((await send('/summary'))?.type).toBe('error');
    mock.setFailure('slow');
    await answer((await send('/plans')) as Response, 200, plansResponseSchema);

    mock.setFailure('none');
    mock.setWriteFailure('network-error');
    expect((await signIn('viewer'))?.type).toBe('error');
    await answer((await send('/summary')) as Response, 200, summaryResponseSchema);
    mock.setWriteFailure('server-error');
    await answer((await signIn('viewer')) as Response, 500, problemSchema);

    mock.reset();
    await answer((await signIn('viewer')) as Response, 200, sessionResponseSchema);
    const out = await send('/session', { method: 'DELETE', headers: { 'x-csrf-token': 'not the token' } });
    expect(out?.status).toBe(403);
    mock.reset();
    expect((await answer((await send('/session')) as Response, 200, sessionResponseSchema)).user).toBeNull();
  });
});
