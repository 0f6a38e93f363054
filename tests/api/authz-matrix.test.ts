import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel } from '../../server/notify/channels';
import { type Backend, backends, TEST_NOW, testApp } from './test-db';
import {
  call,
  DEPT_A,
  DEPT_A_NAME,
  DEPT_B,
  DEPT_B_NAME,
  type Fixture,
  fileForm,
  seedAccounts,
  signIn,
  snapshot,
  type Who,
} from './write-helpers';

type Role =
  | 'anonymous'
  | 'viewer'
  | 'reporter (own dept)'
  | 'reporter (other dept)'
  | 'reviewer (plan)'
  | 'reviewer (dept A)'
  | 'admin';
const ROLES: Role[] = [
  'anonymous',
  'viewer',
  'reporter (own dept)',
  'reporter (other dept)',
  'reviewer (plan)',
  'reviewer (dept A)',
  'admin',
];
const USERNAME: Record<Exclude<Role, 'anonymous'>, string> = {
  viewer: 'viewer',
  'reporter (own dept)': 'rep-a',
  'reporter (other dept)': 'rep-b',
  // Reviews the city's plan whole; reviews DEPT_A's reports only.
  'reviewer (plan)': 'reviewer',
  'reviewer (dept A)': 'rev-a',
  admin: 'admin',
};
/** Every signed-in caller allowed alike (their own session, the reads). */
const ALL_SIGNED_IN = (status: number) => ({
  viewer: status,
  'reporter (own dept)': status,
  'reporter (other dept)': status,
  'reviewer (plan)': status,
  'reviewer (dept A)': status,
  admin: status,
});

/**
 * Every write endpoint × every kind of caller. Denied calls must leave the database exactly as it
 * was; allowed calls must change it (except a dry run). The expected status is the whole answer.
 */
