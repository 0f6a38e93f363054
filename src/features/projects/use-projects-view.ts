import { PROJECT_STAGES, SECTOR_IDS } from '../../domain/schemas';
import { PROJECT_SORTS } from '../../domain/views';
import { oneOf, useUrlState } from '../../stores/url-state';

const KEYS = ['target', 'district', 'sector', 'stage', 'q', 'sort'] as const;

export function useProjectsView() {
  const [raw, update] = useUrlState(KEYS);
  const view = {
    target: raw.target,
    district: raw.district,
    sector: oneOf(raw.sector, SECTOR_IDS),
    stage: oneOf(raw.stage, PROJECT_STAGES),
    q: raw.q,
    sort: oneOf(raw.sort, PROJECT_SORTS),
  };
  return [view, update] as const;
}
export type ProjectsView = ReturnType<typeof useProjectsView>[0];
export type ProjectsUpdate = ReturnType<typeof useProjectsView>[1];
