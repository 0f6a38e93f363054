import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Kysely, Transaction } from 'kysely';
import { csvFile, exportCell } from '../../src/domain/cells';
import { shanghaiDate } from '../../src/domain/dates';
import { isDomainError } from '../../src/domain/errors';
import type { Issue } from '../../src/domain/issues';
import { planSchema, type Target } from '../../src/domain/schemas';
import { validateTarget } from '../../src/domain/status';
import {
  type AuditEntry,
  auditQuerySchema,
  createUserRequestSchema,
  targetCreateSchema,
  targetPatchSchema,
  updateUserRequestSchema,
} from '../../src/domain/write-api';
import { zhIssueText } from '../../src/i18n/validation';
import type { Database } from '../db/schema';
import { problem } from '../http/problem';
import {
  type AccountsEnv,
  actorOf,
  type Ctx,
  invalid,
  notFoundProblem,
  readJson,
  role,
  type WriteDeps,
} from '../http/session';
import { audit } from '../repositories/audit';
import {
  planFromRow,
  planToRow,
  selectTargets,
  targetFromRow,
  targetToRow,
  writeSupporting,
} from '../repositories/rows';
import { deleteSessionsOfUser } from '../repositories/sessions';
import {
  createUser,
  getUser,
  isUniqueViolation,
  listUsers,
  setPlansOf,
  UsernameTakenError,
} from '../repositories/users';
import { importCatalog } from '../services/catalog-import';
import { catalogTemplateXlsx } from '../services/catalog-template';
import { checkDivision, loadRegistry, resolveDepartment } from '../services/departments';
import { hashPassword } from '../services/password';
import { fitColumns, preparePrint } from '../services/spreadsheet/print';
import { readSheet } from '../services/spreadsheet/sheet';
import { newWorkbook } from '../services/spreadsheet/workbook';
import { badFile, disposition, fileTooBig, readUpload, tooManyRows } from './imports';

