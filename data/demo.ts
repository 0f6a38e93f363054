import { addDays, dayNumber, type IsoDate } from '../src/domain/dates';
import { isWholeCount } from '../src/domain/format';
import { expectedShare } from '../src/domain/pacing';
import type { KeyProject, ProgressReport, ProjectStage, SectorId, Target } from '../src/domain/schemas';
import { SECTORS } from '../src/domain/sectors';

/**
 * The demo data generator. Most targets have no published progress, so the default database also
 * holds generated weekly reports — every one flagged `demo: true` and marked as such in the UI.
 *
 * Deterministic: the same seed gives the same data (mulberry32 PRNG, seeded per target by a hash of
 * the seed and the target id, so adding a target does not reshuffle the others).
 *
 * The spread, by design: ~60 % of targets on pace, ~13 % lagging, ~8 % severely lagging, ~9 %
 * achieved early, ~10 % from departments that report late (every third week, or stop in autumn).
 * Reports are as of each Friday of 2025, recorded one to three days later (late reporters: up to ten).
 * About one in twenty targets carries a correction of an earlier report (a typo fixed), so history
 * shows corrections. Demo key projects fill the 460 / 263 project lists.
 */
export const DEMO_SEED = 20250101;
export const DEMO_YEAR_END: IsoDate = '2025-12-31';
const FIRST_FRIDAY: IsoDate = '2025-01-03';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashString(s: string, seed = 0): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export type DemoProfile = 'on_pace' | 'lagging' | 'severe' | 'early' | 'late_reporter';

/** Which behaviour a target gets, and its pace factor (actual ÷ planned pace). */
export function demoProfile(rand: () => number): { profile: DemoProfile; factor: number } {
  const r = rand();
  if (r < 0.6) return { profile: 'on_pace', factor: 0.98 + rand() * 0.1 };
  if (r < 0.73) return { profile: 'lagging', factor: 0.84 + rand() * 0.06 };
  if (r < 0.81) return { profile: 'severe', factor: 0.55 + rand() * 0.15 };
  if (r < 0.9) return { profile: 'early', factor: 1.25 + rand() * 0.2 };
  return { profile: 'late_reporter', factor: 0.93 + rand() * 0.1 };
}

function fridays(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 7)) out.push(d);
  return out;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Counts of things (个, 家, 项, 人…) are whole numbers; amounts, rates and 万-scaled units get two decimals. */
function decimalsFor(t: Target): number {
  if (t.unit === '%') return 2;
  if (isWholeCount(t.unit)) return 0;
  return Math.abs(t.target ?? 0) >= 100 ? 0 : 2;
}

function recordedAt(asOf: IsoDate, lagDays: number, rand: () => number): string {
  const hour = 9 + Math.floor(rand() * 8);
  return `${addDays(asOf, lagDays)}T${String(hour).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00+08:00`;
}

function demoValue(t: Target, share: number, factor: number, rand: () => number, previous: number | null): number {
  const goal = t.target ?? 0;
  const noise = 1 + (rand() - 0.5) * 0.04;
  let v: number;
  if (t.kind === 'cumulative') v = goal * Math.min(share * factor * noise, factor > 1.2 ? 1.15 : 1.05);
  else if (t.kind === 'level' || (t.kind === 'share' && t.baseline !== null)) {
    const base = t.baseline ?? 0;
    v = base + (goal - base) * Math.min(share * factor * noise, 1.1);
  } else if (t.comparator === 'lte') {
    v = goal * (2 - Math.min(factor, 1.05)) * noise;
  } else {
    // Rates and shares: the year-to-date figure hovers around its pace factor times the target.
    v = goal * factor * noise;
  }
  const rounded = round(v, decimalsFor(t));
  // Flows never shrink: a cumulative value below last week's would be a reporting error.
  return t.kind === 'cumulative' && previous !== null ? Math.max(previous, rounded) : rounded;
}

/** Weekly demo reports for one target, through 2025. */
export function demoReportsFor(t: Target, seed = DEMO_SEED): ProgressReport[] {
  const rand = mulberry32(hashString(t.id, seed));
  const { profile, factor } = demoProfile(rand);
  const reporter = t.department ?? '演示填报人';
  const end = t.deadline < DEMO_YEAR_END ? t.deadline : DEMO_YEAR_END;
  // Late reporters report every third week and, for half of them, stop in the autumn.
  const stopAfter: IsoDate | null =
    profile === 'late_reporter' && rand() < 0.5 ? `2025-${rand() < 0.5 ? '09' : '10'}-15` : null;
  const reports: ProgressReport[] = [];
  let previous: number | null = null;
  const dates = fridays(FIRST_FRIDAY, end).filter((d) => d >= t.periodStart);
  dates.forEach((asOf, week) => {
    if (profile === 'late_reporter' && week % 3 !== 2) return;
    if (stopAfter && asOf > stopAfter) return;
    const share = expectedShare(t.pacing, t.periodStart, t.deadline, asOf, t.stages);
    const lag = profile === 'late_reporter' ? 4 + Math.floor(rand() * 7) : 1 + Math.floor(rand() * 3);
    const base = {
      id: `demo-${t.id}-${asOf}`,
      targetId: t.id,
      asOf,
      recordedAt: recordedAt(asOf, lag, rand),
      note: '',
      evidence: null,
      source: null,
      reportedBy: reporter,
      supersedes: null,
      correctionReason: null,
      demo: true,
    } satisfies Partial<ProgressReport>;
    if (t.kind === 'milestone') {
      const planned = t.stages.filter((s) => s.plannedDate <= asOf).length;
      const behind = profile === 'severe' ? 2 : profile === 'lagging' ? 1 : 0;
      const ahead =
        profile === 'early' && planned < t.stages.length && dayNumber(asOf) > dayNumber(t.periodStart) + 120 ? 1 : 0;
      reports.push({
        ...base,
        value: null,
        unit: '',
        stagesDone: Math.max(0, Math.min(t.stages.length, planned - behind + ahead)),
      });
      return;
    }
    const value = demoValue(t, share, factor, rand, previous);
    previous = value;
    reports.push({ ...base, value, unit: t.unit, stagesDone: null });
  });
  // One in twenty targets: a report with a typo (×10), corrected a few days later.
  if (reports.length > 8 && t.kind !== 'milestone' && rand() < 0.05) {
    const i = 4 + Math.floor(rand() * (reports.length - 6));
    const wrong = reports[i];
    if (wrong && wrong.value !== null) {
      const corrected: ProgressReport = {
        ...wrong,
        id: `${wrong.id}-corr`,
        recordedAt: recordedAt(addDays(wrong.asOf, 5), 0, rand),
        supersedes: wrong.id,
        correctionReason: '录入时多写了一位数，更正',
      };
      reports[i] = { ...wrong, value: round(wrong.value * 10, decimalsFor(t)) };
      reports.splice(i + 1, 0, corrected);
    }
  }
  return reports;
}

