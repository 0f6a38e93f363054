import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { Store } from '../../server/repositories/store';
import { moveSupervisionOnMerge } from '../../server/services/supervision-service';
import { problemSchema } from '../../src/domain/problem';
import {
  type SupervisionItem,
  supervisionItemResponseSchema,
  supervisionListResponseSchema,
} from '../../src/domain/supervision-api';
import { type Backend, backends, TEST_NOW, testApp } from './test-db';
import {
  call,
  DEPT_A,
  DEPT_A_NAME,
  DEPT_B,
  DEPT_B_NAME,
  type Fixture,
  seedAccounts,
  signIn,
  type Who,
} from './write-helpers';

/**
 * 督办事项 (issue 24): the target office decides who does what by when; the lead department reports
 * progress and closes it with a note; a supporting department reports progress; the list puts the
 * overdue first. Today is 2026-01-05 (TEST_NOW, Asia/Shanghai).
 */
describe.each(backends())('督办事项 on %s', (backend: Backend) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let f: Fixture;
  let repA: Who;
  let repB: Who;
  let reviewer: Who;
  let admin: Who;
  let viewer: Who;
  /** Targets of no other test here, one per test that filters by target. */
  let spare: string[];
  const MERGED = 'sv-merged-dept';
  const MERGED_NAME = '督办测试已撤并局';

  beforeAll(async () => {
    ctx = await testApp(backend);
    f = await seedAccounts(ctx.db.db, TEST_NOW);
    await ctx.db.db
      .insertInto('departments')
      .values({
        id: MERGED,
        name: MERGED_NAME,
        short_name: MERGED_NAME,
        kind: 'other',
        district: null,
        leader: null,
        merged_into: DEPT_B,
      })
      .execute();
    repA = await signIn(ctx.app, 'rep-a');
    repB = await signIn(ctx.app, 'rep-b');
    reviewer = await signIn(ctx.app, 'reviewer');
    admin = await signIn(ctx.app, 'admin');
    viewer = await signIn(ctx.app, 'viewer');
    spare = (
      await ctx.db.db
        .selectFrom('targets')
        .select('id')
        .where('id', 'not in', [f.targetA, f.targetB, f.targetNull])
        .orderBy('sort_order')
        .limit(6)
        .execute()
    ).map((r) => r.id);
  });
  afterAll(async () => ctx?.close());

  async function create(who: Who, body: Record<string, unknown>, app = ctx.app): Promise<SupervisionItem> {
    const res = await call(app, 'POST', '/supervision', who, body);
    expect(res.status, await res.clone().text()).toBe(201);
    return supervisionItemResponseSchema.parse(await res.json()).item;
  }
  async function patch(who: Who | null, id: string, body: unknown, app = ctx.app) {
    return call(app, 'PATCH', `/supervision/${id}`, who, body);
  }
  async function patched(who: Who, id: string, body: unknown, app = ctx.app): Promise<SupervisionItem> {
    const res = await patch(who, id, body, app);
    expect(res.status, await res.clone().text()).toBe(200);
    return supervisionItemResponseSchema.parse(await res.json()).item;
  }
  async function refused(res: Response, status: number) {
    const text = await res.text();
    expect(res.status, text).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    return problemSchema.parse(JSON.parse(text));
  }
  async function list(query = '', who: Who | null = null) {
    const res = await call(ctx.app, 'GET', `/supervision${query}`, who);
    expect(res.status, await res.clone().text()).toBe(200);
    return supervisionListResponseSchema.parse(await res.json());
  }
  const displayName = async (username: string) =>
    (
      await ctx.db.db
        .selectFrom('users')
        .select('display_name')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).display_name;
  const auditOf = (id: string) =>
    ctx.db.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'before', 'after'])
      .where('entity', '=', 'supervision')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
  const rowCount = async () =>
    Number(
      (
        await ctx.db.db
          .selectFrom('supervision_items')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** The app with its clock at `iso` (several instances on the one database). */
  const appAt = (iso: string) => createApp({ store: new Store(ctx.db.db), now: () => new Date(iso) });

  it('goes from created to overdue to closed by the lead department with a note, and reopened by the office', async () => {
    const target = await ctx.db.db
      .selectFrom('targets')
      .select(['title', 'plan_id'])
      .where('id', '=', f.targetA)
      .executeTakeFirstOrThrow();
    const item = await create(reviewer, {
      title: '  协调解决项目用地指标  ',
      leadDepartment: DEPT_A,
      // Repeated, and the lead among them: stored once each, without the lead.
      supportingDepartments: [DEPT_B, DEPT_B, DEPT_A],
      dueDate: '2026-01-20',
      targetId: f.targetA,
      meetingDate: '2026-01-05',
    });
    expect(item.id).toMatch(/^sv-[a-z0-9]{6,}$/);
    expect(item).toMatchObject({
      title: '协调解决项目用地指标',
      status: 'open',
      leadDepartment: DEPT_A,
      leadDepartmentName: DEPT_A_NAME,
      supportingDepartments: [{ id: DEPT_B, name: DEPT_B_NAME }],
      targetId: f.targetA,
      targetTitle: target.title,
      planId: target.plan_id,
      dueDate: '2026-01-20',
      meetingDate: '2026-01-05',
      progress: '',
      note: null,
      evidenceUrl: null,
      createdByName: await displayName('reviewer'),
      createdAt: TEST_NOW.toISOString(),
      closedAt: null,
      closedByName: null,
    });

    // Read by anyone (reading is open), as of today and as of a day after its due date.
    const today = await list(`?targetId=${f.targetA}`);
    expect(today.asOf).toBe('2026-01-05');
    expect(today.items.map((i) => [i.id, i.status])).toEqual([[item.id, 'open']]);
    expect(today.counts).toEqual({ open: 1, done: 0, overdue: 0 });
    expect((await list(`?targetId=${f.targetA}&asOf=2026-01-20`)).items[0]?.status).toBe('open');
    const late = await list(`?targetId=${f.targetA}&asOf=2026-01-21`);
    expect(late.items.map((i) => [i.id, i.status])).toEqual([[item.id, 'overdue']]);
    expect(late.counts).toEqual({ open: 0, done: 0, overdue: 1 });
    expect((await list(`?targetId=${f.targetA}&asOf=2026-01-21&status=overdue`)).items).toHaveLength(1);
    expect((await list(`?targetId=${f.targetA}&asOf=2026-01-21&status=open`)).items).toHaveLength(0);

    // The supporting department reports progress, but does not close.
    // (Sessions idle out after 12 hours: a later clock stays within the day.)
    const later = appAt('2026-01-05T15:00:00+08:00');
    const progressed = await patched(repB, item.id, { progress: '已完成用地预审' }, later);
    expect(progressed).toMatchObject({
      progress: '已完成用地预审',
      status: 'open',
      updatedAt: '2026-01-05T07:00:00.000Z',
    });
    const support = await refused(await patch(repB, item.id, { status: 'done', note: '完成' }, later), 403);
    expect(support.code).toBe('supervision_lead_only');
    expect(support.detail).toContain(DEPT_A_NAME);

    // The lead closes: not without a note.
    for (const body of [{ status: 'done' }, { status: 'done', note: '   ' }]) {
      const p = await refused(await patch(repA, item.id, body, later), 400);
      expect(p.code).toBe('note_required');
      expect(p.detail).toContain('请填写办结说明');
      expect(p.errors?.[0]).toMatchObject({ field: 'note', code: 'note_required' });
    }
    const closed = await patched(
      repA,
      item.id,
      { status: 'done', note: '用地指标已落实', evidenceUrl: 'https://example.gov.cn/a.pdf' },
      later,
    );
    expect(closed).toMatchObject({
      status: 'done',
      note: '用地指标已落实',
      evidenceUrl: 'https://example.gov.cn/a.pdf',
      closedByName: await displayName('rep-a'),
      closedAt: '2026-01-05T07:00:00.000Z',
      progress: '已完成用地预审',
    });
    // Done stays done whatever day it is read for.
    expect((await list(`?targetId=${f.targetA}&asOf=2026-03-01`)).items[0]?.status).toBe('done');

    // Closed once: not again, not changed by the lead, not reopened by the lead.
    expect((await refused(await patch(repA, item.id, { status: 'done', note: '再次' }), 409)).code).toBe(
      'supervision_done',
    );
    expect((await refused(await patch(repA, item.id, { progress: '补充' }), 409)).code).toBe('supervision_done');
    const reopenByLead = await refused(await patch(repA, item.id, { status: 'open' }), 403);
    expect(reopenByLead.code).toBe('supervision_office_only');
    expect(reopenByLead.detail).toMatch(/[\u4e00-\u9fff]/);

    // The office reopens: the note and who closed it go, the audit log keeps them.
    const reopened = await patched(reviewer, item.id, { status: 'open' }, later);
    expect(reopened).toMatchObject({ status: 'open', note: null, closedBy: null, closedByName: null, closedAt: null });
    expect((await refused(await patch(reviewer, item.id, { status: 'open' }), 409)).code).toBe('supervision_not_done');

    const log = await auditOf(item.id);
    expect(log.map((e) => [e.action, e.actor])).toEqual([
      ['supervision.create', 'reviewer'],
      ['supervision.update', 'rep-b'],
      ['supervision.close', 'rep-a'],
      ['supervision.reopen', 'reviewer'],
    ]);
    expect(log[2]?.before).toMatchObject({ status: 'open', note: null });
    expect(log[2]?.after).toMatchObject({ status: 'done', note: '用地指标已落实' });
    expect(log[3]?.before).toMatchObject({ status: 'done', note: '用地指标已落实' });
    expect(log[3]?.after).toMatchObject({ status: 'open', note: null });
  });

  it('refuses another department’s reporter, a viewer and the anonymous, changing nothing', async () => {
    const item = await create(admin, { title: '乙局不得办理', leadDepartment: DEPT_A, dueDate: '2026-02-01' });
    const other = await refused(await patch(repB, item.id, { progress: '越权' }), 403);
    expect(other.code).toBe('not_your_supervision');
    expect(other.detail).toContain(DEPT_A_NAME);
    expect(other.params).toEqual({ department: DEPT_A_NAME });
    expect((await refused(await patch(repB, item.id, { status: 'done', note: '越权' }), 403)).code).toBe(
      'not_your_supervision',
    );
    expect((await refused(await patch(viewer, item.id, { progress: '越权' }), 403)).detail).toContain('查看者');
    expect((await refused(await patch(null, item.id, { progress: '越权' }), 401)).code).toBe('unauthenticated');
    // The lead's reporter may not change the decision itself.
    const office = await refused(await patch(repA, item.id, { dueDate: '2026-06-30', progress: '顺延' }), 403);
    expect(office.code).toBe('supervision_office_only');
    expect(office.detail).toContain('办结期限');
    // Only the office creates.
    for (const who of [repA, viewer])
      expect(
        (
          await refused(
            await call(ctx.app, 'POST', '/supervision', who, {
              title: 'x',
              leadDepartment: DEPT_A,
              dueDate: '2026-02-01',
            }),
            403,
          )
        ).code,
      ).toBe('supervision_create_office_only');
    expect(
      (
        await refused(
          await call(ctx.app, 'POST', '/supervision', null, {
            title: 'x',
            leadDepartment: DEPT_A,
            dueDate: '2026-02-01',
          }),
          401,
        )
      ).code,
    ).toBe('unauthenticated');

    const now = (await list()).items.find((i) => i.id === item.id);
    expect(now).toEqual({ ...item, status: 'open' });
    expect((await auditOf(item.id)).map((e) => e.action)).toEqual(['supervision.create']);
    expect((await refused(await patch(admin, 'sv-nonexistent', { progress: 'x' }), 404)).code).toBe('not_found');
  });

  it('lets the office change the decision: lead, supporting, due date and title, all or nothing', async () => {
    const item = await create(reviewer, {
      title: '原事项',
      leadDepartment: DEPT_A,
      supportingDepartments: [DEPT_B],
      dueDate: '2026-01-31',
    });
    // One bad field refuses the whole change.
    const bad = await refused(await patch(reviewer, item.id, { progress: '进展', dueDate: '1999-12-31' }), 400);
    expect(bad.errors?.[0]).toMatchObject({ field: 'dueDate', code: 'due_date_range' });
    const unchanged = (await list()).items.find((i) => i.id === item.id);
    expect(unchanged?.progress).toBe('');
    expect(unchanged?.updatedAt).toBe(item.updatedAt);

    const moved = await patched(admin, item.id, {
      title: '新事项',
      leadDepartment: DEPT_B,
      supportingDepartments: [DEPT_B, DEPT_A],
      dueDate: '2026-03-31',
    });
    expect(moved).toMatchObject({
      title: '新事项',
      leadDepartment: DEPT_B,
      leadDepartmentName: DEPT_B_NAME,
      supportingDepartments: [{ id: DEPT_A, name: DEPT_A_NAME }],
      dueDate: '2026-03-31',
    });
    // Now rep-b leads and closes; rep-a supports and may only report progress.
    expect((await refused(await patch(repA, item.id, { status: 'done', note: '甲局办结' }), 403)).code).toBe(
      'supervision_lead_only',
    );
    expect((await patched(repA, item.id, { progress: '甲局配合完成' })).progress).toBe('甲局配合完成');
    expect((await refused(await patch(repA, item.id, { evidenceUrl: 'https://example.gov.cn/x' }), 403)).code).toBe(
      'supervision_lead_only',
    );
    expect((await patched(repB, item.id, { status: 'done', note: '乙局办结' })).closedByName).toBe(
      await displayName('rep-b'),
    );
    expect((await auditOf(item.id)).map((e) => e.action)).toEqual([
      'supervision.create',
      'supervision.update',
      'supervision.update',
      'supervision.close',
    ]);
    expect((await refused(await patch(admin, item.id, {}), 400)).detail).toContain('没有要修改的内容');
    expect((await refused(await patch(admin, item.id, { title: '改' }), 409)).code).toBe('supervision_done');
  });

  it('refuses hostile and wrong input with a Chinese message, and writes nothing', async () => {
    const before = await rowCount();
    const base = { title: '事项', leadDepartment: DEPT_A, dueDate: '2026-02-01' };
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ ...base, title: '含\u0000空字符' }, 'title', 'unstorable_text'],
      [{ ...base, title: '   ' }, 'title', 'required'],
      [{ ...base, dueDate: '2026-02-30' }, 'dueDate', 'date_format'],
      [{ ...base, dueDate: '1999-12-31' }, 'dueDate', 'due_date_range'],
      [{ ...base, dueDate: '2040-01-01' }, 'dueDate', 'due_date_range'],
      [{ ...base, leadDepartment: '不存在的局' }, 'leadDepartment', 'unknown_department'],
      [{ ...base, supportingDepartments: [DEPT_B, 'nope'] }, 'supportingDepartments.1', 'unknown_department'],
      [{ ...base, leadDepartment: MERGED }, 'leadDepartment', 'department_merged'],
      [{ ...base, targetId: 'no-such-target' }, 'targetId', 'unknown_target'],
      [{ ...base, status: 'done' }, '(body)', 'invalid'],
    ];
    for (const [body, field, code] of cases) {
      const p = await refused(await call(ctx.app, 'POST', '/supervision', reviewer, body), 400);
      expect(p.errors?.[0], JSON.stringify(body)).toMatchObject({ field, code });
      expect(p.detail, JSON.stringify(body)).toMatch(/[\u4e00-\u9fff]/);
    }
    const unknown = await refused(
      await call(ctx.app, 'POST', '/supervision', reviewer, { ...base, leadDepartment: '不存在的局' }),
      400,
    );
    expect(unknown.detail).toContain('牵头单位');
    expect(unknown.detail).toContain('不存在的局');
    const merged = await refused(
      await call(ctx.app, 'POST', '/supervision', reviewer, { ...base, leadDepartment: MERGED }),
      400,
    );
    expect(merged.detail).toContain(`${MERGED_NAME}”已并入${DEPT_B_NAME}`);
    const noTarget = await refused(
      await call(ctx.app, 'POST', '/supervision', reviewer, { ...base, targetId: 'no-such-target' }),
      400,
    );
    expect(noTarget.detail).toContain('目标“no-such-target”不存在');

    const huge = await call(ctx.app, 'POST', '/supervision', reviewer, { ...base, title: 'x'.repeat(100 * 1024) });
    expect((await refused(huge, 413)).code).toBe('payload_too_large');
    const notJson = await ctx.app.request('/api/v1/supervision', {
      method: 'POST',
      headers: { cookie: reviewer.cookie, 'x-csrf-token': reviewer.csrf, 'content-type': 'text/plain' },
      body: JSON.stringify(base),
    });
    expect((await refused(notJson, 415)).code).toBe('unsupported_media_type');
    expect(await rowCount()).toBe(before);

    // Markup is text: stored and returned as sent, never interpreted here.
    const script = '<script>alert("督办")</script><img src=x onerror=alert(1)>';
    const item = await create(reviewer, { ...base, title: script });
    expect(item.title).toBe(script);
    const res = await call(ctx.app, 'GET', '/supervision', null);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(supervisionListResponseSchema.parse(await res.json()).items.find((i) => i.id === item.id)?.title).toBe(
      script,
    );
    const p = await refused(await patch(repA, item.id, { progress: '进展\u0000' }), 400);
    expect(p.errors?.[0]?.code).toBe('unstorable_text');
    const link = await refused(await patch(repA, item.id, { evidenceUrl: 'javascript:alert(1)' }), 400);
    expect(link.errors?.[0]?.field).toBe('evidenceUrl');
  });

  it('moves a merged department’s items to the department it was merged into', async () => {
    const from = 'sv-merging-dept';
    await ctx.db.db
      .insertInto('departments')
      .values({
        id: from,
        name: '督办测试待撤并局',
        short_name: '待撤并局',
        kind: 'other',
        district: null,
        leader: null,
      })
      .execute();
    const led = await create(reviewer, {
      title: '撤并局牵头',
      leadDepartment: from,
      supportingDepartments: [DEPT_B, DEPT_A],
      dueDate: '2026-02-01',
    });
    const supported = await create(reviewer, {
      title: '撤并局配合',
      leadDepartment: DEPT_A,
      supportingDepartments: [from, DEPT_B],
      dueDate: '2026-02-01',
    });
    const untouched = await create(reviewer, { title: '无关', leadDepartment: DEPT_A, dueDate: '2026-02-01' });
    const moved = await ctx.db.db.transaction().execute((trx) => moveSupervisionOnMerge(trx, from, DEPT_B));
    expect(moved).toBe(2);
    const items = new Map((await list()).items.map((i) => [i.id, i]));
    expect(items.get(led.id)).toMatchObject({
      leadDepartment: DEPT_B,
      supportingDepartments: [{ id: DEPT_A, name: DEPT_A_NAME }],
      updatedAt: led.updatedAt,
    });
    expect(items.get(supported.id)?.supportingDepartments).toEqual([{ id: DEPT_B, name: DEPT_B_NAME }]);
    expect(items.get(untouched.id)).toEqual(untouched);
    // The survivor's reporters now close what the merged department led.
    expect((await patched(repB, led.id, { status: 'done', note: '并入后办结' })).status).toBe('done');
  });

  it('closes an item once when two close it at the same moment', async () => {
    const item = await create(reviewer, { title: '同时办结', leadDepartment: DEPT_A, dueDate: '2026-02-01' });
    const answers = await Promise.all([
      patch(repA, item.id, { status: 'done', note: '甲局办结' }),
      patch(admin, item.id, { status: 'done', note: '目标办办结' }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await auditOf(item.id)).map((e) => e.action)).toEqual(['supervision.create', 'supervision.close']);
  });

  it('refuses bad query parameters and mine=1 without a session', async () => {
    for (const q of ['?status=nope', '?asOf=2025-02-30', '?mine=yes']) {
      const p = await refused(await call(ctx.app, 'GET', `/supervision${q}`, null), 400);
      expect(p.detail).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await refused(await call(ctx.app, 'GET', '/supervision?mine=1', null), 401)).code).toBe('unauthenticated');
  });

  it('filters by department (lead or supporting), target, plan, status and 「我的」, overdue first', async () => {
    const [t1, t2] = spare as [string, string];
    const plan2 = (
      await ctx.db.db.selectFrom('targets').select('plan_id').where('id', '=', t1).executeTakeFirstOrThrow()
    ).plan_id;
    const early = appAt('2026-01-02T09:00:00+08:00');
    // Led by A, due long ago: the longest overdue.
    const a1 = await create(
      reviewer,
      { title: 'A1', leadDepartment: DEPT_A, dueDate: '2025-12-01', targetId: t1 },
      early,
    );
    // Led by B, supported by A, overdue by a little.
    const b1 = await create(
      reviewer,
      { title: 'B1', leadDepartment: DEPT_B, supportingDepartments: [DEPT_A], dueDate: '2026-01-04', targetId: t1 },
      early,
    );
    // Led by B alone, open, due soon and later.
    const b2 = await create(
      reviewer,
      { title: 'B2', leadDepartment: DEPT_B, dueDate: '2026-03-01', targetId: t1 },
      early,
    );
    const b3 = await create(
      reviewer,
      { title: 'B3', leadDepartment: DEPT_B, dueDate: '2026-02-01', targetId: t1 },
      early,
    );
    // Two closed, the newer one first.
    const d1 = await create(
      reviewer,
      { title: 'D1', leadDepartment: DEPT_B, dueDate: '2026-02-01', targetId: t1 },
      early,
    );
    const d2 = await create(
      reviewer,
      { title: 'D2', leadDepartment: DEPT_B, dueDate: '2026-02-01', targetId: t1 },
      early,
    );
    await patched(repB, d2.id, { status: 'done', note: '先办结' }, appAt('2026-01-03T09:00:00+08:00'));
    await patched(repB, d1.id, { status: 'done', note: '后办结' }, appAt('2026-01-04T09:00:00+08:00'));
    // Elsewhere: another target, free-standing.
    const other = await create(reviewer, { title: 'X', leadDepartment: DEPT_A, dueDate: '2026-02-01', targetId: t2 });
    const free = await create(reviewer, { title: 'F', leadDepartment: DEPT_B, dueDate: '2026-02-01' });

    const all = await list(`?targetId=${t1}`);
    expect(all.items.map((i) => i.title)).toEqual(['A1', 'B1', 'B3', 'B2', 'D1', 'D2']);
    expect(all.items.map((i) => i.status)).toEqual(['overdue', 'overdue', 'open', 'open', 'done', 'done']);
    expect(all.counts).toEqual({ overdue: 2, open: 2, done: 2 });
    // A status narrows the items, not the counts (the tabs keep theirs).
    const done = await list(`?targetId=${t1}&status=done`);
    expect(done.items.map((i) => i.id)).toEqual([d1.id, d2.id]);
    expect(done.counts).toEqual(all.counts);

    const ofA = (await list(`?department=${DEPT_A}`)).items.map((i) => i.id);
    expect(ofA).toEqual(expect.arrayContaining([a1.id, b1.id, other.id]));
    expect(ofA).not.toContain(b2.id);
    expect(ofA).not.toContain(free.id);
    const mineA = await list('?mine=1', repA);
    expect(mineA.items.map((i) => i.id).sort()).toEqual([...ofA].sort());
    const mineB = (await list('?mine=1', repB)).items.map((i) => i.id);
    expect(mineB).toEqual(expect.arrayContaining([b1.id, b2.id, b3.id, d1.id, d2.id, free.id]));
    expect(mineB).not.toContain(a1.id);
    // A person with no department has nothing of their own.
    expect(await list('?mine=1', viewer)).toMatchObject({ items: [], counts: { open: 0, done: 0, overdue: 0 } });

    const ofPlan = (await list(`?plan=${plan2}`)).items.map((i) => i.id);
    expect(ofPlan).toEqual(expect.arrayContaining([a1.id, b1.id]));
    expect(ofPlan).not.toContain(free.id);
    // A filter naming nothing is refused, not answered with an empty list that looks like all-clear.
    const noPlan = await refused(await call(ctx.app, 'GET', '/supervision?plan=no-such-plan', null), 400);
    expect(noPlan).toMatchObject({ param: 'plan', value: 'no-such-plan' });
    expect(noPlan.allowed).toContain(plan2);
    const noDept = await refused(await call(ctx.app, 'GET', '/supervision?department=nope', null), 400);
    expect(noDept).toMatchObject({ param: 'department', value: 'nope' });
    expect(noDept.allowed).toEqual(expect.arrayContaining([DEPT_A, DEPT_B]));
    expect((await list(`?targetId=${t2}`)).items.map((i) => i.id)).toEqual([other.id]);
  });

  it('lets a department-bound reviewer run only the items of its department, a plan reviewer the plan’s', async () => {
    const revA = await signIn(ctx.app, 'rev-a');
    const t3 = spare[2] as string;
    // Its own department's item, free-standing, and one on its department's target led by another: allowed.
    const own = await create(revA, { title: '甲局自办', leadDepartment: DEPT_A, dueDate: '2026-02-01' });
    const onTarget = await create(revA, {
      title: '甲局目标交乙局',
      leadDepartment: DEPT_B,
      dueDate: '2026-02-01',
      targetId: f.targetA,
    });
    expect(onTarget.leadDepartment).toBe(DEPT_B);
    // Another department's, free-standing or on a target it does not lead: refused, nothing written.
    const before = await rowCount();
    for (const body of [
      { title: '越权新建', leadDepartment: DEPT_B, dueDate: '2026-02-01' },
      { title: '越权新建', leadDepartment: DEPT_B, dueDate: '2026-02-01', targetId: t3 },
    ]) {
      const p = await refused(await call(ctx.app, 'POST', '/supervision', revA, body), 403);
      expect(p.code).toBe('supervision_out_of_scope');
      expect(p.detail).toContain(DEPT_A_NAME);
    }
    expect(await rowCount()).toBe(before);

    const others = await create(admin, {
      title: '乙局事项',
      leadDepartment: DEPT_B,
      dueDate: '2026-02-01',
      targetId: t3,
    });
    for (const body of [
      { title: '改名' },
      { leadDepartment: DEPT_A },
      { dueDate: '2026-03-01' },
      { status: 'done', note: '办结' },
    ]) {
      const p = await refused(await patch(revA, others.id, body), 403);
      expect(p.code).toBe('supervision_out_of_scope');
    }
    await patched(admin, others.id, { status: 'done', note: '目标办办结' });
    expect((await refused(await patch(revA, others.id, { status: 'open' }), 403)).code).toBe(
      'supervision_out_of_scope',
    );
    // Handing its own item to a department it does not review: refused too.
    expect((await refused(await patch(revA, own.id, { leadDepartment: DEPT_B }), 403)).code).toBe(
      'supervision_out_of_scope',
    );
    expect((await list(`?targetId=${t3}`)).items[0]).toMatchObject({ title: '乙局事项', status: 'done' });
    expect((await auditOf(others.id)).map((e) => e.actor)).toEqual(['admin', 'admin']);
    // Its own: changed and closed.
    expect(await patched(revA, own.id, { dueDate: '2026-02-15' })).toMatchObject({ dueDate: '2026-02-15' });
    // The plan's reviewer runs the plan's items and the free-standing ones, whoever leads them.
    expect(await patched(reviewer, others.id, { status: 'open' })).toMatchObject({ status: 'open' });
    expect(await patched(reviewer, own.id, { leadDepartment: DEPT_B })).toMatchObject({ leadDepartment: DEPT_B });
  });

  it('judges an item as of the day asked: closed later is still open then, decided later is not yet there', async () => {
    const t4 = spare[3] as string;
    const item = await create(
      reviewer,
      { title: '按日判断', leadDepartment: DEPT_A, dueDate: '2026-01-03', targetId: t4 },
      appAt('2026-01-02T09:00:00+08:00'),
    );
    // Decided at an earlier meeting, entered today: there from the meeting on.
    const decided = await create(reviewer, {
      title: '会上议定',
      leadDepartment: DEPT_A,
      dueDate: '2026-01-20',
      targetId: t4,
      meetingDate: '2025-12-29',
    });
    await patched(repA, item.id, { status: 'done', note: '已办结' });
    const at = async (asOf: string) => (await list(`?targetId=${t4}&asOf=${asOf}`)).items;
    expect((await at('2025-12-28')).map((i) => i.title)).toEqual([]);
    expect((await at('2025-12-30')).map((i) => i.title)).toEqual(['会上议定']);
    // The day before it was closed: 逾期, its closing not yet written.
    const dayBefore = await list(`?targetId=${t4}&asOf=2026-01-04`);
    expect(dayBefore.items.find((i) => i.id === item.id)).toMatchObject({
      status: 'overdue',
      note: null,
      closedAt: null,
      closedByName: null,
    });
    expect(dayBefore.counts).toEqual({ overdue: 1, open: 1, done: 0 });
    // The day it was closed (Asia/Shanghai) and after: 已办结.
    expect((await at('2026-01-05')).find((i) => i.id === item.id)).toMatchObject({ status: 'done', note: '已办结' });
    expect((await list(`?targetId=${t4}`)).counts).toEqual({ overdue: 0, open: 1, done: 1 });
    expect(decided.status).toBe('open');
  });
});
