import { z } from 'zod';
import { targetWithStateSchema } from './api';
import { type Department, departmentSchema } from './departments';
import { dateParam, includePendingParam, optionalText } from './query';
import { type RankingGroupInput, type RankingMeasure, rankingMeasureSchema, rankingRowSchema } from './rankings';
import { isoDate, type TargetState } from './schemas';

/**
 * The department view (`GET /departments/:id`) and the league tables (`GET /rankings`), issue 22.
 * Both read the targets' states at one as-of date; a target counts for its lead department (the
 * accountable one), and is listed, marked, under each supporting one.
 */

export const RANKING_BY = ['department', 'district'] as const;
export type RankingBy = (typeof RANKING_BY)[number];

export const rankingsQuerySchema = z.object({
  by: z.enum(RANKING_BY, { message: '应为 department（部门）或 district（区市）' }).default('department'),
  measure: rankingMeasureSchema.default('share'),
  plan: optionalText(100),
  asOf: dateParam,
  includePending: includePendingParam,
});
export type RankingsQuery = z.infer<typeof rankingsQuerySchema>;

export const rankingsResponseSchema = z.object({
  asOf: isoDate,
  by: z.enum(RANKING_BY),
  measure: rankingMeasureSchema,
  rows: z.array(rankingRowSchema),
  /** Targets no group takes (no lead department; for districts, city-wide targets led by a bureau). */
  ungrouped: z.number().int(),
  /** The division of tasks behind some row is demo data. */
  demo: z.boolean(),
});
export type RankingsResponse = z.infer<typeof rankingsResponseSchema>;

export const departmentViewQuerySchema = z.object({ asOf: dateParam, includePending: includePendingParam });

export const departmentTrendPointSchema = z.object({
  asOf: isoDate,
  judged: z.number().int(),
  good: z.number().int(),
  /** good ÷ judged, null when nothing is judged. */
  share: z.number().nullable(),
});

export const departmentViewResponseSchema = z.object({
  asOf: isoDate,
  item: departmentSchema,
  /** The department it was merged into, when it was. */
  mergedInto: departmentSchema.nullable(),
  /** Targets it leads (牵头) and supports (配合), with their states at `asOf`. */
  lead: z.array(targetWithStateSchema),
  supporting: z.array(targetWithStateSchema),
  /** Its row of the department league table (share), and how many departments are ranked. */
  ranking: rankingRowSchema.nullable(),
  ranked: z.number().int(),
  /** Share of its lead targets on pace or achieved at each of the last weeks (oldest first). */
  trend: z.array(departmentTrendPointSchema),
});
export type DepartmentViewResponse = z.infer<typeof departmentViewResponseSchema>;

interface Stated {
  id: string;
  department: string | null;
  supportingDepartments: readonly string[];
  district: string;
  divisionDemo: boolean;
  demo: boolean;
  state: Pick<TargetState, 'status' | 'progress' | 'expected' | 'milestone'>;
}

/** True when a target's division or figures are demo data (its row in a table is marked 演示). */
export const isDemoItem = (t: Pick<Stated, 'divisionDemo' | 'demo'>, demoFigures: boolean): boolean =>
  t.divisionDemo || t.demo || demoFigures;

/**
 * The groups a league table ranks: departments by the targets they lead (the accountable one);
 * districts (the registry's 区市政府) by the targets they carry: those they lead or support (a city
 * target is delivered in the districts) and their own plans' targets (a target's `district`). A
 * merged department is not ranked: its targets moved to the one it became.
 */
export function rankingGroups(
  targets: readonly Stated[],
  departments: readonly Department[],
  by: RankingBy,
  demoFigures: (id: string) => boolean,
): { groups: RankingGroupInput[]; ungrouped: number } {
  const active = departments.filter((d) => d.mergedInto === null && (by === 'department' || d.kind === 'district'));
  const byDistrict = new Map(active.filter((d) => d.district).map((d) => [d.district as string, d.id]));
  const members = new Map<string, Stated[]>(active.map((d) => [d.id, []]));
  let ungrouped = 0;
  for (const t of targets) {
    const keys = new Set<string>();
    if (t.department !== null && members.has(t.department)) keys.add(t.department);
    if (by === 'district') {
      const own = byDistrict.get(t.district);
      if (own) keys.add(own);
      for (const s of t.supportingDepartments) if (members.has(s)) keys.add(s);
    }
    if (keys.size === 0) ungrouped++;
    for (const k of keys) members.get(k)?.push(t);
  }
  const groups = active
    .filter((d) => (members.get(d.id)?.length ?? 0) > 0)
    .map((d) => ({
      key: d.id,
      name: d.name,
      items: (members.get(d.id) ?? []).map((t) => ({ state: t.state, demo: isDemoItem(t, demoFigures(t.id)) })),
    }));
  return { groups, ungrouped };
}

export const RANKING_MEASURE_NAMES: Record<RankingMeasure, string> = {
  share: '达标率',
  gap: '完成率对序时进度',
  reporting: '按时填报率',
};
