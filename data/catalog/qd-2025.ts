import type { Target } from '../../src/domain/schemas';
import { DOCS, flow, growth, investment, level, milestone, type PlanContext, section, share } from './define';

/**
 * 青岛市2025年政府工作报告 (the 青岛日报 graphic summary of 9 Feb 2025, 10 sectors). The report names
 * no lead departments, so `department` stays null throughout.
 *
 * Conventions: a figure without a qualifier (抓好460个…, 新开通5G基站3000个) is read as "at least"
 * (gte); 达到…以上 is gte, 达到 alone is eq, 左右 is approx. Milestone stage dates other than the year
 * end are planning assumptions for pacing, not dates from the report.
 */
const ctx: PlanContext = { planId: 'qd-2025', document: DOCS.cityReport };

export const QD_2025_TARGETS: Target[] = [
  // 1 在全方位扩大内需上聚力攻坚求实效
  ...section(ctx, 'demand', '持续扩大有效投资', [
    {
      id: 'qd-key-projects',
      quote: '抓好460个省市重点项目建设',
      ...flow('个', 460),
      headline: 'key-projects',
    },
    {
      id: 'qd-key-investment',
      title: '抓好460个省市重点项目建设,完成投资2450亿元以上',
      quote: '完成投资2450亿元以上',
      ...investment('亿元', 2450),
      headline: 'key-investment',
    },
    { id: 'qd-tech-renovation-projects', quote: '滚动开展500个技改项目', ...flow('个', 500) },
    {
      id: 'qd-tech-renovation-investment-growth',
      quote: '技改投资增长8%以上',
      ...growth(8),
      headline: 'tech-renovation-investment',
    },
    {
      id: 'qd-dongjiakou-wulian-railway',
      quote: '全面启动董家口至五莲铁路建设',
      ...milestone(['前期工作完成', '2025-06-30'], '全面启动建设'),
    },
    {
      id: 'qd-shenhai-expressway-open',
      quote: '实现沈海高速改扩建工程全线通车',
      ...milestone(['主体工程完工', '2025-09-30'], '全线通车'),
    },
    {
      id: 'qd-shuangshan-tunnel-start',
      title: '开工建设双山隧道',
      quote: '开工建设双山隧道',
      ...milestone(['前期手续完成', '2025-06-30'], '开工建设'),
    },
    {
      id: 'qd-guanlu-reservoir',
      quote: '建成官路水库主体工程,开建配套工程',
      // In the order of the text: the main works are completed, then the supporting works begin.
      ...milestone(['建成主体工程', '2025-06-30'], '开建配套工程'),
    },
    { id: 'qd-5g-base-stations', quote: '新开通5G基站3000个', ...flow('个', 3000), headline: '5g' },
  ]),

  // 2 在以科技创新引领新质生产力发展上聚力攻坚求实效
  ...section(ctx, 'innovation', '强化科技创新平台支撑', [
    { id: 'qd-provincial-key-labs', quote: '新获批省重点实验室15家以上', ...flow('家', 15) },
    {
      id: 'qd-machine-tool-innovation-center-start',
      quote: '推动中国机械总院工业母机创新中心开工',
      ...milestone(['前期手续完成', '2025-06-30'], '开工'),
    },
    {
      id: 'qd-zhonghua-phase3-structure',
      quote: '实现“仲华”热物理试验装置三期主体完工',
      ...milestone(['主体施工过半', '2025-06-30'], '主体完工'),
    },
  ]),
  ...section(ctx, 'innovation', '强化企业创新主体地位', [
    { id: 'qd-enterprise-led-key-tech-share', quote: '企业牵头实施的关键技术攻关项目达到90%', ...share(90, 'eq') },
    {
      id: 'qd-enterprise-tech-centers',
      quote: '新增省级以上企业技术中心和工程研究中心20家以上',
      ...flow('家', 20),
    },
    {
      id: 'qd-tech-enterprises',
      title: '实施中小企业创新能力提升工程,科技型企业达到1.5万家',
      quote: '科技型企业达到1.5万家',
      ...level('万家', 1.5, 'eq'),
    },
  ]),
  ...section(ctx, 'innovation', '强化产业应用研究和科技成果转化', [
    { id: 'qd-industry-key-tech-projects', quote: '实施100项产业关键技术攻关', ...flow('项', 100) },
    {
      id: 'qd-applied-basic-research',
      title: '实施10项重大应用基础研究',
      quote: '10项重大应用基础研究',
      ...flow('项', 10),
    },
    { id: 'qd-four-firsts-products', quote: '新培育“四首”产品80项以上', ...flow('项', 80) },
  ]),
  ...section(ctx, 'innovation', '持续优化创新生态', [
    { id: 'qd-fiscal-sci-tech-growth', quote: '市级财政科技创新投入增长15%以上', ...growth(15) },
    { id: 'qd-sci-tech-equity-fund', quote: '设立科技股权投资专项', ...milestone('设立') },
    {
      id: 'qd-concept-verification-pilot-bases',
      quote: '布局概念验证平台和中试基地30家左右',
      ...flow('家', 30, 'approx'),
    },
  ]),

  // 3 在建设创新型产业体系上聚力攻坚求实效
  ...section(ctx, 'industry', '优先发展先导产业', [
    {
      id: 'qd-digital-economy-share',
      quote: '数字经济核心产业增加值占地区生产总值比重达到12%以上',
      ...share(12),
      headline: 'digital-economy-share',
    },
  ]),
  ...section(ctx, 'industry', '培育壮大新兴产业', [
    { id: 'qd-emerging-industries-growth', quote: '新兴产业规模增长10%以上', ...growth(10) },
  ]),
  ...section(ctx, 'industry', '巩固提升优势产业', [
    {
      id: 'qd-smart-digital-transformation',
      quote: '基本完成规上工业企业“智改数转”',
      ...milestone(['过半规上工业企业完成', '2025-06-30'], '基本完成'),
    },
  ]),
  ...section(ctx, 'industry', '超前布局未来产业', [
    {
      id: 'qd-disruptive-tech-rd',
      title: '实施未来技术“攻尖”工程,开展10项左右颠覆性技术研发储备',
      quote: '开展10项左右颠覆性技术研发储备',
      ...flow('项', 10, 'approx'),
    },
    { id: 'qd-future-industry-labs', quote: '新增未来产业应用场景实验室20家以上', ...flow('家', 20) },
  ]),

  // 4 在升级发展现代服务业上聚力攻坚求实效
  ...section(ctx, 'services', '推动服务业与制造业深度融合', [
    { id: 'qd-two-industries-pilots', quote: '新增“两业融合”试点企业10家以上', ...flow('家', 10) },
    { id: 'qd-software-revenue-growth', quote: '软件业务收入增长10%以上', ...growth(10) },
    { id: 'qd-foreign-legal-service-center', quote: '设立青岛涉外公共法律服务中心', ...milestone('设立') },
  ]),
  ...section(ctx, 'services', '提升文化旅游品质', [
    { id: 'qd-sco-tourism-events', quote: '举办上合组织旅游和文化之都主题活动20场以上', ...flow('场', 20) },
    {
      id: 'qd-marine-tourism-plan',
      quote: '完成全市海上旅游发展规划编制',
      ...milestone(['形成规划初稿', '2025-06-30'], '完成规划编制'),
    },
    { id: 'qd-cruise-passengers', quote: '力争接待邮轮出入境游客8万人以上', ...flow('万人', 8) },
  ]),
  ...section(ctx, 'services', '促进生活服务便利化', [
    { id: 'qd-15min-life-circles', quote: '改造、提升60个“一刻钟便民生活圈”', ...flow('个', 60) },
    { id: 'qd-silver-economy-policy', quote: '出台促进银发经济发展政策', ...milestone('出台') },
  ]),

  // 5 在建设引领型现代海洋城市上聚力攻坚求实效
  ...section(ctx, 'marine', '持续提升海洋科技创新水平', [
    { id: 'qd-marine-key-tech', quote: '实施30项涉海关键技术攻关', ...flow('项', 30) },
  ]),
  ...section(ctx, 'marine', '做大做强现代海洋产业', [
    {
      // 2400亿元 is the total investment of the pool, not a figure for 2025; the target counts projects.
      id: 'qd-marine-key-projects',
      quote: '积极推进总投资2400亿元的170个海洋重点项目',
      ...flow('个', 170),
    },
    {
      id: 'qd-aquaculture-vessels-operation',
      quote: '推动“国信”“深蓝”系列养殖装备投入运营',
      ...milestone('投入运营'),
    },
    {
      id: 'qd-marine-equipment-projects-operating',
      quote: '中船双燃料发动机、潍柴(青岛)海洋装备制造中心等项目竣工投产',
      ...milestone('中船双燃料发动机项目竣工投产', '潍柴(青岛)海洋装备制造中心竣工投产'),
    },
  ]),
  ...section(ctx, 'marine', '加快打造国际航运中心', [
    {
      id: 'qd-wanbang-ore-terminal',
      quote: '建成董家口港区万邦矿石码头',
      ...milestone(['主体工程完工', '2025-09-30'], '建成'),
    },
    { id: 'qd-new-shipping-routes', quote: '新开通海运航线10条以上', ...flow('条', 10) },
  ]),

  // 6 在进一步深化改革开放上聚力攻坚求实效
  ...section(ctx, 'reform', '深化国资国企改革', [
    { id: 'qd-soe-core-business', quote: '完成市属企业主业核定', ...milestone('完成核定') },
    { id: 'qd-soe-rd-mechanism', quote: '建立市属企业研发投入刚性增长机制', ...milestone('建立') },
  ]),
  ...section(ctx, 'reform', '大力发展民营经济', [
    { id: 'qd-private-leading-enterprises', quote: '新培育民营领军标杆企业150家', ...flow('家', 150) },
  ]),
  ...section(ctx, 'reform', '加快打造一流营商环境', [
    {
      id: 'qd-one-thing-key-matters',
      title: '深入推进“高效办成一件事”改革,抓实抓好100个重点事项',
      quote: '抓实抓好100个重点事项',
      ...flow('个', 100),
    },
    { id: 'qd-joint-inspection-list', quote: '建立“综合查一次”场景清单', ...milestone('建立') },
  ]),
  ...section(ctx, 'reform', '深化财政金融改革', [
    { id: 'qd-transfer-payment-incentive', quote: '建立区(市)高质量发展转移支付激励机制', ...milestone('建立') },
  ]),
  ...section(ctx, 'reform', '推动外贸稳量提质', [
    { id: 'qd-new-trading-enterprises', quote: '新增进出口实绩企业1000家以上', ...flow('家', 1000) },
  ]),
  ...section(ctx, 'reform', '建强青岛都市圈', [
    {
      // 3274亿元 is the total investment of the pool; the target counts projects.
      id: 'qd-metropolitan-key-projects',
      quote: '加快总投资3274亿元的52个重点项目建设',
      ...flow('个', 52),
    },
  ]),

  // 7 在提升城市功能品质上聚力攻坚求实效
  ...section(ctx, 'urban', '深入实施城市更新', [
    { id: 'qd-urban-village-resettlement', quote: '实现10个城中村改造回迁', ...flow('个', 10) },
    { id: 'qd-old-residential-renovation', quote: '新改造53个老旧小区', ...flow('个', 53) },
    { id: 'qd-non-direct-power-renovation', quote: '完成非直供电小区改造10万户', ...flow('万户', 10) },
    { id: 'qd-micro-renewal', quote: '实施60处城市“微更新”', ...flow('处', 60) },
    { id: 'qd-pocket-parks', quote: '建成50个口袋公园', ...flow('个', 50) },
    { id: 'qd-utility-pipelines', quote: '新建和改建燃气、供热、供水管网1247公里', ...flow('公里', 1247) },
  ]),
  ...section(ctx, 'urban', '健全城市管理长效机制', [
    { id: 'qd-back-streets', quote: '实施50条背街小巷综合整治', ...flow('条', 50) },
    { id: 'qd-traffic-bottlenecks', quote: '改造交通堵点106处', ...flow('处', 106) },
    { id: 'qd-public-parking', quote: '新增公共停车泊位1万个以上', ...flow('万个', 1) },
  ]),

  // 8 在推进乡村全面振兴上聚力攻坚求实效
  ...section(ctx, 'rural', '提高农业综合竞争力', [
    { id: 'qd-crop-varieties', quote: '新培育农作物自主知识产权关键品种10个以上', ...flow('个', 10) },
    { id: 'qd-agri-major-projects', quote: '加快推进20个农业大项目', ...flow('个', 20) },
    {
      id: 'qd-digital-agri-bases',
      quote: '打造数字农业示范园、智慧农业应用基地10家以上',
      ...flow('家', 10),
    },
    { id: 'qd-quality-agri-products', quote: '新增全国名特优新和绿色优质农产品50个以上', ...flow('个', 50) },
  ]),
  ...section(ctx, 'rural', '推动城乡融合发展', [
    { id: 'qd-municipal-rural-zones', quote: '打造10个市级乡村振兴片区', ...flow('个', 10) },
    { id: 'qd-provincial-rural-zones', quote: '创建4个省级乡村振兴片区', ...flow('个', 4) },
    { id: 'qd-rural-roads', quote: '养护、提升“四好农村路”600公里', ...flow('公里', 600) },
    { id: 'qd-rural-water-supply', quote: '新增规模化供水村庄100个', ...flow('个', 100) },
    { id: 'qd-rural-sewage', quote: '完成120个村庄生活污水治理', ...flow('个', 120) },
    { id: 'qd-rural-house-energy-retrofit', quote: '开展农房节能改造5万户以上', ...flow('万户', 5) },
  ]),

  // 9 在推动全面绿色转型上聚力攻坚求实效
  ...section(ctx, 'green', '打好蓝天、碧水、净土保卫战', [
    { id: 'qd-air-pollution-projects', quote: '完成大气污染减排项目1200个以上', ...flow('个', 1200) },
    { id: 'qd-diesel-truck-phaseout', quote: '基本淘汰国三及以下非营运柴油货车', ...milestone('基本淘汰') },
    {
      id: 'qd-sewage-projects-start',
      quote: '开工建设张村河水质净化厂二期等16个污水处理项目',
      ...flow('个', 16),
    },
    {
      id: 'qd-soil-pollution-pilot',
      quote: '完成全国土壤污染防治先行区建设试点任务',
      ...milestone('完成试点任务'),
    },
  ]),
  ...section(ctx, 'green', '扎实推进节能降碳', [
    {
      id: 'qd-renewable-capacity',
      quote: '新能源和可再生能源装机达到700万千瓦',
      ...level('万千瓦', 700, 'eq'),
      headline: 'renewable-capacity',
    },
    { id: 'qd-green-manufacturing', quote: '新培育省级以上绿色制造企业20家', ...flow('家', 20) },
    { id: 'qd-green-buildings', quote: '新增绿色建筑1000万平方米', ...flow('万平方米', 1000) },
    { id: 'qd-charging-piles', quote: '新建充电桩2.6万个', ...flow('万个', 2.6) },
  ]),
  ...section(ctx, 'green', '提升生态系统质量', [
    { id: 'qd-soil-erosion-control', quote: '治理水土流失面积50平方公里', ...flow('平方公里', 50) },
    { id: 'qd-forest-quality', quote: '完成森林质量精准提升6万亩', ...flow('万亩', 6) },
  ]),

  // 10 在保障和改善民生上聚力攻坚求实效
  ...section(ctx, 'livelihood', '全力促进就业创业', [
    { id: 'qd-new-urban-jobs', quote: '城镇新增就业35万人以上', ...flow('万人', 35), headline: 'new-jobs' },
    { id: 'qd-entrepreneurship-support', quote: '扶持创业3万人以上', ...flow('万人', 3) },
  ]),
  ...section(ctx, 'livelihood', '办好人民满意的教育', [
    { id: 'qd-schools-kindergartens', quote: '新建、改扩建20所中小学和幼儿园', ...flow('所', 20) },
    {
      id: 'qd-health-vocational-college',
      quote: '实现青岛卫生健康职业学院招生运行',
      ...milestone(['具备招生条件', '2025-06-30'], '招生运行'),
    },
    { id: 'qd-student-mental-health-center', quote: '建成市级学生心理健康发展服务中心', ...milestone('建成') },
  ]),
  ...section(ctx, 'livelihood', '深入推进健康青岛建设', [
    {
      id: 'qd-hospitals-completed',
      quote: '建成北大人民医院青岛医院二期、青岛西海岸新区肿瘤医院',
      ...milestone('北大人民医院青岛医院二期建成', '青岛西海岸新区肿瘤医院建成'),
    },
    { id: 'qd-peak-disciplines', quote: '启动培育12个市级攀峰学科', ...flow('个', 12) },
    { id: 'qd-key-specialties', title: '启动培育75个重点专科', quote: '75个重点专科', ...flow('个', 75) },
    { id: 'qd-medical-alliances', quote: '建设10个紧密型医联体', ...flow('个', 10) },
    { id: 'qd-medical-staff-grassroots', quote: '推动1000名医务人员深入基层开展对口帮扶', ...flow('名', 1000) },
    { id: 'qd-tcm-innovation-base', quote: '建成青岛中医药传承创新基地', ...milestone('建成') },
  ]),
  ...section(ctx, 'livelihood', '完善多层次社会保障体系', [
    { id: 'qd-pension-insured', quote: '新增企业职工养老保险参保12万人以上', ...flow('万人', 12) },
    { id: 'qd-dementia-care-centers', quote: '新建、改扩建30处社区嵌入式失智老年人照护中心', ...flow('处', 30) },
    { id: 'qd-elderly-home-adaptation', quote: '完成适老化改造1万户以上', ...flow('万户', 1) },
    { id: 'qd-childcare-places', quote: '新增婴幼儿托位4000个以上', ...flow('个', 4000) },
    { id: 'qd-disabled-accessibility', quote: '实施残疾人家庭无障碍改造500户以上', ...flow('户', 500) },
    { id: 'qd-affordable-housing', quote: '建设筹集保障性住房1500套', ...flow('套', 1500) },
  ]),
  ...section(ctx, 'livelihood', '繁荣发展文化体育事业', [
    { id: 'qd-fitness-facilities', quote: '新建、改扩建体育健身设施160处', ...flow('处', 160) },
    { id: 'qd-fitness-events', quote: '举办全民健身活动2万场以上', ...flow('万场', 2) },
  ]),
  ...section(ctx, 'livelihood', '守住安全发展底线', [
    { id: 'qd-housing-delivery', quote: '完成全部保交房任务', ...milestone('完成全部保交房任务') },
  ]),
];
