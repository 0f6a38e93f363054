import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportInputSchema } from '../../src/domain/write-api';
import { TEST_NOW, testApp } from './test-db';
import { call, type Fixture, fileForm, seedAccounts, signIn, snapshot, type Who } from './write-helpers';

/**
 * Input that passes validation must not fail later (issue 19): what validation accepts is stored
 * and read back unchanged; what the database cannot store is a 400 naming the field, never a 500.
 */
describe('hostile input: validation and the database agree', () => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let f: Fixture;
  let rep: Who;
  let admin: Who;
  const errors: unknown[] = [];
  const realError = console.error;
  beforeAll(async () => {
    ctx = await testApp();
    f = await seedAccounts(ctx.db.db, TEST_NOW);
    rep = await signIn(ctx.app, 'rep-a');
    admin = await signIn(ctx.app, 'admin');
    // A server error logs its stack: none may happen here.
    console.error = (...args: unknown[]) => errors.push(args);
  });
  afterAll(async () => {
    console.error = realError;
    await ctx?.close();
  });

  it('stores every note that report validation accepts exactly as sent, and refuses the rest with a 400 naming 说明 (property)', async () => {
    // A target without reports, filled with small rising figures: no check asks for a confirmation.
    await ctx.db.db.deleteFrom('reports').where('target_id', '=', f.targetA).execute();
    let day = 0;
    let stored = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.string({ unit: 'grapheme', maxLength: 40 }),
          fc.constantFrom('a\u0000b', '\uD800', 'x\uDC00y', '\uD83D\uDE00', '\u0001\u001f\u007f', '\uFEFF  ', '\u2028'),
        ),
        async (note) => {
          day++;
          const asOf = new Date(Date.UTC(2025, 2, 1) + day * 86_400_000).toISOString().slice(0, 10);
          const body = { asOf, value: day, note };
          const accepted = reportInputSchema.safeParse(body);
          const res = await call(ctx.app, 'POST', `/targets/${f.targetA}/reports`, rep, body);
          if (!accepted.success) {
            expect(res.status).toBe(400);
            const problem = (await res.json()) as { detail: string; errors?: { field: string }[] };
            expect(problem.errors?.[0]?.field).toBe('note');
            expect(problem.detail).toContain('说明');
            refused++;
            return;
          }
          expect(res.status, await res.clone().text()).toBe(201);
          const row = await ctx.db.db
            .selectFrom('reports')
            .select('note')
            .where('target_id', '=', f.targetA)
            .where('as_of', '=', asOf)
            .executeTakeFirstOrThrow();
          expect(row.note).toBe(accepted.data.note);
          stored++;
        },
      ),
      { numRuns: 80, seed: 19 },
    );
    expect(stored).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(3);
  });

  it('refuses unstorable text in any field of any JSON write, naming it', async () => {
    const res = await call(ctx.app, 'POST', '/admin/users', admin, {
      username: 'nul-user',
      password: 'long enough password',
      role: 'viewer',
      displayName: '张\u0000三',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('displayName');
    const signInNul = await call(ctx.app, 'POST', '/session', null, { username: 'ad\u0000min', password: 'x' });
    expect(signInNul.status).toBe(400);
    const patch = await call(ctx.app, 'PATCH', `/admin/targets/${f.targetA}`, admin, {
      stages: [{ name: '\uD800', plannedDate: '2025-06-30' }],
    });
    expect(patch.status).toBe(400);
    expect(((await patch.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('stages.0.name');
  });

  it('answers a NUL or a broken escape in a path or a search with a 400, not a server error', async () => {
    for (const path of [
      '/api/v1/targets/%00',
      '/api/v1/projects/a%00b',
      '/api/v1/targets?q=%00',
      '/api/v1/projects?q=x%00',
      '/api/v1/targets/%E0%A4%A',
      '/sectors/%00',
    ]) {
      const res = await ctx.app.request(path);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as { detail: string }).detail, path).toMatch(/无法保存的字符/);
    }
    const q = await ctx.app.request('/api/v1/targets?q=%00');
    expect(((await q.json()) as { param: string }).param).toBe('q');
  });

  it('refuses impossible instants and audit dates with a 400 naming the parameter', async () => {
    for (const knownAt of [
      '2025-02-31T00:00:00Z',
      '2025-06-30T24:00:00+08:00',
      '2025-06-30T10:00:00',
      '99999-01-01T00:00:00Z',
    ]) {
      const res = await ctx.app.request(`/api/v1/summary?knownAt=${encodeURIComponent(knownAt)}`);
      expect(res.status, knownAt).toBe(400);
      expect(((await res.json()) as { param: string }).param).toBe('knownAt');
    }
    const review = await ctx.app.request(`/api/v1/review?knownAt=${encodeURIComponent('2025-02-30T18:00:00+08:00')}`);
    expect(review.status).toBe(400);
    expect((await ctx.app.request('/api/v1/summary?knownAt=2025-06-30T18:00:00%2B08:00')).status).toBe(200);
    for (const q of ['from=2025-02-31', 'to=9999999', 'from=2025-13-01T00:00:00Z', 'actor=%00']) {
      const res = await call(ctx.app, 'GET', `/admin/audit?${q}`, admin);
      expect(res.status, q).toBe(400);
      if (q.startsWith('actor')) continue; // refused before the route, for every route alike (above)
      expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field, q).toBe(q.split('=')[0]);
    }
    // A date bound covers its whole day (Shanghai).
    const today = await call(ctx.app, 'GET', '/admin/audit?from=2026-01-05&to=2026-01-05', admin);
    expect(today.status).toBe(200);
    expect(((await today.json()) as { total: number }).total).toBeGreaterThan(0);
  });

  it('refuses a NUL in an imported cell as a row error in the dry run, and writes nothing on commit', async () => {
    // Excel writes NUL in a cell as the escape _x0000_; a CSV can carry one past its first 8 KB.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('填报');
    ws.addRow(['目标编号', '本期数值', '截至日期', '说明']);
    ws.addRow([f.targetA, 5, '2025-11-03', '进展_x0000_顺利']);
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    const padding = `${'#'.repeat(9000)}\n`;
    const csv = `${padding}目标编号,本期数值,截至日期,说明\n${f.targetA},5,2025-11-04,进展\u0000顺利\n`;
    for (const [bytes, name] of [
      [xlsx, 'nul.xlsx'],
      [csv, 'nul.csv'],
    ] as const) {
      const before = await snapshot(ctx.db.db);
      const dry = await call(ctx.app, 'POST', '/imports?mode=dry-run', rep, fileForm(bytes, name));
      const body = (await dry.json()) as { rows?: { errors: { column: string; message: string }[] }[] };
      const issues = (body.rows ?? []).flatMap((r) => r.errors);
      expect(
        issues.some((i) => i.column === '说明' && /无法保存的字符/.test(i.message)),
        name,
      ).toBe(true);
      const commit = await call(ctx.app, 'POST', '/imports?mode=commit', rep, fileForm(bytes, name));
      expect(commit.status, name).toBe(422);
      expect(await snapshot(ctx.db.db)).toEqual(before);
    }
  });

  it('defuses formulas in the audit log’s Excel export as in every other export', async () => {
    const hostile = '=HYPERLINK("http://example.invalid","点我")';
    await ctx.db.db
      .insertInto('audit_log')
      .values({
        at: TEST_NOW.toISOString(),
        actor_id: null,
        actor: '@admin',
        ip: null,
        action: 'target.update',
        entity: 'target',
        entity_id: hostile,
        before: null,
        after: null,
      })
      .execute();
    const res = await call(ctx.app, 'GET', '/admin/audit/export?format=xlsx&entity=target', admin);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const texts: string[] = [];
    wb.worksheets[0]?.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') texts.push(cell.value);
      });
    });
    expect(texts).toContain(`'${hostile}`);
    expect(texts).toContain(`'@admin`);
    expect(texts.filter((t) => /^[=+@-]/.test(t))).toEqual([]);
  });

  it('logged no server error for any of the above', () => {
    expect(errors).toEqual([]);
  });
});
