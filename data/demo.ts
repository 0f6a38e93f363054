import { addDays, dayNumber, type IsoDate } from '../src/domain/dates';
import { isWholeCount } from '../src/domain/format';
import { expectedShare } from '../src/domain/pacing';
import type { ContextFigure, KeyProject, ProgressReport, ProjectStage, SectorId, Target } from '../src/domain/schemas';
import { SECTORS } from '../src/domain/sectors';
import { compatibleUnits, convert } from '../src/domain/units';
import { CONTEXT_SAME_MEASURE } from './catalog/published';

/**
 * The demo data generator. Most targets have no published progress, so the default database also
 * holds generated weekly reports — every one flagged `demo: true` and marked as such in the UI.
 *
 * Deterministic: the same seed gives the same data (mulberry32 PRNG, seeded per target by a hash of
 * the seed and the target id, so adding a target does not reshuffle the others).
 *
 * The spread, by design: ~60 % of targets on pace, ~13 % lagging (a slow start, then on pace), ~8 %
 * severely lagging, ~9 % achieved early, ~10 % from departments that report late (every third week,
 * or stop in autumn). `data/demo.test.ts` checks the resulting statuses with the status engine.
 * Reports are as of each Friday of 2025, recorded one to three days later (late reporters: up to ten).
 * About one in twenty targets carries a correction of an earlier report (a typo fixed), so history
 * shows corrections. Demo key projects fill the 460 / 263 project lists.
 *
 * A level target (a stock: racks, high-tech enterprises, compute capacity) does not start from zero:
 * its demo series starts from a stock (`demoStartStock`) and moves from there towards the target.
 * Where the documents publish a context figure of the same measure (`sameMeasure`), the start is chosen so that a series on pace passes through the earliest
 * such figure; elsewhere it is a generated share of the target. A figure the catalog itself calls
 * another definition (全部数据中心在用机架 beside 通用数据中心机架, 入选省集群 beside 千亿级集群) never
 * anchors or bounds a demo series. The start exists only in the demo reports — nothing is added to
 * the catalog as if it were published.
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

/**
 * Which behaviour a target gets: its pace factor (actual ÷ planned pace) and, for a lagging one, the
 * shortfall it builds up in the first months and then carries (a slow start, since back on pace):
 * such a target is behind (滞后) without a trend that projects a large miss, which would make it
 * 严重滞后. On-pace targets keep within a few points of their pace, just under it, so at the year's
 * last report (the default as-of date) they are on track rather than all already achieved.
 */
export function demoProfile(rand: () => number): { profile: DemoProfile; factor: number; deficit: number } {
  const r = rand();
  if (r < 0.6) return { profile: 'on_pace', factor: 0.955 + rand() * 0.035, deficit: 0 };
  if (r < 0.73) {
    const deficit = 0.065 + rand() * 0.025;
    return { profile: 'lagging', factor: 1 - deficit, deficit };
  }
  if (r < 0.81) return { profile: 'severe', factor: 0.55 + rand() * 0.15, deficit: 0 };
  if (r < 0.9) return { profile: 'early', factor: 1.25 + rand() * 0.2, deficit: 0 };
  return { profile: 'late_reporter', factor: 0.95 + rand() * 0.06, deficit: 0 };
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

/**
 * Where the demo series of a level target starts (at the period start, in the target's unit): the
 * target's own baseline when the catalog states one; else, from the earliest context figure in the
 * target's unit dated within the period and below the target, the stock from which a series on pace
 * reaches that figure on its date; else a generated 80–92 % of the target (55–70 % for a plan of
 * several years). Generated, like every demo value: never a catalog baseline. From a figure's date
 * on, the demo stock does not fall below it either.
 */
export function demoStartStock(t: Target, contextFigures: readonly ContextFigure[] = [], seed = DEMO_SEED): number {
  if (t.baseline !== null) return t.baseline;
  const goal = t.target ?? 0;
  const anchor = contextFigures
    .filter(
      (c) =>
        c.targetId === t.id &&
        sameMeasure(c) &&
        compatibleUnits(c.unit, t.unit) &&
        c.asOf > t.periodStart &&
        c.asOf < t.deadline &&
        convert(c.value, c.unit, t.unit) < goal,
    )
    .sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0))[0];
  if (anchor) {
    const v = convert(anchor.value, anchor.unit, t.unit);
    const s = expectedShare(t.pacing, t.periodStart, t.deadline, anchor.asOf, t.stages);
    return Math.max(0, Math.min(v, (v - goal * s) / (1 - s)));
  }
  const rand = mulberry32(hashString(`${t.id}:stock`, seed));
  const multiYear = dayNumber(t.deadline) - dayNumber(t.periodStart) > 366;
  return goal * (multiYear ? 0.55 + rand() * 0.15 : 0.8 + rand() * 0.12);
}

