import { Hono } from 'hono';
import { shanghaiDate } from '../../src/domain/dates';
import { effectiveReports } from '../../src/domain/reports';
import { DEFAULT_THRESHOLDS, type ProgressReport, type Target } from '../../src/domain/schemas';
import { STATUS_SEVERITY } from '../../src/domain/status';
import { groupReports, withStates } from '../../src/domain/views';
import type { User } from '../../src/domain/write-api';
import {
  correctionInputSchema,
  dueness,
  type MyTargetsResponse,
  type ReportResponse,
  reportInputSchema,
  weekStart,
} from '../../src/domain/write-api';
import { zhIssueText } from '../../src/i18n/validation';
import { problem } from '../http/problem';
import {
  type AccountsEnv,
  actorOf,
  type Ctx,
  canWriteTarget,
  confirmation,
  fieldIssue,
  invalid,
  notFoundProblem,
  readJson,
  reportingDepartment,
  role,
  targetForbidden,
  type WriteDeps,
  writableBy,
} from '../http/session';
import { planFromRow, reportFromRow, selectTargets, targetFromRow } from '../repositories/rows';
import { Store } from '../repositories/store';
import { isUniqueViolation } from '../repositories/users';
import { historyOf, lockTarget, type ReportOutcome, writeReport } from '../services/report-service';

/** GET /my/targets, POST /targets/:id/reports, POST /reports/:id/corrections. */
export function reportRoutes(deps: WriteDeps) {
  const { db, now } = deps;
  const r = new Hono<AccountsEnv>();

  r.get('/my/targets', role(['reporter', 'admin']), async (c) => {
    const s = c.get('signedIn');
    const today = shanghaiDate(now());
    let q = selectTargets(db);
    if (s.user.role !== 'admin') {
      if (s.user.departments.length === 0) return c.json({ today, weekStart: weekStart(today), items: [] });
      q = q.where(writableBy(s.user));
    }
    const targets = (await q.orderBy('sort_order').execute()).map(targetFromRow);
    const ids = targets.map((t) => t.id);
    const [plans, reports, rollups] = await Promise.all([
      db.selectFrom('plans').selectAll().execute(),
      ids.length ? db.selectFrom('reports').selectAll().where('target_id', 'in', ids).execute() : [],
      new Store(db).projectRollups(),
    ]);
    const all = reports.map(reportFromRow);
    const byTarget = groupReports(all);
    const planList = plans.map(planFromRow);
    const cycle = new Map(planList.map((p) => [p.id, p.thresholds.cycleDays]));
    const items = withStates(targets, byTarget, planList, { asOf: today }, rollups).map((t) => {
      const own = byTarget.get(t.id) ?? [];
      const last = latest(own);
      const revised = new Set(own.map((r) => r.supersedes));
      const returned = own
        .filter((r) => r.approval?.state === 'returned' && !revised.has(r.id))
        .sort((a, b) => b.asOf.localeCompare(a.asOf) || b.recordedAt.localeCompare(a.recordedAt));
      return {
        ...t,
        lastReport: last,
        returned,
        ...dueness(t, last, today, cycle.get(t.planId) ?? DEFAULT_THRESHOLDS.cycleDays),
      };
    });
    items.sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        Number(b.due) - Number(a.due) ||
        STATUS_SEVERITY[b.state.status] - STATUS_SEVERITY[a.state.status],
    );
    const body: MyTargetsResponse = { today, weekStart: weekStart(today), items };
    return c.json(body);
  });

  r.post('/targets/:id/reports', role(['reporter', 'admin', 'viewer']), async (c) => {
    const s = c.get('signedIn');
    const id = c.req.param('id');
    const row = await selectTargets(db).where('id', '=', id).executeTakeFirst();
    if (!row) return notFoundProblem(c, `目标“${id}”不存在`);
    const found = targetFromRow(row);
    if (!canWriteTarget(s.user, found)) return targetForbidden(c, s.user, found);
    const body = await readJson(c, reportInputSchema);
    if (!body.ok) return body.response;
    const input = body.value;
    const outcome = await db.transaction().execute(async (trx) => {
      const target = await lockTarget(trx, id);
      if (!target) return null;
      // Checked again under the lock: the target may have been reassigned since.
      if (!canWriteTarget(s.user, target)) return { kind: 'reassigned' as const, target };
      return writeReport(trx, target, await historyOf(trx, id), {
        input,
        user: s.user,
        actor: actorOf(c, s.user),
        now: now(),
        dryRun: input.dryRun === true,
      });
    });
    if (!outcome) return notFoundProblem(c, `目标“${id}”不存在`);
    if (outcome.kind === 'reassigned') return targetForbidden(c, s.user, outcome.target);
    return respond(c, outcome, `/api/v1/targets/${encodeURIComponent(id)}`);
  });

  r.post('/reports/:id/corrections', role(['reporter', 'admin', 'viewer']), async (c) => {
    const s = c.get('signedIn');
    const id = c.req.param('id');
    const originalRow = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!originalRow) return notFoundProblem(c, `填报“${id}”不存在`);
    const targetFound = await selectTargets(db).where('id', '=', originalRow.target_id).executeTakeFirst();
    if (!targetFound) return notFoundProblem(c, `目标“${originalRow.target_id}”不存在`);
    const targetRow = targetFromRow(targetFound);
    if (!mayCorrect(s.user, targetRow, originalRow.department_id)) return targetForbidden(c, s.user, targetRow);
    const body = await readJson(c, correctionInputSchema);
    if (!body.ok) return body.response;
    const original = reportFromRow(originalRow);
    const input = { ...body.value, asOf: body.value.asOf ?? original.asOf };
    let outcome: ReportOutcome | { kind: 'reassigned'; target: Target } | null;
    try {
      outcome = await db.transaction().execute(async (trx) => {
        const target = await lockTarget(trx, targetRow.id);
        if (!target) return null;
        if (!mayCorrect(s.user, target, originalRow.department_id)) return { kind: 'reassigned' as const, target };
        return writeReport(trx, target, await historyOf(trx, target.id), {
          input,
          supersedes: original,
          user: s.user,
          actor: actorOf(c, s.user),
          now: now(),
          dryRun: input.dryRun === true,
        });
      });
    } catch (e) {
      // The UNIQUE index on `supersedes` is the last line: the loser of a race gets a conflict.
      if (!isUniqueViolation(e)) throw e;
      outcome = {
        kind: 'conflict',
        code: 'corrected_just_now',
        reportId: id,
        params: {},
      };
    }
    if (!outcome) return notFoundProblem(c, `目标“${targetRow.id}”不存在`);
    if (outcome.kind === 'reassigned') return targetForbidden(c, s.user, outcome.target);
    return respond(c, outcome, `/api/v1/targets/${encodeURIComponent(targetRow.id)}`);
  });

  return r;
}

