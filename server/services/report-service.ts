import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { shanghaiDate } from '../../src/domain/dates';
import type { ConfirmationIssue, IssueParams } from '../../src/domain/issues';
import { EMPTY_NARRATIVE, hasNarrative, NARRATIVE_FIELDS } from '../../src/domain/report-schema';
import { effectiveReports } from '../../src/domain/reports';
import {
  DEFAULT_THRESHOLDS,
  type ProgressReport,
  type StatusThresholds,
  type Target,
  type TargetState,
} from '../../src/domain/schemas';
import { valueInTargetUnit } from '../../src/domain/status';
import { checkReport, previewState, type ReportInput, type ReportIssue, type User } from '../../src/domain/write-api';
import type { Database } from '../db/schema';
import { reportingDepartment } from '../http/session';
import type { Actor } from '../repositories/audit';
import { audit } from '../repositories/audit';
import { reportFromRow, reportToRow, selectReportsWithNames, selectTargets, targetFromRow } from '../repositories/rows';

/**
 * One report (or a correction) written the way every path writes it: the target's row is locked for
 * the transaction (two people reporting on one target queue instead of racing), the history is read
 * under that lock, the domain checks run, then the report and its audit entry are inserted together.
 */
export type ReportOutcome =
  | { kind: 'created'; report: ProgressReport; state: TargetState | null }
  | { kind: 'preview'; report: ProgressReport; state: TargetState | null }
  | { kind: 'unchanged'; report: ProgressReport; state: TargetState | null }
  | { kind: 'invalid'; errors: ReportIssue[] }
  | { kind: 'confirm'; confirmations: ConfirmationIssue[] }
  | {
      kind: 'conflict';
      code: 'exists_same_date' | 'already_corrected' | 'corrected_just_now';
      params: IssueParams;
      reportId: string;
    }
  | { kind: 'forbidden'; code: 'published_figure'; params: IssueParams; reportId: string };

export interface ReportRequest {
  input: ReportInput & { reason?: string | undefined };
  /** The report this one corrects. */
  supersedes?: ProgressReport | undefined;
  user: User;
  actor: Actor;
  now: Date;
  importId?: string | undefined;
  dryRun: boolean;
  /** The plan's status thresholds, when the caller has them already. */
  thresholds?: StatusThresholds | undefined;
  /** Whether the plan's reports wait for review, when the caller knows it already (else read). */
  approvalRequired?: boolean | undefined;
  /** Skip the audit entry (an import audits once for all of its rows). */
  skipAudit?: boolean;
}

export async function lockTarget(trx: Transaction<Database>, id: string): Promise<Target | null> {
  const row = await selectTargets(trx).where('id', '=', id).forUpdate().executeTakeFirst();
  return row ? targetFromRow(row) : null;
}

export async function historyOf(trx: Transaction<Database>, targetId: string): Promise<ProgressReport[]> {
  // With who reported, by name: a conflict names the person, not their login.
  const rows = await selectReportsWithNames(trx)
    .where('reports.target_id', '=', targetId)
    .orderBy('reports.as_of')
    .orderBy('reports.recorded_at')
    .execute();
  return rows.map(reportFromRow);
}

export async function thresholdsOf(trx: Transaction<Database>, planId: string) {
  return (await planSettingsOf(trx, planId)).thresholds;
}

/** A plan's status thresholds and whether its reports wait for review. */
export async function planSettingsOf(
  trx: Transaction<Database>,
  planId: string,
): Promise<{ thresholds: StatusThresholds; approval: boolean }> {
  const row = await trx
    .selectFrom('plans')
    .select(['thresholds', 'approval'])
    .where('id', '=', planId)
    .executeTakeFirst();
  return { thresholds: row?.thresholds ?? DEFAULT_THRESHOLDS, approval: row?.approval ?? false };
}

const sameFigure = (a: ProgressReport, b: ProgressReport, target: Target) =>
  a.stagesDone === b.stagesDone &&
  (a.value === b.value
    ? (a.unit || target.unit) === (b.unit || target.unit)
    : a.value !== null &&
      b.value !== null &&
      Math.abs(inUnit(a, target) - inUnit(b, target)) < 1e-9 * Math.max(1, Math.abs(inUnit(a, target))));

function inUnit(r: ProgressReport, t: Target): number {
  try {
    return valueInTargetUnit(t, r) ?? Number.NaN;
  } catch {
    return Number.NaN;
  }
}

