import type { ContextFigure, ProgressReport } from '../../src/domain/schemas';
import { DOCS } from './define';

/**
 * Figures the documents publish as actuals. A figure becomes a progress report only when it measures
 * exactly what its target measures (same definition, same period, a flow for a flow target); anything
 * else — a cumulative stock beside a "new" target, another definition, an approximate 超/近 figure, a
 * past year — is a context figure with the reason in `relation`.
 *
 * Periods (issue 21): every figure carries the period it describes, as its source gives it, and is
 * dated within it. The press conference of 001 was held on 6月5日 and dates none of its figures more
 * precisely than that: precision `month` (2025年6月), as of the conference (a figure cannot be later
 * than the day it was stated). A figure of a span from January (前三季度, 1—11月) is dated at the span's
 * end (1—11月: 2025-11-30, never 12-31). The year-end report 000 is not dated; its latest dated figures
 * run to 1—11月, so it was published in December, before the year ended: its undated figures (年内,
 * 截至目前, or none) are of 2025 (precision `year`), as of 2025-11-30 — the latest date the report
 * covers — not of a 12-31 it could not have seen.
 *
 * `reportedBy` of a published report is the body the source says stated the figure.
 *
 * Figures in the documents that no target measures (公积金, 体育奖牌, 产业园营收, 民政数据…) are not
 * exported; each is on the commented list in `omissions.ts`, which the completeness check reads for
 * the plan documents 001–004 and for the year-end report 000 alike.
 */
const PRESS_CONFERENCE = '2025-06-05';
const PRESS_CONFERENCE_AT = '2025-06-05T00:00:00+08:00';
/** The end of the latest period report 000 dates (1—11月): its undated figures are as of then. */
const YEAR_END_REPORT = '2025-11-30';

export const PUBLISHED_REPORTS: ProgressReport[] = [
  {
    // 今年以来…率先推出6个: a flow within 2025 towards 年底前…不少于20个.
    id: 'pub-dq-chat-to-handle-ai-scenarios-2025-06-05',
    targetId: 'dq-chat-to-handle-ai-scenarios',
    asOf: PRESS_CONFERENCE,
    recordedAt: PRESS_CONFERENCE_AT,
    value: 6,
    unit: '个',
    stagesDone: null,
    note: '',
    evidence: null,
    period: { precision: 'month' },
    source: { document: DOCS.digital, quote: '在全省率先推出6个“边聊边办”AI场景' },
    // Stated by 市行政审批局 (刘晓倩, Q2) at the press conference the 市政府新闻办 held.
    reportedBy: '市行政审批局（市政府新闻办新闻发布会）',
    supersedes: null,
    correctionReason: null,
    demo: false,
  },
  {
    // The coverage rate itself (a share compared directly); the text does not date it more precisely
    // than the press conference.
    id: 'pub-ind-digital-transformation-coverage-2025-06-05',
    targetId: 'ind-digital-transformation-coverage',
    asOf: PRESS_CONFERENCE,
    recordedAt: PRESS_CONFERENCE_AT,
    value: 94.6,
    unit: '%',
    stagesDone: null,
    note: '',
    evidence: null,
    period: { precision: 'month' },
    source: { document: DOCS.digital, quote: '规上工业企业数字化转型覆盖率达94.6%' },
    // Part of the 数字青岛2.0 progress 市大数据局 (张艳) presented at the press conference.
    reportedBy: '市大数据局（市政府新闻办新闻发布会）',
    supersedes: null,
    correctionReason: null,
    demo: false,
  },
];

/**
 * Context figures that measure exactly their target's quantity and differ from a report only in
 * precision (超/近) — the demo may start a level target's series from one (see `demoStartStock`). None
 * of today's qualifies: the racks are another definition (全部数据中心在用 beside 通用数据中心), the
 * clusters another measure (入选省集群 beside 千亿级), the rescue stations another scope (全市 beside
 * 崂山区). A figure the `relation` calls another 口径, scope or period never belongs here.
 */
export const CONTEXT_SAME_MEASURE: ReadonlySet<string> = new Set<string>([]);

