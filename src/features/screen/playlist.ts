import type { SectorSummary, TargetWithStateDto } from '../../domain/api';
import type { SectorId, Status } from '../../domain/schemas';

export type Slide =
  | { kind: 'overview' }
  | { kind: 'sector'; sectorId: SectorId }
  | { kind: 'warnings' }
  | { kind: 'rankings' }
  | { kind: 'supervision' };

export const slideKey = (s: Slide): string => (s.kind === 'sector' ? `sector:${s.sectorId}` : s.kind);

/**
 * The playlist: the overview, then each chosen sector, then the warnings, then (when the URL asks
 * for it) the department league and the overdue 督办事项. A sector without a single
 * target under the chosen plan or district has nothing to show and is left out (once the summary
 * says so; before, every chosen sector is kept).
 */
export function buildPlaylist(
  sectors: SectorId[],
  summarySectors: SectorSummary[] | undefined,
  { rankings = false, supervision = false }: { rankings?: boolean; supervision?: boolean } = {},
): Slide[] {
  const totals = new Map(summarySectors?.map((s) => [s.id, s.total]));
  const shown = sectors.filter((id) => summarySectors === undefined || (totals.get(id) ?? 0) > 0);
  return [
    { kind: 'overview' },
    ...shown.map((sectorId) => ({ kind: 'sector' as const, sectorId })),
    { kind: 'warnings' },
    ...(rankings ? [{ kind: 'rankings' as const }] : []),
    ...(supervision ? [{ kind: 'supervision' as const }] : []),
  ];
}

const ATTENTION: Record<Status, number> = {
  missed: 0,
  severe: 1,
  lagging: 2,
  no_data: 3,
  on_track: 4,
  not_started: 5,
  achieved: 6,
};

/** A sector's targets in the order a meeting looks at them: furthest behind first, achieved last. */
export function byAttention(items: TargetWithStateDto[]): TargetWithStateDto[] {
  return [...items].sort(
    (a, b) =>
      ATTENTION[a.state.status] - ATTENTION[b.state.status] ||
      (a.state.gap ?? 0) - (b.state.gap ?? 0) ||
      a.title.localeCompare(b.title, 'zh-CN'),
  );
}
