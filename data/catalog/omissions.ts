import { DOCS } from './define';

/**
 * Numeric phrases in the plan documents (001–004) that are deliberately not in the catalog. The
 * completeness test fails on any figure that neither a catalog quote nor an entry here covers, and on
 * an entry here that covers nothing the catalog does not already cover.
 *
 * An entry covers the occurrences of `quote`; with `through`, it covers from each occurrence of
 * `quote` to the end of the next occurrence of `through` (for a whole unrelated article).
 */
export interface Omission {
  document: string;
  /** Exact substring of the document. */
  quote: string;
  /** Exact substring after `quote`: the covered span runs through it. */
  through?: string;
  reason: string;
}

export const DELIBERATE_OMISSIONS: Omission[] = [
  // 001 数字青岛 — progress figures of 数字青岛2.0 that no 2025 target measures.
  {
    document: DOCS.digital,
    quote: '公共数据汇聚总量超2400亿条',
    through: '海洋大数据交易平台累计交易额超3300万元',
    reason: '数据资源累计进展（数据量、数据集、交易额），无对应目标',
  },
  { document: DOCS.digital, quote: '累计撮合算力交易超3200万元', reason: '算力交易累计额，无对应目标' },
  {
    document: DOCS.digital,
    quote: '为市民办事减免提交纸质材料超4300万份',
    through: '上线公文智能生成等45个应用场景',
    reason: '数字政府累计成效，无对应目标',
  },
  {
    document: DOCS.digital,
    quote: '建成1000余间同步课堂',
    through: '搭建大气、水、土壤等10余个数字专题场景',
    reason: '数字社会、数字生态累计成效（同步课堂、智慧校园、医疗费用、补贴场景、专题场景），无对应目标',
  },
  { document: DOCS.digital, quote: '推进54项任务', reason: '方案任务数，是方案结构而非可考核目标' },
  // 001 repeats city targets with the same meaning; they are kept once, in qd-2025.
  {
    document: DOCS.digital,
    quote: '10处以上智慧农业应用基地',
    reason: '重复市政府工作报告目标 qd-digital-agri-bases（打造数字农业示范园、智慧农业应用基地10家以上）',
  },
  {
    document: DOCS.digital,
    quote: '培育20家以上场景应用实验室',
    reason: '重复市政府工作报告目标 qd-future-industry-labs（新增未来产业应用场景实验室20家以上）',
  },
  {
    document: DOCS.digital,
    quote: '力争数字经济核心产业增加值占地区生产总值比重达到12%以上',
    reason: '重复市政府工作报告目标 qd-digital-economy-share（同一口径、同一年度）',
  },
  // 001 Q&A background.
  {
    document: DOCS.digital,
    quote: '累计培育省级首版次高端软件346个',
    through: '国家鼓励的重点软件企业各5家',
    reason: '软件产业历年累计成绩；市级目标为软件业务收入增速（qd-software-revenue-growth），口径不同',
  },
  {
    document: DOCS.digital,
    quote: '截至2024年,建成50个全流程数字化场景',
    through: '涉及1700余个业务办理项',
    reason: '2024年及以前的智慧审批建设成果，无对应目标',
  },
  {
    document: DOCS.digital,
    quote: '整合28个部门77类数据',
    through: '提供老年人助餐服务3039万人次',
    reason: '民政数字化工作数据（监测人数、救助人次、助餐机构等），无对应目标',
  },

  // 002 市政府工作报告 — structure and scope, not deliverables.
  { document: DOCS.cityReport, quote: '人工智能2个产业扩量提质', reason: '先导产业个数，是产业体系结构' },
  { document: DOCS.cityReport, quote: '智能装备5个产业做大规模', reason: '新兴产业个数，是产业体系结构' },
  { document: DOCS.cityReport, quote: '现代轻工3个产业迭代升级', reason: '优势产业个数，是产业体系结构' },
  {
    document: DOCS.cityReport,
    quote: '加快5个市际县域合作区建设',
    reason: '在建合作区的范围（加快建设），没有年内可计量的交付',
  },

  // 003 崂山区 — national context and structure.
  {
    document: DOCS.laoshan,
    quote: '中央经济工作会议明确的9项2025年经济工作重点任务',
    reason: '中央经济工作会议的任务数，不是崂山区目标',
  },
  { document: DOCS.laoshan, quote: '人工智能2个先导产业', reason: '先导产业个数，是产业体系结构' },

  // 004 “10+1” — structure of the industry system.
  { document: DOCS.industry, quote: '重点突破40个细分赛道', reason: '赛道数，是产业体系结构（标题）' },
  { document: DOCS.industry, quote: '产业40个赛道', reason: '赛道数，是产业体系结构（小标题）' },
  { document: DOCS.industry, quote: '共40个细分赛道', reason: '赛道数，是产业体系结构' },
  {
    document: DOCS.industry,
    quote: '“10+1”产业分为4个层面',
    through: '超前发展1批未来产业',
    reason: '产业层面与产业个数，是产业体系结构',
  },
  { document: DOCS.industry, quote: '划分32条细分赛道', reason: '赛道数，是产业体系结构' },
  { document: DOCS.industry, quote: '海洋领域大模型等10个细分赛道', reason: '重点支持的赛道数，是产业体系结构' },
  { document: DOCS.industry, quote: '4个国家先进制造业集群', reason: '既有国家级集群的个数，不是新增目标' },
  // 004 repeats city targets for every year of the plan; the 2025 instance is the city target.
  {
    document: DOCS.industry,
    quote: '每年布局100项左右关键技术攻关',
    reason: '2025年即市政府工作报告目标 qd-industry-key-tech-projects（实施100项产业关键技术攻关）',
  },
  {
    document: DOCS.industry,
    quote: '建设30家左右概念验证平台和中试基地',
    reason: '同市政府工作报告目标 qd-concept-verification-pilot-bases（布局概念验证平台和中试基地30家左右）',
  },
  // 004 — the rest of the newspaper page: unrelated articles.
  {
    document: DOCS.industry,
    quote: '青岛再添99个省绿色低碳高质量发展重点项目',
    through: '总投资分别为223.3亿元、98.8亿元、85.5亿元。',
    reason: '同版其他新闻：省绿色低碳高质量发展重点项目名单，与目标无对应',
  },
  {
    document: DOCS.industry,
    quote: '上合组织国家食品机械精准采购对接会举行',
    through: '拓展上合组织国家间跨境电商合作。',
    reason: '同版其他新闻：活动报道',
  },
  {
    document: DOCS.industry,
    quote: '青岛已举办12场中小企业发展促进条例宣贯活动',
    through: '提供法治保障。',
    reason: '同版其他新闻：条例宣贯',
  },
  {
    document: DOCS.industry,
    quote: '2025青岛市文化和旅游消费促进活动启动',
    through: '签署战略合作协议。',
    reason: '同版其他新闻：活动报道',
  },
  {
    document: DOCS.industry,
    quote: '市南区举办“青雁归巢”寒假专题研修营活动',
    through: '30余名市南籍在校大学生',
    reason: '同版其他新闻：活动报道',
  },
  {
    document: DOCS.industry,
    quote: '2024年青岛进出口达9076.7亿元',
    through: '签约融资授信协议23亿元。',
    reason: '同版其他新闻：2024年外贸数据；仅实绩企业增量作为背景数收录（ctx-qd-new-trading-enterprises-2024）',
  },
  {
    document: DOCS.industry,
    quote: '绿色养殖忙 大棚鳎鱼肥',
    through: '二期期间计划于今年开工建设。',
    reason: '同版其他新闻：单个养殖项目报道',
  },
  {
    document: DOCS.industry,
    quote: '11个攻坚事项27项攻坚任务均实现年度目标',
    through: '相关部门对全市849家旅行社进行信用评价。',
    reason: '同版其他新闻：2024年民生攻坚成果；与2025年目标相关的几项作为背景数收录（ctx-qd-…-2024）',
  },
];