interface Behaviour {
  profile: DemoProfile;
  factor: number;
  deficit: number;
}

/** The share of the work done by `share` of the planned pace: a lagging target's shortfall builds up by the end of April. */
function doneShare(share: number, b: Behaviour): number {
  if (b.profile === 'lagging') return Math.max(0, share - b.deficit * Math.min(1, share / 0.33));
  return share * b.factor;
}

/**
 * Whole counts of a few items (3 labs, 5 schools) move in steps: an on-pace department has the next
 * one done around when it is due (rounded up), a lagging one not yet (rounded down).
 */
function roundValue(t: Target, v: number, b: Behaviour): number {
  const digits = decimalsFor(t);
  if (digits > 0 || !isWholeCount(t.unit) || (t.target ?? 0) > 20) return round(v, digits);
  if (b.profile === 'lagging' || b.profile === 'severe') return Math.floor(v + 1e-9);
  return Math.max(0, Math.ceil(v - 0.15));
}

/**
 * Does a context figure measure what its target measures (differing only in date or precision, 超/近)?
 * Only those the catalog lists in `CONTEXT_SAME_MEASURE` do; any other — another definition (口径),
 * another scope (全市 beside a district), a stock beside a flow — is not a value of the target's
 * quantity, and the demo never takes one as a point of its series.
 */
export function sameMeasure(c: ContextFigure): boolean {
  return CONTEXT_SAME_MEASURE.has(c.id);
}

/** Published stocks of a level target below its target value, in its unit (see `demoStartStock`). */
function stockFloors(t: Target, contextFigures: readonly ContextFigure[]): Array<{ asOf: IsoDate; value: number }> {
  return contextFigures.flatMap((c) => {
    if (c.targetId !== t.id || !sameMeasure(c) || !compatibleUnits(c.unit, t.unit)) return [];
    const value = convert(c.value, c.unit, t.unit);
    return value < (t.target ?? 0) ? [{ asOf: c.asOf, value }] : [];
  });
}

function demoValue(
  t: Target,
  share: number,
  b: Behaviour,
  rand: () => number,
  previous: number | null,
  start: number,
): number {
  const goal = t.target ?? 0;
  const noise = 1 + (rand() - 0.5) * 0.04;
  const cap = b.factor > 1.2 ? 1.15 : 1.05;
  let v: number;
  if (t.kind === 'cumulative') v = goal * Math.min(doneShare(share, b) * noise, cap);
  else if (t.kind === 'level' || (t.kind === 'share' && t.baseline !== null)) {
    const base = t.kind === 'level' ? start : (t.baseline ?? 0);
    v = base + (goal - base) * Math.min(doneShare(share, b) * noise, 1.1);
  } else if (t.comparator === 'lte') {
    v = goal * (2 - Math.min(b.factor, 1.05)) * noise;
  } else {
    // Rates and shares: the year-to-date figure hovers around its pace factor times the target.
    v = goal * b.factor * noise;
  }
  const rounded = roundValue(t, v, b);
  // Flows never shrink: a cumulative value below last week's would be a reporting error.
  return t.kind === 'cumulative' && previous !== null ? Math.max(previous, rounded) : rounded;
}

/**
 * Weekly demo reports for one target, through 2025. `contextFigures`: the published figures beside
 * the target, which a level target's demo series is made consistent with (see `demoStartStock`).
 */
