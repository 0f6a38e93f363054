import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targetDetailResponseSchema } from '../../src/domain/target-api';
import { catalogImportResponseSchema, sessionResponseSchema, userSchema } from '../../src/domain/write-api';
import { type Backend, backends, TEST_NOW, testApp } from './test-db';
import {
  call,
  DEPT_A,
  DEPT_A_NAME,
  type Fixture,
  fileForm,
  seedAccounts,
  signIn,
  snapshot,
  type Who,
} from './write-helpers';

describe.each(backends())('catalog and user administration on %s', (backend: Backend) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let f: Fixture;
  let admin: Who;
  let rep: Who;
  beforeAll(async () => {
    ctx = await testApp(backend);
    f = await seedAccounts(ctx.db.db, TEST_NOW);
    admin = await signIn(ctx.app, 'admin');
    rep = await signIn(ctx.app, 'rep-a');
  });
  afterAll(async () => ctx?.close());

  it('assigning a lead department lets that department report on the target, and is audited', async () => {
    const before = await call(ctx.app, 'POST', `/targets/${f.targetNull}/reports`, rep, {
      asOf: '2025-12-31',
      value: 1,
    });
    expect(before.status).toBe(403);
    expect(((await before.json()) as { detail: string }).detail).toContain('尚未指定牵头部门');
    const patch = await call(ctx.app, 'PATCH', `/admin/targets/${f.targetNull}`, admin, { department: DEPT_A });
    expect(patch.status).toBe(200);
    const after = await call(ctx.app, 'POST', `/targets/${f.targetNull}/reports`, rep, {
      asOf: '2025-12-31',
      value: 1,
      confirmReason: '测试',
    });
    expect(after.status).toBe(201);
    const audit = await ctx.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'target.update')
      .where('entity_id', '=', f.targetNull)
      .executeTakeFirstOrThrow();
    expect((audit.before as { department: unknown }).department).toBeNull();
    expect((audit.after as { department: unknown }).department).toBe(DEPT_A);
    const bad = await call(ctx.app, 'PATCH', `/admin/targets/${f.targetNull}`, admin, { deadline: '2024-01-01' });
    expect(bad.status).toBe(422);
    const deps = (await (await call(ctx.app, 'GET', '/admin/departments', admin)).json()) as {
      items: { id: string; name: string; leads: number; users: number }[];
    };
    expect(deps.items.find((d) => d.id === DEPT_A)).toMatchObject({ name: DEPT_A_NAME, leads: 2, users: 2 }); // rep-a, and rev-a who reviews it
  });

  it('loads a new year’s plan from a spreadsheet: dry run with errors, then commit, all in one go', async () => {
    const wb = new ExcelJS.Workbook();
    const targets = wb.addWorksheet('目标');
    targets.addRow([
      '编号',
      '规划编号',
      '领域',
      '分项',
      '目标名称',
      '区市',
      '牵头部门',
      '指标类型',
      '单位',
      '目标值',
      '比较方式',
      '基数',
      '开始日期',
      '截止日期',
      '进度曲线',
      '阶段',
      '来源文件',
      '来源原文',
    ]);
    const row = (id: string, over: Partial<Record<number, unknown>> = {}) => {
      const base: unknown[] = [
        id,
        'qd-2026',
        '民生',
        '就业',
        `2026 测试目标 ${id}`,
        '市级',
        DEPT_A_NAME,
        '累计',
        '万人',
        35,
        '以上',
        null,
        new Date('2026-01-01T00:00:00Z'),
        '2026-12-31',
        '线性',
        null,
        '2026-report.txt',
        '城镇新增就业35万人以上',
      ];
      for (const [k, v] of Object.entries(over)) base[Number(k)] = v;
      return base;
    };
    targets.addRow(row('qd26-jobs'));
    targets.addRow(
      row('qd26-metro', { 7: '里程碑', 8: '', 9: null, 14: '按阶段', 15: '开工@2026-03-31；通车@2026-12-31' }),
    );
    targets.addRow(row('qd26-bad', { 2: '不存在的领域', 9: '三十五' }));
    const plans = wb.addWorksheet('规划');
    plans.addRow(['规划编号', '标题', '发布机关', '年度', '来源文件', '发布日期']);
    plans.addRow(['qd-2026', '2026年青岛市政府工作报告', '青岛市人民政府', 2026, '2026-report.txt', '2026-01-20']);
    const withError = new Uint8Array(await wb.xlsx.writeBuffer());

    const before = await snapshot(ctx.db.db);
    const dry = await call(
      ctx.app,
      'POST',
      '/admin/catalog-imports?mode=dry-run',
      admin,
      fileForm(withError, 'plan-2026.xlsx'),
    );
    expect(dry.status).toBe(200);
    const body = catalogImportResponseSchema.parse(await dry.json());
    expect(body.plansCreated).toEqual(['qd-2026']);
    expect(body.counts).toMatchObject({ new: 2, error: 1 });
    expect(body.messages.some((m) => m.startsWith('第4行 “领域”：不认识的领域'))).toBe(true);
    expect(body.messages).toContain('第4行 “目标值”：不是数字');
    const refused = await call(
      ctx.app,
      'POST',
      '/admin/catalog-imports?mode=commit',
      admin,
      fileForm(withError, 'plan-2026.xlsx'),
    );
    expect(refused.status).toBe(422);
    expect(await snapshot(ctx.db.db)).toEqual(before);

    targets.spliceRows(4, 1);
    const fixed = new Uint8Array(await wb.xlsx.writeBuffer());
    const commit = await call(
      ctx.app,
      'POST',
      '/admin/catalog-imports?mode=commit',
      admin,
      fileForm(fixed, 'plan-2026.xlsx'),
    );
    expect(commit.status).toBe(201);
    const detail = targetDetailResponseSchema.parse(await (await ctx.app.request('/api/v1/targets/qd26-metro')).json());
    expect(detail.item.stages.map((s) => s.name)).toEqual(['开工', '通车']);
    expect(detail.item.kind).toBe('milestone');
    // The sheet names the lead department; the catalog stores its registry id.
    expect([detail.item.department, detail.item.departmentName]).toEqual([DEPT_A, DEPT_A_NAME]);
    const plansRes = (await (await ctx.app.request('/api/v1/plans')).json()) as { items: { id: string }[] };
    expect(plansRes.items.map((p) => p.id)).toContain('qd-2026');
    // Loading the same plan again changes nothing.
    const again = catalogImportResponseSchema.parse(
      await (
        await call(ctx.app, 'POST', '/admin/catalog-imports?mode=commit', admin, fileForm(fixed, 'plan-2026.xlsx'))
      ).json(),
    );
    expect(again.counts).toMatchObject({ unchanged: 2, new: 0, update: 0 });
  });

  it('gives admins a catalog template that, once filled in, reads back without an error', async () => {
    expect((await call(ctx.app, 'GET', '/admin/catalog-imports/template', rep)).status).toBe(403);
    const res = await call(ctx.app, 'GET', '/admin/catalog-imports/template', admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('目标目录导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['目标', '规划', '说明']);
    const targets = wb.getWorksheet('目标') as ExcelJS.Worksheet;
    const header = (targets.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('来源原文');
    const at = (name: string) => header.indexOf(name) + 1;
    const row = targets.getRow(2);
    const fill: Record<string, unknown> = {
      编号: 'qd26-from-template',
      规划编号: 'qd-2026t',
      领域: '民生',
      目标名称: '新增城镇就业36万人以上',
      指标类型: '累计',
      单位: '万人',
      目标值: 36,
      开始日期: '2026-01-01',
      截止日期: '2026-12-31',
      来源文件: '2026-report.txt',
      来源原文: '新增城镇就业36万人以上',
    };
    for (const [k, v] of Object.entries(fill)) row.getCell(at(k)).value = v as ExcelJS.CellValue;
    const plans = wb.getWorksheet('规划') as ExcelJS.Worksheet;
    const planHeader = (plans.getRow(1).values as unknown[]).slice(1);
    const planRow = plans.getRow(2);
    const planFill: Record<string, unknown> = {
      规划编号: 'qd-2026t',
      标题: '2026年政府工作报告（模板测试）',
      发布机关: '青岛市人民政府',
      年度: 2026,
      来源文件: '2026-report.txt',
    };
    for (const [k, v] of Object.entries(planFill))
      planRow.getCell(planHeader.indexOf(k) + 1).value = v as ExcelJS.CellValue;
    const filled = new Uint8Array(await wb.xlsx.writeBuffer());
    const dry = await call(ctx.app, 'POST', '/admin/catalog-imports?mode=dry-run', admin, fileForm(filled, 't.xlsx'));
    const body = catalogImportResponseSchema.parse(await dry.json());
    expect(body.messages).toEqual([]);
    expect(body.counts).toMatchObject({ new: 1, error: 0 });
    expect(body.plansCreated).toEqual(['qd-2026t']);
  });

  it('manages users: create, disable (ends their sessions), and never removes the last admin', async () => {
    const created = await call(ctx.app, 'POST', '/admin/users', admin, {
      username: 'li.si',
      displayName: '李四',
      password: 'a long enough password',
      role: 'reporter',
      departments: [DEPT_A],
    });
    expect(created.status).toBe(201);
    const user = userSchema.parse(((await created.json()) as { item: unknown }).item);
    const dup = await call(ctx.app, 'POST', '/admin/users', admin, {
      username: 'LI.SI',
      password: 'a long enough password',
      role: 'viewer',
    });
    expect(dup.status).toBe(409);
    const weak = await call(ctx.app, 'POST', '/admin/users', admin, {
      username: 'wang',
      password: 'short',
      role: 'viewer',
    });
    expect(weak.status).toBe(400);
    const li = await signIn(ctx.app, 'li.si', 'a long enough password');
    expect((await call(ctx.app, 'PATCH', `/admin/users/${user.id}`, admin, { disabled: true })).status).toBe(200);
    const me = sessionResponseSchema.parse(await (await call(ctx.app, 'GET', '/session', li)).json());
    expect(me.user).toBeNull();
    const signInAgain = await call(ctx.app, 'POST', '/session', null, {
      username: 'li.si',
      password: 'a long enough password',
    });
    expect(signInAgain.status).toBe(401);
    const adminRow = await ctx.db.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const last = await call(ctx.app, 'PATCH', `/admin/users/${adminRow.id}`, admin, { role: 'viewer' });
    expect(last.status).toBe(409);
    const list = (await (await call(ctx.app, 'GET', '/admin/users', admin)).json()) as {
      items: { username: string }[];
    };
    expect(list.items.map((u) => u.username)).toContain('li.si');
    expect(JSON.stringify(list)).not.toContain('scrypt');
  });
});