/** /admin/…: users, departments, catalog (targets, plans, plan import) and the audit log. Admins only. */
export function adminRoutes(deps: WriteDeps) {
  const { db, now, options } = deps;
  const r = new Hono<AccountsEnv>();

  /** A user's departments as registry ids (an id, a full or short name each); the first unknown one refused. */
  async function departmentIds(
    texts: readonly string[],
  ): Promise<{ ok: true; ids: string[] } | { ok: false; issue: Issue }> {
    if (texts.length === 0) return { ok: true, ids: [] };
    const list = await loadRegistry(db);
    const ids: string[] = [];
    for (const text of texts) {
      const found = resolveDepartment(list, text);
      if (!found.ok) return found;
      ids.push(found.department.id);
    }
    return { ok: true, ids: [...new Set(ids)] };
  }
  const departmentRefused = (c: Ctx, issue: Issue) =>
    invalid(
      c,
      zhIssueText(issue),
      [
        {
          field: 'departments',
          message: zhIssueText(issue),
          code: issue.code,
          ...(issue.params ? { params: issue.params } : {}),
        },
      ],
      400,
      issue.code,
    );

  r.get('/admin/users', role(['admin']), async (c) => {
    return c.json({ items: await listUsers(db) });
  });

  /** The first of `plans` that names no plan, or null. */
  const firstUnknownPlan = async (plans: readonly string[]): Promise<string | null> => {
    if (plans.length === 0) return null;
    const known = new Set((await db.selectFrom('plans').select('id').execute()).map((p) => p.id));
    return plans.find((p) => !known.has(p)) ?? null;
  };
  const planRefused = (c: Ctx, id: string) =>
    invalid(c, `规划“${id}”不存在`, [
      { field: 'plans', message: `规划“${id}”不存在`, code: 'unknown_plan', params: { id } },
    ]);

  r.post('/admin/users', role(['admin']), async (c) => {
    const s = c.get('signedIn');
    const body = await readJson(c, createUserRequestSchema);
    if (!body.ok) return body.response;
    const departments = await departmentIds(body.value.departments);
    if (!departments.ok) return departmentRefused(c, departments.issue);
    const unknownPlan = await firstUnknownPlan(body.value.plans);
    if (unknownPlan !== null) return planRefused(c, unknownPlan);
    try {
      const user = await db.transaction().execute(async (trx) => {
        const u = await createUser(trx, { ...body.value, departments: departments.ids }, now());
        await audit(trx, now(), actorOf(c, s.user), {
          action: 'user.create',
          entity: 'user',
          entityId: u.id,
          after: u,
        });
        return u;
      });
      return c.json({ item: user }, 201);
    } catch (e) {
      if (e instanceof UsernameTakenError)
        return problem(c, {
          status: 409,
          title: '用户名已存在',
          detail: e.message,
          code: 'username_taken',
          params: { username: body.value.username },
        });
      throw e;
    }
  });

  r.patch('/admin/users/:id', role(['admin']), async (c) => {
    const s = c.get('signedIn');
    const id = c.req.param('id');
    const body = await readJson(c, updateUserRequestSchema);
    if (!body.ok) return body.response;
    const before = await getUser(db, id);
    if (!before) return notFoundProblem(c, `用户“${id}”不存在`);
    const resolved = body.value.departments ? await departmentIds(body.value.departments) : null;
    if (resolved && !resolved.ok) return departmentRefused(c, resolved.issue);
    const unknownPlan = await firstUnknownPlan(body.value.plans ?? []);
    if (unknownPlan !== null) return planRefused(c, unknownPlan);
    const p = { ...body.value, ...(resolved?.ok ? { departments: resolved.ids } : {}) };
    const demotes = (p.role !== undefined && p.role !== 'admin') || p.disabled === true;
    if (before.role === 'admin' && demotes) {
      const admins = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'admin')
        .where('disabled', '=', false)
        .executeTakeFirst();
      if (Number(admins?.n ?? 0) <= 1)
        return problem(c, {
          status: 409,
          title: '无法修改',
          detail: '这是唯一的管理员，不能降级或停用',
          code: 'last_admin',
        });
    }
    const hash = p.password ? await hashPassword(p.password) : undefined;
    const after = await db.transaction().execute(async (trx) => {
      const set = {
        ...(p.displayName !== undefined ? { display_name: p.displayName } : {}),
        ...(p.role !== undefined ? { role: p.role } : {}),
        ...(p.disabled !== undefined ? { disabled: p.disabled } : {}),
        ...(hash ? { password_hash: hash } : {}),
      };
      if (Object.keys(set).length) await trx.updateTable('users').set(set).where('id', '=', id).execute();
      if (p.departments) {
        await trx.deleteFrom('user_departments').where('user_id', '=', id).execute();
        const deps = [...new Set(p.departments)];
        if (deps.length)
          await trx
            .insertInto('user_departments')
            .values(deps.map((department) => ({ user_id: id, department })))
            .execute();
      }
      if (p.plans) await setPlansOf(trx, id, p.plans);
      const u = await getUser(trx, id);
      await audit(trx, now(), actorOf(c, s.user), {
        action: p.password ? 'user.update_password' : 'user.update',
        entity: 'user',
        entityId: id,
        before,
        after: u,
      });
      return u;
    });
    // A password reset, a role change or disabling ends the user's sessions everywhere.
    if (hash || p.disabled || p.role !== undefined) await deleteSessionsOfUser(db, id);
    return c.json({ item: after });
  });

  r.post('/admin/plans', role(['admin']), async (c) => {
    const s = c.get('signedIn');
    const body = await readJson(c, planSchema);
    if (!body.ok) return body.response;
    const beforeRow = await db.selectFrom('plans').selectAll().where('id', '=', body.value.id).executeTakeFirst();
    // Without `escalateAfter` an update keeps the plan's setting (planToRow leaves it out); a new plan gets 2.
    const plan = { ...body.value, escalateAfter: body.value.escalateAfter ?? beforeRow?.escalate_after ?? 2 };
    await db.transaction().execute(async (trx) => {
      const { id, approval, ...rest } = planToRow(plan);
      // Without `approval` an update keeps the plan's review setting (a client older than the setting).
      const settings = plan.approval === undefined ? rest : { ...rest, approval };
      if (beforeRow) await trx.updateTable('plans').set(settings).where('id', '=', id).execute();
      else
        await trx
          .insertInto('plans')
          .values({ id, ...settings })
          .execute();
      await audit(trx, now(), actorOf(c, s.user), {
        action: beforeRow ? 'plan.update' : 'plan.create',
        entity: 'plan',
        entityId: plan.id,
        before: beforeRow ? planFromRow(beforeRow) : null,
        after: plan,
      });
    });
    return c.json({ item: plan }, beforeRow ? 200 : 201);
  });

  const checkTarget = async (
    t: Target,
    q: Kysely<Database> | Transaction<Database> = db,
  ): Promise<{ message: string; issue?: Issue } | null> => {
    try {
      validateTarget(t);
    } catch (e) {
      if (isDomainError(e)) return { message: e.message };
      throw e;
    }
    const plan = await q.selectFrom('plans').select('id').where('id', '=', t.planId).executeTakeFirst();
    if (!plan) return { message: `规划“${t.planId}”不存在` };
    const issue = checkDivision(await loadRegistry(q), t);
    return issue ? { message: zhIssueText(issue), issue } : null;
  };
  const refuse = (c: Ctx, bad: { message: string; issue?: Issue }) =>
    invalid(c, bad.message, undefined, 422, bad.issue?.code ?? 'target_invalid');
  /** A target as written by an admin: the division is theirs now, no longer the demo's. */
  const asWritten = async (t: Target, before: Target | null, q: Kysely<Database> | Transaction<Database>) => {
    const changed =
      before === null ||
      before.department !== t.department ||
      JSON.stringify(before.supportingDepartments) !== JSON.stringify(t.supportingDepartments);
    const name = t.department
      ? ((await q.selectFrom('departments').select('name').where('id', '=', t.department).executeTakeFirst())?.name ??
        null)
      : null;
    return {
      ...t,
      departmentName: name,
      supportingDepartments: [...new Set(t.supportingDepartments)].sort(),
      divisionDemo: changed ? false : t.divisionDemo,
    };
  };

  r.post('/admin/targets', role(['admin']), async (c) => {
    const s = c.get('signedIn');
    const body = await readJson(c, targetCreateSchema);
    if (!body.ok) return body.response;
    const t = await asWritten({ ...body.value, departmentName: null, divisionDemo: false }, null, db);
    const bad = await checkTarget(t);
    if (bad) return refuse(c, bad);
    try {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('targets').values(targetToRow(t)).execute();
        await writeSupporting(trx, t);
        await audit(trx, now(), actorOf(c, s.user), {
          action: 'target.create',
          entity: 'target',
          entityId: t.id,
          after: t,
        });
      });
    } catch (e) {
      if (isUniqueViolation(e))
        return problem(c, {
          status: 409,
          title: '编号已存在',
          detail: `目标编号“${t.id}”已存在`,
          code: 'target_exists',
          params: { id: t.id },
        });
      throw e;
    }
    return c.json({ item: t }, 201);
  });

  r.patch('/admin/targets/:id', role(['admin']), async (c) => {
    const s = c.get('signedIn');
    const id = c.req.param('id');
    const body = await readJson(c, targetPatchSchema);
    if (!body.ok) return body.response;
    const result = await db.transaction().execute(async (trx) => {
      const row = await selectTargets(trx).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!row) return null;
      const before = targetFromRow(row);
      const merged = { ...before, ...body.value, id };
      // A demo division whose lead the admin changes goes whole, unless the supporters are named too.
      if (
        before.divisionDemo &&
        body.value.supportingDepartments === undefined &&
        merged.department !== before.department
      )
        merged.supportingDepartments = [];
      const after: Target = await asWritten(merged, before, trx);
      const bad = await checkTarget(after, trx);
      if (bad) return { bad };
      const { id: _id, ...rest } = targetToRow(after);
      await trx.updateTable('targets').set(rest).where('id', '=', id).execute();
      await writeSupporting(trx, after);
      await audit(trx, now(), actorOf(c, s.user), {
        action: 'target.update',
        entity: 'target',
        entityId: id,
        before,
        after,
      });
      return { after };
    });
    if (!result) return notFoundProblem(c, `目标“${id}”不存在`);
    if (result.bad) return refuse(c, result.bad);
    return c.json({ item: result.after });
  });

  r.get('/admin/catalog-imports/template', role(['admin']), async (c) => {
    const buf = await catalogTemplateXlsx(now().toISOString());
    return c.body(new Uint8Array(buf), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': disposition('目标目录导入模板.xlsx'),
    });
  });

  r.post(
    '/admin/catalog-imports',
    role(['admin']),
    bodyLimit({
      maxSize: options.limits.maxFileBytes + 64 * 1024,
      onError: (c) => fileTooBig(c, options.limits.maxFileBytes),
    }),
    async (c) => {
      const s = c.get('signedIn');
      const mode = c.req.query('mode') ?? 'dry-run';
      if (mode !== 'dry-run' && mode !== 'commit') return invalid(c, '参数“mode”应为 dry-run（预览）或 commit（提交）');
      const upload = await readUpload(c, options.limits);
      if (upload instanceof Response) return upload;
      if (upload.sheet.grid.rows.length > options.limits.maxRows + 1) return tooManyRows(c, options.limits.maxRows);
      const plansGrid = upload.sheet.grid.kind === 'xlsx' ? await planSheet(upload.bytes, options.limits) : null;
      const out = await importCatalog({
        db,
        actor: actorOf(c, s.user),
        now: now(),
        fileName: upload.name,
        grid: upload.sheet.grid,
        plansGrid,
        mode,
      });
      if ('detail' in out) return badFile(c, 422, out.detail);
      if (out.status === 422)
        return problem(c, {
          status: 422,
          title: '导入未完成',
          detail: `有错误，整个文件未导入：${out.body.messages.slice(0, 3).join('；')}`,
          code: 'import_invalid',
          result: out.body,
        });
      return c.json(out.body, out.status);
    },
  );

  r.get('/admin/audit', role(['admin']), async (c) => {
    const page = clampInt(c.req.query('page'), 1, 1_000_000, 1);
    const pageSize = clampInt(c.req.query('pageSize'), 1, 500, 100);
    const q = auditQuery(c);
    if (q instanceof Response) return q;
    const [count, rows] = await Promise.all([
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
      q
        .selectAll()
        .orderBy('id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
    ]);
    return c.json({ total: Number(count?.n ?? 0), page, pageSize, items: rows.map(auditFromRow) });
  });

  r.get('/admin/audit/export', role(['admin']), async (c) => {
    const q = auditQuery(c);
    if (q instanceof Response) return q;
    const rows = (await q.selectAll().orderBy('id').limit(100_000).execute()).map(auditFromRow);
    const header = ['编号', '时间', '操作人', '来源地址', '操作', '对象', '对象编号', '修改前', '修改后'];
    const cells = (e: AuditEntry) => [
      e.id,
      e.at,
      e.actor ?? '',
      e.ip ?? '',
      e.action,
      e.entity,
      e.entityId ?? '',
      e.before === null ? '' : JSON.stringify(e.before),
      e.after === null ? '' : JSON.stringify(e.after),
    ];
    const name = `审计日志-${now().toISOString().slice(0, 10)}`;
    if (c.req.query('format') === 'xlsx') {
      const wb = await newWorkbook();
      const ws = wb.addWorksheet('审计日志');
      // On the sheet the time leads and the entry's number comes last (the CSV keeps its columns).
      const order = [1, 2, 3, 4, 5, 6, 7, 8, 0];
      ws.addRow(order.map((i) => exportCell(header[i] ?? '')));
      for (const e of rows) {
        const row = cells(e);
        ws.addRow(order.map((i) => exportCell(row[i] ?? '')));
      }
      ws.getRow(1).font = { bold: true };
      fitColumns(ws, { headerRow: 1, max: 50 });
      preparePrint(ws, {
        title: '审计日志',
        asOf: shanghaiDate(now()),
        asOfLabel: '导出于',
        headerRow: 1,
        freezeColumns: 1,
        autoFilter: true,
      });
      const buf = await wb.xlsx.writeBuffer();
      return c.body(new Uint8Array(buf), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': disposition(`${name}.xlsx`),
      });
    }
    return c.body(csvFile([header, ...rows.map(cells)]), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': disposition(`${name}.csv`),
    });
  });

  /** The audit log filtered as asked, or a 400 naming the filter that cannot be used. */
  function auditQuery(c: Ctx) {
    const { actor, action, entity, entityId, from, to } = c.req.query();
    const given = Object.fromEntries(
      Object.entries({ actor, action, entity, entityId, from, to }).filter(([, v]) => v !== undefined && v !== ''),
    );
    const parsed = auditQuerySchema.safeParse(given);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message }));
      return invalid(c, errors.map((e) => `${e.field}：${e.message}`).join('；'), errors);
    }
    const f = parsed.data;
    let q = db.selectFrom('audit_log');
    if (f.actor) q = q.where('actor', '=', f.actor);
    if (f.action) q = q.where('action', '=', f.action);
    if (f.entity) q = q.where('entity', '=', f.entity);
    if (f.entityId) q = q.where('entity_id', '=', f.entityId);
    if (f.from) q = q.where('at', '>=', new Date(f.from).toISOString());
    if (f.to) q = q.where('at', '<=', new Date(f.to).toISOString());
    return q;
  }

  return r;
}

async function planSheet(bytes: Uint8Array, limits: { maxRows: number; maxFileBytes: number }) {
  const res = await readSheet(bytes, limits, { sheet: '规划' });
  return res.ok && res.grid.rows.length ? res.grid : null;
}

function clampInt(v: string | undefined, min: number, max: number, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

function auditFromRow(r: {
  id: number;
  at: string;
  actor: string | null;
  ip: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
}): AuditEntry {
  return {
    id: Number(r.id),
    at: r.at,
    actor: r.actor,
    ip: r.ip,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before ?? null,
    after: r.after ?? null,
  };
}
