import { randomBytes } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { addDays, compareDates, shanghaiDate } from '../../src/domain/dates';
import type { Department } from '../../src/domain/departments';
import type { FieldCheckIssue, Issue, IssueCode, IssueParams } from '../../src/domain/issues';
import type {
  SupervisionCreate,
  SupervisionItem,
  SupervisionListResponse,
  SupervisionPatch,
  SupervisionQuery,
  SupervisionStatus,
} from '../../src/domain/supervision-api';
import type { User } from '../../src/domain/write-api';
import type { Database } from '../db/schema';
import { type Actor, audit } from '../repositories/audit';
import { loadRegistry, unknownDepartment } from './departments';

/**
 * 督办事项 (issue 24): the weekly meeting's decisions — who does what by when. The target office
 * (reviewers, administrators) creates and changes them; the lead department's reporters report
 * progress and close them with a note; a supporting department's reporters report progress. Every
 * change is one transaction with its audit entry (entity `supervision`).
 */

type Db = Kysely<Database> | Transaction<Database>;

/** The earliest due date accepted, and how far ahead (years) one may lie. */
export const SUPERVISION_EARLIEST_DUE = '2000-01-01';
export const SUPERVISION_MAX_YEARS_AHEAD = 5;

/** Why a write was refused: a problem's status, code and Chinese detail, and field issues for a 400. */
export type SupervisionRefusal = {
  status: 400 | 403 | 404 | 409;
  code: IssueCode;
  detail: string;
  params?: IssueParams;
  /** Per-field issues (400): worded by the route with the words of src/i18n. */
  errors?: FieldCheckIssue[];
};
export type SupervisionResult = { ok: true; item: SupervisionItem } | { ok: false; refusal: SupervisionRefusal };

function selectItems(db: Db) {
  return db
    .selectFrom('supervision_items as s')
    .leftJoin('targets as t', 't.id', 's.target_id')
    .leftJoin('users as cu', 'cu.id', 's.created_by')
    .leftJoin('users as xu', 'xu.id', 's.closed_by')
    .selectAll('s')
    .select([
      't.title as target_title',
      't.plan_id as plan_id',
      'cu.display_name as created_by_name',
      'xu.display_name as closed_by_name',
    ]);
}
type ItemRow = Awaited<ReturnType<ReturnType<typeof selectItems>['executeTakeFirstOrThrow']>>;

/** Whether an item was closed by the end of `asOf` (the Shanghai day of its closing). */
const closedBy = (row: { status: 'open' | 'done'; closed_at: string | null }, asOf: string) =>
  row.status === 'done' && row.closed_at !== null && compareDates(shanghaiDate(new Date(row.closed_at)), asOf) <= 0;

/**
 * The status on `asOf`: 已办结 if closed on or before that day; otherwise 逾期 when due before it,
 * else 办理中 (an item closed later was still open then).
 */
export function statusOf(
  row: { status: 'open' | 'done'; due_date: string; closed_at: string | null },
  asOf: string,
): SupervisionStatus {
  if (closedBy(row, asOf)) return 'done';
  return compareDates(row.due_date, asOf) < 0 ? 'overdue' : 'open';
}

/** The day an item came to be: the meeting that decided it, else the day it was entered. */
const decidedDay = (r: { meeting_date: string | null; created_at: string }) =>
  r.meeting_date ?? shanghaiDate(new Date(r.created_at));

