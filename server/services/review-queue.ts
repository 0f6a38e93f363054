import { type Kysely, sql } from 'kysely';
import { QUEUE_LIMIT, type ReviewQueueItem, type ReviewQueueResponse } from '../../src/domain/approval-api';
import { shanghaiDate } from '../../src/domain/dates';
import { isDomainError } from '../../src/domain/errors';
import { effectiveReports, type ReportView } from '../../src/domain/reports';
import { DEFAULT_THRESHOLDS, type ProgressReport, type Target, type TargetState } from '../../src/domain/schemas';
import { computeTargetState } from '../../src/domain/status';
import { groupReports } from '../../src/domain/views';
import type { User } from '../../src/domain/write-api';
import type { Database } from '../db/schema';
import { planFromRow, reportFromRow, selectReportsWithNames, selectTargets, targetFromRow } from '../repositories/rows';
import { scopeWords } from './approval-service';

/**
 * The reviewer's queue (待审核): the latest version of every report waiting in their scope, newest
 * first, each beside the figure the board shows now and the state it would give the target.
 * Their own reports are left out (another reviewer decides them).
 */
export async function reviewQueue(db: Kysely<Database>, user: User, now: Date): Promise<ReviewQueueResponse> {
  let q = db
    .selectFrom('reports as r')
    .innerJoin('targets as t', 't.id', 'r.target_id')
    .where('r.approval', '=', 'pending')
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('reports as s').select('s.id').whereRef('s.supersedes', '=', 'r.id'))),
    )
    .where(sql`lower(r.reported_by)`, '!=', user.username.toLowerCase());
  if (user.role !== 'admin') {
    const plans = user.plans.length ? user.plans : [''];
    const deps = user.departments.length ? user.departments : [''];
    q = q.where((eb) =>
      eb.or([eb('t.plan_id', 'in', plans), eb(eb.fn.coalesce('r.department_id', 't.department'), 'in', deps)]),
    );
  }
  const [ids, count, planRows, depRows] = await Promise.all([
    q.select(['r.id', 'r.import_id']).orderBy('r.recorded_at', 'desc').orderBy('r.id').limit(QUEUE_LIMIT).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    db.selectFrom('plans').selectAll().execute(),
    db.selectFrom('departments').select(['id', 'name']).execute(),
  ]);
  const plans = new Map(planRows.map((p) => [p.id, planFromRow(p)]));
  const scope = scopeWords(
    user,
    new Map(planRows.map((p) => [p.id, p.title])),
    new Map(depRows.map((d) => [d.id, d.name])),
  );
  const today = shanghaiDate(now);
  if (ids.length === 0) return { today, items: [], total: 0, imports: [], scope };

  const reportIds = ids.map((r) => r.id);
  const waitingRows = await selectReportsWithNames(db).where('reports.id', 'in', reportIds).execute();
  const waiting = new Map(waitingRows.map((r) => [r.id, reportFromRow(r)]));
  const targetIds = [...new Set(waitingRows.map((r) => r.target_id))];
  const [targetRows, historyRows] = await Promise.all([
    selectTargets(db).where('id', 'in', targetIds).execute(),
    db.selectFrom('reports').selectAll().where('target_id', 'in', targetIds).execute(),
  ]);
  const targets = new Map(targetRows.map((r) => [r.id, targetFromRow(r)]));
  const histories = groupReports(historyRows.map(reportFromRow));

  const items: ReviewQueueItem[] = [];
  for (const { id, import_id } of ids) {
    const report = waiting.get(id);
    const target = report ? targets.get(report.targetId) : undefined;
    if (!report || !target) continue;
    const history = histories.get(target.id) ?? [];
    const thresholds = plans.get(target.planId)?.thresholds ?? DEFAULT_THRESHOLDS;
    // The board now, and the board with this report alone approved (not the others waiting).
    const approved = history.filter((r) => r.approval?.state !== 'pending' || r.id === report.id);
    const previous =
      effectiveReports(history, undefined, 'approved')
        .filter((r) => r.asOf <= report.asOf)
        .sort((a, b) => a.asOf.localeCompare(b.asOf) || a.recordedAt.localeCompare(b.recordedAt))
        .at(-1) ?? null;
    items.push({
      report,
      target: {
        id: target.id,
        title: target.title,
        planId: target.planId,
        sectorId: target.sectorId,
        kind: target.kind,
        unit: target.unit,
        target: target.target,
        comparator: target.comparator,
        department: target.department,
        departmentName: target.departmentName,
        stages: target.stages,
      },
      previous,
      current: stateAt(target, history, report.asOf, 'approved', thresholds),
      proposed: stateAt(target, approved, report.asOf, 'pending', thresholds),
      importId: import_id,
    });
  }

  const importIds = [...new Set(ids.map((r) => r.import_id).filter((x): x is string => x !== null))];
  const importRows = importIds.length
    ? await db
        .selectFrom('imports as i')
        .leftJoin('users as u', 'u.id', 'i.user_id')
        .select(['i.id', 'i.file_name', 'i.committed_at', 'u.display_name', 'u.username'])
        .where('i.id', 'in', importIds)
        .execute()
    : [];
  // Per import, every report still waiting and those of them in the reviewer's scope (not only the ones listed).
  const mine =
    user.role === 'admin'
      ? sql`lower(r.reported_by) <> ${user.username.toLowerCase()}`
      : sql`lower(r.reported_by) <> ${user.username.toLowerCase()} and (t.plan_id in (${sql.join(
          user.plans.length ? user.plans : [''],
        )}) or coalesce(r.department_id, t.department) in (${sql.join(
          user.departments.length ? user.departments : [''],
        )}))`;
  const counts = importIds.length
    ? (
        await sql<{ import_id: string; all: number; mine: number }>`
          select r.import_id, count(*)::int as all, count(*) filter (where ${mine})::int as mine
          from reports r join targets t on t.id = r.target_id
          where r.import_id in (${sql.join(importIds)}) and r.approval = 'pending'
            and not exists (select 1 from reports s where s.supersedes = r.id)
          group by r.import_id`.execute(db)
      ).rows
    : [];
  const byImport = new Map(counts.map((c) => [c.import_id, c]));
  const imports = importRows
    .map((i) => {
      const c = byImport.get(i.id);
      const all = Number(c?.all ?? 0);
      return {
        id: i.id,
        fileName: i.file_name,
        importedBy: i.display_name ?? i.username ?? '',
        importedAt: new Date(i.committed_at).toISOString(),
        pending: all,
        outOfScope: all - Number(c?.mine ?? 0),
      };
    })
    .sort((a, b) => b.importedAt.localeCompare(a.importedAt));
  return { today, items, total: Number(count?.n ?? 0), imports, scope };
}

function stateAt(
  target: Target,
  reports: readonly ProgressReport[],
  asOf: string,
  view: ReportView,
  thresholds: typeof DEFAULT_THRESHOLDS,
): TargetState | null {
  try {
    return computeTargetState(target, reports, { asOf, view, thresholds });
  } catch (e) {
    if (isDomainError(e)) return null;
    throw e;
  }
}