/** Demo reports for every target that has no published progress of its own. */
export function generateDemoReports(
  targets: readonly Target[],
  published: readonly ProgressReport[],
  seed = DEMO_SEED,
): ProgressReport[] {
  const hasPublished = new Set(published.map((r) => r.targetId));
  return targets.filter((t) => !hasPublished.has(t.id)).flatMap((t) => demoReportsFor(t, seed));
}

export const QINGDAO_DISTRICTS = [
  '市南区',
  '市北区',
  '李沧区',
  '崂山区',
  '城阳区',
  '西海岸新区',
  '即墨区',
  '胶州市',
  '平度市',
  '莱西市',
] as const;

const PROJECT_KINDS: Record<SectorId, readonly string[]> = {
  demand: ['城市更新片区改造', '综合交通枢纽', '物流园区', '商业综合体'],
  innovation: ['研发中心', '中试基地', '创新平台', '重点实验室建设'],
  industry: ['智能制造产业园', '集成电路项目', '新能源汽车零部件项目', '智能家电扩产项目', '新材料项目'],
  services: ['文旅综合体', '总部大楼', '会展中心配套', '现代物流中心'],
  marine: ['海洋装备制造基地', '港口码头工程', '海洋生物医药产业园', '深远海养殖平台'],
  reform: ['跨境电商产业园', '保税物流中心', '国际合作产业园'],
  urban: ['道路快速路工程', '地下综合管廊', '供水管网改造', '片区开发'],
  rural: ['高标准农田建设', '现代农业产业园', '农村供水提升工程'],
  green: ['海上风电项目', '光伏发电项目', '储能电站', '固废资源化项目'],
  livelihood: ['医院新院区', '学校新建工程', '保障性住房', '养老服务中心'],
};
const PLACE_WORDS = [
  '东岳',
  '海晟',
  '瑞源',
  '北岸',
  '蓝湾',
  '金沙',
  '红岛',
  '藏马',
  '鳌山',
  '云溪',
  '青峰',
  '汇智',
  '星河',
  '润泽',
];

/**
 * Demo key projects so a project-count target has a full list to drill into: `count` projects for
 * `target`, fewer the ones the documents name. Investment is spread so the planned total sums to
 * about `plannedTotal` (亿元).
 */
export function generateDemoProjects(
  target: Target,
  named: readonly KeyProject[],
  count: number,
  plannedTotal: number | null,
  options: { district?: string; extraTargetIds?: readonly string[]; seed?: number } = {},
): KeyProject[] {
  const rand = mulberry32(hashString(target.id, options.seed ?? DEMO_SEED));
  const already = named.filter((p) => p.targetIds.includes(target.id)).length;
  const n = Math.max(0, count - already);
  const weights = Array.from({ length: n }, () => 0.2 + rand() ** 3 * 8);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const stages: ProjectStage[] = [
    'preparation',
    'construction',
    'construction',
    'construction',
    'completed',
    'operating',
  ];
  return weights.map((w, i) => {
    const sector = SECTORS[Math.floor(rand() * SECTORS.length)] ?? SECTORS[0];
    const sectorId = (sector?.id ?? 'industry') as SectorId;
    const kinds = PROJECT_KINDS[sectorId];
    const district = options.district ?? QINGDAO_DISTRICTS[Math.floor(rand() * QINGDAO_DISTRICTS.length)] ?? '市级';
    const place = PLACE_WORDS[Math.floor(rand() * PLACE_WORDS.length)];
    const kind = kinds[Math.floor(rand() * kinds.length)];
    const planned = plannedTotal === null ? round(1 + rand() * 20, 1) : round((plannedTotal * w) / weightSum, 1);
    const total = round(planned * (1.5 + rand() * 4), 1);
    const stage = stages[Math.floor(rand() * stages.length)] ?? 'construction';
    const completedShare = stage === 'preparation' ? rand() * 0.2 : stage === 'construction' ? 0.5 + rand() * 0.5 : 1;
    return {
      id: `demo-prj-${target.id}-${String(i + 1).padStart(4, '0')}`,
      name: `${district.replace(/[区市]$/, '')}${place}${kind}（演示）`,
      district,
      sectorId,
      targetIds: [target.id, ...(options.extraTargetIds ?? [])],
      totalInvestment: total,
      plannedInvestment: planned,
      completedInvestment: round(planned * completedShare, 1),
      stage,
      owner: null,
      source: null,
      demo: true,
    };
  });
}