function itemFromRow(r: ItemRow, names: ReadonlyMap<string, string>, asOf: string): SupervisionItem {
  const supporting = Array.isArray(r.supporting_departments) ? r.supporting_departments : [];
  // Closed after `asOf`: as of that day it was open, its closing not yet written.
  const closed = r.status !== 'done' || closedBy(r, asOf);
  return {
    id: r.id,
    title: r.title,
    targetId: r.target_id,
    targetTitle: r.target_title ?? null,
    planId: r.plan_id ?? null,
    leadDepartment: r.lead_department,
    leadDepartmentName: names.get(r.lead_department) ?? r.lead_department,
    supportingDepartments: supporting.map((id) => ({ id, name: names.get(id) ?? id })),
    dueDate: r.due_date,
    status: statusOf(r, asOf),
    progress: r.progress,
    note: closed ? r.note : null,
    evidenceUrl: r.evidence_url,
    meetingDate: r.meeting_date,
    createdBy: r.created_by,
    createdByName: r.created_by_name || null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    closedBy: closed ? r.closed_by : null,
    closedByName: closed ? r.closed_by_name || null : null,
    closedAt: closed ? r.closed_at : null,
  };
}

const namesOf = (list: readonly Department[]) => new Map(list.map((d) => [d.id, d.name]));

const RANK: Record<SupervisionStatus, number> = { overdue: 0, open: 1, done: 2 };

