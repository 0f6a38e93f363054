import { z } from 'zod';
import type { Status, TargetState } from './schemas';

/**
 * League tables (排名), the way 督查 reports are read: departments or districts side by side on one
 * measure, best first, with ties that a reader can check against the figures on screen. Pure: the
 * page feeds it groups of target states and shows the rows as they come.
 *
 * Counting rules, per group:
 * - 目标数 `targets`: every target of the group. 参评 `judged`: the targets whose period has begun
 *   (status other than 未开始 `not_started`); a target not yet due is neither good nor bad.
 * - 达标率 `share` = `good` ÷ `judged`, `good` being the judged targets 已完成 (`achieved`) or 正常
 *   (`on_track`). 未填报 (`no_data`), 滞后, 严重滞后 and 未完成 (`missed`) are judged and not good.
 * - 完成率对序时进度 `gap` = `avgProgress` − `avgExpected`, over the `compared` judged targets with
 *   both a 完成率 (`progress`) and a 序时进度 (`expected`), milestones excepted (they are judged in
 *   nodes, never in points: a one-node milestone done on 12-26 and due 12-31 reads 100 % against a
 *   序时进度 of 0 %, +100 points that said nothing of its department): the mean 完成率, each capped at 100 %
 *   (超额完成按100%计, so one overshoot cannot hide the others) and at 0 below (as the overview's
 *   mean progress is), minus the mean 序时进度 capped the same way. A fraction: ×100 = 个百分点.
 * - 按时填报率 `reportingRate` = `reportedInCycle` ÷ `reportable`: the judged targets reported within
 *   the reporting cycle (status other than 未填报 `no_data`) over the judged targets.
 * - Each rate is null when its denominator is 0. `demo`: some target's figures or assignment are demo
 *   data, so the whole row is.
 *
 * Order: by the chosen measure, higher first. The measure is compared as displayed (达标率 and 按时填报率
 * to 0.1 %, the gap to 0.1 个百分点), so two rows that read the same share a rank (1, 2, 2, 4) and are
 * marked `tied`; within a tie the rows are listed by the other two measures in turn (达标率, 序时差距,
 * 按时填报率, skipping the chosen one; as displayed, an empty one last), then by name. Rows whose chosen
 * measure is empty (no target to judge) come last, unranked, by name.
 */

export const RANKING_MEASURES = ['share', 'gap', 'reporting'] as const;
export const rankingMeasureSchema = z.enum(RANKING_MEASURES);
/** 达标率 / 完成率对序时进度 / 按时填报率. */
export type RankingMeasure = z.infer<typeof rankingMeasureSchema>;

/** The tie rule in words, for the page's footnote. */
export const TIE_RULE_ZH = '并列：按所选指标（四舍五入到显示精度）相同者名次相同，列出顺序依次按其余指标、名称';
export const TIE_RULE_EN =
  'Ties: rows whose chosen measure is equal once rounded as displayed share a rank, listed by the other measures in turn, then by name';

/** One group to rank: a department or a district and the states of its targets. */
export interface RankingGroupInput {
  /** A department id or a district name. */
  key: string;
  /** What people read. */
  name: string;
  /** `demo`: the target's figures or its assignment are demo data. */
  items: readonly { state: Pick<TargetState, 'status' | 'progress' | 'expected' | 'milestone'>; demo: boolean }[];
}

const count = z.number().int().min(0);
const fraction = z.number().refine(Number.isFinite, { message: '必须是有限的数字' }).nullable();

export const rankingRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  /** 1-based, shared by tied rows (1, 2, 2, 4); null when the chosen measure is empty (not ranked). */
  rank: z.number().int().min(1).nullable(),
  /** Another row has the same rank. */
  tied: z.boolean(),
  targets: count,
  /** Targets whose period has begun (not 未开始). */
  judged: count,
  /** Judged targets 已完成 or 正常. */
  good: count,
  /** 达标率: good ÷ judged. */
  share: fraction,
  /** Judged targets with both a 完成率 and a 序时进度. */
  compared: count,
  /** Mean 完成率 of the compared targets, each capped to 0…1. */
  avgProgress: fraction,
  /** Mean 序时进度 of the compared targets, each capped to 0…1. */
  avgExpected: fraction,
  /** avgProgress − avgExpected, a fraction (×100 = 个百分点). */
  gap: fraction,
  /** Targets that should have reported: the judged ones. */
  reportable: count,
  /** Judged targets reported within the cycle (not 未填报). */
  reportedInCycle: count,
  /** 按时填报率: reportedInCycle ÷ reportable. */
  reportingRate: fraction,
  /** Some target's figures or assignment are demo data. */
  demo: z.boolean(),
});
export type RankingRow = z.infer<typeof rankingRowSchema>;

