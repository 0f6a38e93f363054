import { addDays, type IsoDate } from './dates';
import { INVESTMENT_PROFILE } from './pacing';
import type { ProgressReport, Stage, Target } from './schemas';

/**
 * Builders for domain tests. Defaults are a real line of the Qingdao 2025 government work report
 * (新开通5G基站3000个: a cumulative count, paced linearly through 2025); every other catalog line used in
 * the tests is below, with its exact quote, so a case reads like the document it comes from.
 */
export const WORK_REPORT = '002_977c2cac0d19ad45.txt';
export const DIGITAL_PLAN = '001_dc92bde7ae9ec447.txt';
export const LAOSHAN_REPORT = '003_c12a0a8fd2446ea1.txt';
export const INDUSTRY_PLAN = '004_4e6bce0085b10f1e.txt';

export function makeTarget(overrides: Partial<Target> = {}): Target {
  return {
    id: 't-5g',
    planId: 'qd-2025',
    sectorId: 'demand',
    subsection: '持续扩大有效投资',
    title: '新开通5G基站3000个',
    district: '市级',
    department: 'txj',
    departmentName: '市通信管理局',
    supportingDepartments: [],
    divisionDemo: false,
    supportMayReport: false,
    kind: 'cumulative',
    unit: '个',
    target: 3000,
    comparator: 'gte',
    baseline: null,
    periodStart: '2025-01-01',
    deadline: '2025-12-31',
    pacing: { type: 'linear' },
    stages: [],
    headline: null,
    source: { document: WORK_REPORT, quote: '新开通5G基站3000个' },
    demo: false,
    ...overrides,
  };
}

let reportSeq = 0;

/** A report recorded the evening of its as-of day (Asia/Shanghai) unless told otherwise. */
export function makeReport(overrides: Partial<ProgressReport> & { asOf: IsoDate }): ProgressReport {
  reportSeq += 1;
  return {
    id: `r-${reportSeq}`,
    targetId: 't-5g',
    recordedAt: `${overrides.asOf}T18:00:00+08:00`,
    value: null,
    unit: '个',
    stagesDone: null,
    note: '',
    evidence: null,
    source: null,
    reportedBy: '测试填报人',
    supersedes: null,
    correctionReason: null,
    demo: true,
    ...overrides,
  };
}

/** A report of `value` for `target` in the target's own unit. */
export function reportFor(
  target: Target,
  asOf: IsoDate,
  value: number,
  overrides: Partial<ProgressReport> = {},
): ProgressReport {
  return makeReport({ targetId: target.id, unit: target.unit, asOf, value, ...overrides });
}

/** Reports `values[i]` on `first + i × everyDays`. */
export function series(target: Target, first: IsoDate, values: readonly number[], everyDays = 7): ProgressReport[] {
  return values.map((v, i) => reportFor(target, addDays(first, i * everyDays), v));
}

// ---- Catalog lines used as cases (quotes are exact substrings of the documents). ----

/** 抓好460个省市重点项目建设 — cumulative count of projects under way. */
export const keyProjects = (o: Partial<Target> = {}) =>
  makeTarget({
    id: 't-key-projects',
    title: '抓好460个省市重点项目建设',
    unit: '个',
    target: 460,
    headline: 'key-projects',
    source: { document: WORK_REPORT, quote: '抓好460个省市重点项目建设' },
    ...o,
  });

/** 完成投资2450亿元以上 — cumulative investment, back-loaded (INVESTMENT_PROFILE). */
export const investment = (o: Partial<Target> = {}) =>
  makeTarget({
    id: 't-investment',
    title: '抓好460个省市重点项目建设,完成投资2450亿元以上',
    department: '市发展改革委',
    unit: '亿元',
    target: 2450,
    pacing: INVESTMENT_PROFILE,
    headline: 'key-investment',
    source: { document: WORK_REPORT, quote: '完成投资2450亿元以上' },
    ...o,
  });

/** 城镇新增就业35万人以上 — cumulative, written in 万人. */
export const newJobs = (o: Partial<Target> = {}) =>
  makeTarget({
    id: 't-jobs',
    sectorId: 'livelihood',
    subsection: '就业',
    title: '城镇新增就业35万人以上',
    department: '市人力资源社会保障局',
    unit: '万人',
    target: 35,
    source: { document: WORK_REPORT, quote: '城镇新增就业35万人以上' },
    ...o,
  });

