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
 * - Explicit 2025 goals (2025年建成算力规模8000P) end in 2025; the industry sizes and 3年内 end in 2027.
 * Goals the plan shares with the city work report (每年布局100项左右关键技术攻关, 建设30家左右概念验证平台
 * 和中试基地) are kept once, in `qd-2025` (see `omissions.ts`).
 */
const PLAN_END = '2027-12-31';
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
  // Industry sizes for 2027; the plan gives no 2024 base, so the baseline stays null.
  ...section(ctx, 'industry', '主攻“10+1”产业40个赛道', [
    { id: 'ind-next-gen-it-scale', quote: '新一代信息技术达到2000亿元', ...level('亿元', 2000, 'eq') },
    { id: 'ind-connected-nev-scale', quote: '智能网联新能源汽车达到2500亿元', ...level('亿元', 2500, 'eq') },
    { id: 'ind-smart-appliances-scale', quote: '智能家电达到4200亿元', ...level('亿元', 4200, 'eq') },
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
