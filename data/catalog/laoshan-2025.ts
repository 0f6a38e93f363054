import type { Target } from '../../src/domain/schemas';
import { DOCS, flow, growth, level, milestone, type PlanContext, section } from './define';

/**
 * 崂山区2025年政府工作报告 (delivered 6 Jan 2025). Sub-sections are the report's paragraph leads
 * (着力扩大有效投资…); targets are placed in the city sector closest to their topic. The report names
 * no lead departments. The document uses full-width punctuation (，、；（）), which the quotes keep.
 * Milestone stage dates other than the year end are planning assumptions, not dates from the report.
 */
const ctx: PlanContext = { planId: 'laoshan-2025', document: DOCS.laoshan, district: '崂山区' };

export const LAOSHAN_2025_TARGETS: Target[] = [
  ...section(ctx, 'demand', '着力扩大有效投资', [
    {
      id: 'ls-key-projects',
      title: '突出抓好总投资1900亿元的263个重点项目',
      quote: '突出抓好总投资1900亿元的263个重点项目',
      ...flow('个', 263),
    },
    // 1900亿元 is the projects' planned total (multi-year) investment, not a 2025 target: it is a
    // context figure of ls-key-projects (see published.ts), as the city's 2400亿元 and 3274亿元 are.
    {
      id: 'ls-projects-under-construction',
      quote: '推动青岛国际通信业务出入口局一期等120个项目高水平建设',
      ...flow('个', 120),
    },
    { id: 'ls-projects-completed', quote: '推动银丰华美达酒店等60个项目竣工', ...flow('个', 60) },
    {
      id: 'ls-industrial-upstairs-space',
      title: '完善“工业上楼”标准，新开工载体面积20万平方米',
      quote: '新开工载体面积20万平方米',
      ...flow('万平方米', 20),
    },
    { id: 'ls-land-supply', quote: '完成供地2200亩', ...flow('亩', 2200) },
    { id: 'ls-idle-land-revitalised', quote: '盘活低效用地400亩', ...flow('亩', 400) },
  ]),
  ...section(ctx, 'demand', '着力激发消费潜能', [
    { id: 'ls-consumption-events', quote: '举办促消费活动100场以上', ...flow('场', 100) },
  ]),
  ...section(ctx, 'reform', '着力提升招引质效', [
    { id: 'ls-new-100m-projects', quote: '新招引过亿元项目100个以上', ...flow('个', 100) },
    {
      // 分别: each of the four parks is to attract at least 30; report the weakest park's count.
      id: 'ls-park-chain-projects',
      quote: '四大专业化园区分别招引聚链强链项目30个以上',
      ...flow('个', 30),
    },
  ]),
  ...section(ctx, 'reform', '着力深化改革创新', [
    { id: 'ls-integrated-matters', quote: '推动不少于90个高频事项集成办成', ...flow('个', 90) },
    { id: 'ls-district-wide-matters', quote: '不少于140个事项“全域通办”', ...flow('个', 140) },
  ]),
  ...section(ctx, 'demand', '主要预期目标', [
    { id: 'ls-gdp-growth', quote: '全区生产总值增长5.5%以上', ...growth(5.5) },
    { id: 'ls-fiscal-revenue-growth', quote: '区级一般公共预算收入增长3.5%以上', ...growth(3.5) },
    // Stated in words, no figure: judged once, at the year end.
    { id: 'ls-income-in-step-with-growth', quote: '居民人均可支配收入与经济增长基本同步', ...milestone('基本同步') },
  ]),
  ...section(ctx, 'green', '主要预期目标', [
    { id: 'ls-energy-carbon-binding-targets', quote: '全面完成节能减排降碳约束性指标', ...milestone('全面完成') },
  ]),
  ...section(ctx, 'industry', '全面放大创新型产业引领力', [
    {
      id: 'ls-ai-vr-scale',
      quote: '推动人工智能、虚拟现实产业总规模突破600亿元',
      // 产业规模 is the industries' revenue over 2025: a flow, like 旅游总收入.
      ...flow('亿元', 600, 'gt'),
    },
  ]),
  ...section(ctx, 'industry', '不断增强数字经济原动力', [
    { id: 'ls-software-tech-centers', quote: '新培育省级软件工程技术中心3个以上', ...flow('个', 3) },
    { id: 'ls-software-scale', quote: '软件和信息技术服务产业规模突破230亿元', ...flow('亿元', 230, 'gt') },
    { id: 'ls-smart-transformation-firms', quote: '推动30家以上企业完成“智改数转”', ...flow('家', 30) },
    { id: 'ls-tech-renovation-growth', quote: '工业技改投资增长10%以上', ...growth(10) },
    {
      // The source breaks the line inside 规模以上 (a page break), so the quote starts after it.
      id: 'ls-industrial-value-added-growth',
      title: '全区规模以上工业增加值增长8%以上',
      quote: '上工业增加值增长8%以上',
      ...growth(8),
    },
    { id: 'ls-compute-scale', quote: '全区算力规模突破2600P', ...level('P', 2600, 'gt') },
    { id: 'ls-digital-innovation-labs', quote: '新培育省级数字经济创新实验室3家', ...flow('家', 3) },
    {
      id: 'ls-digital-innovation-centers',
      title: '新培育数字经济创新中心20家',
      quote: '数字经济创新中心20家',
      ...flow('家', 20),
    },
  ]),
  ...section(ctx, 'marine', '加力做强海洋经济竞争力', [
    { id: 'ls-marine-innovation-alliance', quote: '成立海洋产学研协同创新联盟', ...milestone('成立') },
    { id: 'ls-marine-talent', quote: '新增海洋高端人才10人以上', ...flow('人', 10) },
    {
      id: 'ls-xinhuajin-rehab-hospital',
      quote: '推动新华锦国际康复医院等项目竣工',
      ...milestone(['主体工程完工', '2025-06-30'], '竣工'),
    },
    { id: 'ls-marine-high-tech-firms', quote: '海洋领域高新技术企业达到40家以上', ...level('家', 40) },
    { id: 'ls-marine-gdp-growth', quote: '推动海洋生产总值增长10%以上', ...growth(10) },
  ]),
  ...section(ctx, 'services', '持续提升现代服务业硬实力', [
    { id: 'ls-financial-institutions', quote: '新引进金融机构及类金融企业100家以上', ...flow('家', 100) },
    {
      id: 'ls-regional-financial-hq',
      quote: '新增区域性管辖区金融机构和功能性总部2个以上',
      ...flow('个', 2),
    },
    { id: 'ls-tourism-revenue', quote: '全年旅游总收入达到220亿元', ...flow('亿元', 220, 'eq') },
  ]),
  ...section(ctx, 'innovation', '聚力提升科创策源能级', [
    { id: 'ls-innovation-platforms', quote: '新增市级以上科技创新平台20个', ...flow('个', 20) },
    { id: 'ls-key-tech-breakthroughs', quote: '突破行业关键技术10项以上', ...flow('项', 10) },
    { id: 'ls-high-level-talent-projects', quote: '新引育院士及国家级高层次人才项目10个以上', ...flow('个', 10) },
    { id: 'ls-high-value-patents', quote: '推动万人高价值发明专利拥有量达到200件', ...level('件', 200, 'eq') },
  ]),
  ...section(ctx, 'innovation', '聚力增强企业创新能力', [
    { id: 'ls-unicorns', quote: '新培育独角兽企业1家', ...flow('家', 1) },
    // One sentence under 新培育: each half keeps the verb (新培育专精特新“小巨人”企业3家…), not a stock to hold.
    {
      id: 'ls-little-giants',
      title: '新培育专精特新“小巨人”企业3家',
      quote: '专精特新“小巨人”企业3家',
      ...flow('家', 3),
    },
    { id: 'ls-gazelles', title: '新培育省级瞪羚企业6家', quote: '省级瞪羚企业6家', ...flow('家', 6) },
    { id: 'ls-specialised-smes', title: '新培育专精特新企业30家', quote: '专精特新企业30家', ...flow('家', 30) },
    { id: 'ls-innovative-smes', title: '新培育创新型中小企业60家', quote: '创新型中小企业60家', ...flow('家', 60) },
    { id: 'ls-high-tech-enterprises', quote: '新增高新技术企业100家', ...flow('家', 100) },
    { id: 'ls-industry-university-projects', quote: '新完成产学研合作项目20个以上', ...flow('个', 20) },
  ]),
  ...section(ctx, 'innovation', '聚力畅通成果转化链条', [
    { id: 'ls-high-value-results', quote: '新入库高价值成果100项以上', ...flow('项', 100) },
    { id: 'ls-self-commercialising-firms', quote: '新增成果自行转化企业5家以上', ...flow('家', 5) },
    { id: 'ls-tech-brokers', quote: '新增专业化技术经纪人100人以上', ...flow('人', 100) },
  ]),
  ...section(ctx, 'urban', '建管并重增强承载能力', [
    { id: 'ls-roads-opened', quote: '推动科苑经五路等7条道路主线通车', ...flow('条', 7) },
    { id: 'ls-public-car-parks', quote: '推进3处公共停车场建设', ...flow('处', 3) },
    { id: 'ls-parking-spaces', quote: '新启用停车位3000余个', ...flow('个', 3000) },
    {
      // The source breaks the line inside 绿地 (a page break), so the quote starts after it.
      id: 'ls-green-space',
      title: '新提升绿地面积5万平方米',
      quote: '地面积5万平方米',
      ...flow('万平方米', 5),
    },
    { id: 'ls-public-toilets', quote: '完成11座环卫公厕适老化改造', ...flow('座', 11) },
  ]),
  ...section(ctx, 'urban', '内外兼修提升宜居品质', [
    { id: 'ls-resettlement-topped-out', quote: '推动中韩、枯桃、王家村3个安置区主体封顶', ...flow('个', 3) },
    { id: 'ls-resettlement-completed', quote: '建成张家下庄、董家下庄等8个安置区', ...flow('个', 8) },
    { id: 'ls-resettled-households', quote: '让4400户居民喜迁新居', ...flow('户', 4400) },
    { id: 'ls-complete-communities', quote: '打造瑶海路社区等4个完整社区', ...flow('个', 4) },
    { id: 'ls-old-residential-renovation', quote: '新改造老旧小区18个', ...flow('个', 18) },
    { id: 'ls-micro-renewal', quote: '实施城市“微更新”项目10个', ...flow('个', 10) },
  ]),
  ...section(ctx, 'rural', '努力增强乡村产业新动能', [
    { id: 'ls-gap-certified-entities', quote: '培育良好农业规范认证主体10家以上', ...flow('家', 10) },
    { id: 'ls-laoshan-tea-brand-value', quote: '推动崂山茶品牌价值突破19亿元', ...level('亿元', 19, 'gt') },
    { id: 'ls-agri-culture-tourism-streets', quote: '建设农文旅融合发展特色街区4处', ...flow('处', 4) },
  ]),
  ...section(ctx, 'rural', '努力绘就和美乡村新图景', [
    { id: 'ls-demonstration-zones', quote: '新启动3个示范片区的规划建设', ...flow('个', 3) },
    { id: 'ls-micro-improvement-projects', quote: '实施“微整治·精提升”项目9个', ...flow('个', 9) },
  ]),
  ...section(ctx, 'rural', '努力拓宽城乡融合新路径', [
    { id: 'ls-rural-roads', quote: '改造提升农村公路36条', ...flow('条', 36) },
    { id: 'ls-village-enterprise-pairs', quote: '新增村企结对6家', ...flow('家', 6) },
    { id: 'ls-common-prosperity-base', quote: '打造共富基地1处', ...flow('处', 1) },
  ]),
  ...section(ctx, 'green', '持之以恒强化污染防治', [
    {
      id: 'ls-zhangcunhe-restoration-phase1',
      quote: '高质量建好张村河生态修复与环境整治提升一期工程',
      ...milestone(['主体工程完工', '2025-09-30'], '建成'),
    },
  ]),
  ...section(ctx, 'green', '多措并举厚植生态优势', [
    { id: 'ls-geohazard-sites', quote: '整治地质灾害隐患点20处', ...flow('处', 20) },
    { id: 'ls-pine-wilt-zero', quote: '抓好疫木集中除治，实现动态清零', ...milestone('实现动态清零') },
    { id: 'ls-forest-quality', quote: '实施森林质量精准提升1万亩', ...flow('万亩', 1) },
  ]),
  ...section(ctx, 'green', '常态长效促进绿色发展', [
    { id: 'ls-green-parks', quote: '新培育国家级绿色园区1个', ...flow('个', 1) },
    { id: 'ls-green-factories', title: '新培育国家级绿色工厂2家', quote: '绿色工厂2家', ...flow('家', 2) },
    { id: 'ls-charging-piles', quote: '新建成电动汽车充电桩1500个', ...flow('个', 1500) },
    { id: 'ls-green-buildings', quote: '新增绿色建筑100万平方米以上', ...flow('万平方米', 100) },
    { id: 'ls-prefab-buildings', quote: '新开工装配式建筑30万平方米以上', ...flow('万平方米', 30) },
  ]),
  ...section(ctx, 'livelihood', '坚持人民至上、促进普惠均衡，加快谱写幸福崂山新篇章', [
    { id: 'ls-livelihood-projects', quote: '高标准办好8个方面32件民生实事', ...flow('件', 32) },
  ]),
  ...section(ctx, 'livelihood', '扎实推进教育优质均衡发展', [
    { id: 'ls-schools-under-construction', quote: '加快午山中学等6所学校、幼儿园建设', ...flow('所', 6) },
    {
      // The source breaks the line inside 第一中学 (a page break), so the quote starts after it.
      id: 'ls-no1-middle-school-topping-out',
      title: '推动崂山区第一中学主体封顶',
      quote: '一中学主体封顶',
      ...milestone('主体封顶'),
    },
    { id: 'ls-primary-secondary-upgrades', quote: '改造提升8所中小学', ...flow('所', 8) },
    { id: 'ls-kindergarten-upgrades', title: '改造提升5所幼儿园', quote: '5所幼儿园', ...flow('所', 5) },
    { id: 'ls-rural-school-heating', quote: '为10所农村学校实施空调更新、温暖改造', ...flow('所', 10) },
    { id: 'ls-hefei-road-footbridge', quote: '建成合肥路小学人行过街天桥', ...milestone('建成') },
    { id: 'ls-school-traffic-safety', quote: '完善15所学校周边交通安全设施', ...flow('所', 15) },
  ]),
  ...section(ctx, 'livelihood', '深入全面建设健康崂山', [
    { id: 'ls-village-clinics', quote: '完成29处一体化卫生室改造', ...flow('处', 29) },
  ]),
  ...section(ctx, 'livelihood', '加快完善社会保障体系', [
    { id: 'ls-new-urban-jobs', quote: '实现城镇新增就业2.2万人', ...flow('万人', 2.2) },
    { id: 'ls-flexible-jobs', quote: '为灵活务工人员等群体提供就业岗位1万个以上', ...flow('万个', 1) },
    { id: 'ls-affordable-housing', quote: '面向社会提供公租房、人才住房及保障性租赁住房1000套', ...flow('套', 1000) },
    { id: 'ls-sanitation-workers-home', quote: '建成投用“城市美容师之家”', ...milestone('建成投用') },
    {
      id: 'ls-sanitation-workers-housing',
      title: '建成投用“城市美容师之家”，改善1200名环卫工人居住条件',
      quote: '改善1200名环卫工人居住条件',
      ...flow('名', 1200),
    },
    {
      id: 'ls-disabled-accessibility',
      title: '“一户一策”推进400户重度残疾人家庭无障碍改造',
      quote: '推进400户重度残疾人家庭无障碍改造',
      ...flow('户', 400),
    },
  ]),
  ...section(ctx, 'livelihood', '不断扩增“一老一小”精准服务', [
    { id: 'ls-elderly-guidance-center', quote: '设立区级养老服务指导中心', ...milestone('设立') },
    { id: 'ls-age-friendly-communities', quote: '打造5处以上老年友好型社区', ...flow('处', 5) },
    { id: 'ls-childcare-points', quote: '新建4处托育点', ...flow('处', 4) },
    { id: 'ls-child-reading-spaces', quote: '打造15个“儿童友好”阅读新空间', ...flow('个', 15) },
    { id: 'ls-playgrounds', title: '打造10处儿童乐园', quote: '10处儿童乐园', ...flow('处', 10) },
    { id: 'ls-child-fitness-tests', quote: '为2500名幼儿开展体质普测', ...flow('名', 2500) },
  ]),
  ...section(ctx, 'livelihood', '持续丰富群众文体生活', [
    { id: 'ls-civilisation-pilot-villages', quote: '打造38个示范试点村（社区）', ...flow('个', 38) },
    { id: 'ls-city-study-rooms', quote: '新建3处城市书房', ...flow('处', 3) },
    { id: 'ls-self-service-libraries', title: '新建2处自助图书馆', quote: '2处自助图书馆', ...flow('处', 2) },
    { id: 'ls-cultural-events', quote: '组织开展1500场文化惠民活动', ...flow('场', 1500) },
    { id: 'ls-fitness-park', quote: '建设1处全民健身体育公园', ...flow('处', 1) },
    { id: 'ls-fitness-trails', title: '建设15处健身路径', quote: '15处健身路径', ...flow('处', 15) },
  ]),
  ...section(ctx, 'livelihood', '全力夯实基层基础', [
    { id: 'ls-party-service-centers', quote: '改造提升社区党群服务中心20处', ...flow('处', 20) },
    { id: 'ls-red-property-projects', quote: '打造4个省、市级红色物业示范项目', ...flow('个', 4) },
  ]),
  ...section(ctx, 'livelihood', '全面筑牢本质安全', [
    { id: 'ls-high-rise-fire-safety', quote: '完成30栋高层住宅消防设施改造', ...flow('栋', 30) },
    { id: 'ls-emergency-rescue-stations', quote: '新建提升基层应急救援站32个', ...flow('个', 32) },
    { id: 'ls-food-safety-sampling', quote: '完成食品安全抽检8000余批次', ...flow('批次', 8000) },
  ]),
];