/** Overdue first (longest overdue first), then open by due date, then done (newest closed first). */
export function compareItems(a: SupervisionItem, b: SupervisionItem): number {
  const rank = RANK[a.status] - RANK[b.status];
  if (rank !== 0) return rank;
  if (a.status === 'done') {
    const closed = (b.closedAt ?? '').localeCompare(a.closedAt ?? '');
    if (closed !== 0) return closed;
  } else {
    const due = compareDates(a.dueDate, b.dueDate);
    if (due !== 0) return due;
  }
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** jsonb containment of one id: the supporting departments include `id`. */
const supports = (id: string) => sql<boolean>`s.supporting_departments @> ${JSON.stringify([id])}::jsonb`;

/**
 * The items a query asks for, judged as of `q.asOf` (default `today`, YYYY-MM-DD in Asia/Shanghai):
 * with `asOf` given, items decided after it (meeting date, else the day entered) are left out.
 * `department`: led or supported by it; `departments` (「我的」): led or supported by any of them
 * (none: no item). `counts` are of the items the other filters leave, before `status` narrows them,
 * so a page's tabs show how many each has.
 */
export async function listSupervision(
  db: Kysely<Database>,
  q: SupervisionQuery & { departments?: readonly string[] },
  today: string,
): Promise<SupervisionListResponse> {
  const asOf = q.asOf ?? today;
  let query = selectItems(db);
  if (q.department) {
    const d = q.department;
    query = query.where((eb) => eb.or([eb('s.lead_department', '=', d), supports(d)]));
  }
  if (q.departments) {
    const deps = [...new Set(q.departments)];
    if (deps.length === 0) return { asOf, counts: { open: 0, done: 0, overdue: 0 }, items: [] };
    query = query.where((eb) => eb.or([eb('s.lead_department', 'in', deps), ...deps.map(supports)]));
  }
  if (q.targetId) query = query.where('s.target_id', '=', q.targetId);
  if (q.plan) query = query.where('t.plan_id', '=', q.plan);
  const [rows, registry] = await Promise.all([query.execute(), loadRegistry(db)]);
  const names = namesOf(registry);
  const known = q.asOf ? rows.filter((r) => compareDates(decidedDay(r), asOf) <= 0) : rows;
  const all = known.map((r) => itemFromRow(r, names, asOf));
  const counts = { open: 0, done: 0, overdue: 0 };
  for (const i of all) counts[i.status]++;
  const items = (q.status ? all.filter((i) => i.status === q.status) : all).sort(compareItems);
  return { asOf, counts, items };
}

/** One item as of `asOf`, or null. */
export async function getSupervision(db: Db, id: string, asOf: string): Promise<SupervisionItem | null> {
  const [row, registry] = await Promise.all([
    selectItems(db).where('s.id', '=', id).executeTakeFirst(),
    loadRegistry(db),
  ]);
  return row ? itemFromRow(row, namesOf(registry), asOf) : null;
}

/** A readable id: `sv-` and ten characters of base32 (no look-alikes). */
export function newSupervisionId(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(10);
  let s = '';
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return `sv-${s}`;
}

// ---------------------------------------------------------------------------------------------
// Checks

const fieldRefusal = (errors: FieldCheckIssue[], detail: string): SupervisionRefusal => ({
  status: 400,
  code: errors[0]?.code ?? 'invalid',
  detail,
  errors,
});

/** A registry id that exists and was not merged into another, or the issue to report. */
function departmentIssue(list: readonly Department[], id: string): Issue | null {
  const d = list.find((x) => x.id === id);
  if (!d) return unknownDepartment(list, id);
  if (d.mergedInto !== null) {
    const into = list.find((x) => x.id === d.mergedInto);
    return { code: 'department_merged', params: { name: d.name, into: into?.name ?? d.mergedInto } };
  }
  return null;
}

/**
 * Lead and supporting departments checked against the registry (unknown and merged ones refused,
 * naming them); supporting ones deduplicated and without the lead.
 */
function checkDepartments(
  list: readonly Department[],
  lead: string,
  supporting: readonly string[],
  leadField = 'leadDepartment',
): { ok: true; supporting: string[] } | { ok: false; errors: FieldCheckIssue[] } {
  const errors: FieldCheckIssue[] = [];
  const leadIssue = departmentIssue(list, lead);
  if (leadIssue) errors.push({ field: leadField, ...leadIssue });
  supporting.forEach((id, i) => {
    const issue = departmentIssue(list, id);
    if (issue) errors.push({ field: `supportingDepartments.${i}`, ...issue });
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, supporting: [...new Set(supporting)].filter((id) => id !== lead) };
}

/** 2000-01-01 to five years after today. */
function dueDateIssue(due: string, today: string): FieldCheckIssue | null {
  const max = addDays(today, 365 * SUPERVISION_MAX_YEARS_AHEAD + 1);
  if (compareDates(due, SUPERVISION_EARLIEST_DUE) < 0 || compareDates(due, max) > 0)
    return { field: 'dueDate', code: 'due_date_range', params: { min: SUPERVISION_EARLIEST_DUE, max } };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Scope

/** What decides who may run an item: its target's plan and lead department, and the item's lead. */
export interface SupervisionScope {
  planId: string | null;
  targetDepartment: string | null;
  leadDepartment: string;
}

/**
 * Whether `user` runs (creates, changes, reassigns, reopens) items of this scope, as approvals scope
 * reviewers (server/services/approval-service.ts `reviews`): administrators everything; a reviewer of a
 * plan (user_plans) its targets' items and the free-standing ones; a reviewer bound to departments the
 * items their departments lead, or whose target they lead.
 */
export function oversees(user: User, scope: SupervisionScope): boolean {
  if (user.disabled) return false;
  if (user.role === 'admin') return true;
  if (user.role !== 'reviewer') return false;
  if (scope.planId === null ? user.plans.length > 0 : user.plans.includes(scope.planId)) return true;
  if (user.departments.includes(scope.leadDepartment)) return true;
  return scope.targetDepartment !== null && user.departments.includes(scope.targetDepartment);
}

/** The 403 for a reviewer outside the item's scope, naming what they review. */
function scopeRefusal(user: User, what: string, names: ReadonlyMap<string, string>): SupervisionRefusal {
  const scope =
    [...user.plans.map((p) => `${p}（全部）`), ...user.departments.map((d) => names.get(d) ?? d)].join('、') ||
    '尚未指定审核范围';
  return {
    status: 403,
    code: 'supervision_out_of_scope',
    detail: `${what}不在您的审核范围内（${scope}），请由负责该规划或部门的审核员或管理员办理`,
    params: { scope },
  };
}

// ---------------------------------------------------------------------------------------------
// Writes

/** What the audit log keeps of an item: its stored fields. */
function auditView(i: SupervisionItem) {
  return {
    title: i.title,
    targetId: i.targetId,
    leadDepartment: i.leadDepartment,
    supportingDepartments: i.supportingDepartments.map((d) => d.id),
    dueDate: i.dueDate,
    status: i.status === 'overdue' ? 'open' : i.status,
    progress: i.progress,
    note: i.note,
    evidenceUrl: i.evidenceUrl,
    meetingDate: i.meetingDate,
    closedBy: i.closedBy,
    closedAt: i.closedAt,
  };
}

/** Creates an item (the route admits only reviewers and administrators). */
export async function createSupervision(
  db: Kysely<Database>,
  input: SupervisionCreate,
  user: User,
  actor: Actor,
  now: Date,
): Promise<SupervisionResult> {
  const today = shanghaiDate(now);
  return db.transaction().execute(async (trx): Promise<SupervisionResult> => {
    const registry = await loadRegistry(trx);
    const errors: FieldCheckIssue[] = [];
    const deps = checkDepartments(registry, input.leadDepartment, input.supportingDepartments ?? []);
    if (!deps.ok) errors.push(...deps.errors);
    const due = dueDateIssue(input.dueDate, today);
    if (due) errors.push(due);
    const targetId = input.targetId ?? null;
    const target =
      targetId === null
        ? null
        : await trx
            .selectFrom('targets')
            .select(['id', 'plan_id', 'department'])
            .where('id', '=', targetId)
            .executeTakeFirst();
    if (targetId !== null && !target)
      errors.push({ field: 'targetId', code: 'unknown_target', params: { id: targetId } });
    if (!deps.ok || errors.length) return { ok: false, refusal: fieldRefusal(errors, '') };
    const scope = {
      planId: target?.plan_id ?? null,
      targetDepartment: target?.department ?? null,
      leadDepartment: input.leadDepartment,
    };
    if (!oversees(user, scope)) return { ok: false, refusal: scopeRefusal(user, '这项督办事项', namesOf(registry)) };
    const at = now.toISOString();
    const id = newSupervisionId();
    await trx
      .insertInto('supervision_items')
      .values({
        id,
        title: input.title,
        target_id: targetId,
        lead_department: input.leadDepartment,
        supporting_departments: JSON.stringify(deps.supporting),
        due_date: input.dueDate,
        status: 'open',
        note: null,
        evidence_url: null,
        meeting_date: input.meetingDate ?? null,
        created_by: user.id,
        created_at: at,
        updated_at: at,
        closed_by: null,
        closed_at: null,
      })
      .execute();
    const item = (await getSupervision(trx, id, today)) as SupervisionItem;
    await audit(trx, now, actor, {
      action: 'supervision.create',
      entity: 'supervision',
      entityId: id,
      after: auditView(item),
    });
    return { ok: true, item };
  });
}

const OFFICE_FIELDS = ['title', 'leadDepartment', 'supportingDepartments', 'dueDate'] as const;
const FIELD_NAMES_ZH: Record<string, string> = {
  title: '督办事项',
  leadDepartment: '牵头单位',
  supportingDepartments: '配合单位',
  dueDate: '办结期限',
  progress: '办理进展',
  evidenceUrl: '佐证链接',
  note: '办结说明',
  status: '状态',
};

/**
 * What `user` may not do of `patch` on `item`, or null. The target office (reviewers,
 * administrators) may do everything; the lead department's reporters report progress and evidence
 * and close; a supporting department's reporters report progress.
 */
function permissionRefusal(
  user: User,
  item: SupervisionItem & { targetDepartment: string | null },
  patch: SupervisionPatch,
  keys: readonly string[],
  names: ReadonlyMap<string, string>,
): SupervisionRefusal | null {
  if (user.role === 'admin') return null;
  if (user.role === 'reviewer') {
    const lead = patch.leadDepartment ?? item.leadDepartment;
    const scope = { planId: item.planId, targetDepartment: item.targetDepartment };
    if (!oversees(user, { ...scope, leadDepartment: item.leadDepartment }))
      return scopeRefusal(user, `督办事项“${item.title}”`, names);
    // Handing it to a department one does not review would put it out of one's own reach.
    if (!oversees(user, { ...scope, leadDepartment: lead }))
      return scopeRefusal(user, `交由${names.get(lead) ?? lead}牵头的督办事项`, names);
    return null;
  }
  if (user.role !== 'reporter')
    return { status: 403, code: 'forbidden', detail: '查看者不能办理督办事项，请联系管理员开通填报权限' };
  const lead = item.leadDepartmentName;
  const isLead = user.departments.includes(item.leadDepartment);
  const isSupporting = item.supportingDepartments.some((d) => user.departments.includes(d.id));
  if (!isLead && !isSupporting)
    return {
      status: 403,
      code: 'not_your_supervision',
      detail: `督办事项“${item.title}”由${lead}牵头，您所在的部门不是它的牵头或配合单位`,
      params: { department: lead },
    };
  const office = keys.filter((k) => (OFFICE_FIELDS as readonly string[]).includes(k));
  if (patch.status === 'open') office.push('status');
  if (office.length)
    return {
      status: 403,
      code: 'supervision_office_only',
      detail: `只有目标办（审核员或管理员）可以修改${office.map((k) => (k === 'status' ? '状态（重新打开）' : FIELD_NAMES_ZH[k])).join('、')}`,
      params: { fields: office.map((k) => FIELD_NAMES_ZH[k] ?? k).join('、') },
    };
  if (!isLead && (patch.status === 'done' || keys.includes('evidenceUrl') || keys.includes('note')))
    return {
      status: 403,
      code: 'supervision_lead_only',
      detail: `配合单位只能填写办理进展；佐证和办结由牵头单位（${lead}）办理`,
      params: { department: lead },
    };
  return null;
}

/**
 * Updates, closes (`status: 'done'` with a note) or reopens (`status: 'open'`: the closing note and
 * who closed it are cleared; the audit log keeps them) one item, under a row lock.
 */
export async function updateSupervision(
  db: Kysely<Database>,
  id: string,
  patch: SupervisionPatch,
  user: User,
  actor: Actor,
  now: Date,
): Promise<SupervisionResult> {
  const today = shanghaiDate(now);
  const keys = Object.keys(patch).filter((k) => patch[k as keyof SupervisionPatch] !== undefined);
  return db.transaction().execute(async (trx): Promise<SupervisionResult> => {
    const locked = await trx
      .selectFrom('supervision_items')
      .select('id')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    const before = locked ? await getSupervision(trx, id, today) : null;
    if (!before) return { ok: false, refusal: { status: 404, code: 'not_found', detail: `督办事项“${id}”不存在` } };
    const target = before.targetId
      ? await trx.selectFrom('targets').select('department').where('id', '=', before.targetId).executeTakeFirst()
      : undefined;
    const denied = permissionRefusal(
      user,
      { ...before, targetDepartment: target?.department ?? null },
      patch,
      keys,
      namesOf(await loadRegistry(trx)),
    );
    if (denied) return { ok: false, refusal: denied };
    if (keys.length === 0)
      return {
        ok: false,
        refusal: { status: 400, code: 'invalid', detail: '没有要修改的内容', errors: [] },
      };
    const wasDone = before.status === 'done';
    if (patch.status === 'done' && wasDone)
      return {
        ok: false,
        refusal: {
          status: 409,
          code: 'supervision_done',
          detail: `这项督办事项已于 ${before.closedAt?.slice(0, 10) ?? ''} 办结，不能再次办结`,
        },
      };
    if (patch.status === 'open' && !wasDone)
      return {
        ok: false,
        refusal: { status: 409, code: 'supervision_not_done', detail: '这项督办事项尚未办结，无需重新打开' },
      };
    if (wasDone && patch.status !== 'open')
      return {
        ok: false,
        refusal: {
          status: 409,
          code: 'supervision_done',
          detail: '这项督办事项已办结，不能修改；如需修改，请由目标办重新打开',
        },
      };
    if (patch.status === 'done' && !patch.note)
      return {
        ok: false,
        refusal: fieldRefusal([{ field: 'note', code: 'note_required' }], '请填写办结说明'),
      };
    if (patch.note !== undefined && patch.status !== 'done')
      return {
        ok: false,
        refusal: fieldRefusal(
          [{ field: 'note', code: 'note_without_close' }],
          '办结说明只在办结时填写（status 为 done）',
        ),
      };

    const errors: FieldCheckIssue[] = [];
    const lead = patch.leadDepartment ?? before.leadDepartment;
    let supporting = before.supportingDepartments.map((d) => d.id);
    if (patch.leadDepartment !== undefined || patch.supportingDepartments !== undefined) {
      const registry = await loadRegistry(trx);
      // Only what is sent is checked: an unchanged department merged since stays as it was.
      const sentLead = patch.leadDepartment !== undefined ? departmentIssue(registry, lead) : null;
      if (sentLead) errors.push({ field: 'leadDepartment', ...sentLead });
      if (patch.supportingDepartments !== undefined) {
        const deps = checkDepartments(registry, lead, patch.supportingDepartments);
        if (deps.ok) supporting = deps.supporting;
        else errors.push(...deps.errors.filter((e) => e.field !== 'leadDepartment'));
      }
      supporting = [...new Set(supporting)].filter((d) => d !== lead);
    }
    if (patch.dueDate !== undefined) {
      const due = dueDateIssue(patch.dueDate, today);
      if (due) errors.push(due);
    }
    if (errors.length) return { ok: false, refusal: fieldRefusal(errors, '') };

    const at = now.toISOString();
    await trx
      .updateTable('supervision_items')
      .set({
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        lead_department: lead,
        supporting_departments: JSON.stringify(supporting),
        ...(patch.dueDate !== undefined ? { due_date: patch.dueDate } : {}),
        ...(patch.progress !== undefined ? { progress: patch.progress } : {}),
        ...(patch.evidenceUrl !== undefined ? { evidence_url: patch.evidenceUrl } : {}),
        ...(patch.status === 'done'
          ? { status: 'done' as const, note: patch.note ?? null, closed_by: user.id, closed_at: at }
          : {}),
        ...(patch.status === 'open' ? { status: 'open' as const, note: null, closed_by: null, closed_at: null } : {}),
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
    const item = (await getSupervision(trx, id, today)) as SupervisionItem;
    await audit(trx, now, actor, {
      action:
        patch.status === 'done'
          ? 'supervision.close'
          : patch.status === 'open'
            ? 'supervision.reopen'
            : 'supervision.update',
      entity: 'supervision',
      entityId: id,
      before: auditView(before),
      after: auditView(item),
    });
    return { ok: true, item };
  });
}

/**
 * A department merged into another (机构改革): its 督办事项 move with its targets and its people, so
 * that the survivor's reporters can report and close them. As lead it becomes the survivor; as a
 * supporting department the survivor replaces it (once, and not where the survivor leads). Call inside
 * the merge's transaction; returns how many items changed (the merge's audit entry counts them).
 */
export async function moveSupervisionOnMerge(trx: Transaction<Database>, from: string, into: string): Promise<number> {
  const rows = await trx
    .selectFrom('supervision_items as s')
    .select(['s.id', 's.lead_department', 's.supporting_departments'])
    .where((eb) => eb.or([eb('s.lead_department', '=', from), supports(from), supports(into)]))
    .forUpdate()
    .execute();
  let changed = 0;
  for (const r of rows) {
    const lead = r.lead_department === from ? into : r.lead_department;
    const before = Array.isArray(r.supporting_departments) ? r.supporting_departments : [];
    const supporting = [...new Set(before.map((d) => (d === from ? into : d)))].filter((d) => d !== lead);
    if (lead === r.lead_department && JSON.stringify(supporting) === JSON.stringify(before)) continue;
    await trx
      .updateTable('supervision_items')
      .set({ lead_department: lead, supporting_departments: JSON.stringify(supporting) })
      .where('id', '=', r.id)
      .execute();
    changed++;
  }
  return changed;
}
