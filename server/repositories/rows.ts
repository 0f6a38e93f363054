import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Department, DepartmentKind } from '../../src/domain/departments';
import type {
  ContextFigure,
  FigurePrecision,
  KeyProject,
  Plan,
  ProgressReport,
  Target,
} from '../../src/domain/schemas';
import type {
  ContextFiguresTable,
  Database,
  DepartmentsTable,
  PlansTable,
  ProjectsTable,
  ReportsTable,
  TargetsTable,
} from '../db/schema';

/** Row ↔ domain mapping. The domain types are the contract; rows are how PostgreSQL stores them. */

export const planFromRow = (r: Selectable<PlansTable>): Plan => ({
  id: r.id,
  title: r.title,
  issuer: r.issuer,
  year: r.year,
  document: r.document,
  publishedOn: r.published_on,
  thresholds: r.thresholds,
  approval: r.approval,
  escalateAfter: r.escalate_after,
});

export const planToRow = (p: Plan) => ({
  id: p.id,
  title: p.title,
  issuer: p.issuer,
  year: p.year,
  document: p.document,
  published_on: p.publishedOn,
  thresholds: JSON.stringify(p.thresholds),
  approval: p.approval ?? false,
  // Absent: the column's default (2) for a new plan; an update leaves it out (server/routes/admin.ts).
  ...(p.escalateAfter === undefined ? {} : { escalate_after: p.escalateAfter }),
});

/** A target's row with what a Target holds beside it: its lead's name and its supporting departments. */
export type TargetRow = Selectable<TargetsTable> & { department_name: string | null; supporting: string[] | null };

/** `select … from targets` with the lead department's current name and the supporting departments. */
export function selectTargets(db: Kysely<Database> | Transaction<Database>) {
  return db.selectFrom('targets').selectAll('targets').select(targetExtras);
}

/** The columns `selectTargets` adds to a query of `targets`. */
export const targetExtras = [
  sql<string | null>`(select d.name from departments d where d.id = targets.department)`.as('department_name'),
  sql<
    string[] | null
  >`(select jsonb_agg(td.department_id order by td.department_id collate "C") from target_departments td where td.target_id = targets.id)`.as(
    'supporting',
  ),
];

export const targetFromRow = (r: TargetRow): Target => ({
  id: r.id,
  planId: r.plan_id,
  sectorId: r.sector_id as Target['sectorId'],
  subsection: r.subsection,
  title: r.title,
  district: r.district,
  department: r.department,
  departmentName: r.department_name,
  supportingDepartments: r.supporting ?? [],
  divisionDemo: r.division_demo,
  supportMayReport: r.support_may_report,
  kind: r.kind as Target['kind'],
  unit: r.unit,
  target: r.target,
  comparator: r.comparator as Target['comparator'],
  baseline: r.baseline,
  periodStart: r.period_start,
  deadline: r.deadline,
  pacing: r.pacing,
  stages: r.stages,
  headline: r.headline,
  source: { document: r.source_document, quote: r.source_quote },
  demo: r.demo,
});

/** One string object per value: `share(s)` returns the first string equal to `s` it was given. */
export function stringPool(): <S extends string | null>(s: S) => S {
  const pool = new Map<string, string>();
  return <S extends string | null>(s: S): S => {
    if (s === null) return s;
    const held = pool.get(s);
    if (held !== undefined) return held as S;
    pool.set(s, s);
    return s;
  };
}

/**
 * Shares a freshly decoded target's repeated strings (plan, sector, district, department, unit,
 * dates, source) through `share`, in place, and returns it: only for a target no one else holds yet.
 */
export function shareTargetStrings(t: Target, share: ReturnType<typeof stringPool>): Target {
  t.planId = share(t.planId);
  t.sectorId = share(t.sectorId);
  t.subsection = share(t.subsection);
  t.district = share(t.district);
  t.department = share(t.department);
  t.departmentName = share(t.departmentName);
  t.kind = share(t.kind);
  t.unit = share(t.unit);
  t.comparator = share(t.comparator);
  t.periodStart = share(t.periodStart);
  t.deadline = share(t.deadline);
  t.source = { document: share(t.source.document), quote: share(t.source.quote) };
  return t;
}

