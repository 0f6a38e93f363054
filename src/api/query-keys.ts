import type { ProjectStage, SectorId, Status } from '../domain/schemas';
import type { ProjectSort } from '../domain/views';

/** Query parameters as the client sends them (the names are the API's, see src/domain/query.ts). */
export interface SummaryParams {
  plan?: string | undefined;
  district?: string | undefined;
  department?: string | undefined;
  asOf?: string | undefined;
}

export interface TargetsParams extends SummaryParams {
  sector?: SectorId | undefined;
  status?: Status | undefined;
  q?: string | undefined;
}

export interface TargetParams {
  id: string;
  asOf?: string | undefined;
}

export interface ProjectsParams {
  target?: string | undefined;
  district?: string | undefined;
  sector?: SectorId | undefined;
  stage?: ProjectStage | undefined;
  q?: string | undefined;
  sort?: ProjectSort | undefined;
}

/** Typed tuples: the first element names the endpoint, the second holds every parameter it depends on. */
export const queryKeys = {
  plans: () => ['plans'] as const,
  summary: (p: SummaryParams) => ['summary', p] as const,
  targets: (p: TargetsParams) => ['targets', p] as const,
  target: (p: TargetParams) => ['target', p] as const,
  projects: (p: ProjectsParams) => ['projects', p] as const,
  project: (id: string) => ['project', { id }] as const,
};
