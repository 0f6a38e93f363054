import { DOCS } from './define';

/**
 * Numeric phrases in the plan documents (001–004) and the year-end report (000), and targets they
 * state in words (千亿元级, 全覆盖, 全面完成…), that are deliberately not in the catalog. A phrase inside a catalog quote counts as catalogued only when it is a value of
 * the record citing that quote (a target value, a report or context-figure value…). The
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
  // 000 年终成绩单 — actuals of four bureaus. Those that bear on a target are context figures
  // (5G, racks, fitness facilities, football activities, rescue stations); the rest measure nothing
  // a 2025 target measures.
  {
    document: DOCS.bureausYearEnd,
    quote: '从人工智能产业集群营收前三季度突破592.5亿元',
    through: '最高可贷170万元',
    reason: '导语，重复正文的人工智能营收（正文一句已作为 ind-ai-scale 的背景数）、预警处置、公积金贷款额度',
  },
  {
    document: DOCS.bureausYearEnd,
    quote: '前三季度AI营收超592亿元',
    reason: '标题，重复正文的人工智能营收（正文一句已作为 ind-ai-scale 的背景数）',
  },
  {
    document: DOCS.bureausYearEnd,
    quote: '全市人工智能产业规上企业实现营业收入超592.5亿元,同比增长15.8%',
    reason:
      '营收额是 ind-ai-scale 的背景数（ctx-ind-ai-revenue-2025-q1-q3）；同比增速15.8%无对应目标（目标为2027年规模，不是增速）；崂山区“人工智能、虚拟现实产业总规模”范围不同',
  },
  { document: DOCS.bureausYearEnd, quote: '300余家重点企业', reason: '产业园企业数，无对应目标' },
  {
    document: DOCS.bureausYearEnd,
    quote: '2024年营收达220亿元',
    reason:
      '人工智能产业园（300余家企业）2024年营收：园区不是全市人工智能产业，年份也不是2027年，不作 ind-ai-scale 的背景数',
  },
  {
    document: DOCS.bureausYearEnd,
    quote: '足球场地38个',
    reason: '足球场地数，与“健身场地设施230处”分列、单位不同，不是目标“体育健身设施（处）”的口径',
  },
  {
    document: DOCS.bureausYearEnd,
    quote: '我市183名体育健儿入选山东代表团',
    through: '共59枚奖牌',
    reason: '全运会参赛与奖牌，无对应目标',
  },
  {
    document: DOCS.bureausYearEnd,
    quote: '增加4个青训分中心',
    through: '525名学生顺利升学',
    reason: '足球青训体系（分中心、梯队、试点学校、升学），无对应目标',
  },
  {
    document: DOCS.bureausYearEnd,
    quote: '每万人拥有足球场达1.58块',
    through: '在全国16个足球重点城市',
    reason: '足球场人均拥有量与全国评估的城市数，无对应目标',
  },
  {
    document: DOCS.bureausYearEnd,
    quote: '统筹5个省级以上功能区',
    through: '纳入清单管理',
    reason: '安全生产治理（试点功能区、高风险领域、整改问题、清单管理主体），无对应目标',
  },
  {
    document: DOCS.bureausYearEnd,
    quote: '累计建成综合减灾示范社区503个,占社区总量的24.15%',
    reason: '历年累计的综合减灾示范社区，无对应目标',
  },
  {
    document: DOCS.bureausYearEnd,
    quote: '报警预警各类风险1.2万余起',
    through: '摸排防汛风险点2308处',
    reason: '风险预警与隐患治理工作量，无对应目标',
  },
  {
    document: DOCS.bureausYearEnd,
    quote: '新建27处森林火险因子监测站点',
    through: '预警接收终端487套',
    reason: '监测预警设施（火险监测站点、监控卡口、地震观测与预警终端），无对应目标',
  },
  {
    document: DOCS.bureausYearEnd,
    quote: '实现镇(街)30人、村(居)10人综合应急救援队伍全覆盖',
    reason: '救援队伍配置标准（每镇街、每村居人数），不是数量目标',
  },
  {
    document: DOCS.bureausYearEnd,
    quote: '沿海一线新增救生圈站点97处',
    through: '救助群众1771人',
    reason: '沿海救生设施与基层救援站全年救援量，无对应目标',
  },
  {
    document: DOCS.bureausYearEnd,
    quote: '全市收缴住房公积金369.77亿元',
    through: '实现增值收益12.65亿元',
    reason: '住房公积金业务量（1—11月），无对应目标',
  },
  { document: DOCS.bureausYearEnd, quote: '为职工追缴公积金6300余万元', reason: '住房公积金追缴额，无对应目标' },
  {
    document: DOCS.bureausYearEnd,
    quote: '公积金贷款额度最高170万元',
    through: '下调公积金贷款利率0.25个百分点',
    reason: '公积金贷款政策参数（额度、上浮比例、还贷能力系数、利率），不是目标',
  },
  {
    document: DOCS.bureausYearEnd,
    quote: '为职工提取11.24亿元用于支付购房首付款',
    reason: '住房公积金提取额，无对应目标',
  },

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
  {
    document: DOCS.digital,
    quote: '力争规上工业企业数字化转型基本实现全覆盖',
    reason:
      '2025年的同一要求即市政府工作报告目标 qd-smart-digital-transformation（基本完成规上工业企业“智改数转”）；2027年的全覆盖是 ind-digital-transformation-coverage',
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
    quote: '8条地铁线路等在建项目',
    reason: '在建地铁线路的条数，说明项目 prj-metro-lines-under-construction 的范围；报告没有地铁的年度数量目标',
  },
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
  {
    document: DOCS.laoshan,
    quote: '区级一般公共预算收入完成224.2亿元',
    reason: '2024年（上年）收入额；同句的增速1.7%作为背景数收录（ctx-ls-fiscal-revenue-growth-2024）',
  },
  {
    document: DOCS.laoshan,
    quote: '全面完成节能减排降碳任务',
    reason: '2024年（上年）实绩；2025年的要求是目标 ls-energy-carbon-binding-targets（全面完成节能减排降碳约束性指标）',
  },
  {
    document: DOCS.laoshan,
    quote: '办好8个方面32件民生实事',
    reason: '民生实事的方面数，是结构；32件是目标 ls-livelihood-projects',
  },

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