export function demoReportsFor(
  t: Target,
  seed = DEMO_SEED,
  contextFigures: readonly ContextFigure[] = [],
): ProgressReport[] {
  const rand = mulberry32(hashString(t.id, seed));
  const start = t.kind === 'level' ? demoStartStock(t, contextFigures, seed) : 0;
  // A stock never stands below a figure the documents published for it by then (2 clusters in June).
  const floors = t.kind === 'level' ? stockFloors(t, contextFigures) : [];
  const floorAt = (asOf: IsoDate) =>
    floors.reduce((m, f) => (f.asOf <= asOf ? Math.max(m, f.value) : m), Number.NEGATIVE_INFINITY);
  const behaviour = demoProfile(rand);
  const { profile } = behaviour;
  // On-pace milestones: each stage is reported done up to five weeks before its planned date.
  const leadDays = 7 * Math.floor(rand() * 6);
  const reporter = t.departmentName ?? '演示填报人';
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
      ...(t.department ? { department: t.department } : {}),
      supersedes: null,
      correctionReason: null,
      demo: true,
    } satisfies Partial<ProgressReport>;
    if (t.kind === 'milestone') {
      const lead = profile === 'on_pace' || profile === 'late_reporter' ? leadDays : 0;
      const planned = t.stages.filter((s) => s.plannedDate <= addDays(asOf, lead)).length;
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
    const value = Math.max(demoValue(t, share, behaviour, rand, previous, start), floorAt(asOf));
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
  return withDemoNarratives(t, profile, reports, seed);
}

/**
 * What a department writes beside a figure that lags (进展情况 / 存在问题 / 下步措施 / 需协调事项), for
 * the demo: generic phrases, on the last reports of the targets generated behind pace, from a
 * stream of their own (the figures stay exactly what they were). Demo reports are marked 演示.
 */
const DEMO_PROBLEMS = [
  '部分项目前期手续办理滞后，用地、环评审批尚未全部完成',
  '受资金到位进度影响，部分项目推进慢于计划',
  '企业申报积极性不高，储备项目不足',
  '冬季施工条件受限，室外工程进度放缓',
  '统计口径调整，部分数据尚待核实',
  '个别项目因规划调整暂缓实施',
] as const;
const DEMO_NEXT_STEPS = [
  '倒排工期、挂图作战，每周调度进展',
  '建立问题清单，逐项明确责任人和完成时限',
  '会同相关部门开展现场督导，协调解决堵点',
  '加大政策宣传和企业走访，扩充项目储备',
  '加快资金拨付进度，督促项目单位按月申报',
] as const;
const DEMO_COORDINATION = [
  '需市自然资源和规划局协调落实用地指标',
  '需市财政局加快专项资金拨付',
  '需市政府分管领导牵头召开专题会议协调',
] as const;

function withDemoNarratives(
  t: Target,
  profile: DemoProfile,
  reports: ProgressReport[],
  seed: number,
): ProgressReport[] {
  if (profile !== 'lagging' && profile !== 'severe') return reports;
  const rand = mulberry32(hashString(`${t.id}#narrative`, seed));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const from = Math.max(0, reports.length - 3);
  return reports.map((r, i) =>
    i < from
      ? r
      : {
          ...r,
          narrative: {
            progress: `截至${Number(r.asOf.slice(5, 7))}月${Number(r.asOf.slice(8, 10))}日，按周调度推进${t.kind === 'milestone' ? '各节点工作' : '各项工作'}`,
            problems: pick(DEMO_PROBLEMS),
            nextSteps: pick(DEMO_NEXT_STEPS),
            coordination: profile === 'severe' && rand() < 0.6 ? pick(DEMO_COORDINATION) : '',
          },
        },
  );
}