export const targetToRow = (t: Target) => ({
  id: t.id,
  plan_id: t.planId,
  sector_id: t.sectorId,
  subsection: t.subsection,
  title: t.title,
  district: t.district,
  department: t.department,
  division_demo: t.divisionDemo,
  support_may_report: t.supportMayReport,
  kind: t.kind,
  unit: t.unit,
  target: t.target,
  comparator: t.comparator,
  baseline: t.baseline,
  period_start: t.periodStart,
  deadline: t.deadline,
  pacing: JSON.stringify(t.pacing),
  stages: JSON.stringify(t.stages),
  headline: t.headline,
  source_document: t.source.document,
  source_quote: t.source.quote,
  demo: t.demo,
});

/** `select … from reports` with who reported and who decided, by display name. */
export function selectReportsWithNames(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('reports')
    .selectAll('reports')
    .select((eb) => [
      eb
        .selectFrom('users')
        .select('users.display_name')
        .whereRef('users.username', '=', 'reports.reported_by')
        .as('reporter_name'),
      eb
        .selectFrom('users')
        .select('users.display_name')
        .whereRef('users.username', '=', 'reports.decided_by')
        .as('decider_name'),
    ]);
}

/**
 * A report's row, with the names of who reported and who decided where the read joins them
 * (`withNames`); a read that leaves the narrative out (the memo's history of every report) has no
 * narrative columns.
 */
type NarrativeColumns = 'progress' | 'problems' | 'next_steps' | 'coordination';
export type ReportRow = Omit<Selectable<ReportsTable>, NarrativeColumns> &
  Partial<Pick<Selectable<ReportsTable>, NarrativeColumns>> & {
    reporter_name?: string | null;
    decider_name?: string | null;
  };

export const reportFromRow = (r: ReportRow): ProgressReport => ({
  id: r.id,
  targetId: r.target_id,
  asOf: r.as_of,
  // Only a figure of a period carries one: a day's report (every department's) reads as it did.
  ...(r.period_precision === null
    ? {}
    : {
        period: {
          precision: r.period_precision as FigurePrecision,
          ...(r.period_label === null ? {} : { label: r.period_label }),
        },
      }),
  recordedAt: r.recorded_at,
  value: r.value,
  unit: r.unit,
  stagesDone: r.stages_done,
  note: r.note,
  evidence: r.evidence,
  source: r.source_document && r.source_quote ? { document: r.source_document, quote: r.source_quote } : null,
  reportedBy: r.reported_by,
  ...(r.department_id === null ? {} : { department: r.department_id }),
  supersedes: r.supersedes,
  correctionReason: r.correction_reason,
  demo: r.demo,
  ...(r.reporter_name ? { reportedByName: r.reporter_name } : {}),
  ...(r.progress === undefined
    ? {}
    : {
        narrative: {
          progress: r.progress,
          problems: r.problems ?? '',
          nextSteps: r.next_steps ?? '',
          coordination: r.coordination ?? '',
        },
      }),
  approval: {
    state: r.approval,
    by: r.decided_by,
    ...(r.decider_name ? { byName: r.decider_name } : {}),
    at: r.decided_at,
    reason: r.return_reason,
  },
});

