import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Transaction } from 'kysely';
import {
  type DepartmentImportResponse,
  type DivisionImportResponse,
  departmentInputSchema,
  departmentPatchSchema,
  divisionRequestSchema,
  mergeDepartmentSchema,
} from '../../src/domain/department-admin';
import { type Department, type DepartmentKind, matchDepartmentIn } from '../../src/domain/departments';
import type { Issue } from '../../src/domain/issues';
import type { Target } from '../../src/domain/schemas';
import { type CellIssue, cellMessage } from '../../src/domain/write-api';
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
import { departmentToRow, selectTargets, targetFromRow, writeSupporting } from '../repositories/rows';
import { checkDivision, loadRegistry, registryWithCounts, resolveDepartment } from '../services/departments';
import { type ColumnSpec, findHeader, RowReader } from '../services/spreadsheet/columns';
import type { Grid } from '../services/spreadsheet/sheet';
import { moveSupervisionOnMerge } from '../services/supervision-service';
import { badFile, fileTooBig, readUpload, tooManyRows } from './imports';

/**
 * The admin's side of issue 22: the department registry (create, edit, rename, merge, import) and the
 * division of tasks (one target through PATCH /admin/targets/:id; many at once; a 任务分解 sheet).
 * Every write is audited; a rename keeps the old name as an alias, so old sheets still match.
 */

const KIND_BY_WORD: Record<string, DepartmentKind> = {
  市直部门: 'city',
  市直: 'city',
  区市政府: 'district',
  区市: 'district',
  其他: 'other',
  city: 'city',
  district: 'district',
  other: 'other',
};

export const DIVISION_COLUMNS = [
  { key: 'target', names: ['目标编号', '编号', '目标', '目标名称'], required: true },
  { key: 'lead', names: ['牵头单位', '牵头部门'], required: true },
  { key: 'supporting', names: ['配合单位', '配合部门'] },
  { key: 'mayReport', names: ['配合单位可填报', '配合部门可填报'] },
] as const satisfies readonly ColumnSpec<string>[];
type DivisionColumn = (typeof DIVISION_COLUMNS)[number]['key'];

export const REGISTRY_COLUMNS = [
  { key: 'id', names: ['部门编号', '编号'] },
  { key: 'name', names: ['部门全称', '全称', '部门名称'], required: true },
  { key: 'shortName', names: ['简称'] },
  { key: 'kind', names: ['类别', '部门类别'] },
  { key: 'district', names: ['区市'] },
  { key: 'leader', names: ['分管领导'] },
  { key: 'aliases', names: ['别名', '其他名称'] },
] as const satisfies readonly ColumnSpec<string>[];
type RegistryColumn = (typeof REGISTRY_COLUMNS)[number]['key'];

/** 、，,；; and line breaks separate names in one cell. */
const splitNames = (s: string | null): string[] =>
  (s ?? '')
    .split(/[、，,；;\n\r/]+/)
    .map((x) => x.trim())
    .filter(Boolean);

const yes = (s: string | null): boolean | null => {
  if (s === null) return null;
  if (/^(是|可以|允许|y|yes|true|1)$/i.test(s.trim())) return true;
  if (/^(否|不|不可以|不允许|n|no|false|0)$/i.test(s.trim())) return false;
  return null;
};