/** Demo reports for every target that has no published progress of its own. */
export function generateDemoReports(
  targets: readonly Target[],
  published: readonly ProgressReport[],
  seed = DEMO_SEED,
  contextFigures: readonly ContextFigure[] = [],
): ProgressReport[] {
  const hasPublished = new Set(published.map((r) => r.targetId));
  return targets.filter((t) => !hasPublished.has(t.id)).flatMap((t) => demoReportsFor(t, seed, contextFigures));
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
/**
 * Invented name words for demo projects. None is a real place of Qingdao (红岛, 藏马, 鳌山, 金沙滩 are:
 * a demo project of 崂山区 named 鳌山… would read as one in 即墨区). A list of one district's projects
 * (Laoshan's 263) draws from the second pool, the city's list from the first, so a name in one list
 * never repeats a name in the other.
 */
export const DEMO_NAME_WORDS: readonly [readonly string[], readonly string[]] = [
  ['东岳', '海晟', '瑞源', '锦程', '蓝湾', '嘉禾', '华瑞', '宏远', '汇川', '云溪', '青峰', '汇智', '星河', '润泽'],
  ['澄澜', '金穗', '博远', '泰和', '德盛', '恒通', '凯瑞', '明德', '盈科', '远航', '辰光', '安澜', '华章', '盛景'],
];

/** The short name a district goes by in a project's name: 西海岸新区 → 西海岸, 崂山区 → 崂山, 胶州市 → 胶州. */
export function districtShortName(district: string): string {
  if (district === '西海岸新区') return '西海岸';
  if (district === '市级') return '青岛';
  return district.replace(/[区市]$/, '');
}

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
  options: {
    district?: string;
    extraTargetIds?: readonly string[];
    seed?: number;
    /** `plannedTotal` is what the projects' total (multi-year) investment adds up to, not the year's plan. */
    totalIsMultiYear?: boolean;
  } = {},
): KeyProject[] {
  const rand = mulberry32(hashString(target.id, options.seed ?? DEMO_SEED));
  const already = named.filter((p) => p.targetIds.includes(target.id)).length;
  const n = Math.max(0, count - already);
  const weights = Array.from({ length: n }, () => 0.2 + rand() ** 3 * 8);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  // Names are drawn from a generator of their own, so a name taken already (two 崂山云溪研发中心) is
  // redrawn without moving any other demo figure.
  const nameRand = mulberry32(hashString(`${target.id}:names`, options.seed ?? DEMO_SEED));
  const words = DEMO_NAME_WORDS[options.district ? 1 : 0];
  const taken = new Set(named.map((p) => p.name));
  const uniqueName = (district: string, word: string, kind: string, kinds: readonly string[]): string => {
    const short = districtShortName(district);
    let name = `${short}${word}${kind}（演示）`;
    for (let tries = 0; taken.has(name); tries++) {
      const w = words[Math.floor(nameRand() * words.length)] ?? word;
      const k = kinds[Math.floor(nameRand() * kinds.length)] ?? kind;
      // After many draws a number (2号, 3号…) keeps the name unique.
      const n = tries < 50 ? '' : `${tries - 48}号`;
      name = `${short}${w}${n}${k}（演示）`;
    }
    taken.add(name);
    return name;
  };
  return weights.map((w, i) => {
    const sector = SECTORS[Math.floor(rand() * SECTORS.length)] ?? SECTORS[0];
    const sectorId = (sector?.id ?? 'industry') as SectorId;
    const kinds = PROJECT_KINDS[sectorId];
    const district = options.district ?? QINGDAO_DISTRICTS[Math.floor(rand() * QINGDAO_DISTRICTS.length)] ?? '市级';
    const word = words[Math.floor(rand() * words.length)] ?? '';
    const kind = kinds[Math.floor(rand() * kinds.length)] ?? '';
    const share = plannedTotal === null ? null : (plannedTotal * w) / weightSum;
    const spread = 1.5 + rand() * 4;
    const planned =
      share === null ? round(1 + rand() * 20, 1) : round(options.totalIsMultiYear ? share / spread : share, 1);
    const total = options.totalIsMultiYear && share !== null ? round(share, 1) : round(planned * spread, 1);
    // At the year's end nearly every listed project has started (开工率 about 96 %), a third done.
    const r = rand();
    const stage: ProjectStage =
      r < 0.04 ? 'preparation' : r < 0.7 ? 'construction' : r < 0.85 ? 'completed' : 'operating';
    const completedShare = stage === 'preparation' ? rand() * 0.2 : stage === 'construction' ? 0.75 + rand() * 0.25 : 1;
    return {
      id: `demo-prj-${target.id}-${String(i + 1).padStart(4, '0')}`,
      name: uniqueName(district, word, kind, kinds),
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