const GOOD: ReadonlySet<Status> = new Set(['achieved', 'on_track']);

const clamp01 = (x: number): number => Math.max(0, Math.min(1, x));
const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** The figures of one group, unranked. */
function rowOf(group: RankingGroupInput): RankingRow {
  let judged = 0;
  let good = 0;
  let compared = 0;
  let progressSum = 0;
  let expectedSum = 0;
  let reportedInCycle = 0;
  let demo = false;
  for (const { state, demo: itemDemo } of group.items) {
    if (itemDemo) demo = true;
    if (state.status === 'not_started') continue;
    judged += 1;
    if (GOOD.has(state.status)) good += 1;
    if (state.status !== 'no_data') reportedInCycle += 1;
    if (state.progress !== null && state.expected !== null && state.milestone === null) {
      compared += 1;
      progressSum += clamp01(state.progress);
      expectedSum += clamp01(state.expected);
    }
  }
  const avgProgress = ratio(progressSum, compared);
  const avgExpected = ratio(expectedSum, compared);
  return {
    key: group.key,
    name: group.name,
    rank: null,
    tied: false,
    targets: group.items.length,
    judged,
    good,
    share: ratio(good, judged),
    compared,
    avgProgress,
    avgExpected,
    gap: avgProgress === null || avgExpected === null ? null : avgProgress - avgExpected,
    reportable: judged,
    reportedInCycle,
    reportingRate: ratio(reportedInCycle, judged),
    demo,
  };
}

/**
 * A percentage as displayed to 0.1 % (formatPercent's rounding: the number's shortest decimal form,
 * halves away from zero), in tenths of a percent: 0.3334 → 333, 0.0375 → 38.
 */
function shownPercent(x: number): number {
  const abs = Math.abs(x);
  const text = String(abs);
  const shifted = text.includes('e') ? abs * 1000 : Number(`${text}e3`);
  return Math.sign(x) * Math.round(shifted) || 0;
}

/**
 * A gap as displayed to 0.1 个百分点, in tenths of a point: −0.03336 → −33. The table, the workbook
 * and the wall print this figure ÷ 10, so rows that read the same rank the same.
 */
export const shownPp = (x: number): number => Math.round(x * 100 * 10) || 0;

/** The chosen measure of a row as displayed (an integer), or null when empty. */
function shown(row: RankingRow, measure: RankingMeasure): number | null {
  switch (measure) {
    case 'share':
      return row.share === null ? null : shownPercent(row.share);
    case 'gap':
      return row.gap === null ? null : shownPp(row.gap);
    case 'reporting':
      return row.reportingRate === null ? null : shownPercent(row.reportingRate);
  }
}

/** Higher first, empty last. */
function higherFirst(a: number | null, b: number | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return b - a;
}

const byName = (a: RankingRow, b: RankingRow): number =>
  a.name.localeCompare(b.name, 'zh-CN') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Ranks the groups on one measure (the counting and tie rules are in this module's header): best
 * first, tied rows sharing a rank, groups with nothing to judge on that measure last and unranked.
 */
export function rankGroups(groups: readonly RankingGroupInput[], measure: RankingMeasure): RankingRow[] {
  const others = RANKING_MEASURES.filter((m) => m !== measure);
  const rows = groups.map((g) => {
    const row = rowOf(g);
    return { row, value: shown(row, measure) };
  });
  const ranked = rows.filter((r) => r.value !== null);
  const unranked = rows.filter((r) => r.value === null).map((r) => r.row);
  ranked.sort(
    (a, b) =>
      higherFirst(a.value, b.value) ||
      others.reduce((c, m) => c || higherFirst(shown(a.row, m), shown(b.row, m)), 0) ||
      byName(a.row, b.row),
  );
  // Standard competition ranking: a row's rank is 1 + the rows shown strictly better (1, 2, 2, 4).
  let rank = 0;
  const out = ranked.map(({ row, value }, i) => {
    if (i === 0 || ranked[i - 1]?.value !== value) rank = i + 1;
    const tied = ranked[i - 1]?.value === value || ranked[i + 1]?.value === value;
    return { ...row, rank, tied };
  });
  unranked.sort(byName);
  return [...out, ...unranked];
}
