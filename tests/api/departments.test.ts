import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targetsResponseSchema } from '../../src/domain/api';
import {
  departmentImportResponseSchema,
  departmentItemSchema,
  divisionImportResponseSchema,
  divisionResponseSchema,
  mergeDepartmentResponseSchema,
} from '../../src/domain/department-admin';
import {
  departmentViewResponseSchema,
  type RankingsResponse,
  rankingsResponseSchema,
} from '../../src/domain/department-api';
import { departmentsResponseSchema } from '../../src/domain/departments';
import { problemSchema } from '../../src/domain/problem';
import type { RankingRow } from '../../src/domain/rankings';
import { targetDetailResponseSchema } from '../../src/domain/target-api';
import {
  auditResponseSchema,
  myTargetsResponseSchema,
  reportResponseSchema,
  userItemSchema,
  usersResponseSchema,
} from '../../src/domain/write-api';
import { type Backend, backends, TEST_NOW, testApp } from './test-db';
import { call, type Fixture, fileForm, PASSWORD, seedAccounts, signIn, snapshot, type Who } from './write-helpers';

/**
 * Issue 22 against a real database: the department registry, the division of tasks, who may report
 * for which target, renames and merges that keep history readable, the 任务分解 import and the league
 * tables. The demo database gives almost every target a (demo) lead; the tests read it, and add
 * departments of their own through the admin API where they need a clean slate.
 */
