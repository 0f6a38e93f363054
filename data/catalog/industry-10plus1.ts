import type { Target } from '../../src/domain/schemas';
import { DOCS, flow, growth, level, type PlanContext, section } from './define';

/**
 * 青岛构建“10+1”创新型产业体系: goals to 2027 (period 2025-01-01 … 2027-12-31).
 *
 * How the horizons are read:
 * - 年均/每年 rates (研发经费年均增长10%以上, 比重每年提升1个百分点左右…) are compared directly as the
 *   annual rate over the plan period, deadline 2027-12-31.
 * - 每年 counts (每年实施技术创新重点项目2000项以上, 每年新纳统规上企业500家以上) are targets for every
 *   year; the catalog holds the 2025 instance (deadline 2025-12-31). The 三首 and 单项冠军 figures sit in
 *   the same 每年 sentence and are read the same way (a judgement call).
 * - Explicit 2025 goals (2025年建成算力规模8000P) end in 2025; 3年内 ends in 2027.
 * - An industry's size (产业规模) is its revenue over a year, a flow: 到2027年…达到2000亿元 is the
 *   revenue of the year 2027, so the target runs 2027-01-01 … 2027-12-31 (cumulative). The 2025 and
 *   2026 revenues are not progress towards it; a published one is a context figure (see published.ts).
 * - 除低空经济和未来产业外…产业规模均设定了千亿元级的发展目标 sets a ≥ 1000亿元 2027 size for every other
 *   industry of the system, in words: one target per industry, quoting that sentence, the industry
 *   named in the title. The three with a figure of their own keep it.
 * Goals the plan shares with the city work report (每年布局100项左右关键技术攻关, 建设30家左右概念验证平台
 * 和中试基地) are kept once, in `qd-2025` (see `omissions.ts`).
 */
const PLAN_END = '2027-12-31';

/** An industry's revenue in the year 2027: a flow over that year. */
const industrySize = (target: number, comparator: 'gte' | 'eq' = 'gte') => ({
  ...flow('亿元', target, comparator),
  periodStart: '2027-01-01',
});

/** The sentence that sets a 千亿元级 (≥ 1000亿元) 2027 size for every industry but two, in words. */
export const THOUSAND_BILLION_QUOTE = '除低空经济和未来产业外，到2027年，产业规模均设定了千亿元级的发展目标';
/** The title of each such target: the industry's name (as the plan lists it) followed by these words of the quote. */
export const THOUSAND_BILLION_TITLE = '产业规模千亿元级';
/**
 * The industries of the “10+1” system other than 低空经济 and 未来产业 without a figure of their own
 * (新一代信息技术, 智能网联新能源汽车 and 智能家电 have one), named as the plan lists them.
 */
const THOUSAND_BILLION_INDUSTRIES: Array<[string, string]> = [
  ['ind-ai-scale', '人工智能'],
  ['ind-life-health-scale', '生命健康'],
  ['ind-green-energy-scale', '绿色能源'],
  ['ind-smart-equipment-scale', '智能装备'],
  ['ind-high-end-chemicals-materials-scale', '高端化工与新材料'],
  ['ind-modern-light-industry-scale', '现代轻工'],
];
const ctx: PlanContext = { planId: 'industry-10plus1', document: DOCS.industry, deadline: PLAN_END };
/** 市工业和信息化局 presented the 制造业创新能力提升行动 and stated these goals. */
const miit: PlanContext = { ...ctx, department: '市工业和信息化局' };

export const INDUSTRY_10PLUS1_TARGETS: Target[] = [
  ...section(ctx, 'innovation', '发展目标', [
    { id: 'ind-rd-spending-growth', quote: '实现全社会研发经费总量年均增长10%以上', ...growth(10) },
  ]),
  ...section(ctx, 'industry', '发展目标', [
    {
      id: 'ind-digital-economy-share-increase',
      title: '数字经济核心产业增加值占地区生产总值比重每年提升1个百分点左右',
      quote: '比重每年提升1个百分点左右',
      ...growth(1, 'approx', '个百分点'),
    },
    {
      id: 'ind-high-tech-manufacturing-growth',
      quote: '规上高技术制造业增加值年均增长15%左右',
      ...growth(15, 'approx'),
    },
    { id: 'ind-strategic-emerging-growth', quote: '战略性新兴产业增加值年均增长8%左右', ...growth(8, 'approx') },
  ]),
  // Industry sizes: revenue of the year 2027. The plan gives no 2024 base, so the baseline stays null.
  ...section(ctx, 'industry', '主攻“10+1”产业40个赛道', [
    { id: 'ind-next-gen-it-scale', quote: '新一代信息技术达到2000亿元', ...industrySize(2000, 'eq') },
    { id: 'ind-connected-nev-scale', quote: '智能网联新能源汽车达到2500亿元', ...industrySize(2500, 'eq') },
    { id: 'ind-smart-appliances-scale', quote: '智能家电达到4200亿元', ...industrySize(4200, 'eq') },
    ...THOUSAND_BILLION_INDUSTRIES.map(([id, industry]) => ({
      id,
      title: `${industry}${THOUSAND_BILLION_TITLE}`,
      quote: THOUSAND_BILLION_QUOTE,
      ...industrySize(1000),
    })),
  ]),
  ...section(miit, 'industry', '实施制造业创新能力提升行动', [
    {
      id: 'ind-tech-innovation-projects',
      quote: '每年实施技术创新重点项目2000项以上',
      ...flow('项', 2000),
      deadline: '2025-12-31',
    },
    {
      id: 'ind-three-firsts',
      quote: '新增“三首”创新成果80项以上',
      ...flow('项', 80),
      deadline: '2025-12-31',
    },
    {
      id: 'ind-single-champions',
      title: '新增省级以上制造业单项冠军20家以上',
      quote: '省级以上制造业单项冠军20家以上',
      ...flow('家', 20),
      deadline: '2025-12-31',
    },
    {
      // 全覆盖 = a coverage share of 100 %; the figure is implied, not written.
      id: 'ind-digital-transformation-coverage',
      quote: '3年内实现规上工业企业数字化转型全覆盖',
      ...level('%', 100, 'eq'),
      kind: 'share',
    },
    {
      id: 'ind-compute-capacity',
      quote: '2025年建成算力规模8000P',
      ...level('P', 8000),
      deadline: '2025-12-31',
      headline: 'compute',
    },
    {
      id: 'ind-new-above-scale-firms',
      quote: '每年新纳统规上企业500家以上',
      ...flow('家', 500),
      deadline: '2025-12-31',
    },
  ]),
];