export const reportToRow = (r: ProgressReport) => ({
  id: r.id,
  target_id: r.targetId,
  as_of: r.asOf,
  period_precision: r.period?.precision ?? null,
  period_label: r.period?.label ?? null,
  recorded_at: r.recordedAt,
  value: r.value,
  unit: r.unit,
  stages_done: r.stagesDone,
  note: r.note,
  evidence: r.evidence,
  source_document: r.source?.document ?? null,
  source_quote: r.source?.quote ?? null,
  reported_by: r.reportedBy,
  department_id: r.department ?? null,
  supersedes: r.supersedes,
  correction_reason: r.correctionReason,
  demo: r.demo,
  progress: r.narrative?.progress ?? '',
  problems: r.narrative?.problems ?? '',
  next_steps: r.narrative?.nextSteps ?? '',
  coordination: r.narrative?.coordination ?? '',
  approval: r.approval?.state ?? 'approved',
  decided_by: r.approval?.by ?? null,
  decided_at: r.approval?.at ?? null,
  return_reason: r.approval?.reason ?? null,
});

export const contextFigureFromRow = (r: Selectable<ContextFiguresTable>): ContextFigure => ({
  id: r.id,
  targetId: r.target_id,
  label: r.label,
  value: r.value,
  unit: r.unit,
  asOf: r.as_of,
  asOfPrecision: r.as_of_precision as ContextFigure['asOfPrecision'],
  ...(r.period_label === null ? {} : { periodLabel: r.period_label }),
  relation: r.relation,
  source: { document: r.source_document, quote: r.source_quote },
});

export const contextFigureToRow = (c: ContextFigure) => ({
  id: c.id,
  target_id: c.targetId,
  label: c.label,
  value: c.value,
  unit: c.unit,
  as_of: c.asOf,
  as_of_precision: c.asOfPrecision,
  period_label: c.periodLabel ?? null,
  relation: c.relation,
  source_document: c.source.document,
  source_quote: c.source.quote,
});

export const projectFromRow = (r: Selectable<ProjectsTable>, targetIds: string[]): KeyProject => ({
  id: r.id,
  name: r.name,
  district: r.district,
  sectorId: r.sector_id as KeyProject['sectorId'],
  targetIds,
  totalInvestment: r.total_investment,
  plannedInvestment: r.planned_investment,
  completedInvestment: r.completed_investment,
  stage: r.stage as KeyProject['stage'],
  owner: r.owner,
  source: r.source_document && r.source_quote ? { document: r.source_document, quote: r.source_quote } : null,
  demo: r.demo,
});

export const projectToRow = (p: KeyProject) => ({
  id: p.id,
  name: p.name,
  district: p.district,
  sector_id: p.sectorId,
  total_investment: p.totalInvestment,
  planned_investment: p.plannedInvestment,
  completed_investment: p.completedInvestment,
  stage: p.stage,
  owner: p.owner,
  source_document: p.source?.document ?? null,
  source_quote: p.source?.quote ?? null,
  demo: p.demo,
});

/** A target's supporting departments as `target_departments` rows. */
export const supportingRows = (t: Pick<Target, 'id' | 'supportingDepartments'>) =>
  [...new Set(t.supportingDepartments)].map((department_id) => ({ target_id: t.id, department_id }));

/** Replaces a target's supporting departments. */
export async function writeSupporting(
  trx: Kysely<Database> | Transaction<Database>,
  t: Pick<Target, 'id' | 'supportingDepartments'>,
): Promise<void> {
  await trx.deleteFrom('target_departments').where('target_id', '=', t.id).execute();
  const rows = supportingRows(t);
  if (rows.length) await trx.insertInto('target_departments').values(rows).execute();
}

export const departmentFromRow = (r: Selectable<DepartmentsTable>): Department => ({
  id: r.id,
  name: r.name,
  shortName: r.short_name,
  kind: r.kind as DepartmentKind,
  district: r.district,
  leader: r.leader,
  aliases: r.aliases ?? [],
  mergedInto: r.merged_into,
  unmatched: r.unmatched,
});

export const departmentToRow = (d: Department) => ({
  id: d.id,
  name: d.name,
  short_name: d.shortName,
  kind: d.kind,
  district: d.district,
  leader: d.leader,
  aliases: JSON.stringify(d.aliases),
  merged_into: d.mergedInto,
  unmatched: d.unmatched,
});