/**
 * Who may correct a report: whoever may write the target, except that a supporting department's
 * reporter corrects only its own department's reports, never the lead's.
 */
function mayCorrect(user: User, target: Target, reportDepartment: string | null): boolean {
  if (!canWriteTarget(user, target)) return false;
  if (user.role === 'admin' || reportingDepartment(user, target) === target.department) return true;
  return reportDepartment !== null && user.departments.includes(reportDepartment);
}

function latest(reports: readonly ProgressReport[]): ProgressReport | null {
  const eff = effectiveReports(reports, undefined, 'all');
  let best: ProgressReport | null = null;
  for (const r of eff)
    if (!best || r.asOf > best.asOf || (r.asOf === best.asOf && r.recordedAt >= best.recordedAt)) best = r;
  return best;
}

function respond(c: Ctx, outcome: ReportOutcome, location: string) {
  switch (outcome.kind) {
    case 'invalid': {
      const errors = outcome.errors.map(fieldIssue);
      return invalid(c, errors.map((e) => e.message).join('；'), errors, 422, 'invalid_report');
    }
    case 'confirm': {
      const confirmations = outcome.confirmations.map(confirmation);
      return problem(c, {
        status: 422,
        title: '需要确认',
        detail: `${confirmations.map((x) => x.message).join('；')}。如确认无误，请填写确认理由后再提交`,
        code: 'confirmation_required',
        confirmations,
        errors: [fieldIssue({ field: 'confirmReason', code: 'confirm_reason_required' })],
      });
    }
    case 'forbidden':
      return problem(c, {
        status: 403,
        title: '无权更正',
        detail: zhIssueText(outcome),
        code: outcome.code,
        params: outcome.params,
        reportId: outcome.reportId,
      });
    case 'conflict':
      return problem(c, {
        status: 409,
        title: '填报冲突',
        detail: zhIssueText(outcome),
        code: outcome.code,
        params: outcome.params,
        reportId: outcome.reportId,
      });
    case 'preview':
    case 'unchanged':
    case 'created': {
      const body: ReportResponse = {
        item: outcome.report,
        state: outcome.state,
        dryRun: outcome.kind === 'preview',
        unchanged: outcome.kind === 'unchanged',
      };
      if (outcome.kind === 'created') c.header('location', location);
      return c.json(body, outcome.kind === 'created' ? 201 : 200);
    }
  }
}
