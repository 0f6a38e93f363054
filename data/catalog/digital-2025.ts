import type { Target } from '../../src/domain/schemas';
import { DOCS, flow, level, milestone, type PlanContext, section, share } from './define';

/**
 * 数字青岛2025年行动方案, as presented at the press conference of 5 June 2025. Sub-sections are the
 * plan's own headings; answers given by a named bureau in the Q&A carry that bureau as department.
 * Milestone stage dates other than the year end are planning assumptions, not dates from the plan.
 *
 * Targets the plan repeats from the city work report with the same meaning and year are kept once, in
 * `qd-2025`, each with its entry in `omissions.ts`: 数字经济核心产业增加值占比12%以上
 * (qd-digital-economy-share), 场景应用实验室20家以上 (qd-future-industry-labs), 智慧农业应用基地10处以上
 * (qd-digital-agri-bases), 规上工业企业数字化转型基本实现全覆盖 (qd-smart-digital-transformation,
 * 基本完成规上工业企业“智改数转”; the 2027 全覆盖 of `industry-10plus1` is another deadline).
 */
const ctx: PlanContext = { planId: 'digital-2025', document: DOCS.digital };

export const DIGITAL_2025_TARGETS: Target[] = [
  ...section(ctx, 'reform', '加强体制机制统筹', [
    { id: 'dq-open-scenario-list', quote: '发布数字青岛开放场景清单', ...milestone('发布') },
  ]),
  ...section(ctx, 'industry', '夯实数据基础设施', [
    {
      id: 'dq-dc-standard-racks',
      title: '力争通用数据中心标准机架数达6.5万架',
      quote: '通用数据中心标准机架数达6.5万架',
      ...level('万架', 6.5, 'eq'),
    },
    { id: 'dq-intelligent-compute-share', quote: '智能算力占比达35%', ...share(35, 'eq') },
  ]),
  ...section(ctx, 'industry', '推动数实融合发展', [
    {
      id: 'dq-digital-trade-plan',
      quote: '出台数字贸易高质量发展实施方案',
      ...milestone(['形成征求意见稿', '2025-09-30'], '出台'),
    },
    { id: 'dq-transformation-benchmarks', quote: '打造100家数字化转型企业标杆', ...flow('家', 100) },
    {
      // A count of clusters that reach the 千亿级 scale: a stock at year end.
      id: 'dq-100bn-digital-clusters',
      quote: '建成3个千亿级数字经济产业集群',
      ...level('个', 3),
    },
  ]),
  ...section(ctx, 'urban', '推动数字政府提质', [
    {
      id: 'dq-city-brain-2',
      quote: '建成“城市云脑2.0”',
      ...milestone(['平台主体上线', '2025-09-30'], '建成'),
    },
    {
      id: 'dq-no-certificate-scenarios',
      quote: '打造20个以上社会化“无证明”应用场景',
      ...flow('个', 20),
    },
  ]),
  ...section(ctx, 'demand', '推动数字社会提质', [
    { id: 'dq-online-retail-sales', quote: '力争网络零售额达3100亿元', ...flow('亿元', 3100, 'eq') },
    { id: 'dq-digital-home-zones', quote: '建成2个以上数字家庭样板区', ...flow('个', 2) },
  ]),
  // Q&A: 市行政审批局 (Q2) and 市交通运输局 (Q4) state their own deliverables for the year.
  ...section({ ...ctx, department: '市行政审批局' }, 'reform', '在推动场景建设扩面增效上持续发力', [
    {
      id: 'dq-chat-to-handle-ai-scenarios',
      title: '年底前建成上线海上旅游客运审批服务、建筑类企业资质许可等不少于20个“边聊边办”AI场景',
      quote: '不少于20个“边聊边办”AI场景',
      ...flow('个', 20),
    },
  ]),
  ...section({ ...ctx, department: '市交通运输局' }, 'urban', '还有这些大家关心的问题', [
    {
      id: 'dq-maritime-tourism-postal-maps',
      quote: '建成“海上旅游一张图”“邮政一张图”应用',
      ...milestone('“海上旅游一张图”应用建成', '“邮政一张图”应用建成'),
    },
  ]),
];
