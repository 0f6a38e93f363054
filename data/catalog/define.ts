import { INVESTMENT_PROFILE } from '../../src/domain/pacing';
import { type Comparator, DISTRICT_CITY, type MetricKind, type SectorId, type Target } from '../../src/domain/schemas';
import { matchDepartment } from '../departments';

/**
 * Builders that keep the catalog entries compact: an entry states what the document says (title,
 * figure, unit, comparator, quote) and the builder fills the defaults every target shares.
 */

/** The source documents, as file names in `shared/seeds/` (copied byte-identical to `data/seeds/`). */
export const DOCS = {
  bureausYearEnd: '000_6e82427514599ed6.txt',
  digital: '001_dc92bde7ae9ec447.txt',
  cityReport: '002_977c2cac0d19ad45.txt',
  laoshan: '003_c12a0a8fd2446ea1.txt',
  industry: '004_4e6bce0085b10f1e.txt',
} as const;

export const PERIOD_START = '2025-01-01';
export const YEAR_END = '2025-12-31';

/** Everything a target needs; the rest has defaults. */
export type TargetInput = Pick<Target, 'id' | 'planId' | 'sectorId' | 'subsection' | 'title' | 'kind' | 'source'> &
  Partial<Omit<Target, 'id' | 'planId' | 'sectorId' | 'subsection' | 'title' | 'kind' | 'source'>>;

export function defineTarget(input: TargetInput): Target {
  return {
    district: DISTRICT_CITY,
    department: null,
    departmentName: null,
    supportingDepartments: [],
    divisionDemo: false,
    supportMayReport: false,
    unit: '',
    target: null,
    comparator: 'gte',
    baseline: null,
    periodStart: PERIOD_START,
    deadline: YEAR_END,
    pacing: { type: 'linear' },
    stages: [],
    headline: null,
    demo: false,
    ...input,
  };
}

/** One catalog entry as written in a plan file. `title` defaults to the quote. */
export interface Entry {
  id: string;
  /** Exact substring of the document: the shortest phrase that carries the figure. */
  quote: string;
  /** As written in the source; defaults to `quote`. */
  title?: string;
  kind: MetricKind;
  unit?: string;
  target?: number | null;
  comparator?: Comparator;
  baseline?: number | null;
  deadline?: string;
  periodStart?: string;
  pacing?: Target['pacing'];
  stages?: Target['stages'];
  headline?: string | null;
}

export interface PlanContext {
  planId: string;
  document: string;
  district?: string;
  department?: string | null;
  deadline?: string;
}

/** Targets of one sub-section of one plan: `section(ctx, 'demand', '持续扩大有效投资', [...])`. */
export function section(ctx: PlanContext, sectorId: SectorId, subsection: string, entries: Entry[]): Target[] {
  return entries.map(({ quote, title, ...rest }) =>
    defineTarget({
      planId: ctx.planId,
      sectorId,
      subsection,
      title: title ?? quote,
      district: ctx.district ?? DISTRICT_CITY,
      ...lead(ctx.department ?? null),
      ...(ctx.deadline ? { deadline: ctx.deadline } : {}),
      ...rest,
      source: { document: ctx.document, quote },
    }),
  );
}

/** A department the document names, as its registry id and name (a name the registry lacks is a bug here). */
function lead(name: string | null): Pick<Target, 'department' | 'departmentName'> {
  if (name === null) return { department: null, departmentName: null };
  const d = matchDepartment(name);
  if (!d) throw new Error(`catalog: department “${name}” is not in the registry (data/departments.ts)`);
  return { department: d.id, departmentName: d.name };
}

/** Shorthands for the common kinds. */
export const flow = (unit: string, target: number, comparator: Comparator = 'gte') =>
  ({ kind: 'cumulative', unit, target, comparator }) as const;
export const level = (unit: string, target: number, comparator: Comparator = 'gte') =>
  ({ kind: 'level', unit, target, comparator }) as const;
export const growth = (target: number, comparator: Comparator = 'gte', unit = '%') =>
  ({ kind: 'growth', unit, target, comparator }) as const;
export const share = (target: number, comparator: Comparator = 'gte') =>
  ({ kind: 'share', unit: '%', target, comparator }) as const;
/** Investment completion follows the back-loaded investment profile, not a straight line. */
export const investment = (unit: string, target: number, comparator: Comparator = 'gte') =>
  ({ kind: 'cumulative', unit, target, comparator, pacing: INVESTMENT_PROFILE }) as const;

/**
 * A milestone with its stages, in the order the quote gives them: `name` (falls on the deadline, the
 * date the document sets) or `[name, plannedDate]` (a date the document does not give). The documents
 * only date the deliverable (by year end); an intermediate stage's date is a planning assumption made
 * for the catalog, marked `estimated` (shown as 预计, and said so wherever it makes a node overdue).
 */
export function milestone(...stages: Array<string | readonly [string, string]>) {
  return {
    kind: 'milestone',
    unit: '',
    target: null,
    pacing: { type: 'steps' },
    stages: stages.map((s) =>
      typeof s === 'string' ? { name: s, plannedDate: YEAR_END } : { name: s[0], plannedDate: s[1], estimated: true },
    ),
  } as const;
}
