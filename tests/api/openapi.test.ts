import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS, type Endpoint } from '../../src/domain/contract';
import { TEST_NOW, testApp } from './test-db';
import { call, type Fixture, fileForm, seedAccounts, signIn, type Who } from './write-helpers';

/**
 * One contract (issue 20): the table in src/domain/contract.ts lists exactly the routes the server
 * answers, the server's answers validate against it, and GET /api/v1/openapi.json describes it.
 */
describe('the API contract table and its OpenAPI document', () => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let f: Fixture;
  let admin: Who;
  let rep: Who;
  beforeAll(async () => {
    ctx = await testApp();
    f = await seedAccounts(ctx.db.db, TEST_NOW);
    admin = await signIn(ctx.app, 'admin');
    rep = await signIn(ctx.app, 'rep-a');
  });
  afterAll(async () => ctx?.close());

  const table = Object.entries(ENDPOINTS) as [string, Endpoint][];
  const key = (method: string, path: string) => `${method} ${path}`;

  it('lists exactly the routes the server answers', () => {
    const served = new Set(
      ctx.app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/') && !r.path.includes('*'))
        .map((r) => key(r.method, r.path.replace(/^\/api\/v1/, ''))),
    );
    const declared = new Set(table.map(([, e]) => key(e.method, e.path)));
    expect(
      [...served].filter((r) => !declared.has(r)),
      'served but not in the contract',
    ).toEqual([]);
    expect(
      [...declared].filter((r) => !served.has(r)),
      'in the contract but not served',
    ).toEqual([]);
    expect(declared.size).toBe(table.length);
  });

  it('answers every read with what the table says (status and schema)', async () => {
    const target = f.targetA;
    const project = (await ctx.db.db.selectFrom('projects').select('id').executeTakeFirstOrThrow()).id;
    const reportId = (
      await ctx.db.db.selectFrom('reports').select('id').where('target_id', '=', target).executeTakeFirstOrThrow()
    ).id;
    const userId = (await ctx.db.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
    const fill = (p: string) =>
      p
        .replace('/targets/:id', `/targets/${target}`)
        .replace('/projects/:id', `/projects/${project}`)
        .replace('/reports/:id', `/reports/${reportId}`)
        .replace('/users/:id', `/users/${userId}`)
        .replace('/departments/:id', '/departments/gxj');
    let checked = 0;
    for (const [name, e] of table) {
      if (e.method !== 'GET') continue;
      const who = e.access === 'reporter' ? rep : admin;
      const res = await call(ctx.app, 'GET', fill(e.path), who);
      expect(res.status, name).toBe(e.status);
      if (e.returns === 'json' && e.response) {
        const parsed = e.response.safeParse(await res.json());
        expect(parsed.success, `${name}: ${parsed.error?.message}`).toBe(true);
      } else
        expect(res.headers.get('content-type'), name).toMatch(
          e.returns === 'docx' ? /wordprocessingml\.document/ : /csv|spreadsheetml/,
        );
      checked++;
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('answers writes with what the table says (a dry run, a sign-in, an import preview)', async () => {
    const dry = await call(ctx.app, 'POST', `/targets/${f.targetA}/reports`, rep, {
      asOf: '2025-12-30',
      value: 1,
      dryRun: true,
      confirmReason: '测试',
    });
    expect(dry.status).toBe(200);
    expect(ENDPOINTS.report.response.safeParse(await dry.json()).success).toBe(true);
    const session = await call(ctx.app, 'GET', '/session', rep);
    expect(ENDPOINTS.session.response.safeParse(await session.json()).success).toBe(true);
    const csv = `目标编号,本期数值,截至日期\n${f.targetA},3,2025-12-30\n`;
    const preview = await call(ctx.app, 'POST', '/imports?mode=dry-run', rep, fileForm(csv, 'a.csv'));
    expect(preview.status).toBe(200);
    expect(ENDPOINTS.importReports.response.safeParse(await preview.json()).success).toBe(true);
  });

  it('serves an OpenAPI 3.1 document of the table, without a session even when reading needs one', async () => {
    const res = await ctx.app.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p));
    expect(ops.map((o) => o.operationId).sort()).toEqual(table.map(([n]) => n).sort());
    // Path parameters in OpenAPI's form; the summary's response schema is the domain's, fields and all.
    expect(doc.paths['/targets/{id}']?.get?.operationId).toBe('target');
    const summary = doc.paths['/summary']?.get?.responses['200'] as {
      content: { 'application/json': { schema: { properties: Record<string, unknown> } } };
    };
    expect(Object.keys(summary.content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['asOf', 'overall', 'sectors', 'headlines', 'warnings', 'freshness']),
    );
  });
});
