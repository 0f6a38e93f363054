import type { QueryOf } from './client';

/**
 * Query parameters as the client sends them: the contract's query schemas (src/domain/contract.ts)
 * say what each endpoint takes, so a parameter the server does not know is a compile error.
 */
export type SummaryParams = QueryOf<'GET /summary'>;
export type TargetsParams = QueryOf<'GET /targets'>;
export type TargetParams = { id: string } & QueryOf<'GET /targets/:id'>;
/** The project list's filters; pages are the infinite query's own. */
export type ProjectsParams = Omit<QueryOf<'GET /projects'>, 'page' | 'pageSize'>;
export type ReviewParams = QueryOf<'GET /review'>;
export type AuditParams = Omit<QueryOf<'GET /admin/audit'>, 'pageSize'>;
export type DepartmentParams = { id: string } & QueryOf<'GET /departments/:id'>;
export type RankingsParams = QueryOf<'GET /rankings'>;

/**
 * Every query's key, in one place: the first element names the endpoint, the second holds every
 * parameter it depends on. A write invalidates by the first element (see PROGRESS_QUERY_ROOTS).
 */
export const queryKeys = {
  session: () => ['session'] as const,
  plans: () => ['plans'] as const,
  summary: (p: SummaryParams) => ['summary', p] as const,
  targets: (p: TargetsParams) => ['targets', p] as const,
  target: (p: TargetParams) => ['target', p] as const,
  projects: (p: ProjectsParams) => ['projects', p] as const,
  project: (id: string) => ['project', { id }] as const,
  review: (p: ReviewParams) => ['review', p] as const,
  /** The department registry (names of the ids targets and users carry); not the admin's list. */
  registry: () => ['registry'] as const,
  department: (p: DepartmentParams) => ['department', p] as const,
  rankings: (p: RankingsParams) => ['rankings', p] as const,
  myTargets: () => ['my-targets'] as const,
  users: () => ['admin', 'users'] as const,
  departments: () => ['admin', 'departments'] as const,
  audit: (p: AuditParams) => ['admin', 'audit', p] as const,
};
