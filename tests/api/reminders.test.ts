import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindersJob } from '../../server/jobs/reminders';
import type { OutgoingMessage } from '../../server/notify/message';
import { plansResponseSchema } from '../../src/domain/api';
import { problemSchema } from '../../src/domain/problem';
import { type ReviewResponse, reviewResponseSchema } from '../../src/domain/review-api';
import type { Plan } from '../../src/domain/schemas';
import { type Backend, backends, TEST_NOW, testApp } from './test-db';
import { call, DEPT_A, DEPT_A_NAME, seedAccounts, signIn, type Who } from './write-helpers';

/**
 * 催报 and 升级 (issue 24) on the demo data, the job run as if scheduled for Tuesday 2025-09-30 09:00
 * (Asia/Shanghai): every department is reminded of exactly the overdue targets the review of that day
 * lists for it, a department escalates once it has missed its plan's `escalateAfter` reporting cycles
 * (set through POST /admin/plans) and not before, and an overdue 督办事项 reaches its department and the office.
 */

const DAY = '2025-09-30';
const RUN_AT = new Date(`${DAY}T09:00:00+08:00`);
const BASE = 'https://board.example.gov.cn';

/** The bullet lines of a plain-text section headed `head…：`, up to the next blank line. */
function section(text: string, head: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(head));
  if (at < 0) return [];
  const out: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (!l.startsWith('- ')) break;
    out.push(l.slice(2));
  }
  return out;
}
/** A listed target's title: the line up to its last “：”. */
const titleOf = (line: string) => line.slice(0, line.lastIndexOf('：'));