export const CONTEXT_FIGURES: ContextFigure[] = [
  // 5G: the documents publish the cumulative stock; the target counts base stations opened in 2025.
  {
    id: 'ctx-qd-5g-total-2025-06-05',
    targetId: 'qd-5g-base-stations',
    label: '累计开通5G基站数',
    value: 4.45,
    unit: '万个',
    asOf: PRESS_CONFERENCE,
    asOfPrecision: 'month',
    relation: '累计总量（存量），目标为当年新开通数',
    source: { document: DOCS.digital, quote: '累计开通5G基站数达4.45万个' },
  },
  {
    id: 'ctx-qd-5g-total-2025',
    targetId: 'qd-5g-base-stations',
    label: '开通5G基站数',
    value: 4.6,
    unit: '万个',
    asOf: YEAR_END_REPORT,
    asOfPrecision: 'year',
    relation: '累计总量（存量），目标为当年新开通数',
    source: { document: DOCS.bureausYearEnd, quote: '开通5G基站数4.6万个' },
  },
  // Racks: 在用标准机架 of all data centres, stated as 超/近; the target counts 通用数据中心标准机架.
  {
    id: 'ctx-dq-racks-in-use-2025-06-05',
    targetId: 'dq-dc-standard-racks',
    label: '全市数据中心在用标准机架总数',
    value: 6.2,
    unit: '万架',
    asOf: PRESS_CONFERENCE,
    asOfPrecision: 'month',
    relation: '口径为全部数据中心在用标准机架，目标为通用数据中心标准机架数；“超”为约数',
    source: { document: DOCS.digital, quote: '全市数据中心在用标准机架总数超6.2万架' },
  },
  {
    id: 'ctx-dq-racks-in-use-2025',
    targetId: 'dq-dc-standard-racks',
    label: '全市数据中心在用标准机架总数',
    value: 10,
    unit: '万架',
    asOf: YEAR_END_REPORT,
    asOfPrecision: 'year',
    relation: '口径为全部数据中心在用标准机架，目标为通用数据中心标准机架数；“近”为约数',
    source: { document: DOCS.bureausYearEnd, quote: '全市数据中心在用标准机架总数近10万架' },
  },
  {
    id: 'ctx-dq-no-certificate-total-2025-06-05',
    targetId: 'dq-no-certificate-scenarios',
    label: '累计推出“无证明”场景',
    value: 149,
    unit: '个',
    asOf: PRESS_CONFERENCE,
    asOfPrecision: 'month',
    relation: '连续5年累计推出的“无证明”场景总数，目标为2025年新打造的社会化“无证明”应用场景',
    source: { document: DOCS.digital, quote: '推出“无证明”场景149个' },
  },
  {
    id: 'ctx-dq-provincial-digital-clusters-2025-06-05',
    targetId: 'dq-100bn-digital-clusters',
    label: '入选省数字产业集群的产业集群',
    value: 2,
    unit: '个',
    asOf: PRESS_CONFERENCE,
    asOfPrecision: 'month',
    relation: '入选省级数字产业集群的数量，不是“千亿级”规模口径',
    source: { document: DOCS.digital, quote: '2个产业集群入选省数字产业集群' },
  },
  {
    id: 'ctx-qd-fitness-facilities-2025',
    targetId: 'qd-fitness-facilities',
    label: '年内更新新建健身场地设施',
    value: 230,
    unit: '处',
    asOf: YEAR_END_REPORT,
    asOfPrecision: 'year',
    relation:
      '口径为“更新新建健身场地设施”，足球场地、全民健身体育公园等另列；目标为“新建、改扩建体育健身设施”，两者口径未必一致',
    source: { document: DOCS.bureausYearEnd, quote: '更新新建足球场地38个、健身场地设施230处' },
  },
  {
    id: 'ctx-qd-fitness-parks-and-spaces-2025',
    targetId: 'qd-fitness-facilities',
    label: '年内新增全民健身体育公园、儿童运动空间、长者体育运动健康中心',
    value: 11,
    unit: '处',
    asOf: YEAR_END_REPORT,
    asOfPrecision: 'year',
    relation:
      '与“健身场地设施230处”分列的另一类体育设施；目标为“新建、改扩建体育健身设施”，两者是否同一口径、能否相加，文中未说明',
    source: {
      document: DOCS.bureausYearEnd,
      quote: '年内新增全民健身体育公园、儿童运动空间、长者体育运动健康中心11处',
    },
  },
  {
    id: 'ctx-qd-football-activities-2025',
    targetId: 'qd-fitness-events',
    label: '开展群众性足球活动',
    value: 6000,
    unit: '场',
    asOf: YEAR_END_REPORT,
    asOfPrecision: 'year',
    relation: '仅足球一项的群众性活动场次（“余”为约数），是全民健身活动的一部分，不是目标“全民健身活动”的全部口径',
    source: { document: DOCS.bureausYearEnd, quote: '开展群众性足球活动6000余场' },
  },
  {
    // The only rescue-station target is Laoshan's; the year-end figure is the city's, and its label
    // says so first (a figure of another scope than its target's is labelled with its own). Another unit
    // (处 beside 个) as written: shown beside the target, never converted or plotted.
    id: 'ctx-ls-emergency-rescue-stations-city-2025',
    targetId: 'ls-emergency-rescue-stations',
    label: '全市新建基层应急综合救援站（全市合计，不是崂山区的数）',
    value: 29,
    unit: '处',
    asOf: YEAR_END_REPORT,
    asOfPrecision: 'year',
    relation:
      '全市口径（市应急局年终成绩单），目标为崂山区“新建提升基层应急救援站”：范围（全市与崂山区）和口径（新建综合救援站与新建、提升救援站）都不同，不是本目标的进度',
    source: { document: DOCS.bureausYearEnd, quote: '新建基层应急综合救援站29处' },
  },
  // An industry's revenue, published for part of 2025, beside its 2027 size (the revenue of 2027).
  {
    id: 'ctx-ind-ai-revenue-2025-q1-q3',
    targetId: 'ind-ai-scale',
    label: '全市人工智能产业规上企业营业收入（2025年前三季度）',
    value: 592.5,
    unit: '亿元',
    asOf: '2025-09-30',
    asOfPrecision: 'ytd-month',
    periodLabel: '2025年前三季度',
    relation:
      '2025年前三季度、仅规上企业的营业收入（“超”为约数）；目标为2027年全年的产业规模：年份、期间和口径都不同，不是本目标的进度',
    source: { document: DOCS.bureausYearEnd, quote: '全市人工智能产业规上企业实现营业收入超592.5亿元' },
  },
  // Planned total investment of a project pool, beside a target that counts the projects: another
  // measure (亿元 beside 个), multi-year, and a plan figure rather than an actual.
  {
    id: 'ctx-qd-marine-key-projects-total-investment',
    targetId: 'qd-marine-key-projects',
    label: '170个海洋重点项目总投资（计划）',
    value: 2400,
    unit: '亿元',
    asOf: '2025-02-09',
    asOfPrecision: 'day',
    relation: '项目的计划总投资（跨年度），不是2025年完成的投资，也不是目标所计的项目个数；不作为进度',
    source: { document: DOCS.cityReport, quote: '积极推进总投资2400亿元的170个海洋重点项目' },
  },
  {
    id: 'ctx-qd-metropolitan-key-projects-total-investment',
    targetId: 'qd-metropolitan-key-projects',
    label: '青岛都市圈52个重点项目总投资（计划）',
    value: 3274,
    unit: '亿元',
    asOf: '2025-02-09',
    asOfPrecision: 'day',
    relation: '项目的计划总投资（跨年度），不是2025年完成的投资，也不是目标所计的项目个数；不作为进度',
    source: { document: DOCS.cityReport, quote: '加快总投资3274亿元的52个重点项目建设' },
  },
  {
    id: 'ctx-ls-key-projects-total-investment',
    targetId: 'ls-key-projects',
    label: '263个重点项目总投资（计划）',
    value: 1900,
    unit: '亿元',
    asOf: '2025-01-06',
    asOfPrecision: 'day',
    relation: '项目的计划总投资（跨年度），不是2025年完成的投资，也不是目标所计的项目个数；不作为进度',
    source: { document: DOCS.laoshan, quote: '突出抓好总投资1900亿元的263个重点项目' },
  },
  // Past-year figures (2024) quoted beside a 2025 target.
  {
    id: 'ctx-qd-new-trading-enterprises-2024',
    targetId: 'qd-new-trading-enterprises',
    label: '2024年有实绩进出口企业较2023年增加',
    value: 1000,
    unit: '家',
    asOf: '2024-12-31',
    asOfPrecision: 'year',
    relation: '2024年实绩（上年同口径增量），目标为2025年新增',
    source: { document: DOCS.industry, quote: '2024年推动全市有实绩进出口企业较2023年增加1000家以上，总量近2.7万家' },
  },
  {
    id: 'ctx-qd-public-parking-2024',
    targetId: 'qd-public-parking',
    label: '2024年住宅小区拆违增加停车位',
    value: 5000,
    unit: '个',
    asOf: '2024-12-31',
    asOfPrecision: 'year',
    relation: '2024年民生攻坚中通过拆违增加的停车位，既非2025年、也不限于公共停车泊位',
    source: { document: DOCS.industry, quote: '通过拆违助力新建停车场24处，增加停车位5000余个' },
  },
  {
    id: 'ctx-qd-utility-pipelines-2024',
    targetId: 'qd-utility-pipelines',
    label: '2024年改造老旧燃气管网',
    value: 66,
    unit: '公里',
    asOf: '2024-12-31',
    asOfPrecision: 'year',
    relation: '2024年仅燃气管网改造，目标为2025年新建和改建燃气、供热、供水管网',
    source: { document: DOCS.industry, quote: '全市改造老旧燃气管网66公里' },
  },
  {
    id: 'ctx-ls-gdp-growth-2024',
    targetId: 'ls-gdp-growth',
    label: '2024年全区生产总值预计增速',
    value: 6,
    unit: '%',
    asOf: '2024-12-31',
    asOfPrecision: 'year',
    relation: '2024年预计增速（上年），目标为2025年增速',
    source: { document: DOCS.laoshan, quote: '预计全区生产总值增长6%以上' },
  },
  {
    id: 'ctx-ls-fiscal-revenue-growth-2024',
    targetId: 'ls-fiscal-revenue-growth',
    label: '2024年区级一般公共预算收入增速',
    value: 1.7,
    unit: '%',
    asOf: '2024-12-31',
    asOfPrecision: 'year',
    relation: '2024年实绩（上年，收入224.2亿元），目标为2025年增速',
    source: { document: DOCS.laoshan, quote: '区级一般公共预算收入完成224.2亿元，增长1.7%' },
  },
];