describe.each(backends())('departments, division of tasks and rankings on %s', (backend: Backend) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let f: Fixture;
  let admin: Who;
  let reviewer: Who;
  /** Targets a test has taken for itself (a target's division is changed by one test only). */
  const taken = new Set<string>();

  beforeAll(async () => {
    ctx = await testApp(backend);
    f = await seedAccounts(ctx.db.db, TEST_NOW);
    for (const id of [f.targetA, f.targetB, f.targetNull]) taken.add(id);
    admin = await signIn(ctx.app, 'admin');
    reviewer = await signIn(ctx.app, 'reviewer');
  });
  afterAll(async () => ctx?.close());

  const get = async (path: string, who: Who | null = admin) => {
    const res = await call(ctx.app, 'GET', path, who);
    expect(res.status, `GET ${path}: ${await res.clone().text()}`).toBe(200);
    return res.json() as Promise<unknown>;
  };
  const registry = async () => departmentsResponseSchema.parse(await get('/departments'));
  const nameOf = async (id: string) => (await registry()).items.find((d) => d.id === id)?.name;
  const view = async (id: string) => departmentViewResponseSchema.parse(await get(`/departments/${id}`));
  const detail = async (id: string) => targetDetailResponseSchema.parse(await get(`/targets/${id}`)).item;
  const rankings = async (query = '') => rankingsResponseSchema.parse(await get(`/rankings${query}`));
  const myTargets = async (who: Who) =>
    myTargetsResponseSchema
      .parse(await get('/my/targets', who))
      .items.map((t) => t.id)
      .sort();
  const leadsOf = async (department: string) =>
    (await ctx.db.db.selectFrom('targets').select('id').where('department', '=', department).execute())
      .map((r) => r.id)
      .sort();

  /** A cumulative target running through 2025, no other test's, for a test to divide as it likes. */
  async function freeTarget(): Promise<string> {
    const rows = await ctx.db.db
      .selectFrom('targets')
      .select('id')
      .where('kind', '=', 'cumulative')
      .where('deadline', '>=', '2025-12-31')
      .where('period_start', '<=', '2025-01-01')
      .orderBy('sort_order')
      .execute();
    const free = rows.find((r) => !taken.has(r.id));
    if (!free) throw new Error('no free target left');
    taken.add(free.id);
    return free.id;
  }

  async function newDepartment(id: string, name: string, kind = 'city') {
    const res = await call(ctx.app, 'POST', '/admin/departments', admin, { id, name, kind });
    expect(res.status, await res.clone().text()).toBe(201);
    return departmentItemSchema.parse(await res.json()).item;
  }

  async function divide(body: Record<string, unknown>) {
    const res = await call(ctx.app, 'POST', '/admin/division', admin, body);
    expect(res.status, await res.clone().text()).toBe(200);
    return divisionResponseSchema.parse(await res.json()).items;
  }

  async function newReporter(username: string, departments: string[]) {
    const res = await call(ctx.app, 'POST', '/admin/users', admin, {
      username,
      password: PASSWORD,
      role: 'reporter',
      departments,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const user = userItemSchema.parse(await res.json()).item;
    return { user, who: await signIn(ctx.app, username) };
  }

  const report = (who: Who, targetId: string, asOf: string, value: number) =>
    call(ctx.app, 'POST', `/targets/${targetId}/reports`, who, { asOf, value, confirmReason: '部门测试' });

  async function reported(who: Who, targetId: string, asOf: string, value: number) {
    const res = await report(who, targetId, asOf, value);
    expect(res.status, await res.clone().text()).toBe(201);
    return reportResponseSchema.parse(await res.json()).item;
  }

  const divisionSheet = (rows: string[][]) =>
    fileForm(['目标编号,牵头单位,配合单位,配合单位可填报', ...rows.map((r) => r.join(','))].join('\n'), '任务分解.csv');
  const importDivision = (mode: 'dry-run' | 'commit', rows: string[][]) =>
    call(ctx.app, 'POST', `/admin/division-imports?mode=${mode}`, admin, divisionSheet(rows));

  describe('who reports for which target', () => {
    it('a lead department’s reporter sees exactly the targets its department leads', async () => {
      const leads = await leadsOf('gxj');
      expect(leads.length).toBeGreaterThan(3);
      // 市工业和信息化局 also supports targets, none of them open to supporters yet: not listed.
      const supported = await ctx.db.db
        .selectFrom('target_departments')
        .select('target_id')
        .where('department_id', '=', 'gxj')
        .execute();
      expect(supported.length).toBeGreaterThan(0);
      const { user, who } = await newReporter('rep-gxj', ['市工信局']);
      expect(user.departments).toEqual(['gxj']);
      expect(await myTargets(who)).toEqual(leads);
    });

    it('a supporting department reports only once the admin allows it, for its own department, kept when the target is reassigned', async () => {
      // A target the demo division gives 市工业和信息化局 to lead and another department to support.
      const candidates = await ctx.db.db
        .selectFrom('targets')
        .innerJoin('target_departments as td', 'td.target_id', 'targets.id')
        .select(['targets.id', 'td.department_id'])
        .where('targets.department', '=', 'gxj')
        .where('targets.kind', '=', 'cumulative')
        .where('targets.deadline', '>=', '2025-12-31')
        .where('targets.period_start', '<=', '2025-01-01')
        .orderBy('targets.sort_order')
        .orderBy('td.department_id')
        .execute();
      const pick = candidates.find((c) => !taken.has(c.id));
      if (!pick) throw new Error('no target led by gxj with a supporting department');
      taken.add(pick.id);
      const t = pick.id;
      const supporter = pick.department_id;
      const before = await detail(t);
      expect(before.supportingDepartments).toContain(supporter);
      expect(before.supportMayReport).toBe(false);

      const supporterName = await nameOf(supporter);
      if (!supporterName) throw new Error(`no name for ${supporter}`);
      const rep = await newReporter('rep-support', [supporterName]);
      expect(rep.user.departments).toEqual([supporter]);
      const lead = await signIn(ctx.app, 'rep-gxj');

      // Not yet: the target is not theirs to see or to report on.
      expect(await myTargets(rep.who)).toEqual(await leadsOf(supporter));
      const refused = await report(rep.who, t, '2025-12-29', 1);
      expect(refused.status).toBe(403);
      expect(problemSchema.parse(await refused.json())).toMatchObject({ code: 'not_your_target' });

      const importRow = fileForm(`目标编号,本期数值,截至日期\n${t},1,2025-12-29\n`, 'support.csv');
      const dryBefore = await call(ctx.app, 'POST', '/imports?mode=dry-run', rep.who, importRow);
      expect(JSON.stringify(await dryBefore.json())).toContain('not_your_target');

      const allow = await call(ctx.app, 'PATCH', `/admin/targets/${t}`, admin, { supportMayReport: true });
      expect(allow.status, await allow.clone().text()).toBe(200);
      expect(await myTargets(rep.who)).toEqual([...(await leadsOf(supporter)), t].sort());
      const dryAfter = await call(ctx.app, 'POST', '/imports?mode=dry-run', rep.who, importRow);
      expect(dryAfter.status).toBe(200);
      expect(JSON.stringify(await dryAfter.json())).not.toContain('not_your_target');
      const bySupporter = await reported(rep.who, t, '2025-12-29', 1);
      expect(bySupporter.department).toBe(supporter);
      const byLead = await reported(lead, t, '2025-12-30', 2);
      expect(byLead.department).toBe('gxj');

      // Reassigned: the reports keep the department they were made for.
      const newLead = ['kjj', 'fgw', 'rsj'].find((d) => d !== supporter) as string;
      const reassign = await call(ctx.app, 'PATCH', `/admin/targets/${t}`, admin, {
        department: newLead,
        supportingDepartments: [supporter],
      });
      expect(reassign.status, await reassign.clone().text()).toBe(200);
      const after = await detail(t);
      expect(after.department).toBe(newLead);
      const departmentOf = new Map(after.reports.map((r) => [r.id, r.department]));
      expect(departmentOf.get(bySupporter.id)).toBe(supporter);
      expect(departmentOf.get(byLead.id)).toBe('gxj');
      const rows = await ctx.db.db
        .selectFrom('reports')
        .select(['id', 'department_id'])
        .where('id', 'in', [bySupporter.id, byLead.id])
        .orderBy('as_of')
        .execute();
      expect(rows.map((r) => r.department_id)).toEqual([supporter, 'gxj']);
      // The former lead's reporter no longer sees or writes the target.
      expect(await myTargets(lead)).not.toContain(t);
      expect((await report(lead, t, '2025-12-31', 3)).status).toBe(403);
    });
  });

  describe('renaming and merging departments', () => {
    it('a renamed department is read by its new name everywhere, and its old name still matches', async () => {
      await newDepartment('rn-a', '市旧名测试局');
      const t = await freeTarget();
      await divide({ targetIds: [t], department: 'rn-a', supportingDepartments: [] });
      const rep = await newReporter('rep-rn', ['市旧名测试局']);
      expect(rep.user.departments).toEqual(['rn-a']);
      const old = await reported(rep.who, t, '2025-12-29', 1);
      expect(old.department).toBe('rn-a');

      const res = await call(ctx.app, 'PATCH', '/admin/departments/rn-a', admin, { name: '市新名测试局' });
      expect(res.status, await res.clone().text()).toBe(200);
      const renamed = departmentItemSchema.parse(await res.json()).item;
      expect(renamed).toMatchObject({ id: 'rn-a', name: '市新名测试局' });
      expect(renamed.aliases).toContain('市旧名测试局');

      // The target, the department's view and the old report (by its department id) read the new name.
      expect(await detail(t)).toMatchObject({ department: 'rn-a', departmentName: '市新名测试局' });
      const v = await view('rn-a');
      expect(v.item.name).toBe('市新名测试局');
      expect(v.lead.map((x) => x.id)).toEqual([t]);
      expect(v.lead[0]?.departmentName).toBe('市新名测试局');
      const reportNow = (await detail(t)).reports.find((r) => r.id === old.id);
      expect(reportNow?.department).toBe('rn-a');
      expect(await nameOf(reportNow?.department ?? '')).toBe('市新名测试局');
      expect((await rankings()).rows.find((r) => r.key === 'rn-a')?.name).toBe('市新名测试局');

      // The old name still matches: in a 任务分解 sheet and when an account is created.
      const dry = await importDivision('dry-run', [[t, '市旧名测试局', '', '']]);
      expect(dry.status, await dry.clone().text()).toBe(200);
      const body = divisionImportResponseSchema.parse(await dry.json());
      expect(body.counts.error).toBe(0);
      expect(body.rows[0]).toMatchObject({ targetId: t, lead: '市新名测试局', errors: [] });
      expect((await newReporter('rep-rn-2', ['市旧名测试局'])).user.departments).toEqual(['rn-a']);

      const audit = auditResponseSchema.parse(await get('/admin/audit?action=department.rename&entityId=rn-a'));
      expect(audit.items).toHaveLength(1);
      expect(audit.items[0]?.before).toMatchObject({ name: '市旧名测试局' });
      expect(audit.items[0]?.after).toMatchObject({ name: '市新名测试局' });
    });

    it('merging A into B moves A’s leads, supports and accounts to B; A stays readable and its history keeps A', async () => {
      await newDepartment('mg-a', '市并入测试局');
      await newDepartment('mg-b', '市存续测试局');
      const [ledByA, ledByB, ledByOther] = [await freeTarget(), await freeTarget(), await freeTarget()];
      await divide({ targetIds: [ledByA], department: 'mg-a', supportingDepartments: [] });
      await divide({ targetIds: [ledByB], department: 'mg-b', supportingDepartments: ['mg-a'] });
      await divide({ targetIds: [ledByOther], department: 'gxj', supportingDepartments: ['mg-a'] });
      const rep = await newReporter('rep-mg', ['mg-a']);
      const old = await reported(rep.who, ledByA, '2025-12-29', 1);
      expect(old.department).toBe('mg-a');
      // A 督办事项 A leads goes to B with its reporters (they close it as B's).
      const sv = await call(ctx.app, 'POST', '/supervision', admin, {
        title: '并入测试督办',
        leadDepartment: 'mg-a',
        dueDate: '2026-01-30',
      });
      expect(sv.status, await sv.clone().text()).toBe(201);
      const svId = ((await sv.json()) as { item: { id: string } }).item.id;
      // So does its work group's notification channel.
      const ch = await call(ctx.app, 'POST', '/admin/channels', admin, {
        kind: 'webhook',
        name: '并入测试局工作群',
        audience: 'department',
        department: 'mg-a',
        url: 'https://hooks.example.gov.cn/mg-a',
      });
      expect(ch.status, await ch.clone().text()).toBe(201);
      const chId = ((await ch.json()) as { item: { id: string } }).item.id;

      const res = await call(ctx.app, 'POST', '/admin/departments/mg-a/merge', admin, { into: '市存续测试局' });
      expect(res.status, await res.clone().text()).toBe(200);
      const merged = mergeDepartmentResponseSchema.parse(await res.json());
      expect(merged.item).toMatchObject({ id: 'mg-a', mergedInto: 'mg-b' });
      expect(merged.moved).toEqual({ leads: 1, supports: 2, users: 1, supervision: 1 });
      const channels = (await (await call(ctx.app, 'GET', '/admin/channels', admin)).json()) as {
        items: { id: string; department: string | null }[];
      };
      expect(channels.items.find((c) => c.id === chId)?.department).toBe('mg-b');
      const svAfter = await call(ctx.app, 'GET', '/supervision?department=mg-b', admin);
      expect(((await svAfter.json()) as { items: { id: string; leadDepartmentName: string }[] }).items).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: svId, leadDepartmentName: '市存续测试局' })]),
      );

      // Leads, supports and accounts are B's; B does not support the target it leads.
      expect(await detail(ledByA)).toMatchObject({ department: 'mg-b', departmentName: '市存续测试局' });
      expect((await detail(ledByB)).supportingDepartments).toEqual([]);
      expect((await detail(ledByOther)).supportingDepartments).toEqual(['mg-b']);
      const users = usersResponseSchema.parse(await get('/admin/users'));
      expect(users.items.find((u) => u.username === 'rep-mg')?.departments).toEqual(['mg-b']);
      expect(await myTargets(await signIn(ctx.app, 'rep-mg'))).toEqual([ledByA, ledByB].sort());

      // A is still readable, says what it became, and leads nothing.
      const a = await view('mg-a');
      expect(a.item).toMatchObject({ id: 'mg-a', name: '市并入测试局', mergedInto: 'mg-b' });
      expect(a.mergedInto).toMatchObject({ id: 'mg-b', name: '市存续测试局' });
      expect([a.lead, a.supporting]).toEqual([[], []]);
      const b = await view('mg-b');
      expect(b.lead.map((x) => x.id).sort()).toEqual([ledByA, ledByB].sort());
      expect(b.supporting.map((x) => x.id)).toEqual([ledByOther]);

      // A's old report still carries A's id, which still reads as A's name.
      const kept = (await detail(ledByA)).reports.find((r) => r.id === old.id);
      expect(kept?.department).toBe('mg-a');
      expect(await nameOf('mg-a')).toBe('市并入测试局');

      // Ranked once, as B; A is no longer a choice for a division.
      const table = await rankings();
      expect(table.rows.some((r) => r.key === 'mg-a')).toBe(false);
      expect(table.rows.find((r) => r.key === 'mg-b')?.targets).toBe(2);
      const refused = await call(ctx.app, 'POST', '/admin/division', admin, {
        targetIds: [ledByA],
        department: 'mg-a',
      });
      expect(refused.status).toBe(422);
      const problem = problemSchema.parse(await refused.json());
      expect(problem.code).toBe('department_merged');
      expect(problem.detail).toContain('市存续测试局');

      const audit = auditResponseSchema.parse(await get('/admin/audit?action=department.merge&entityId=mg-a'));
      expect(audit.items).toHaveLength(1);
      expect(audit.items[0]?.after).toMatchObject({
        mergedInto: 'mg-b',
        moved: { leads: 1, supports: 2, users: 1, supervision: 1 },
      });
    });
  });

  describe('the 任务分解 import', () => {
    it('previews the rows, then commits them; the department view and the rankings follow', async () => {
      await newDepartment('imp-x', '市导入测试局');
      const [one, two] = [await freeTarget(), await freeTarget()];
      const rows = [
        [one, '市导入测试局', '市科技局、市财政局', '是'],
        [two, '市导入测试局', '', '否'],
      ];
      const before = await snapshot(ctx.db.db);
      const dry = await importDivision('dry-run', rows);
      expect(dry.status, await dry.clone().text()).toBe(200);
      const preview = divisionImportResponseSchema.parse(await dry.json());
      expect(preview).toMatchObject({ mode: 'dry-run', committed: false, counts: { rows: 2, update: 2, error: 0 } });
      expect(preview.rows.map((r) => [r.row, r.targetId, r.status, r.lead, r.supporting])).toEqual([
        [2, one, 'update', '市导入测试局', ['市科学技术局', '市财政局']],
        [3, two, 'update', '市导入测试局', []],
      ]);
      expect(await snapshot(ctx.db.db)).toEqual(before);

      const commit = await importDivision('commit', rows);
      expect(commit.status, await commit.clone().text()).toBe(201);
      expect(divisionImportResponseSchema.parse(await commit.json()).committed).toBe(true);
      expect(await detail(one)).toMatchObject({
        department: 'imp-x',
        departmentName: '市导入测试局',
        supportingDepartments: ['czj', 'kjj'],
        supportMayReport: true,
        divisionDemo: false,
      });
      expect(await detail(two)).toMatchObject({ department: 'imp-x', supportingDepartments: [], divisionDemo: false });
      const v = await view('imp-x');
      expect(v.lead.map((t) => t.id).sort()).toEqual([one, two].sort());
      expect(v.ranking).toMatchObject({ key: 'imp-x', targets: 2 });
      expect((await view('kjj')).supporting.map((t) => t.id)).toContain(one);
      expect((await rankings()).rows.find((r) => r.key === 'imp-x')).toMatchObject({
        name: '市导入测试局',
        targets: 2,
      });
      const audit = auditResponseSchema.parse(await get('/admin/audit?action=target.division'));
      expect(audit.items.map((e) => e.entityId)).toEqual(expect.arrayContaining([one, two]));
    });

    it('an unknown department is a row error naming the closest registry names, and nothing is written', async () => {
      const [good, bad] = [await freeTarget(), await freeTarget()];
      const targetsBefore = [await detail(good), await detail(bad)].map((t) => ({
        department: t.department,
        supportingDepartments: t.supportingDepartments,
      }));
      const rows = [
        [good, '市科技局', '', ''],
        [bad, '市工信厅', '', ''],
      ];
      const dry = await importDivision('dry-run', rows);
      expect(dry.status).toBe(200);
      const preview = divisionImportResponseSchema.parse(await dry.json());
      expect(preview.counts).toMatchObject({ rows: 2, error: 1 });
      const row = preview.rows.find((r) => r.targetId === bad);
      expect(row?.status).toBe('error');
      expect(row?.errors).toHaveLength(1);
      expect(row?.errors[0]).toMatchObject({ row: 3, column: '牵头单位', code: 'unknown_department' });
      expect(row?.errors[0]?.message).toContain('市工信厅');
      expect(row?.errors[0]?.message).toContain('市工业和信息化局');
      expect(preview.messages[0]).toMatch(/^第3行 “牵头单位”：.*市工信厅.*市工业和信息化局/);

      const before = await snapshot(ctx.db.db);
      const commit = await importDivision('commit', rows);
      expect(commit.status).toBe(422);
      const problem = problemSchema.parse(await commit.json());
      expect(problem.code).toBe('import_invalid');
      expect(problem.detail).toContain('市工业和信息化局');
      expect(await snapshot(ctx.db.db)).toEqual(before);
      // Not even the good row.
      expect(
        [await detail(good), await detail(bad)].map((t) => ({
          department: t.department,
          supportingDepartments: t.supportingDepartments,
        })),
      ).toEqual(targetsBefore);
    });

    it('a lead also listed as supporting is a row error', async () => {
      const t = await freeTarget();
      const before = await snapshot(ctx.db.db);
      const dry = await importDivision('dry-run', [[t, '市科技局', '市财政局、市科学技术局', '否']]);
      expect(dry.status).toBe(200);
      const preview = divisionImportResponseSchema.parse(await dry.json());
      expect(preview.rows[0]).toMatchObject({ status: 'error', targetId: t });
      expect(preview.rows[0]?.errors.map((e) => [e.column, e.code])).toEqual([['配合单位', 'lead_also_supporting']]);
      expect((await importDivision('commit', [[t, '市科技局', '市财政局、市科学技术局', '否']])).status).toBe(422);
      expect(await snapshot(ctx.db.db)).toEqual(before);
    });
  });

  describe('registry and division writes', () => {
    it('refuse what the registry cannot hold, in Chinese, and write nothing', async () => {
      const t = await freeTarget();
      const before = await snapshot(ctx.db.db);
      const cases: [string, string, unknown, number, string][] = [
        ['POST', '/admin/departments', { name: '市工信局', kind: 'city' }, 409, 'department_exists'],
        ['POST', '/admin/departments', { id: 'gxj', name: '市另一个局', kind: 'city' }, 409, 'department_exists'],
        ['PATCH', '/admin/departments/kjj', { name: '市工业和信息化局' }, 409, 'department_exists'],
        [
          'POST',
          '/admin/division',
          { targetIds: [t], department: 'kjj', supportingDepartments: ['kjj'] },
          422,
          'lead_also_supporting',
        ],
        ['POST', '/admin/division', { targetIds: [t], department: 'no-such' }, 422, 'unknown_department'],
        ['PATCH', `/admin/targets/${t}`, { department: 'no-such' }, 422, 'unknown_department'],
        [
          'PATCH',
          `/admin/targets/${t}`,
          { department: 'kjj', supportingDepartments: ['kjj'] },
          422,
          'lead_also_supporting',
        ],
        ['POST', '/admin/departments/kjj/merge', { into: '市工信厅' }, 422, 'unknown_department'],
      ];
      for (const [method, path, body, status, code] of cases) {
        const res = await call(ctx.app, method, path, admin, body);
        const label = `${method} ${path} ${JSON.stringify(body)}`;
        expect(res.status, label).toBe(status);
        const problem = problemSchema.parse(await res.json());
        expect(problem.code, label).toBe(code);
        expect(problem.detail, label).toMatch(/[\u4e00-\u9fff]/);
      }
      const missing = await call(ctx.app, 'GET', '/departments/no-such', null);
      expect(missing.status).toBe(404);
      expect(problemSchema.parse(await missing.json()).detail).toContain('no-such');
      expect(await snapshot(ctx.db.db)).toEqual(before);
    });
  });

  describe('the registry import', () => {
    it('adds a department from a sheet, and an existing name updates its record', async () => {
      const sheet = fileForm(
        '部门编号,部门全称,简称,类别,区市,分管领导,别名\nreg-x,市登记测试局,登记局,市直部门,,张三,市登记局、登记测试局\n',
        'departments.csv',
      );
      const res = await call(ctx.app, 'POST', '/admin/department-imports?mode=commit', admin, sheet);
      expect(res.status, await res.clone().text()).toBe(201);
      const body = departmentImportResponseSchema.parse(await res.json());
      expect(body.rows).toEqual([expect.objectContaining({ id: 'reg-x', name: '市登记测试局', status: 'new' })]);
      expect((await registry()).items.find((d) => d.id === 'reg-x')).toMatchObject({
        shortName: '登记局',
        kind: 'city',
        leader: '张三',
        aliases: ['市登记局', '登记测试局'],
      });
      // A user may be bound to it by an alias.
      expect((await newReporter('rep-reg', ['市登记局'])).user.departments).toEqual(['reg-x']);
    });
  });

  describe('rankings', () => {
    /** The measure as the table compares it. */
    const measureOf = (r: RankingRow, m: RankingsResponse['measure']) =>
      m === 'share' ? r.share : m === 'gap' ? r.gap : r.reportingRate;

    it.each(['share', 'gap', 'reporting'] as const)('are ordered by %s, each share being good ÷ judged', async (m) => {
      for (const by of ['department', 'district'] as const) {
        const table = await rankings(`?by=${by}&measure=${m}`);
        expect(table).toMatchObject({ by, measure: m });
        expect(table.rows.length).toBeGreaterThan(3);
        const ranked = table.rows.filter((r) => r.rank !== null);
        const unranked = table.rows.filter((r) => r.rank === null);
        expect(table.rows).toEqual([...ranked, ...unranked]);
        expect(ranked[0]?.rank).toBe(1);
        for (const [i, r] of ranked.entries()) {
          const next = ranked[i + 1];
          if (!next) continue;
          // Higher first, compared as displayed (to 0.1 % or 0.1 个百分点): ties may come in any raw order.
          expect(measureOf(next, m) as number, `${r.name} before ${next.name}`).toBeLessThanOrEqual(
            (measureOf(r, m) as number) + 0.001,
          );
          expect(next.rank as number).toBeGreaterThanOrEqual(r.rank as number);
        }
        for (const r of unranked) expect(measureOf(r, m)).toBeNull();
        for (const r of table.rows) {
          expect(r.share, r.name).toBe(r.judged > 0 ? r.good / r.judged : null);
          expect(r.reportingRate, r.name).toBe(r.reportable > 0 ? r.reportedInCycle / r.reportable : null);
        }
      }
    });

    it('by district lists the district governments, 崂山区人民政府 among them', async () => {
      const table = await rankings('?by=district');
      expect(table.rows.map((r) => r.name)).toContain('崂山区人民政府');
      expect(table.rows.find((r) => r.name === '崂山区人民政府')?.key).toBe('d-laoshan');
      const districts = new Set((await registry()).items.filter((d) => d.kind === 'district').map((d) => d.id));
      for (const r of table.rows) expect(districts.has(r.key), r.name).toBe(true);
    });

    it('a report that brings a target on pace changes its department’s row', async () => {
      await newDepartment('rk-x', '市排名测试局');
      const all = targetsResponseSchema.parse(await get('/targets'));
      const behind = all.items.find(
        (t) =>
          !taken.has(t.id) &&
          t.kind === 'cumulative' &&
          t.comparator === 'gte' &&
          t.target !== null &&
          t.target > 0 &&
          t.deadline >= '2025-12-31' &&
          t.periodStart <= '2025-01-01' &&
          (t.state.status === 'lagging' || t.state.status === 'severe'),
      );
      if (!behind) throw new Error('no target behind pace');
      taken.add(behind.id);
      await divide({ targetIds: [behind.id], department: 'rk-x', supportingDepartments: [] });
      const row = async () => (await rankings()).rows.find((r) => r.key === 'rk-x');
      expect(await row()).toMatchObject({ targets: 1, judged: 1, good: 0, share: 0 });
      const sent = await reported(admin, behind.id, '2025-12-31', behind.target as number);
      // The city's plan wants review: the figure waits (the table is unchanged) unless asked with the pending ones.
      expect(sent.approval?.state).toBe(behind.planId === 'qd-2025' ? 'pending' : 'approved');
      const pendingRow = (await rankings('?includePending=1')).rows.find((r) => r.key === 'rk-x');
      expect(pendingRow).toMatchObject({ targets: 1, judged: 1, good: 1, share: 1, rank: 1 });
      if (behind.planId === 'qd-2025') {
        expect(await row()).toMatchObject({ targets: 1, judged: 1, good: 0, share: 0 });
        expect((await call(ctx.app, 'POST', `/reports/${sent.id}/approve`, reviewer)).status).toBe(200);
      }
      expect(await row()).toMatchObject({ targets: 1, judged: 1, good: 1, share: 1, rank: 1 });
    });

    it('answers an unknown grouping with a 400 in Chinese', async () => {
      for (const path of ['/rankings?by=sector', '/rankings.xlsx?by=sector', '/rankings?measure=speed']) {
        const res = await call(ctx.app, 'GET', path, null);
        expect(res.status, path).toBe(400);
        const problem = problemSchema.parse(await res.json());
        expect(problem.detail, path).toMatch(/[\u4e00-\u9fff]/);
        expect(problem.param, path).toBe(path.includes('measure') ? 'measure' : 'by');
      }
      const bad = problemSchema.parse(await (await call(ctx.app, 'GET', '/rankings?by=sector', null)).json());
      expect(bad.detail).toContain('排名对象');
      expect(bad.allowed).toEqual(['department', 'district']);
    });

    it('exports the table as a workbook whose rows are the JSON’s', async () => {
      for (const query of ['?by=department&measure=share', '?by=district&measure=gap']) {
        const table = await rankings(query);
        const res = await call(ctx.app, 'GET', `/rankings.xlsx${query}`, null);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
        expect(res.headers.get('content-disposition')).toContain(`rankings-${table.by}-${table.measure}-${table.asOf}`);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(await res.arrayBuffer());
        const ws = wb.worksheets[0];
        if (!ws) throw new Error('no sheet');
        expect(ws.name).toBe(table.by === 'district' ? '区市排名' : '部门排名');
        const header = (ws.getRow(1).values as unknown[]).slice(1);
        expect(header.slice(0, 6)).toEqual([
          table.by === 'district' ? '区市' : '部门',
          '名次',
          '目标数',
          '参评数',
          '达标数',
          '达标率',
        ]);
        const at = (name: string) => header.indexOf(name) + 1;
        const rounded = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
        table.rows.forEach((r, i) => {
          const row = ws.getRow(i + 2);
          const cell = (name: string) => row.getCell(at(name)).value;
          expect(row.getCell(1).value).toBe(r.name);
          expect(cell('名次')).toBe(r.rank === null ? '未排名' : r.tied ? `并列${r.rank}` : r.rank);
          expect([cell('目标数'), cell('参评数'), cell('达标数')]).toEqual([r.targets, r.judged, r.good]);
          expect(cell('达标率')).toBe(rounded(r.share));
          expect(cell('按时填报率')).toBe(rounded(r.reportingRate));
          expect(cell('差距（百分点）')).toBe(r.gap === null ? null : Math.round(r.gap * 1000) / 10);
        });
        // The rows end where the JSON's do: an empty row, then the rules.
        expect(ws.getRow(table.rows.length + 2).getCell(1).value ?? null).toBeNull();
      }
    });
  });

  describe('accounts name departments of the registry', () => {
    it('refuses an unknown department with the closest registry names; a name is stored as its id', async () => {
      const before = await snapshot(ctx.db.db);
      const res = await call(ctx.app, 'POST', '/admin/users', admin, {
        username: 'rep-unknown',
        password: PASSWORD,
        role: 'reporter',
        departments: ['市工信厅'],
      });
      expect(res.status).toBe(400);
      const problem = problemSchema.parse(await res.json());
      expect(problem.code).toBe('unknown_department');
      expect(problem.detail).toContain('市工信厅');
      expect(problem.detail).toContain('市工业和信息化局');
      expect(problem.errors?.[0]).toMatchObject({ field: 'departments', code: 'unknown_department' });
      expect(String(problem.errors?.[0]?.params?.closest)).toContain('市工业和信息化局');
      expect(await snapshot(ctx.db.db)).toEqual(before);

      const created = await newReporter('rep-named', ['市发展和改革委员会', '崂山区']);
      expect(created.user.departments).toEqual(['d-laoshan', 'fgw']);
      const patched = await call(ctx.app, 'PATCH', `/admin/users/${created.user.id}`, admin, {
        departments: ['市发改委'],
      });
      expect(patched.status).toBe(200);
      expect(userItemSchema.parse(await patched.json()).item.departments).toEqual(['fgw']);
      const unknown = await call(ctx.app, 'PATCH', `/admin/users/${created.user.id}`, admin, {
        departments: ['市工信厅'],
      });
      expect(unknown.status).toBe(400);
      expect(problemSchema.parse(await unknown.json()).code).toBe('unknown_department');
    });
  });
});