/** 技改投资增长8%以上 — a growth rate: the year-to-date rate against the target rate. */
export const techRenewalGrowth = (o: Partial<Target> = {}) =>
  makeTarget({
    id: 't-tech-growth',
    title: '技改投资增长8%以上',
    department: '市工业和信息化局',
    kind: 'growth',
    unit: '%',
    target: 8,
    source: { document: WORK_REPORT, quote: '技改投资增长8%以上' },
    ...o,
  });

/** 布局概念验证平台和中试基地30家左右 — 左右: met within the tolerance. */
export const pilotBases = (o: Partial<Target> = {}) =>
  makeTarget({
    id: 't-pilot-bases',
    sectorId: 'innovation',
    subsection: '持续优化创新生态',
    title: '布局概念验证平台和中试基地30家左右',
    department: '市科技局',
    unit: '家',
    target: 30,
    comparator: 'approx',
    source: { document: WORK_REPORT, quote: '布局概念验证平台和中试基地30家左右' },
    ...o,
  });

/**
 * 全区算力规模突破2600P (Laoshan) — a level with 突破 (strictly above). The document gives no 2024
 * figure; the 1600P baseline is a test assumption.
 */
export const laoshanCompute = (o: Partial<Target> = {}) =>
  makeTarget({
    id: 't-laoshan-compute',
    planId: 'laoshan-2025',
    sectorId: 'industry',
    subsection: '数字经济',
    title: '全区算力规模突破2600P',
    district: '崂山区',
    department: null,
    kind: 'level',
    unit: 'P',
    target: 2600,
    comparator: 'gt',
    baseline: 1600,
    source: { document: LAOSHAN_REPORT, quote: '全区算力规模突破2600P' },
    ...o,
  });

/** 2025年建成算力规模8000P — a level with 达到-style wording (eq: met at or above). Baseline assumed. */
export const cityCompute = (o: Partial<Target> = {}) =>
  makeTarget({
    id: 't-compute',
    planId: 'industry-10-1',
    sectorId: 'industry',
    subsection: '数实融合',
    title: '2025年建成算力规模8000P',
    department: null,
    kind: 'level',
    unit: 'P',
    target: 8000,
    comparator: 'eq',
    baseline: 5000,
    source: { document: INDUSTRY_PLAN, quote: '2025年建成算力规模8000P' },
    ...o,
  });

/** 数字经济核心产业增加值占地区生产总值比重达到12%以上 — a share, compared as a level. */
export const digitalShare = (o: Partial<Target> = {}) =>
  makeTarget({
    id: 't-digital-share',
    sectorId: 'industry',
    subsection: '优先发展先导产业',
    title: '数字经济核心产业增加值占地区生产总值比重达到12%以上',
    department: '市大数据局',
    kind: 'share',
    unit: '%',
    target: 12,
    comparator: 'eq',
    source: { document: WORK_REPORT, quote: '数字经济核心产业增加值占地区生产总值比重达到12%以上' },
    ...o,
  });

/** The stages are a test assumption: the document names only the goal. */
export const GUANLU_STAGES: Stage[] = [
  { name: '大坝填筑完成', plannedDate: '2025-04-30' },
  { name: '溢洪道主体完工', plannedDate: '2025-08-31' },
  { name: '主体工程建成', plannedDate: '2025-12-31' },
];

/** 建成官路水库主体工程 — a milestone with stages. */
export const guanluReservoir = (o: Partial<Target> = {}) =>
  makeTarget({
    id: 't-guanlu',
    sectorId: 'demand',
    title: '建成官路水库主体工程',
    department: '市水务管理局',
    kind: 'milestone',
    unit: '',
    target: null,
    pacing: { type: 'steps' },
    stages: GUANLU_STAGES,
    source: { document: WORK_REPORT, quote: '建成官路水库主体工程' },
    ...o,
  });

/**
 * A 以下/控制在 target. The seed documents state none as a number, so this one is made up (flagged demo):
 * a level where lower is better.
 */
export const pm25 = (o: Partial<Target> = {}) =>
  makeTarget({
    id: 't-pm25',
    sectorId: 'green',
    subsection: '大气',
    title: '细颗粒物(PM2.5)平均浓度控制在30微克/立方米以下',
    department: '市生态环境局',
    kind: 'level',
    unit: '微克/立方米',
    target: 30,
    comparator: 'lte',
    baseline: 33,
    source: { document: 'demo', quote: '细颗粒物(PM2.5)平均浓度控制在30微克/立方米以下' },
    demo: true,
    ...o,
  });

/** A milestone report: `done` stages finished. */
export function stagesReport(target: Target, asOf: IsoDate, done: number, o: Partial<ProgressReport> = {}) {
  return makeReport({ targetId: target.id, unit: '', asOf, value: null, stagesDone: done, ...o });
}