describe.each(backends())('authorization matrix on %s', (backend: Backend) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let f: Fixture;
  const who = new Map<Role, Who | null>();
  let n = 0;
  /** A target of no other case, whose division the division cases change. */
  let divided: string;
  /** Departments for the merge case to merge into DEPT_B, one per call. */
  const MERGEABLE = ['mx-1', 'mx-2', 'mx-3', 'mx-4', 'mx-5', 'mx-6', 'mx-7', 'mx-8'];
  beforeAll(async () => {
    ctx = await testApp(backend);
    f = await seedAccounts(ctx.db.db, TEST_NOW);
    divided = (
      await ctx.db.db
        .selectFrom('targets')
        .select('id')
        .where('id', 'not in', [f.targetA, f.targetB, f.targetNull])
        .orderBy('sort_order')
        .executeTakeFirstOrThrow()
    ).id;
    await ctx.db.db
      .insertInto('departments')
      .values(
        MERGEABLE.map((id) => ({
          id,
          name: `矩阵并入局${id}`,
          short_name: id,
          kind: 'other',
          district: null,
          leader: null,
        })),
      )
      .execute();
    who.set('anonymous', null);
    for (const [role, username] of Object.entries(USERNAME)) who.set(role as Role, await signIn(ctx.app, username));
  });
  afterAll(async () => ctx?.close());

  /** A date in 2025 with no report yet for the target, so that an allowed report is accepted as new. */
  async function freeDate(targetId: string): Promise<string> {
    const used = new Set(
      (await ctx.db.db.selectFrom('reports').select('as_of').where('target_id', '=', targetId).execute()).map(
        (r) => r.as_of,
      ),
    );
    for (const month of ['12', '11', '10'])
      for (let d = 1; d <= 30; d++) {
        const iso = `2025-${month}-${String(d).padStart(2, '0')}`;
        if (!used.has(iso)) return iso;
      }
    throw new Error('no free date');
  }

  async function existingReport(targetId: string): Promise<string> {
    const row = await ctx.db.db
      .selectFrom('reports')
      .select('id')
      .where('target_id', '=', targetId)
      .where('id', 'not in', (eb) => eb.selectFrom('reports').select('supersedes').where('supersedes', 'is not', null))
      .orderBy('as_of', 'desc')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const csv = async (targetId: string) =>
    fileForm(
      `目标编号,本期数值,截至日期,原因\n${targetId},450,${await freeDate(targetId)},矩阵测试 ${++n}\n`,
      'matrix.csv',
    );

  interface Case {
    name: string;
    /** Expected status per role. */
    expect: Record<Role, number>;
    /** Builds the request (fresh preconditions per cell: `prepare`, run before the database is compared). */
    run: (w: Who | null, role: Role, prepared: string) => Promise<Response>;
    prepare?: () => Promise<string>;
    /** Whether an allowed call changes data (false for dry runs and no-op writes). */
    writes?: boolean;
  }
  const D = {
    anonymous: 401,
    viewer: 403,
    'reporter (own dept)': 403,
    'reporter (other dept)': 403,
    'reviewer (plan)': 403,
    'reviewer (dept A)': 403,
  } as const;

  /** A report waiting for review (the city's plan wants review), by `username` on `targetId`. */
  async function pendingReport(targetId: string, by: Role): Promise<string> {
    const res = await call(ctx.app, 'POST', `/targets/${targetId}/reports`, who.get(by) ?? null, {
      asOf: await freeDate(targetId),
      value: 450,
      confirmReason: '矩阵测试',
    });
    const body = (await res.json()) as { item: { id: string; approval?: { state: string } } };
    if (res.status !== 201 || body.item.approval?.state !== 'pending') throw new Error(JSON.stringify(body));
    return body.item.id;
  }
  /** An import of one row waiting for review, by rep-a on target A. */
  async function pendingImport(): Promise<string> {
    const res = await call(
      ctx.app,
      'POST',
      '/imports?mode=commit',
      who.get('reporter (own dept)') ?? null,
      await csv(f.targetA),
    );
    const body = (await res.json()) as { importId: string | null };
    if (res.status !== 201 || !body.importId) throw new Error(JSON.stringify(body));
    return body.importId;
  }
  const REVIEWERS = { 'reviewer (plan)': 200, 'reviewer (dept A)': 200, admin: 200 } as const;
  /** A 督办事项 led by `lead`, created by the administrator (issue 24). */
  async function supervisionItem(lead: string, supporting: string[]): Promise<string> {
    const res = await call(ctx.app, 'POST', '/supervision', who.get('admin') ?? null, {
      title: `矩阵督办 ${++n}`,
      leadDepartment: lead,
      supportingDepartments: supporting,
      dueDate: '2026-03-31',
    });
    const body = (await res.json()) as { item: { id: string } };
    if (res.status !== 201) throw new Error(JSON.stringify(body));
    return body.item.id;
  }

  const cases: Case[] = [
    {
      name: 'GET /review-queue',
      expect: { ...D, ...REVIEWERS },
      run: (w) => call(ctx.app, 'GET', '/review-queue', w),
      writes: false,
    },
    {
      name: 'POST /reports/:id/approve (a DEPT_A report)',
      expect: { ...D, ...REVIEWERS },
      prepare: () => pendingReport(f.targetA, 'reporter (own dept)'),
      run: (w, _r, id) => call(ctx.app, 'POST', `/reports/${id}/approve`, w),
    },
    {
      name: 'POST /reports/:id/approve (a DEPT_B report: outside rev-a’s scope)',
      expect: { ...D, 'reviewer (plan)': 200, admin: 200 },
      prepare: () => pendingReport(f.targetB, 'reporter (other dept)'),
      run: (w, _r, id) => call(ctx.app, 'POST', `/reports/${id}/approve`, w, {}),
    },
    {
      name: 'POST /reports/:id/approve (an administrator’s report: not by that administrator)',
      expect: { ...D, 'reviewer (plan)': 200, admin: 403 },
      prepare: () => pendingReport(f.targetNull, 'admin'),
      run: (w, _r, id) => call(ctx.app, 'POST', `/reports/${id}/approve`, w),
    },
    {
      name: 'POST /reports/:id/return',
      expect: { ...D, ...REVIEWERS },
      prepare: () => pendingReport(f.targetA, 'reporter (own dept)'),
      run: (w, _r, id) => call(ctx.app, 'POST', `/reports/${id}/return`, w, { reason: '数值与台账不符' }),
    },
    {
      name: 'POST /imports/:id/approve',
      expect: { ...D, ...REVIEWERS },
      prepare: pendingImport,
      run: (w, _r, id) => call(ctx.app, 'POST', `/imports/${id}/approve`, w, {}),
    },
    {
      name: 'POST /imports/:id/return',
      expect: { ...D, ...REVIEWERS },
      prepare: pendingImport,
      run: (w, _r, id) => call(ctx.app, 'POST', `/imports/${id}/return`, w, { reason: '整批重报' }),
    },
    {
      name: 'POST /targets/:id/reports (own department’s target)',
      expect: { ...D, 'reporter (own dept)': 201, admin: 201 },
      run: async (w) =>
        call(ctx.app, 'POST', `/targets/${f.targetA}/reports`, w, {
          asOf: await freeDate(f.targetA),
          value: 450,
          confirmReason: '矩阵测试',
        }),
    },
    {
      name: 'POST /targets/:id/reports (target without a department)',
      expect: { ...D, admin: 201 },
      run: async (w) =>
        call(ctx.app, 'POST', `/targets/${f.targetNull}/reports`, w, {
          asOf: await freeDate(f.targetNull),
          value: 1,
          confirmReason: '矩阵测试',
        }),
    },
    {
      name: 'POST /reports/:id/corrections',
      expect: { ...D, 'reporter (own dept)': 201, admin: 201 },
      run: async (w) =>
        call(ctx.app, 'POST', `/reports/${await existingReport(f.targetA)}/corrections`, w, {
          value: 455,
          reason: '矩阵测试更正',
          confirmReason: '矩阵测试',
        }),
    },
    {
      name: 'POST /imports?mode=commit',
      expect: { ...D, 'reporter (own dept)': 201, admin: 201 },
      run: async (w) => call(ctx.app, 'POST', '/imports?mode=commit', w, await csv(f.targetA)),
    },
    {
      name: 'POST /imports?mode=dry-run',
      expect: { ...D, 'reporter (own dept)': 200, 'reporter (other dept)': 200, admin: 200 },
      run: async (w) => call(ctx.app, 'POST', '/imports?mode=dry-run', w, await csv(f.targetA)),
      writes: false,
    },
    {
      name: 'POST /session/password',
      expect: { anonymous: 401, ...ALL_SIGNED_IN(204) },
      run: (w) =>
        call(ctx.app, 'POST', '/session/password', w, {
          currentPassword: 'correct horse battery',
          newPassword: 'correct horse battery',
        }),
    },
    {
      name: 'DELETE /session',
      expect: { anonymous: 401, ...ALL_SIGNED_IN(204) },
      // A session of its own, so the shared ones stay signed in.
      run: async (w, role) =>
        call(ctx.app, 'DELETE', '/session', w && role !== 'anonymous' ? await signIn(ctx.app, USERNAME[role]) : null),
      writes: false,
    },
    {
      name: 'POST /admin/users',
      expect: { ...D, admin: 201 },
      run: (w) =>
        call(ctx.app, 'POST', '/admin/users', w, {
          username: `new-${++n}`,
          password: 'another long password',
          role: 'reporter',
          departments: [DEPT_A],
        }),
    },
    {
      name: 'PATCH /admin/users/:id',
      expect: { ...D, admin: 200 },
      run: async (w) => {
        const u = await ctx.db.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', 'viewer')
          .executeTakeFirstOrThrow();
        return call(ctx.app, 'PATCH', `/admin/users/${u.id}`, w, { displayName: `查看者 ${++n}` });
      },
    },
    {
      name: 'POST /admin/plans',
      expect: { ...D, admin: 201 },
      run: (w) =>
        call(ctx.app, 'POST', '/admin/plans', w, {
          id: `plan-${++n}`,
          title: '测试规划',
          issuer: '测试',
          year: 2026,
          document: 'test.txt',
          publishedOn: null,
          thresholds: { lagPp: 5, severePp: 15, severeMiss: 0.1, cycleDays: 14, approxTolerance: 0.05 },
        }),
    },
    {
      name: 'POST /admin/targets',
      expect: { ...D, admin: 201 },
      run: async (w) => {
        const t = await ctx.store.target(f.targetB);
        return call(ctx.app, 'POST', '/admin/targets', w, { ...t, id: `t-${++n}`, department: DEPT_A });
      },
    },
    {
      name: 'PATCH /admin/targets/:id',
      expect: { ...D, admin: 200 },
      run: (w) => call(ctx.app, 'PATCH', `/admin/targets/${f.targetB}`, w, { subsection: `分项 ${++n}` }),
    },
    {
      name: 'POST /admin/catalog-imports?mode=commit',
      expect: { ...D, admin: 201 },
      run: (w) =>
        call(
          ctx.app,
          'POST',
          '/admin/catalog-imports?mode=commit',
          w,
          fileForm(
            `编号,规划编号,领域,目标名称,指标类型,单位,目标值,开始日期,截止日期,来源文件,来源原文\nm-${++n},qd-2025,民生,测试目标,累计,个,10,2026-01-01,2026-12-31,test.txt,测试\n`,
            'catalog.csv',
          ),
        ),
    },
    // Issue 22: the department registry and the division of tasks. Reads are open (READ_ACCESS=open);
    // the admin's registry and every write are the admin's alone.
    ...(
      [
        ['GET /departments', '/departments'],
        ['GET /departments/:id', `/departments/${DEPT_A}`],
        ['GET /rankings', '/rankings?by=district&measure=gap'],
        ['GET /rankings.xlsx', '/rankings.xlsx'],
      ] as const
    ).map(
      ([name, path]): Case => ({
        name,
        expect: { anonymous: 200, ...ALL_SIGNED_IN(200) },
        run: (w) => call(ctx.app, 'GET', path, w),
        writes: false,
      }),
    ),
    {
      name: 'GET /admin/departments',
      expect: { ...D, admin: 200 },
      run: (w) => call(ctx.app, 'GET', '/admin/departments', w),
      writes: false,
    },
    {
      name: 'POST /admin/departments',
      expect: { ...D, admin: 201 },
      run: (w) => call(ctx.app, 'POST', '/admin/departments', w, { name: `矩阵测试局${++n}`, kind: 'city' }),
    },
    {
      name: 'PATCH /admin/departments/:id',
      expect: { ...D, admin: 200 },
      run: (w) => call(ctx.app, 'PATCH', `/admin/departments/${DEPT_B}`, w, { leader: `分管领导${++n}` }),
    },
    {
      name: 'POST /admin/departments/:id/merge',
      expect: { ...D, admin: 200 },
      run: (w) => {
        const from = MERGEABLE.shift();
        if (!from) throw new Error('no department left to merge');
        return call(ctx.app, 'POST', `/admin/departments/${from}/merge`, w, { into: DEPT_B });
      },
    },
    {
      name: 'POST /admin/division',
      expect: { ...D, admin: 200 },
      run: async (w) => {
        const t = await ctx.store.target(divided);
        return call(ctx.app, 'POST', '/admin/division', w, {
          targetIds: [divided],
          department: t?.department === DEPT_A ? DEPT_B : DEPT_A,
          supportingDepartments: [],
          supportMayReport: !t?.supportMayReport,
        });
      },
    },
    ...(['dry-run', 'commit'] as const).map(
      (mode): Case => ({
        name: `POST /admin/division-imports?mode=${mode}`,
        expect: { ...D, admin: mode === 'commit' ? 201 : 200 },
        run: async (w) => {
          const t = await ctx.store.target(divided);
          const lead = t?.department === DEPT_A ? DEPT_B_NAME : DEPT_A_NAME;
          const sheet = `目标编号,牵头单位,配合单位,配合单位可填报\n${divided},${lead},,否\n`;
          return call(ctx.app, 'POST', `/admin/division-imports?mode=${mode}`, w, fileForm(sheet, 'division.csv'));
        },
        writes: mode === 'commit',
      }),
    ),
    ...(['dry-run', 'commit'] as const).map(
      (mode): Case => ({
        name: `POST /admin/department-imports?mode=${mode}`,
        expect: { ...D, admin: mode === 'commit' ? 201 : 200 },
        run: (w) =>
          call(
            ctx.app,
            'POST',
            `/admin/department-imports?mode=${mode}`,
            w,
            fileForm(`部门全称,简称,类别\n矩阵导入局${++n},矩阵导入${n},其他\n`, 'departments.csv'),
          ),
        writes: mode === 'commit',
      }),
    ),
    // Issue 24: delivery channels, deliveries and scheduled jobs are the administrator's alone.
    ...(
      [
        ['GET /admin/channels', '/admin/channels'],
        ['GET /admin/deliveries', '/admin/deliveries'],
        ['GET /admin/jobs', '/admin/jobs'],
      ] as const
    ).map(
      ([name, path]): Case => ({
        name,
        expect: { ...D, admin: 200 },
        run: (w) => call(ctx.app, 'GET', path, w),
        writes: false,
      }),
    ),
    {
      name: 'POST /admin/channels',
      expect: { ...D, admin: 201 },
      run: (w) =>
        call(ctx.app, 'POST', '/admin/channels', w, {
          kind: 'webhook',
          name: `矩阵通道 ${++n}`,
          audience: 'office',
          url: 'http://127.0.0.1:9/matrix',
        }),
    },
    ...(['PATCH', 'DELETE', 'POST test'] as const).map(
      (op): Case => ({
        name: `${op === 'POST test' ? 'POST /admin/channels/:id/test' : `${op} /admin/channels/:id`}`,
        expect: { ...D, admin: op === 'DELETE' ? 204 : 200 },
        prepare: async () =>
          (
            await createChannel(
              ctx.db.db,
              // Port 9 (discard) refuses at once: the test message fails fast, and is recorded.
              { kind: 'webhook', name: `矩阵通道 ${++n}`, audience: 'office', url: 'http://127.0.0.1:9/matrix' },
              TEST_NOW,
            )
          ).id,
        run: (w, _r, id) =>
          op === 'PATCH'
            ? call(ctx.app, 'PATCH', `/admin/channels/${id}`, w, {
                kind: 'webhook',
                name: `矩阵通道 ${++n}`,
                audience: 'leaders',
              })
            : op === 'DELETE'
              ? call(ctx.app, 'DELETE', `/admin/channels/${id}`, w)
              : call(ctx.app, 'POST', `/admin/channels/${id}/test`, w),
      }),
    ),
    {
      name: 'PATCH /admin/jobs/:name',
      expect: { ...D, admin: 200 },
      run: (w) => call(ctx.app, 'PATCH', '/admin/jobs/reminders', w, { cron: `${++n % 60} 9 * * 1` }),
    },
    {
      name: 'POST /admin/jobs/:name/run',
      expect: { ...D, admin: 200 },
      run: (w) => call(ctx.app, 'POST', '/admin/jobs/reminders/run', w),
    },
    // Issue 24: 督办事项. Reading is open; the target office (reviewers, administrators) creates and
    // changes the decision; the lead department's reporters report progress and close; a supporting
    // department's reporters report progress only.
    {
      name: 'GET /supervision',
      expect: { anonymous: 200, ...ALL_SIGNED_IN(200) },
      run: (w) => call(ctx.app, 'GET', '/supervision', w),
      writes: false,
    },
    {
      name: 'GET /supervision?mine=1',
      expect: { anonymous: 401, ...ALL_SIGNED_IN(200) },
      run: (w) => call(ctx.app, 'GET', '/supervision?mine=1', w),
      writes: false,
    },
    {
      name: 'POST /supervision',
      expect: { ...D, 'reviewer (plan)': 201, 'reviewer (dept A)': 201, admin: 201 },
      run: (w) =>
        call(ctx.app, 'POST', '/supervision', w, {
          title: `矩阵督办 ${++n}`,
          leadDepartment: DEPT_A,
          dueDate: '2026-03-31',
        }),
    },
    {
      name: 'PATCH /supervision/:id (progress; led by DEPT_A)',
      expect: { ...D, 'reporter (own dept)': 200, ...REVIEWERS },
      prepare: () => supervisionItem(DEPT_A, []),
      run: (w, _r, id) => call(ctx.app, 'PATCH', `/supervision/${id}`, w, { progress: `进展 ${++n}` }),
    },
    {
      name: 'PATCH /supervision/:id (close; led by DEPT_B, DEPT_A supporting: outside rev-a’s scope)',
      expect: { ...D, 'reporter (other dept)': 200, ...REVIEWERS, 'reviewer (dept A)': 403 },
      prepare: () => supervisionItem(DEPT_B, [DEPT_A]),
      run: (w, _r, id) => call(ctx.app, 'PATCH', `/supervision/${id}`, w, { status: 'done', note: '已办结' }),
    },
    {
      name: 'PATCH /supervision/:id (progress; led by DEPT_B, DEPT_A supporting: outside rev-a’s scope)',
      expect: {
        ...D,
        'reporter (own dept)': 200,
        'reporter (other dept)': 200,
        ...REVIEWERS,
        'reviewer (dept A)': 403,
      },
      prepare: () => supervisionItem(DEPT_B, [DEPT_A]),
      run: (w, _r, id) => call(ctx.app, 'PATCH', `/supervision/${id}`, w, { progress: `配合进展 ${++n}` }),
    },
    {
      name: 'PATCH /supervision/:id (due date; led by DEPT_A)',
      expect: { ...D, ...REVIEWERS },
      prepare: () => supervisionItem(DEPT_A, []),
      run: (w, _r, id) => call(ctx.app, 'PATCH', `/supervision/${id}`, w, { dueDate: '2026-06-30' }),
    },
    {
      name: 'PATCH /supervision/:id (reopen; led by DEPT_A, closed)',
      expect: { ...D, ...REVIEWERS },
      prepare: async () => {
        const id = await supervisionItem(DEPT_A, []);
        const res = await call(ctx.app, 'PATCH', `/supervision/${id}`, who.get('admin') ?? null, {
          status: 'done',
          note: '已办结',
        });
        if (res.status !== 200) throw new Error(await res.text());
        return id;
      },
      run: (w, _r, id) => call(ctx.app, 'PATCH', `/supervision/${id}`, w, { status: 'open' }),
    },
  ];

  for (const cse of cases) {
    it.each(ROLES)(`${cse.name} × %s`, async (role) => {
      const w = who.get(role) ?? null;
      const prepared = cse.prepare ? await cse.prepare() : '';
      const before = await snapshot(ctx.db.db);
      const res = await cse.run(w, role, prepared);
      const expected = cse.expect[role];
      expect(res.status, `${role}: ${await res.clone().text()}`).toBe(expected);
      const after = await snapshot(ctx.db.db);
      if (expected >= 400 || cse.writes === false) expect(after).toEqual(before);
      else expect(after).not.toEqual(before);
      if (expected === 401 || expected === 403) {
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(((await res.json()) as { detail: string }).detail).toMatch(/[\u4e00-\u9fff]/);
      }
    });
  }

  it.each(ROLES.filter((r) => r !== 'anonymous'))(
    '%s without the CSRF token is refused and nothing changes',
    async (role) => {
      const w = who.get(role);
      if (!w) throw new Error('no session');
      const before = await snapshot(ctx.db.db);
      const noCsrf = { cookie: w.cookie, csrf: '' };
      for (const [method, path, body] of [
        ['POST', `/targets/${f.targetA}/reports`, { asOf: '2025-12-30', value: 450 }],
        ['POST', '/admin/users', { username: 'x-csrf', password: 'another long password', role: 'admin' }],
        ['PATCH', `/admin/targets/${f.targetB}`, { department: DEPT_A }],
        ['DELETE', '/session', undefined],
      ] as const) {
        const res = await call(ctx.app, method, path, noCsrf, body);
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(((await res.json()) as { code: string }).code).toBe('csrf');
      }
      const cross = await call(
        ctx.app,
        'POST',
        `/targets/${f.targetA}/reports`,
        w,
        { asOf: '2025-12-30', value: 450 },
        {
          origin: 'https://evil.example',
        },
      );
      expect(cross.status).toBe(403);
      expect(await snapshot(ctx.db.db)).toEqual(before);
    },
  );
});