export async function writeReport(
  trx: Transaction<Database>,
  target: Target,
  history: readonly ProgressReport[],
  req: ReportRequest,
): Promise<ReportOutcome> {
  const { input, supersedes, user, now } = req;
  const today = shanghaiDate(now);
  const asOf = input.asOf;
  const draft = {
    asOf,
    value: input.value ?? null,
    unit: input.unit ?? '',
    stagesDone: input.stagesDone ?? null,
  };
  const check = checkReport(target, history, draft, today, supersedes?.id);
  if (check.errors.length) return { kind: 'invalid', errors: check.errors };

  if (supersedes) {
    const by = history.find((r) => r.supersedes === supersedes.id);
    if (by)
      return {
        kind: 'conflict',
        code: 'already_corrected',
        reportId: by.id,
        params: { by: by.reportedByName ?? by.reportedBy, at: shanghaiTime(by.recordedAt) },
      };
  }
  // A published figure (a statistics bureau's, with its citation) is corrected by an admin only, with a
  // reason, in the audit log: never by a department's report. So is a correction standing in for one.
  // A date with a published figure takes no department figure beside it either (the later one would count).
  const published =
    [supersedes, ...effectiveReports(history, undefined, 'all').filter((r) => r.asOf === asOf)]
      .map((r) => (r ? publishedRoot(r, history) : null))
      .find((r) => r !== null) ?? null;
  if (published && user.role !== 'admin')
    return {
      kind: 'forbidden',
      code: 'published_figure',
      reportId: published.id,
      params: { asOf: published.asOf, source: published.source?.document ?? '官方发布' },
    };
  // The department reported for, kept as it is today: reassigning the target later does not rewrite it.
  const reportedFor = reportingDepartment(user, target) ?? target.department;
  const settings =
    req.thresholds !== undefined && req.approvalRequired !== undefined
      ? { thresholds: req.thresholds, approval: req.approvalRequired }
      : await planSettingsOf(trx, target.planId);
  const report: ProgressReport = {
    id: randomUUID(),
    targetId: target.id,
    asOf,
    recordedAt: now.toISOString(),
    value: target.kind === 'milestone' ? null : draft.value,
    unit: draft.unit || target.unit,
    stagesDone: target.kind === 'milestone' ? draft.stagesDone : null,
    note: withConfirmation(input.note ?? '', check.confirmations.length ? input.confirmReason : undefined),
    evidence: input.evidence || null,
    source: null,
    reportedBy: user.username,
    ...(reportedFor === null ? {} : { department: reportedFor }),
    supersedes: supersedes?.id ?? null,
    correctionReason: supersedes ? (input.reason ?? null) : null,
    demo: false,
    ...(user.displayName ? { reportedByName: user.displayName } : {}),
    narrative: { ...EMPTY_NARRATIVE, ...input.narrative },
    // Where the plan wants review, every report waits for a reviewer, an administrator's too (four eyes).
    approval: settings.approval
      ? { state: 'pending', by: null, at: null, reason: null }
      : { state: 'approved', by: null, at: null, reason: null },
  };
  // Never a silent overwrite: a second, different figure for the same date must be a correction.
  const sameDate = effectiveReports(history, undefined, 'all').find((r) => r.asOf === asOf && r.id !== supersedes?.id);
  if (sameDate) {
    if (
      !supersedes &&
      sameDate.approval?.state !== 'returned' &&
      sameFigure(sameDate, report, target) &&
      saysNothingNew(sameDate, report)
    )
      return { kind: 'unchanged', report: sameDate, state: previewState(target, history, sameDate) };
    return {
      kind: 'conflict',
      code: 'exists_same_date',
      reportId: sameDate.id,
      params: {
        asOf,
        figure: sameDate.value !== null ? `${sameDate.value}${sameDate.unit}` : `${sameDate.stagesDone} 个阶段`,
        by: sameDate.reportedByName ?? sameDate.reportedBy,
      },
    };
  }
  if (check.confirmations.length && !input.confirmReason)
    return { kind: 'confirm', confirmations: check.confirmations };

  const state = previewWith(target, history, report, settings.thresholds);
  if (req.dryRun) return { kind: 'preview', report, state };

  await trx
    .insertInto('reports')
    .values({ ...reportToRow(report), import_id: req.importId ?? null })
    .execute();
  if (!req.skipAudit)
    await audit(trx, now, req.actor, {
      action: supersedes ? 'report.correct' : 'report.create',
      entity: 'report',
      entityId: report.id,
      before: supersedes ?? null,
      after: report,
    });
  return { kind: 'created', report, state };
}

/** The published report `r` is or stands in for (through the corrections it supersedes), if any. */
function publishedRoot(r: ProgressReport, history: readonly ProgressReport[]): ProgressReport | null {
  const byId = new Map(history.map((h) => [h.id, h]));
  let at: ProgressReport | undefined = r;
  for (let hops = 0; at && hops < 1000; hops++) {
    if (at.source) return at;
    at = at.supersedes ? byId.get(at.supersedes) : undefined;
  }
  return null;
}

function previewWith(
  target: Target,
  history: readonly ProgressReport[],
  report: ProgressReport,
  thresholds: typeof DEFAULT_THRESHOLDS,
) {
  return previewState(target, history, report, thresholds);
}

function withConfirmation(note: string, reason: string | undefined): string {
  return reason ? `${note}${note ? '\n' : ''}【确认】${reason}` : note;
}

/** `2026-01-05 10:00` in Asia/Shanghai, for messages. */
function shanghaiTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Whether `next` adds no words to `stored`: a narrative left empty (a re-uploaded template without
 * it) adds none; a narrative that differs is a change, made as a correction of the stored report.
 */
function saysNothingNew(stored: ProgressReport, next: ProgressReport): boolean {
  const said = next.narrative;
  if (!said || !hasNarrative(said)) return true;
  const was = stored.narrative ?? EMPTY_NARRATIVE;
  return NARRATIVE_FIELDS.every((f) => said[f] === was[f]);
}
