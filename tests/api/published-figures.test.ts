import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW, testApp } from './test-db';
import { call, DEPT_A, fileForm, seedAccounts, signIn, snapshot, type Who } from './write-helpers';

/**
 * A published figure (with its citation) is corrected by an admin only, with a reason, in the audit
 * log: a department's reporter cannot replace it, by a correction, by a correction of the admin's
 * correction, or by an import row (issue 19).
 */
describe('published figures are corrected by an admin only', () => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let rep: Who;
  let admin: Who;
  let published: { id: string; target_id: string; as_of: string; value: number | null };

  beforeAll(async () => {
    ctx = await testApp();
    await seedAccounts(ctx.db.db, TEST_NOW);
    const row = await ctx.db.db
      .selectFrom('reports')
      .innerJoin('targets', 'targets.id', 'reports.target_id')
      .select(['reports.id', 'reports.target_id', 'reports.as_of', 'reports.value'])
      .where('reports.source_document', 'is not', null)
      .where('targets.kind', '!=', 'milestone')
      .where('reports.value', 'is not', null)
      .orderBy('reports.as_of', 'desc')
      .executeTakeFirst();
    if (!row) throw new Error('the seed has no published figure');
    published = row;
    // The reporter's department leads that target: only the published figure stops them.
    await ctx.db.db.updateTable('targets').set({ department: DEPT_A }).where('id', '=', row.target_id).execute();
    rep = await signIn(ctx.app, 'rep-a');
    admin = await signIn(ctx.app, 'admin');
  });
  afterAll(async () => ctx?.close());

  it('refuses a reporter’s correction and same-date report with 403 naming the source; nothing is written', async () => {
    const before = await snapshot(ctx.db.db);
    const value = (published.value ?? 0) + 1;
    const correction = await call(ctx.app, 'POST', `/reports/${published.id}/corrections`, rep, {
      value,
      reason: '部门口径',
    });
    expect(correction.status).toBe(403);
    const problem = (await correction.json()) as { code: string; detail: string };
    expect(problem.code).toBe('published_figure');
    expect(problem.detail).toContain('官方发布');
    expect(problem.detail).toContain('只有管理员可以更正');
    const sameDate = await call(ctx.app, 'POST', `/targets/${published.target_id}/reports`, rep, {
      asOf: published.as_of,
      value,
      confirmReason: '测试',
    });
    expect(sameDate.status).toBe(403);
    const csv = `目标编号,本期数值,截至日期,原因\n${published.target_id},${value},${published.as_of},部门口径\n`;
    const dry = await call(ctx.app, 'POST', '/imports?mode=dry-run', rep, fileForm(csv, 'x.csv'));
    const body = (await dry.json()) as { rows?: { errors: { message: string }[] }[]; result?: unknown };
    const messages = JSON.stringify(body);
    expect(messages).toContain('官方发布');
    expect((await call(ctx.app, 'POST', '/imports?mode=commit', rep, fileForm(csv, 'x.csv'))).status).toBe(422);
    expect(await snapshot(ctx.db.db)).toEqual(before);
  });

  it('lets an admin correct it with a reason, audited; the reporter cannot then correct the admin’s correction', async () => {
    const noReason = await call(ctx.app, 'POST', `/reports/${published.id}/corrections`, admin, {
      value: (published.value ?? 0) + 2,
    });
    expect(noReason.status).toBe(400);
    const res = await call(ctx.app, 'POST', `/reports/${published.id}/corrections`, admin, {
      value: (published.value ?? 0) + 2,
      reason: '统计局修订数',
      confirmReason: '修订',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const item = ((await res.json()) as { item: { id: string; correctionReason: string } }).item;
    expect(item.correctionReason).toBe('统计局修订数');
    const audit = await ctx.db.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('entity_id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'report.correct', actor: 'admin' });
    const again = await call(ctx.app, 'POST', `/reports/${item.id}/corrections`, rep, {
      value: (published.value ?? 0) + 3,
      reason: '部门口径',
      confirmReason: '测试',
    });
    expect(again.status).toBe(403);
  });
});