describe.each(backends())('催报 job on %s', (backend: Backend) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let admin: Who;
  let reviewer: Who;
  let review: ReviewResponse;
  let plans: Plan[];
  const run = (baseUrl: string | null = BASE) =>
    remindersJob({ db: ctx.db.db, now: RUN_AT, scheduledFor: RUN_AT, baseUrl });
  const byKey = (messages: readonly OutgoingMessage[]) => new Map(messages.map((m) => [m.key, m]));
  const setEscalateAfter = async (n: number | undefined, plan: Plan) => {
    const { escalateAfter: _, ...rest } = plan;
    const res = await call(
      ctx.app,
      'POST',
      '/admin/plans',
      admin,
      n === undefined ? rest : { ...rest, escalateAfter: n },
    );
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { item: Plan }).item;
  };
  const cycles = (planId: string) => plans.find((p) => p.id === planId)?.thresholds.cycleDays ?? 14;
  /** Whole reporting cycles without a report, per overdue target that was reported once. */
  const missed = () =>
    review.overdue.flatMap((g) =>
      g.items.flatMap((i) => {
        const t = review.targets.find((x) => x.id === i.id);
        return t && i.daysSinceReport !== null && g.department !== null
          ? [{ department: g.department, missed: Math.floor(i.daysSinceReport / cycles(t.planId)) }]
          : [];
      }),
    );

  beforeAll(async () => {
    ctx = await testApp(backend);
    await seedAccounts(ctx.db.db, TEST_NOW);
    admin = await signIn(ctx.app, 'admin');
    reviewer = await signIn(ctx.app, 'reviewer');
    const r = await ctx.app.request(`/api/v1/review?asOf=${DAY}&includePending=1`);
    expect(r.status).toBe(200);
    review = reviewResponseSchema.parse(await r.json());
    plans = plansResponseSchema.parse(await (await ctx.app.request('/api/v1/plans')).json()).items;
  });
  afterAll(async () => ctx?.close());

  it('reminds each department of exactly the overdue targets the review lists for it', async () => {
    const out = await run();
    const messages = byKey(out.messages);
    expect(messages.size, 'keys are unique within the run').toBe(out.messages.length);
    const named = review.overdue.filter((g) => g.department !== null);
    expect(named.length).toBeGreaterThan(1);
    for (const g of named) {
      const m = messages.get(`reminder:${g.department}`);
      expect(m, g.departmentName ?? '').toBeDefined();
      if (!m) continue;
      expect(m.kind).toBe('reminder');
      expect(m.audience).toEqual({ kind: 'department', id: g.department, name: g.departmentName });
      const listed = g.items.flatMap((i) => review.targets.find((t) => t.id === i.id) ?? []);
      // A target led only in the demo division of tasks is marked so, and the message says what that means.
      const titles = listed.map((t) => `${t.title}${t.divisionDemo ? '（演示分工）' : ''}`);
      expect(m.title).toMatch(new RegExp(`^【催报】${g.departmentName}：${g.items.length} 项逾期未报`));
      expect(section(m.text, '逾期未报').map(titleOf)).toEqual(titles);
      if (listed.some((t) => t.divisionDemo)) expect(m.text).toContain('演示用的任务分工');
      else expect(m.text).not.toContain('（演示分工）');
      // The last report and how long ago, as the review counts it.
      const first = g.items[0];
      const line = section(m.text, '逾期未报')[0] ?? '';
      if (first?.daysSinceReport != null) expect(line).toContain(`已 ${first.daysSinceReport} 天未报`);
      expect(m.markdown).toContain(`[前往填报](${BASE}/report)`);
      if (listed.some((t) => t.divisionDemo || t.latestReport?.demo)) expect(m.markdown).toContain('含演示数据');
    }
    expect(
      out.messages.some((m) => m.text.includes('（演示分工）')),
      'the demo division leads some overdue target',
    ).toBe(review.targets.some((t) => t.divisionDemo && named.some((g) => g.items.some((i) => i.id === t.id))));
    // Overdue targets no department leads reach the office, named 未明确牵头部门.
    const unassigned = review.overdue.find((g) => g.department === null);
    const office = out.messages.find((m) => m.key === 'escalation:office' || m.key === 'reminder:office');
    if (unassigned) {
      expect(office?.audience).toEqual({ kind: 'office' });
      expect(office?.text).toContain('未明确牵头部门');
      for (const i of unassigned.items)
        expect(office?.text).toContain(review.targets.find((t) => t.id === i.id)?.title ?? i.id);
      expect(office?.markdown).toContain(`${BASE}/review?asOf=${DAY}&includePending=1`);
    } else if (office) expect(office.text).not.toContain('未明确牵头部门');
    // A department with nothing overdue is reminded only of what is due this week.
    const overdueDepartments = new Set(named.map((g) => `reminder:${g.department}`));
    const dueOnly = out.messages.filter((m) => m.kind === 'reminder' && !overdueDepartments.has(m.key));
    expect(dueOnly.length).toBeGreaterThan(0);
    for (const m of dueOnly) {
      expect(m.title).toMatch(/^【催报】.+：\d+ 项本周应报$/);
      expect(section(m.text, '逾期未报')).toEqual([]);
      expect(section(m.text, '本周应报').length).toBeGreaterThan(0);
    }
    // Robots take at most 4096 bytes (企业微信); the link survives.
    for (const m of out.messages) expect(Buffer.byteLength(`# ${m.title}\n${m.markdown}`)).toBeLessThanOrEqual(4096);
  });

  it('escalates a department once it has missed its plan’s escalateAfter cycles, and not below', async () => {
    const most = Math.max(...missed().map((x) => x.missed));
    expect(most).toBeGreaterThanOrEqual(2);
    const worst = new Set(
      missed()
        .filter((x) => x.missed === most)
        .map((x) => x.department),
    );

    for (const p of plans) await setEscalateAfter(most, p);
    let out = await run();
    let messages = byKey(out.messages);
    const leaders = messages.get('escalation:leaders');
    const office = messages.get('escalation:office');
    expect(leaders?.audience).toEqual({ kind: 'leaders' });
    expect(office?.audience).toEqual({ kind: 'office' });
    expect(leaders?.kind).toBe('escalation');
    expect(leaders?.title).toBe(`【催报升级】${worst.size} 个部门多个填报周期未报进展`);
    for (const d of worst) {
      const name = review.overdue.find((g) => g.department === d)?.departmentName ?? '';
      expect(leaders?.text).toContain(`- ${name}：`);
      expect(leaders?.text).toContain(`最长漏报 ${most} 个填报周期（升级阈值 ${most} 个）`);
      expect(messages.get(`reminder:${d}`)?.text).toContain('本提醒已同时报送分管领导和目标办');
    }
    expect(out.summary).toMatch(new RegExp(`^催报 \\d+ 个部门 · 升级 ${worst.size} 个 · 督办逾期 0 项$`));

    for (const p of plans) await setEscalateAfter(most + 1, p);
    out = await run();
    messages = byKey(out.messages);
    expect(messages.has('escalation:leaders')).toBe(false);
    expect(messages.has('escalation:office')).toBe(false);
    for (const d of worst) expect(messages.get(`reminder:${d}`)?.text).not.toContain('分管领导');
    expect(out.summary).toMatch(/ · 升级 0 个 · /);
  });

  it('keeps escalateAfter when a plan is saved without it, and refuses one outside 1–52', async () => {
    const plan = plans[0] as Plan;
    expect((await setEscalateAfter(7, plan)).escalateAfter).toBe(7);
    expect((await setEscalateAfter(undefined, plan)).escalateAfter).toBe(7);
    const listed = plansResponseSchema.parse(await (await ctx.app.request('/api/v1/plans')).json()).items;
    expect(listed.find((p) => p.id === plan.id)?.escalateAfter).toBe(7);
    for (const bad of [0, 53, 2.5]) {
      const res = await call(ctx.app, 'POST', '/admin/plans', admin, { ...plan, escalateAfter: bad });
      expect(res.status).toBe(400);
      expect(problemSchema.parse(await res.json()).detail).toContain('催报升级阈值应为 1–52 的整数');
    }
  });

  it('sends an overdue 督办事项 to its department and the office, and says so in the summary', async () => {
    const title = '催报测试：九月中旬前报送用地指标需求';
    const res = await call(ctx.app, 'POST', '/supervision', reviewer, {
      title,
      leadDepartment: DEPT_A,
      dueDate: '2025-09-15',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const out = await run();
    const messages = byKey(out.messages);
    const dept = messages.get(`supervision:${DEPT_A}`);
    expect(dept?.kind).toBe('supervision');
    expect(dept?.audience).toEqual({ kind: 'department', id: DEPT_A, name: DEPT_A_NAME });
    expect(dept?.title).toBe(`【督办】${DEPT_A_NAME}：1 项督办事项已逾期`);
    expect(dept?.text).toContain(`${title}：办理时限 2025年9月15日，已逾期 15 天`);
    const office = messages.get('supervision:office');
    expect(office?.audience).toEqual({ kind: 'office' });
    expect(office?.text).toContain(`牵头单位 ${DEPT_A_NAME}`);
    // The review it links to counts reports waiting for review, as the reminders do.
    expect(office?.markdown).toContain(`(${BASE}/review?asOf=${DAY}&includePending=1)`);
    expect(out.summary).toMatch(/^催报 \d+ 个部门 · 升级 \d+ 个 · 督办逾期 1 项$/);
    const reminded = out.messages.filter((m) => m.kind === 'reminder').length;
    expect(out.summary.startsWith(`催报 ${reminded} 个部门`)).toBe(true);
  });

  it('tells the office of overdue targets no department leads, which no reminder reaches', async () => {
    const group = review.overdue.find((g) => g.department !== null);
    const item = group?.items[0];
    if (!item) throw new Error('the demo has an overdue target led by a department');
    const before = await ctx.db.db
      .selectFrom('targets')
      .select(['department', 'division_demo'])
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    const links = await ctx.db.db
      .selectFrom('target_departments')
      .selectAll()
      .where('target_id', '=', item.id)
      .execute();
    await ctx.db.db.deleteFrom('target_departments').where('target_id', '=', item.id).execute();
    await ctx.db.db.updateTable('targets').set({ department: null }).where('id', '=', item.id).execute();
    try {
      const title = review.targets.find((t) => t.id === item.id)?.title ?? item.id;
      for (const p of plans) await setEscalateAfter(52, p);
      const out = await run();
      const office = out.messages.find((m) => m.key === 'reminder:office');
      expect(office?.audience).toEqual({ kind: 'office' });
      expect(office?.title).toMatch(/^【催报】\d+ 项逾期未报的目标未明确牵头部门$/);
      expect(office?.text).toContain('未明确牵头部门');
      expect(office?.text).toContain(`  - ${title}：`);
      expect(office?.markdown).toContain(`${BASE}/review?asOf=${DAY}&includePending=1`);
      expect(out.messages.some((m) => m.key.startsWith('escalation:'))).toBe(false);
      for (const m of out.messages.filter((x) => x.audience.kind === 'department'))
        expect(m.text).not.toContain(`- ${title}：`);
    } finally {
      await ctx.db.db
        .updateTable('targets')
        .set({ department: before.department, division_demo: before.division_demo })
        .where('id', '=', item.id)
        .execute();
      if (links.length > 0) await ctx.db.db.insertInto('target_departments').values(links).execute();
    }
  });

  it('writes no links without a public address', async () => {
    const out = await run(null);
    expect(out.messages.length).toBeGreaterThan(0);
    for (const m of out.messages) {
      expect(m.markdown).not.toContain('](');
      expect(m.text).not.toContain('http');
    }
  });
});
