import type { Selectable } from 'kysely';
import type {
  ContextFigure,
  FigurePrecision,
  KeyProject,
  Plan,
  ProgressReport,
  Target,
} from '../../src/domain/schemas';
import type { ContextFiguresTable, PlansTable, ProjectsTable, ReportsTable, TargetsTable } from '../db/schema';

/** Row ↔ domain mapping. The domain types are the contract; rows are how PostgreSQL stores them. */

export const planFromRow = (r: Selectable<PlansTable>): Plan => ({
  id: r.id,
  title: r.title,
  issuer: r.issuer,
  year: r.year,
  document: r.document,
  publishedOn: r.published_on,
  thresholds: r.thresholds,
});

export const planToRow = (p: Plan) => ({
  id: p.id,
  title: p.title,
  issuer: p.issuer,
  year: p.year,
  document: p.document,
  published_on: p.publishedOn,
  thresholds: JSON.stringify(p.thresholds),
});

export const targetFromRow = (r: Selectable<TargetsTable>): Target => ({
  id: r.id,
  planId: r.plan_id,
  sectorId: r.sector_id as Target['sectorId'],
  subsection: r.subsection,
  title: r.title,
  district: r.district,
  department: r.department,
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

export const targetToRow = (t: Target) => ({
  id: t.id,
  plan_id: t.planId,
  sector_id: t.sectorId,
  subsection: t.subsection,
  title: t.title,
  district: t.district,
  department: t.department,
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

export const reportFromRow = (r: Selectable<ReportsTable>): ProgressReport => ({
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
  supersedes: r.supersedes,
  correctionReason: r.correction_reason,
  demo: r.demo,
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
  supersedes: r.supersedes,
  correction_reason: r.correctionReason,
  demo: r.demo,
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
