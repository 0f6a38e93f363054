import { type Kysely, sql, type Transaction } from 'kysely';
import type { IssueCode, IssueParams } from '../../src/domain/issues';
import type { ProgressReport, Target } from '../../src/domain/schemas';
import type { User } from '../../src/domain/write-api';
import type { Database } from '../db/schema';
import type { Actor } from '../repositories/audit';
import { audit } from '../repositories/audit';
import { reportFromRow, selectReportsWithNames, selectTargets, targetFromRow } from '../repositories/rows';

/**
 * Approving and returning reports (issue 23). Each decision locks the report's target, as a report
 * does (a correction and a decision on one target queue instead of racing), checks the report is
 * still the latest version and waiting, and that the reviewer may decide it, then writes the
 * decision and its audit entry together. Approving is the one update a report ever gets.
 */

export type Decision = { kind: 'approve' } | { kind: 'return'; reason: string };

export type Refusal = {
  status: 403 | 404 | 409;
  code: IssueCode;
  detail: string;
  params?: IssueParams;
};

type Scoped = Pick<Target, 'planId' | 'department'>;

/** Whether `user` reviews reports on `target` made for `department` (the report's, else the target's lead). */
export function reviews(user: User, target: Scoped, department: string | null | undefined): boolean {
  if (user.disabled) return false;
  if (user.role === 'admin') return true;
  if (user.role !== 'reviewer') return false;
  if (user.plans.includes(target.planId)) return true;
  const dep = department ?? target.department;
  return dep !== null && user.departments.includes(dep);
}

/** What a reviewer reviews, in words (the queue's header and the refusal's). */
export function scopeWords(user: User, planTitles: ReadonlyMap<string, string>, depNames: ReadonlyMap<string, string>) {
  if (user.role === 'admin') return '全部规划';
  const parts = [
    ...user.plans.map((p) => `${planTitles.get(p) ?? p}（全部）`),
    ...user.departments.map((d) => depNames.get(d) ?? d),
  ];
  return parts.length ? parts.join('、') : '尚未指定审核范围';
}

/** Why `user` may not decide `report` on `target`, or null when they may. */
function refusalOf(user: User, target: Target, report: ProgressReport, supersededBy: string | null): Refusal | null {
  if (report.approval?.state !== 'pending')
    return { status: 409, code: 'not_pending', detail: '这条填报已经审核过（已审核或已退回），不能再次审核' };
  if (supersededBy !== null)
    return { status: 409, code: 'report_superseded', detail: '这条填报已被新版本取代，请审核最新版本' };
  // Four eyes: nobody decides their own report, an administrator's included.
  if (report.reportedBy.toLowerCase() === user.username.toLowerCase())
    return { status: 403, code: 'own_report', detail: '不能审核自己提交的填报，请由其他审核员审核' };
  if (!reviews(user, target, report.department))
    return {
      status: 403,
      code: 'not_in_review_scope',
      detail: `这条填报（${target.title}）不在您的审核范围内`,
      params: { scope: target.departmentName ?? target.department ?? target.planId },
    };
  return null;
}

