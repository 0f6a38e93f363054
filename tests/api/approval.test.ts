import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { Store } from '../../server/repositories/store';
import { plansResponseSchema, summaryResponseSchema, targetsResponseSchema } from '../../src/domain/api';
import {
  decisionResponseSchema,
  importDecisionResponseSchema,
  reviewQueueResponseSchema,
} from '../../src/domain/approval-api';
import { problemSchema } from '../../src/domain/problem';
import type { ProgressReport } from '../../src/domain/schemas';
import { targetDetailResponseSchema } from '../../src/domain/target-api';
import { importResponseSchema, myTargetsResponseSchema, reportResponseSchema } from '../../src/domain/write-api';
import { type Backend, backends, TEST_NOW, testApp } from './test-db';
import { call, type Fixture, fileForm, seedAccounts, signIn, snapshot, type Who } from './write-helpers';

/**
 * Reports that wait for review (issue 23): what the board, the exports and the reviewer see at each
 * step. The city's plan (qd-2025) wants review; the fixture's targets A and B are in it.
 */
describe.each(backends())('review of reports on %s', (backend: Backend) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let f: Fixture;
  let repA: Who;
  let repB: Who;
  let reviewer: Who;
  let revA: Who;
  let admin: Who;
  beforeAll(async () => {
    ctx = await testApp(backend);
    f = await seedAccounts(ctx.db.db, TEST_NOW);
    repA = await signIn(ctx.app, 'rep-a');
    repB = await signIn(ctx.app, 'rep-b');
    reviewer = await signIn(ctx.app, 'reviewer');
    revA = await signIn(ctx.app, 'rev-a');
    admin = await signIn(ctx.app, 'admin');
  });
  afterAll(async () => ctx?.close());

  const text = async (path: string) => (await ctx.app.request(`/api/v1${path}`)).text();
  const json = async (path: string, who: Who | null = null) => (await call(ctx.app, 'GET', path, who)).json();
  const detail = async (id: string, query = '') =>
    targetDetailResponseSchema.parse(await json(`/targets/${id}${query}`)).item;
  /** A free as-of date for the target (every call of a test takes its own). */
  async function freeDate(targetId: string): Promise<string> {
    const used = new Set(
      (await ctx.db.db.selectFrom('reports').select('as_of').where('target_id', '=', targetId).execute()).map(
        (r) => r.as_of,
      ),
    );
    for (const month of ['12', '11', '10', '09'])
      for (let d = 30; d >= 1; d--) {
        const iso = `2025-${month}-${String(d).padStart(2, '0')}`;
        if (!used.has(iso)) return iso;
      }
    throw new Error('no free date');
  }
  /** The app with its clock at `ms` (several instances on the one database). */
  const appAt = (ms: number) => createApp({ store: new Store(ctx.db.db), now: () => new Date(ms) });
  async function report(
    who: Who,
    targetId: string,
    body: Record<string, unknown>,
    app = ctx.app,
  ): Promise<ProgressReport> {
    const res = await call(app, 'POST', `/targets/${targetId}/reports`, who, {
      asOf: await freeDate(targetId),
      confirmReason: '审核测试',
      ...body,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return reportResponseSchema.parse(await res.json()).item;
  }
  const decide = (who: Who, id: string, kind: 'approve' | 'return', reason?: string) =>
    call(ctx.app, 'POST', `/reports/${id}/${kind}`, who, kind === 'return' ? { reason } : undefined);

  it('says which plans want review, and stores a department’s report there as 待审核', async () => {
    const plans = plansResponseSchema.parse(await json('/plans')).items;
    expect(plans.find((p) => p.id === 'qd-2025')?.approval).toBe(true);
    expect(plans.filter((p) => p.id !== 'qd-2025').every((p) => p.approval === false)).toBe(true);
    const target = await detail(f.targetA);
    expect(target.planId).toBe('qd-2025');
    const r = await report(repA, f.targetA, { value: 1 });
    expect(r.approval).toMatchObject({ state: 'pending', by: null, at: null, reason: null });
  });

  it('leaves the board, the list, the exports and the review unchanged until a reviewer approves, and shows the figure marked 初报 with 含待审核', async () => {
    const target = await detail(f.targetB);
    const goal = target.target as number;
    // (The target's own page lists every version, the pending one too: its state is checked below.)
    const paths = ['/summary', '/targets', '/targets.csv', '/review', '/rankings', `/departments/test-b`];
    const before = await Promise.all(paths.map(text));
    const sent = await report(repB, f.targetB, {
      value: goal,
      narrative: { problems: '土地指标审批滞后', nextSteps: '周五前报市政府协调', coordination: '' },
    });
    // Every read, byte for byte: the pending figure moves nothing.
    expect(await Promise.all(paths.map(text))).toEqual(before);
    const now = await detail(f.targetB);
    expect(now.state.latest?.asOf).not.toBe(sent.asOf);

    // The switch shows it, marked 初报, on the target, in the list and in the summary.
    const pending = await detail(f.targetB, '?includePending=1');
    expect(pending.state.latest).toMatchObject({ asOf: sent.asOf, value: goal, provisional: true });
    const listed = targetsResponseSchema
      .parse(await json('/targets?includePending=1'))
      .items.find((t) => t.id === f.targetB);
    expect(listed?.state.latest?.provisional).toBe(true);
    const s0 = summaryResponseSchema.parse(JSON.parse(before[0] as string));
    const s1 = summaryResponseSchema.parse(await json('/summary?includePending=1'));
    expect(s1).not.toEqual(s0);
    const pendingCsv = await text(`/targets.csv?includePending=1`);
    expect(pendingCsv).not.toBe(before[2]);
    // The export says which figures wait for review, as the page does; the default export has no such column.
    const header = (pendingCsv.replace(/^\uFEFF/, '').split('\r\n')[0] ?? '').split(',');
    expect(header.at(-1)).toBe('初报（待审核）');
    const row = pendingCsv.split('\r\n').find((l) => l.startsWith(`${f.targetB},`)) ?? '';
    expect(row.endsWith(',是')).toBe(true);
    expect(before[2]).not.toContain('初报');

    // The reviewer approves: now the default board has it, unmarked, with its narrative in the history.
    const approved = decisionResponseSchema.parse(await (await decide(reviewer, sent.id, 'approve')).json()).item;
    expect(approved.approval).toMatchObject({ state: 'approved', by: 'reviewer', reason: null });
    expect(Date.parse(approved.approval?.at ?? '')).toBe(TEST_NOW.getTime());
    const after = await detail(f.targetB);
    expect(after.state.latest).toMatchObject({ asOf: sent.asOf, value: goal });
    expect(after.state.latest?.provisional).toBeUndefined();
    const version = after.reports.find((r) => r.id === sent.id);
    expect(version?.narrative).toEqual({
      progress: '',
      problems: '土地指标审批滞后',
      nextSteps: '周五前报市政府协调',
      coordination: '',
    });
    expect(version?.reportedByName).toBe('rep-b');
    expect(version?.approval?.byName).toBe('reviewer');
    expect(await text('/targets.csv')).not.toBe(before[2]);
    expect(await text('/summary')).not.toBe(before[0]);
  });

  it('a meeting reproduced at a past instant counts a report from when it was approved, not when it was sent', async () => {
    const sent = await report(repA, f.targetA, { value: 2 });
    const sentAt = sent.recordedAt;
    // Approved an hour later (another clock): at the instant it was sent, the board did not have it yet.
    const later = new Date(TEST_NOW.getTime() + 3_600_000);
    const app2 = appAt(later.getTime());
    const res = await call(app2, 'POST', `/reports/${sent.id}/approve`, reviewer);
    expect(res.status, await res.clone().text()).toBe(200);
    const at = (knownAt: string) =>
      detail(f.targetA, `?asOf=${sent.asOf}&knownAt=${encodeURIComponent(knownAt)}`).then((t) => t.state.latest);
    expect((await at(sentAt))?.value).not.toBe(2);
    expect((await at(later.toISOString()))?.value).toBe(2);
    // With the pending ones, it counts from when it was sent.
    const pendingAt = await detail(
      f.targetA,
      `?asOf=${sent.asOf}&knownAt=${encodeURIComponent(sentAt)}&includePending=1`,
    );
    expect(pendingAt.state.latest?.value).toBe(2);
  });

  it('return → revise → approve keeps every version, each with who decided and why, in the history and the audit log', async () => {
    const first = await report(repA, f.targetA, {
      value: 3,
      narrative: { progress: '新开工 3 个项目' },
    });
    const returned = await decide(revA, first.id, 'return', '与统计台账不符，请核实');
    expect(returned.status, await returned.clone().text()).toBe(200);
    // The reporter sees why.
    const mine = async () =>
      myTargetsResponseSchema.parse(await json('/my/targets', repA)).items.find((t) => t.id === f.targetA);
    expect((await mine())?.returned.map((r) => [r.id, r.approval?.state, r.approval?.reason, r.approval?.by])).toEqual([
      [first.id, 'returned', '与统计台账不符，请核实', 'rev-a'],
    ]);
    // A returned report cannot be approved, nor returned again.
    const again = await decide(reviewer, first.id, 'approve');
    expect(again.status).toBe(409);
    expect(problemSchema.parse(await again.json())).toMatchObject({ code: 'not_pending' });
    // Revised as a new version (a correction of the returned one), never edited in place.
    const res = await call(ctx.app, 'POST', `/reports/${first.id}/corrections`, repA, {
      value: 4,
      reason: '按退回意见修改',
      confirmReason: '审核测试',
      narrative: { progress: '新开工 4 个项目（已与统计台账核对）' },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const revised = reportResponseSchema.parse(await res.json()).item;
    expect(revised).toMatchObject({ supersedes: first.id, approval: { state: 'pending' } });
    // Revised: no longer on the reporter's to-do.
    expect((await mine())?.returned).toEqual([]);
    expect((await decide(revA, revised.id, 'approve')).status).toBe(200);

    const history = (await detail(f.targetA, `?asOf=${first.asOf}`)).reports;
    const v1 = history.find((r) => r.id === first.id);
    const v2 = history.find((r) => r.id === revised.id);
    expect(v1).toMatchObject({
      value: 3,
      superseded: true,
      approval: { state: 'returned', by: 'rev-a', reason: '与统计台账不符，请核实' },
      narrative: { progress: '新开工 3 个项目' },
    });
    expect(v2).toMatchObject({
      value: 4,
      superseded: false,
      supersedes: first.id,
      approval: { state: 'approved', by: 'rev-a' },
    });
    expect((await detail(f.targetA, `?asOf=${first.asOf}`)).state.latest?.value).toBe(4);
    const audit = await ctx.db.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('entity_id', 'in', [first.id, revised.id])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => `${a.action} ${a.actor}`)).toEqual([
      'report.create rep-a',
      'report.return rev-a',
      'report.correct rep-a',
      'report.approve rev-a',
    ]);
  });

  it('an approved version corrected while the correction waits: the board keeps the approved one', async () => {
    const base = await report(repA, f.targetA, { value: 5 });
    expect((await decide(reviewer, base.id, 'approve')).status).toBe(200);
    const res = await call(ctx.app, 'POST', `/reports/${base.id}/corrections`, repA, {
      value: 6,
      reason: '更正笔误',
      confirmReason: '审核测试',
    });
    expect(res.status).toBe(201);
    const at = `?asOf=${base.asOf}`;
    expect((await detail(f.targetA, at)).state.latest?.value).toBe(5);
    expect((await detail(f.targetA, `${at}&includePending=1`)).state.latest?.value).toBe(6);
    // The history strikes through what this view replaced: nothing yet; with the pending ones, the original.
    expect((await detail(f.targetA, at)).reports.find((r) => r.id === base.id)?.superseded).toBe(false);
    expect((await detail(f.targetA, `${at}&includePending=1`)).reports.find((r) => r.id === base.id)?.superseded).toBe(
      true,
    );
    // The approved original is no longer the latest version: it cannot be decided, the correction can.
    const correction = reportResponseSchema.parse(await res.json()).item;
    expect((await decide(reviewer, correction.id, 'approve')).status).toBe(200);
    expect((await detail(f.targetA, at)).state.latest?.value).toBe(6);
  });

  it('the reviewer’s queue: newest first, in scope, never one’s own, the figure beside the board’s and the pace', async () => {
    // Sent a minute apart (each through an app whose clock says so): the newest comes first.
    const at = (minutes: number) => appAt(TEST_NOW.getTime() + minutes * 60_000);
    const a = await report(repA, f.targetA, { value: 7, narrative: { problems: '资金未到位' } }, at(1));
    const b = await report(repB, f.targetB, { value: 8 }, at(2));
    const own = await report(admin, f.targetB, { value: 9 }, at(3));
    const planQueue = reviewQueueResponseSchema.parse(await json('/review-queue', reviewer));
    const ids = planQueue.items.map((i) => i.report.id);
    expect(ids.indexOf(own.id)).toBeLessThan(ids.indexOf(b.id));
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    expect(planQueue.scope).toContain('青岛市2025年政府工作报告');
    const item = planQueue.items.find((i) => i.report.id === a.id);
    expect(item?.report.narrative?.problems).toBe('资金未到位');
    expect(item?.report.reportedByName).toBe('rep-a');
    expect(item?.target).toMatchObject({ id: f.targetA, department: 'test-a' });
    expect(item?.proposed?.latest).toMatchObject({ value: 7, provisional: true });
    expect(item?.current?.latest?.value).not.toBe(7);
    expect(item?.previous?.approval?.state ?? 'approved').toBe('approved');
    // rev-a sees DEPT_A's only; the admin does not see their own.
    const deptQueue = reviewQueueResponseSchema.parse(await json('/review-queue', revA));
    expect(deptQueue.items.every((i) => i.target.department === 'test-a')).toBe(true);
    expect(deptQueue.items.map((i) => i.report.id)).toContain(a.id);
    const adminQueue = reviewQueueResponseSchema.parse(await json('/review-queue', admin));
    expect(adminQueue.items.map((i) => i.report.id)).not.toContain(own.id);
    // A reporter has no queue.
    expect((await call(ctx.app, 'GET', '/review-queue', repA)).status).toBe(403);
  });

  it('approves an import’s rows all at once, or none when one row is outside the reviewer’s scope', async () => {
    const rows = [
      [f.targetA, 10, await freeDate(f.targetA)],
      [f.targetB, 11, await freeDate(f.targetB)],
    ];
    const csv = ['目标编号,本期数值,截至日期,原因', ...rows.map((r) => `${r.join(',')},导入审核测试`)].join('\n');
    const res = await call(ctx.app, 'POST', '/imports?mode=commit', admin, fileForm(csv, 'approval.csv'));
    expect(res.status, await res.clone().text()).toBe(201);
    const imported = importResponseSchema.parse(await res.json());
    const importId = imported.importId as string;
    const states = async () =>
      (await ctx.db.db.selectFrom('reports').select('approval').where('import_id', '=', importId).execute()).map(
        (r) => r.approval,
      );
    expect(await states()).toEqual(['pending', 'pending']);
    // rev-a reviews DEPT_A only: the row on B refuses the whole file, and nothing changes.
    const before = await snapshot(ctx.db.db);
    const refused = await call(ctx.app, 'POST', `/imports/${importId}/approve`, revA);
    expect(refused.status).toBe(403);
    expect(problemSchema.parse(await refused.json())).toMatchObject({ code: 'not_in_review_scope' });
    expect(await snapshot(ctx.db.db)).toEqual(before);
    // The admin who imported it cannot approve it either (four eyes).
    expect((await call(ctx.app, 'POST', `/imports/${importId}/approve`, admin)).status).toBe(403);
    // The plan's reviewer approves both in one go.
    const ok = await call(ctx.app, 'POST', `/imports/${importId}/approve`, reviewer, {});
    expect(ok.status, await ok.clone().text()).toBe(200);
    const decided = importDecisionResponseSchema.parse(await ok.json());
    expect(decided.items).toHaveLength(2);
    expect(await states()).toEqual(['approved', 'approved']);
    // Nothing is left to decide (an empty body with a JSON content type is an approval too).
    const twice = await ctx.app.request(`/api/v1/imports/${importId}/approve`, {
      method: 'POST',
      headers: { cookie: reviewer.cookie, 'x-csrf-token': reviewer.csrf, 'content-type': 'application/json' },
    });
    expect(twice.status).toBe(409);
    expect(problemSchema.parse(await twice.json())).toMatchObject({ code: 'nothing_to_review' });
    const audit = await ctx.db.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('entity_id', '=', importId)
      .where('action', '=', 'import.approve')
      .execute();
    expect(audit).toEqual([{ action: 'import.approve', actor: 'reviewer' }]);
  });

  it('a return needs a reason; a hostile narrative is refused with a Chinese message or stored and returned as plain text', async () => {
    const r = await report(repA, f.targetA, { value: 12 });
    const noReason = await decide(reviewer, r.id, 'return', '  ');
    expect(noReason.status).toBe(400);
    expect(problemSchema.parse(await noReason.json()).detail).toContain('请填写退回理由');

    const post = async (narrative: Record<string, string>) =>
      call(ctx.app, 'POST', `/targets/${f.targetA}/reports`, repA, {
        asOf: await freeDate(f.targetA),
        value: 13,
        confirmReason: '审核测试',
        narrative,
      });
    const script = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const stored = await post({ problems: script });
    expect(stored.status).toBe(201);
    const item = reportResponseSchema.parse(await stored.json()).item;
    expect(item.narrative?.problems).toBe(script);
    const rtl = await post({ problems: '进度\u202E%001 成完' });
    expect(rtl.status).toBe(400);
    const rtlProblem = problemSchema.parse(await rtl.json());
    expect(rtlProblem.detail).toContain('存在问题含有改变文字方向的控制字符');
    expect(rtlProblem.errors?.[0]).toMatchObject({ field: 'narrative.problems', code: 'bidi_control' });
    const nul = await post({ nextSteps: 'a\u0000b' });
    expect(nul.status).toBe(400);
    expect(problemSchema.parse(await nul.json())).toMatchObject({ errors: [{ code: 'unstorable_text' }] });
    const long = await post({ progress: '长'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(problemSchema.parse(await long.json()).detail).toContain('进展情况不能超过 2000 个字符');
    const huge = await post({ progress: 'x'.repeat(100_000) });
    expect(huge.status).toBe(413);
    expect(problemSchema.parse(await huge.json()).detail).toBe('请求体过大');
  });

  it('the same figure again is no new report, unless it says something new: then it is a correction', async () => {
    const first = await report(repA, f.targetA, { value: 14, narrative: { problems: '资金未到位' } });
    const again = (body: Record<string, unknown>) =>
      call(ctx.app, 'POST', `/targets/${f.targetA}/reports`, repA, {
        asOf: first.asOf,
        value: 14,
        confirmReason: '审核测试',
        ...body,
      });
    const same = await again({});
    expect(same.status).toBe(200);
    expect(reportResponseSchema.parse(await same.json()).unchanged).toBe(true);
    expect((await again({ narrative: { problems: '资金未到位' } })).status).toBe(200);
    const changed = await again({ narrative: { problems: '资金已到位，用地待批' } });
    expect(changed.status).toBe(409);
    expect(problemSchema.parse(await changed.json())).toMatchObject({ code: 'exists_same_date' });
  });

  it('a plan without review counts a report on entry; turning review on makes the next one wait', async () => {
    const other = await ctx.db.db
      .selectFrom('targets')
      .select('id')
      .where('plan_id', '!=', 'qd-2025')
      .where('kind', '=', 'cumulative')
      .where('deadline', '>=', '2025-12-31')
      .where('period_start', '<=', '2025-01-01')
      .orderBy('sort_order')
      .executeTakeFirstOrThrow();
    const first = await report(admin, other.id, { value: 1 });
    expect(first.approval?.state).toBe('approved');
    const planId = (await detail(other.id)).planId;
    const plan = plansResponseSchema.parse(await json('/plans')).items.find((p) => p.id === planId);
    const on = await call(ctx.app, 'POST', '/admin/plans', admin, { ...plan, approval: true });
    expect(on.status).toBe(200);
    const second = await report(admin, other.id, { value: 2 });
    expect(second.approval?.state).toBe('pending');
    // An update without the setting keeps it (an older client).
    const { approval: _a, ...withoutSetting } = plan ?? {};
    expect((await call(ctx.app, 'POST', '/admin/plans', admin, { ...withoutSetting })).status).toBe(200);
    expect(plansResponseSchema.parse(await json('/plans')).items.find((p) => p.id === plan?.id)?.approval).toBe(true);
  });
});