/** A new department's id when the admin gives none: its kind and a hash of its name (stable, ascii). */
const newId = (name: string, kind: DepartmentKind) =>
  `${kind === 'district' ? 'd' : kind === 'city' ? 'c' : 'o'}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;

export function adminDepartmentRoutes(deps: WriteDeps) {
  const { db, now, options } = deps;
  const r = new Hono<AccountsEnv>();
  const refuse = (c: Ctx, issue: Issue, status = 422) => invalid(c, zhIssueText(issue), undefined, status, issue.code);

  r.get('/admin/departments', role(['admin']), async (c) => c.json(await registryWithCounts(db, true)));

  /** A name, short name or alias another record already answers to (two records must never share one). */
  const clash = (list: readonly Department[], self: string | null, names: readonly string[]): Issue | null => {
    for (const n of names) {
      const other = matchDepartmentIn(
        list.filter((d) => d.id !== self),
        n,
      );
      if (other) return { code: 'department_exists', params: { name: n } };
    }
    return null;
  };

  r.post('/admin/departments', role(['admin']), async (c) => {
    const s = c.get('signedIn');
    const body = await readJson(c, departmentInputSchema);
    if (!body.ok) return body.response;
    const v = body.value;
    const list = await loadRegistry(db);
    const d: Department = {
      id: v.id ?? newId(v.name, v.kind),
      name: v.name,
      shortName: v.shortName ?? v.name,
      kind: v.kind,
      district: v.district ?? null,
      leader: v.leader ?? null,
      aliases: [...new Set(v.aliases ?? [])],
      mergedInto: null,
      unmatched: false,
    };
    if (list.some((x) => x.id === d.id)) return refuse(c, { code: 'department_exists', params: { name: d.id } }, 409);
    const taken = clash(list, null, [d.name, d.shortName, ...d.aliases]);
    if (taken) return refuse(c, taken, 409);
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('departments').values(departmentToRow(d)).execute();
      await audit(trx, now(), actorOf(c, s.user), {
        action: 'department.create',
        entity: 'department',
        entityId: d.id,
        after: d,
      });
    });
    return c.json({ item: d }, 201);
  });

  r.patch('/admin/departments/:id', role(['admin']), async (c) => {
    const s = c.get('signedIn');
    const id = c.req.param('id');
    const body = await readJson(c, departmentPatchSchema);
    if (!body.ok) return body.response;
    const list = await loadRegistry(db);
    const before = list.find((d) => d.id === id);
    if (!before) return notFoundProblem(c, `部门“${id}”不存在`);
    const p = body.value;
    const renamed = p.name !== undefined && p.name !== before.name;
    // A renamed department keeps answering to its old name (old sheets, people's habits).
    const aliases = [
      ...new Set([...(p.aliases ?? before.aliases), ...(renamed ? [before.name] : [])].filter((a) => a !== p.name)),
    ];
    const after: Department = {
      ...before,
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...(p.shortName !== undefined ? { shortName: p.shortName } : {}),
      ...(p.kind !== undefined ? { kind: p.kind } : {}),
      ...(p.district !== undefined ? { district: p.district } : {}),
      ...(p.leader !== undefined ? { leader: p.leader } : {}),
      ...(p.unmatched === false ? { unmatched: false } : {}),
      aliases,
    };
    const taken = clash(list, id, [after.name, after.shortName, ...after.aliases]);
    if (taken) return refuse(c, taken, 409);
    await db.transaction().execute(async (trx) => {
      const { id: _id, ...rest } = departmentToRow(after);
      await trx.updateTable('departments').set(rest).where('id', '=', id).execute();
      await audit(trx, now(), actorOf(c, s.user), {
        action: renamed ? 'department.rename' : 'department.update',
        entity: 'department',
        entityId: id,
        before,
        after,
      });
    });
    return c.json({ item: after });
  });

  r.post('/admin/departments/:id/merge', role(['admin']), async (c) => {
    const s = c.get('signedIn');
    const id = c.req.param('id');
    const body = await readJson(c, mergeDepartmentSchema);
    if (!body.ok) return body.response;
    const list = await loadRegistry(db);
    const from = list.find((d) => d.id === id);
    if (!from) return notFoundProblem(c, `部门“${id}”不存在`);
    const found = resolveDepartment(list, body.value.into);
    if (!found.ok) return refuse(c, found.issue);
    const into = found.department;
    if (from.mergedInto !== null) {
      const already = list.find((d) => d.id === from.mergedInto);
      return refuse(c, { code: 'department_merged', params: { name: from.name, into: already?.name ?? '' } });
    }
    if (into.id === from.id) return refuse(c, { code: 'invalid_choice', params: { options: '另一个部门' } });
    const moved = await db.transaction().execute(async (trx) => {
      // Both records locked and checked again: two merges at once cannot make a cycle.
      const locked = await trx
        .selectFrom('departments')
        .select(['id', 'merged_into'])
        .where('id', 'in', [from.id, into.id])
        .forUpdate()
        .execute();
      if (locked.some((d) => d.merged_into !== null)) return null;
      // What was merged into the one merging now points at the survivor.
      await trx.updateTable('departments').set({ merged_into: into.id }).where('merged_into', '=', from.id).execute();
      const leads = await trx
        .updateTable('targets')
        .set({ department: into.id })
        .where('department', '=', from.id)
        .executeTakeFirst();
      // Supporting links: to the survivor, once; a target the survivor leads does not list it as supporting.
      const supports = await trx
        .selectFrom('target_departments')
        .select('target_id')
        .where('department_id', '=', from.id)
        .execute();
      await trx.deleteFrom('target_departments').where('department_id', '=', from.id).execute();
      const keep = supports.map((x) => x.target_id);
      if (keep.length) {
        const leadBySurvivor = new Set(
          (
            await trx
              .selectFrom('targets')
              .select('id')
              .where('id', 'in', keep)
              .where('department', '=', into.id)
              .execute()
          ).map((x) => x.id),
        );
        const rows = keep
          .filter((t) => !leadBySurvivor.has(t))
          .map((target_id) => ({ target_id, department_id: into.id }));
        if (rows.length)
          await trx
            .insertInto('target_departments')
            .values(rows)
            .onConflict((oc) => oc.doNothing())
            .execute();
      }
      await trx
        .deleteFrom('target_departments')
        .where('department_id', '=', into.id)
        .where('target_id', 'in', trx.selectFrom('targets').select('id').where('department', '=', into.id))
        .execute();
      const users = await trx
        .selectFrom('user_departments')
        .select('user_id')
        .where('department', '=', from.id)
        .execute();
      await trx.deleteFrom('user_departments').where('department', '=', from.id).execute();
      if (users.length)
        await trx
          .insertInto('user_departments')
          .values(users.map((u) => ({ user_id: u.user_id, department: into.id })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      // Its 督办事项 go with it: its reporters now close them as the survivor's.
      const supervision = await moveSupervisionOnMerge(trx, from.id, into.id);
      // Its notification channels (its work group) now reach the survivor's reminders.
      await trx.updateTable('notify_channels').set({ department: into.id }).where('department', '=', from.id).execute();
      await trx.updateTable('departments').set({ merged_into: into.id }).where('id', '=', from.id).execute();
      const result = {
        leads: Number(leads.numUpdatedRows),
        supports: supports.length,
        users: users.length,
        supervision,
      };
      await audit(trx, now(), actorOf(c, s.user), {
        action: 'department.merge',
        entity: 'department',
        entityId: from.id,
        before: from,
        after: { ...from, mergedInto: into.id, into: into.name, moved: result },
      });
      return result;
    });
    if (!moved) return refuse(c, { code: 'department_merged', params: { name: from.name, into: into.name } }, 409);
    return c.json({ item: { ...from, mergedInto: into.id }, moved });
  });

  /** Applies a division to targets in one transaction, auditing each target that changed. */
  async function applyDivision(
    trx: Transaction<Database>,
    c: Ctx,
    changes: { id: string; department?: string | null; supporting?: string[]; mayReport?: boolean }[],
  ): Promise<Target[]> {
    const s = c.get('signedIn');
    const ids = [...new Set(changes.map((x) => x.id))].sort();
    const rows = ids.length ? await selectTargets(trx).where('id', 'in', ids).orderBy('id').forUpdate().execute() : [];
    const before = new Map(rows.map((x) => [x.id, targetFromRow(x)]));
    const names = new Map((await loadRegistry(trx)).map((d) => [d.id, d.name]));
    const out: Target[] = [];
    const entries = [];
    for (const ch of changes) {
      const b = before.get(ch.id);
      if (!b) continue;
      const lead = ch.department !== undefined ? ch.department : b.department;
      // A demo division whose lead changes goes whole, unless the supporters are named too.
      const kept = b.divisionDemo && lead !== b.department ? [] : b.supportingDepartments;
      const supporting = [...new Set(ch.supporting ?? kept)].filter((x) => x !== lead).sort();
      const after: Target = {
        ...b,
        department: lead,
        departmentName: lead ? (names.get(lead) ?? null) : null,
        supportingDepartments: supporting,
        supportMayReport: ch.mayReport ?? b.supportMayReport,
        divisionDemo: false,
      };
      out.push(after);
      const same =
        b.department === after.department &&
        JSON.stringify(b.supportingDepartments) === JSON.stringify(after.supportingDepartments) &&
        b.supportMayReport === after.supportMayReport &&
        !b.divisionDemo;
      if (same) continue;
      await trx
        .updateTable('targets')
        .set({ department: after.department, support_may_report: after.supportMayReport, division_demo: false })
        .where('id', '=', after.id)
        .execute();
      await writeSupporting(trx, after);
      const pick = (t: Target) => ({
        department: t.department,
        departmentName: t.departmentName,
        supportingDepartments: t.supportingDepartments,
        supportMayReport: t.supportMayReport,
        divisionDemo: t.divisionDemo,
      });
      entries.push({
        action: 'target.division',
        entity: 'target',
        entityId: after.id,
        before: pick(b),
        after: pick(after),
      });
    }
    if (entries.length) await audit(trx, now(), actorOf(c, s.user), entries);
    return out;
  }

  r.post('/admin/division', role(['admin']), async (c) => {
    const body = await readJson(c, divisionRequestSchema);
    if (!body.ok) return body.response;
    const v = body.value;
    const list = await loadRegistry(db);
    const issue = checkDivision(list, { department: v.department, supportingDepartments: v.supportingDepartments });
    if (issue) return refuse(c, issue);
    const ids = [...new Set(v.targetIds)];
    const known = new Set(
      ids.length ? (await db.selectFrom('targets').select('id').where('id', 'in', ids).execute()).map((x) => x.id) : [],
    );
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length) return notFoundProblem(c, `目标“${missing.slice(0, 3).join('”“')}”不存在`);
    const items = await db.transaction().execute((trx) =>
      applyDivision(
        trx,
        c,
        ids.map((id) => ({
          id,
          ...(v.department !== undefined ? { department: v.department } : {}),
          ...(v.supportingDepartments !== undefined ? { supporting: v.supportingDepartments } : {}),
          ...(v.supportMayReport !== undefined ? { mayReport: v.supportMayReport } : {}),
        })),
      ),
    );
    return c.json({ items });
  });

  const upload = bodyLimit({
    maxSize: options.limits.maxFileBytes + 64 * 1024,
    onError: (c) => fileTooBig(c, options.limits.maxFileBytes),
  });

  async function sheetOf(c: Ctx) {
    const mode = c.req.query('mode') ?? 'dry-run';
    if (mode !== 'dry-run' && mode !== 'commit') return invalid(c, '参数“mode”应为 dry-run（预览）或 commit（提交）');
    const file = await readUpload(c, options.limits);
    if (file instanceof Response) return file;
    if (file.sheet.grid.rows.length > options.limits.maxRows + 1) return tooManyRows(c, options.limits.maxRows);
    return { mode: mode as 'dry-run' | 'commit', name: file.name, grid: file.sheet.grid };
  }

  const importFailed = (c: Ctx, body: { messages: string[] }) =>
    problem(c, {
      status: 422,
      title: '导入未完成',
      detail: `有错误，整个文件未导入：${body.messages.slice(0, 3).join('；')}`,
      code: 'import_invalid',
      result: body,
    });

  r.post('/admin/division-imports', role(['admin']), upload, async (c) => {
    const file = await sheetOf(c);
    if (file instanceof Response) return file;
    const parsed = await readDivisionSheet(file.grid);
    if (!parsed.body) return badFile(c, 422, parsed.detail);
    const body: DivisionImportResponse = { ...parsed.body, mode: file.mode, fileName: file.name, committed: false };
    if (file.mode === 'dry-run') return c.json(body);
    if (body.counts.error > 0) return importFailed(c, body);
    await db.transaction().execute((trx) => applyDivision(trx, c, parsed.changes));
    return c.json({ ...body, committed: true }, 201);
  });

  /** Every row checked against the catalog and the registry; nothing is written here. */
  async function readDivisionSheet(grid: Grid) {
    const header = findHeader(grid, DIVISION_COLUMNS);
    if (!header.ok) return { detail: header.detail, body: null, changes: [] };
    const [list, targets] = await Promise.all([loadRegistry(db), selectTargets(db).execute()]);
    const all = targets.map(targetFromRow);
    const byId = new Map(all.map((t) => [t.id, t]));
    const byTitle = new Map<string, Target[]>();
    for (const t of all) byTitle.set(t.title, [...(byTitle.get(t.title) ?? []), t]);
    const rows: DivisionImportResponse['rows'] = [];
    const changes: { id: string; department: string | null; supporting?: string[]; mayReport?: boolean }[] = [];
    // Without a 配合单位 column the sheet says nothing of supporters: they stay as they are.
    const hasSupporting = header.columns.has('supporting');
    const seen = new Map<string, number>();
    for (const { row, cells } of grid.rows) {
      if (row <= header.headerRow) continue;
      if (cells.every((x) => x === null || (typeof x === 'string' && x.trim() === ''))) continue;
      const r = new RowReader<DivisionColumn>(row, cells, header);
      const key = r.text('target', 500, true);
      const candidates = key === null ? [] : byId.has(key) ? [byId.get(key) as Target] : (byTitle.get(key) ?? []);
      let target: Target | null = null;
      if (key !== null && candidates.length === 0) r.fail('target', { code: 'unknown_target', params: { id: key } });
      else if (candidates.length > 1)
        r.fail('target', { code: 'unknown_target', params: { id: `${key}（同名目标多于一个，请填编号）` } });
      else target = candidates[0] ?? null;
      if (target) {
        const first = seen.get(target.id);
        if (first !== undefined) r.fail('target', { code: 'duplicate_row', params: { row: first } });
        else seen.set(target.id, row);
      }
      const resolve = (k: DivisionColumn, text: string): Department | null => {
        const found = resolveDepartment(list, text);
        if (found.ok) return found.department;
        r.fail(k, found.issue);
        return null;
      };
      const leadText = r.text('lead', 100, true);
      const lead = leadText === null ? null : resolve('lead', leadText);
      const supporting = splitNames(r.text('supporting', 1000))
        .map((n) => resolve('supporting', n))
        .filter((d): d is Department => d !== null);
      if (lead && supporting.some((d) => d.id === lead.id)) r.fail('supporting', { code: 'lead_also_supporting' });
      const mayText = r.text('mayReport', 10);
      const mayReport = yes(mayText);
      if (mayText !== null && mayReport === null)
        r.fail('mayReport', { code: 'invalid_choice', params: { options: '是、否' } });
      const ok = target !== null && lead !== null && r.issues.length === 0;
      const supportIds = [...new Set(supporting.map((d) => d.id))].sort();
      // A row that repeats the current division is unchanged, a demo one included (it stays marked 演示):
      // uploading the pre-filled template back confirms only the rows an admin edited.
      const unchanged =
        ok &&
        target?.department === lead?.id &&
        (!hasSupporting || JSON.stringify(target?.supportingDepartments) === JSON.stringify(supportIds)) &&
        (mayReport === null || mayReport === target?.supportMayReport);
      rows.push({
        row,
        targetId: target?.id ?? null,
        title: target?.title ?? null,
        status: !ok ? 'error' : unchanged ? 'unchanged' : 'update',
        lead: lead?.name ?? null,
        supporting: supporting.map((d) => d.name),
        errors: r.issues,
      });
      if (ok && target && lead && !unchanged)
        changes.push({
          id: target.id,
          department: lead.id,
          ...(hasSupporting ? { supporting: supportIds } : {}),
          ...(mayReport !== null ? { mayReport } : {}),
        });
    }
    if (rows.length === 0) return { detail: '表格中没有分工行', body: null, changes: [] };
    const issues: CellIssue[] = rows.flatMap((x) => x.errors);
    const counts = { rows: rows.length, new: 0, update: 0, unchanged: 0, error: 0 };
    for (const x of rows) counts[x.status]++;
    return { detail: '', body: { counts, messages: issues.map(cellMessage), issues, rows }, changes };
  }

  r.post('/admin/department-imports', role(['admin']), upload, async (c) => {
    const s = c.get('signedIn');
    const file = await sheetOf(c);
    if (file instanceof Response) return file;
    const header = findHeader(file.grid, REGISTRY_COLUMNS);
    if (!header.ok) return badFile(c, 422, header.detail);
    const list = await loadRegistry(db);
    const rows: DepartmentImportResponse['rows'] = [];
    const writes: { before: Department | null; after: Department }[] = [];
    const accepted = new Map<string, Department>();
    const seen = new Map<string, number>();
    for (const { row, cells } of file.grid.rows) {
      if (row <= header.headerRow) continue;
      if (cells.every((x) => x === null || (typeof x === 'string' && x.trim() === ''))) continue;
      const r = new RowReader<RegistryColumn>(row, cells, header);
      const idText = r.text('id', 40);
      const name = r.text('name', 100, true);
      const kindText = r.text('kind', 10);
      const kind = kindText === null ? null : (KIND_BY_WORD[kindText] ?? null);
      if (kindText !== null && kind === null)
        r.fail('kind', { code: 'invalid_choice', params: { options: '市直部门、区市政府、其他' } });
      if (idText !== null && !/^[a-z0-9][a-z0-9-]*$/.test(idText)) r.fail('id', { code: 'invalid', params: {} });
      // The record a row updates: by id, else by any of its names.
      const before =
        (idText ? list.find((d) => d.id === idText) : undefined) ??
        (name ? matchDepartmentIn(list, name) : undefined) ??
        null;
      const after: Department | null =
        name === null
          ? null
          : {
              id: before?.id ?? idText ?? newId(name, kind ?? 'other'),
              name,
              shortName: r.text('shortName', 50) ?? before?.shortName ?? name,
              kind: kind ?? before?.kind ?? 'other',
              district: r.text('district', 50) ?? before?.district ?? null,
              leader: r.text('leader', 50) ?? before?.leader ?? null,
              aliases: [
                ...new Set([
                  ...(before?.aliases ?? []),
                  ...splitNames(r.text('aliases', 1000)),
                  ...(before && before.name !== name ? [before.name] : []),
                ]),
              ].filter((a) => a !== name),
              mergedInto: before?.mergedInto ?? null,
              unmatched: false,
            };
      if (after) {
        const first = seen.get(after.id);
        if (first !== undefined) r.fail('name', { code: 'duplicate_row', params: { row: first } });
        else seen.set(after.id, row);
        // Against the registry as it will be: the rows accepted above included.
        const taken = clash([...list.filter((d) => !accepted.has(d.id)), ...accepted.values()], after.id, [
          after.name,
          after.shortName,
          ...after.aliases,
        ]);
        if (taken) r.fail('name', taken);
      }
      const status =
        r.issues.length || !after
          ? 'error'
          : !before
            ? 'new'
            : JSON.stringify(before) === JSON.stringify(after)
              ? 'unchanged'
              : 'update';
      rows.push({ row, id: after?.id ?? null, name, status, errors: r.issues });
      if (after && status !== 'error') accepted.set(after.id, after);
      if (after && (status === 'new' || status === 'update')) writes.push({ before, after });
    }
    if (rows.length === 0) return badFile(c, 422, '表格中没有部门行');
    const issues = rows.flatMap((x) => x.errors);
    const counts = { rows: rows.length, new: 0, update: 0, unchanged: 0, error: 0 };
    for (const x of rows) counts[x.status]++;
    const body: DepartmentImportResponse = {
      mode: file.mode,
      fileName: file.name,
      committed: false,
      counts,
      messages: issues.map(cellMessage),
      issues,
      rows,
    };
    if (file.mode === 'dry-run') return c.json(body);
    if (counts.error > 0) return importFailed(c, body);
    await db.transaction().execute(async (trx) => {
      for (const w of writes) {
        const { id, ...rest } = departmentToRow(w.after);
        if (w.before) await trx.updateTable('departments').set(rest).where('id', '=', id).execute();
        else
          await trx
            .insertInto('departments')
            .values({ id, ...rest })
            .execute();
      }
      await audit(
        trx,
        now(),
        actorOf(c, s.user),
        writes.map((w) => ({
          action: w.before ? 'department.update' : 'department.create',
          entity: 'department',
          entityId: w.after.id,
          before: w.before,
          after: w.after,
        })),
      );
    });
    return c.json({ ...body, committed: true }, 201);
  });

  return r;
}