async function decideLocked(
  trx: Transaction<Database>,
  ids: readonly string[],
  decision: Decision,
  user: User,
  now: Date,
): Promise<{ ok: true; items: ProgressReport[] } | { ok: false; refusal: Refusal }> {
  const rows = await selectReportsWithNames(trx).where('reports.id', 'in', ids).execute();
  if (rows.length !== ids.length)
    return { ok: false, refusal: { status: 404, code: 'not_found', detail: '填报不存在' } };
  // Lock the targets in one order (no deadlock between two imports decided at once), then read again under the locks.
  const targetIds = [...new Set(rows.map((r) => r.target_id))].sort();
  const targetRows = await selectTargets(trx)
    .where('id', 'in', targetIds)
    .orderBy(sql`id collate "C"`)
    .forUpdate()
    .execute();
  const targets = new Map(targetRows.map((r) => [r.id, targetFromRow(r)]));
  const fresh = await selectReportsWithNames(trx).where('reports.id', 'in', ids).execute();
  const superseding = await trx
    .selectFrom('reports')
    .select(['id', 'supersedes'])
    .where('supersedes', 'in', ids)
    .execute();
  const by = new Map(superseding.map((r) => [r.supersedes as string, r.id]));
  for (const row of fresh) {
    const target = targets.get(row.target_id);
    if (!target) return { ok: false, refusal: { status: 404, code: 'not_found', detail: '目标不存在' } };
    const refusal = refusalOf(user, target, reportFromRow(row), by.get(row.id) ?? null);
    if (refusal) return { ok: false, refusal };
  }
  const at = now.toISOString();
  await trx
    .updateTable('reports')
    .set({
      approval: decision.kind === 'approve' ? 'approved' : 'returned',
      decided_by: user.username,
      decided_at: at,
      return_reason: decision.kind === 'return' ? decision.reason : null,
    })
    .where('id', 'in', ids)
    .where('approval', '=', 'pending')
    .execute();
  const after = await selectReportsWithNames(trx).where('reports.id', 'in', ids).execute();
  const order = new Map(ids.map((id, i) => [id, i]));
  return {
    ok: true,
    items: after.map(reportFromRow).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
  };
}

/** Approves or returns one report. */
export async function decideReport(
  db: Kysely<Database>,
  id: string,
  decision: Decision,
  user: User,
  actor: Actor,
  now: Date,
): Promise<{ ok: true; item: ProgressReport } | { ok: false; refusal: Refusal }> {
  return db.transaction().execute(async (trx) => {
    const r = await decideLocked(trx, [id], decision, user, now);
    if (!r.ok) return r;
    const item = r.items[0] as ProgressReport;
    await audit(trx, now, actor, {
      action: decision.kind === 'approve' ? 'report.approve' : 'report.return',
      entity: 'report',
      entityId: id,
      before: { approval: 'pending' },
      after: { approval: item.approval, targetId: item.targetId, asOf: item.asOf },
    });
    return { ok: true as const, item };
  });
}

/**
 * Approves or returns every report of an import still waiting (the latest version of each), all or
 * none: one refused row (outside the reviewer's scope, their own) refuses the whole file.
 */
export async function decideImport(
  db: Kysely<Database>,
  importId: string,
  decision: Decision,
  user: User,
  actor: Actor,
  now: Date,
): Promise<{ ok: true; items: ProgressReport[] } | { ok: false; refusal: Refusal }> {
  return db.transaction().execute(async (trx) => {
    const imp = await trx
      .selectFrom('imports')
      .select(['id', 'file_name'])
      .where('id', '=', importId)
      .where('kind', '=', 'reports')
      .executeTakeFirst();
    if (!imp)
      return { ok: false as const, refusal: { status: 404, code: 'not_found', detail: `导入“${importId}”不存在` } };
    const waiting = await trx
      .selectFrom('reports as r')
      .select('r.id')
      .where('r.import_id', '=', importId)
      .where('r.approval', '=', 'pending')
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('reports as s').select('s.id').whereRef('s.supersedes', '=', 'r.id'))),
      )
      .orderBy('r.recorded_at')
      .orderBy('r.id')
      .execute();
    if (waiting.length === 0)
      return {
        ok: false as const,
        refusal: { status: 409, code: 'nothing_to_review', detail: '这次导入没有待审核的填报' },
      };
    const r = await decideLocked(
      trx,
      waiting.map((w) => w.id),
      decision,
      user,
      now,
    );
    if (!r.ok) return r;
    await audit(trx, now, actor, {
      action: decision.kind === 'approve' ? 'import.approve' : 'import.return',
      entity: 'import',
      entityId: importId,
      before: { pending: r.items.length },
      after: {
        fileName: imp.file_name,
        reports: r.items.map((i) => i.id),
        ...(decision.kind === 'return' ? { reason: decision.reason } : {}),
      },
    });
    return { ok: true as const, items: r.items };
  });
}
