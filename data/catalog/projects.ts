import { DISTRICT_CITY, type KeyProject, type ProjectStage, type SectorId } from '../../src/domain/schemas';
import { DOCS } from './define';

/**
 * Key projects the documents name. Stage is the state at the start of 2025 as the text implies it:
 * 推进/加快/在建 → construction; 开工建设/启动 in 2025 → preparation; a project to be 建成/竣工/投产 in
 * 2025 is still under construction. The city report lists its projects by sector, not by district:
 * a project is 市级 unless its name states where it is (青岛西海岸新区肿瘤医院, 中国海洋大学西海岸校区,
 * 即墨温泉 → 西海岸新区 / 即墨区; 董家口港区 is the port area of 西海岸新区, 黄岛; 鳌山湾 is 即墨区's
 * bay; 上合国际枢纽港, 上合国际城 and the 丝路电商 base are in 上合示范区, 胶州市), or the Laoshan
 * report also names it (国信雪世界, 张村河水质净化厂 → 崂山区). A project both reports name is one
 * record, linked to both plans' project lists, never two. Routes from one place to another (董家口至五莲铁路,
 * 青兰高速(河套至黄岛段)) cross districts and stay 市级. Projects named by the city report are
 * linked to the 460 key projects and the 2450亿元 investment — an assumption: the report does not list
 * the 460. Laoshan's are linked to its 263 projects and their 1900亿元 on the same assumption. No investment figures are given
 * per project, so those stay null.
 */
const CITY_TARGETS = ['qd-key-projects', 'qd-key-investment'];
const LAOSHAN_TARGETS = ['ls-key-projects'];

interface ProjectInput {
  id: string;
  name: string;
  sectorId: SectorId;
  stage: ProjectStage;
  quote: string;
  document?: string;
  district?: string;
  /** Further targets the project counts towards, besides the plan's project and investment targets. */
  also?: string[];
}

function cityProject(p: ProjectInput): KeyProject {
  return project(p, DOCS.cityReport, DISTRICT_CITY, CITY_TARGETS);
}

function laoshanProject(p: ProjectInput): KeyProject {
  return project(p, DOCS.laoshan, '崂山区', LAOSHAN_TARGETS);
}

function project(p: ProjectInput, document: string, district: string, targets: string[]): KeyProject {
  return {
    id: p.id,
    name: p.name,
    district: p.district ?? district,
    sectorId: p.sectorId,
    targetIds: [...targets, ...(p.also ?? [])],
    totalInvestment: null,
    plannedInvestment: null,
    completedInvestment: null,
    stage: p.stage,
    owner: null,
    source: { document: p.document ?? document, quote: p.quote },
    demo: false,
  };
}

const EXPRESSWAYS = '加快董梁高速、青兰高速(河套至黄岛段)改扩建项目进度';
const IN_CONSTRUCTION = '提速推进胶州湾第二隧道、唐山路快速路和8条地铁线路等在建项目';
const RD_INSTITUTES = '加快北航青岛研究院、浪潮人工智能研究院等新型研发机构建设';
const MARINE_PLANTS = '中船双燃料发动机、潍柴(青岛)海洋装备制造中心等项目竣工投产';
const RETAIL = '加快山姆会员店、上合国际免税城等重点商贸项目建设';
const VOCATIONAL = '加快青岛职教园二期、青岛高新区职业学校改扩建工程';
const HOSPITALS_BUILDING = '加快市立医院东院区三期、市中心医院二期改扩建工程';
const HOSPITALS_DONE = '建成北大人民医院青岛医院二期、青岛西海岸新区肿瘤医院';
const CULTURE = '加快国家海洋考古博物馆、市图书馆新馆、市美术馆新馆建设';
const SCO = '加快上合国际枢纽港、“丝路电商”综合服务基地建设';
const RESETTLEMENT_TOPPING = '推动中韩、枯桃、王家村3个安置区主体封顶';
const RESETTLEMENT_DONE = '建成张家下庄、董家下庄等8个安置区';
const LS_SEWAGE = '加快建设张村河水质净化厂、沙子口污水处理厂';

export const NAMED_PROJECTS: KeyProject[] = [
  // 青岛市2025年政府工作报告 — 持续扩大有效投资
  cityProject({
    id: 'prj-weisu-hsr-qingdao-link',
    name: '潍宿高铁至青岛连接线工程',
    sectorId: 'demand',
    stage: 'construction',
    quote: '推进潍宿高铁至青岛连接线工程',
  }),
  cityProject({
    id: 'prj-dongjiakou-wulian-railway',
    name: '董家口至五莲铁路',
    sectorId: 'demand',
    stage: 'preparation',
    quote: '全面启动董家口至五莲铁路建设',
    also: ['qd-dongjiakou-wulian-railway'],
  }),
  cityProject({
    id: 'prj-dongliang-expressway-expansion',
    name: '董梁高速改扩建项目',
    sectorId: 'demand',
    stage: 'construction',
    quote: EXPRESSWAYS,
  }),
  cityProject({
    id: 'prj-qinglan-expressway-expansion',
    name: '青兰高速(河套至黄岛段)改扩建项目',
    sectorId: 'demand',
    stage: 'construction',
    quote: EXPRESSWAYS,
  }),
  cityProject({
    id: 'prj-shenhai-expressway-expansion',
    name: '沈海高速改扩建工程',
    sectorId: 'demand',
    stage: 'construction',
    quote: '实现沈海高速改扩建工程全线通车',
    also: ['qd-shenhai-expressway-open'],
  }),
  cityProject({
    id: 'prj-shuangshan-tunnel',
    name: '双山隧道',
    sectorId: 'demand',
    stage: 'preparation',
    quote: '开工建设双山隧道',
    also: ['qd-shuangshan-tunnel-start'],
  }),
  cityProject({
    id: 'prj-jiaozhou-bay-second-tunnel',
    name: '胶州湾第二隧道',
    sectorId: 'demand',
    stage: 'construction',
    quote: IN_CONSTRUCTION,
  }),
  cityProject({
    id: 'prj-tangshan-road-expressway',
    name: '唐山路快速路',
    sectorId: 'demand',
    stage: 'construction',
    quote: IN_CONSTRUCTION,
  }),
  cityProject({
    // The report names them only as a group: 8条地铁线路等在建项目.
    id: 'prj-metro-lines-under-construction',
    name: '8条在建地铁线路',
    sectorId: 'demand',
    stage: 'construction',
    quote: IN_CONSTRUCTION,
  }),
  cityProject({
    id: 'prj-guanlu-reservoir',
    name: '官路水库',
    sectorId: 'demand',
    stage: 'construction',
    quote: '建成官路水库主体工程,开建配套工程',
    also: ['qd-guanlu-reservoir'],
  }),
  // 科技创新
  cityProject({
    id: 'prj-machine-tool-innovation-center',
    name: '中国机械总院工业母机创新中心',
    sectorId: 'innovation',
    stage: 'preparation',
    quote: '推动中国机械总院工业母机创新中心开工',
    also: ['qd-machine-tool-innovation-center-start'],
  }),
  cityProject({
    id: 'prj-buaa-qingdao-institute',
    name: '北航青岛研究院',
    sectorId: 'innovation',
    stage: 'construction',
    quote: RD_INSTITUTES,
  }),
  cityProject({
    id: 'prj-inspur-ai-institute',
    name: '浪潮人工智能研究院',
    sectorId: 'innovation',
    stage: 'construction',
    quote: RD_INSTITUTES,
  }),
  cityProject({
    id: 'prj-zhonghua-thermophysics-phase3',
    name: '“仲华”热物理试验装置三期',
    sectorId: 'innovation',
    stage: 'construction',
    quote: '实现“仲华”热物理试验装置三期主体完工',
    also: ['qd-zhonghua-phase3-structure'],
  }),
  cityProject({
    id: 'prj-national-carbon-metrology-lab',
    name: '中国计量院国家碳计量实验室',
    sectorId: 'innovation',
    stage: 'construction',
    quote: '积极推动中国计量院国家碳计量实验室、招商检测华北基地建设',
  }),
  cityProject({
    id: 'prj-cmhk-testing-north-china-base',
    name: '招商检测华北基地',
    sectorId: 'innovation',
    stage: 'construction',
    quote: '积极推动中国计量院国家碳计量实验室、招商检测华北基地建设',
  }),
  // 现代服务业
  cityProject({
    id: 'prj-guoxin-snow-world',
    name: '国信雪世界',
    sectorId: 'services',
    district: '崂山区',
    stage: 'construction',
    quote: '加快推进国信雪世界、即墨温泉改造升级项目',
    also: LAOSHAN_TARGETS,
  }),
  cityProject({
    id: 'prj-jimo-hot-spring-upgrade',
    name: '即墨温泉改造升级项目',
    district: '即墨区',
    sectorId: 'services',
    stage: 'construction',
    quote: '加快推进国信雪世界、即墨温泉改造升级项目',
  }),
  cityProject({ id: 'prj-sams-club', name: '山姆会员店', sectorId: 'services', stage: 'construction', quote: RETAIL }),
  cityProject({
    id: 'prj-sco-duty-free-city',
    name: '上合国际免税城',
    sectorId: 'services',
    stage: 'construction',
    quote: RETAIL,
  }),
  // 海洋
  cityProject({
    id: 'prj-national-deep-sea-gene-bank',
    name: '国家深海基因库',
    sectorId: 'marine',
    stage: 'construction',
    quote: '加快国家深海基因库等三大国家平台建设',
  }),
  cityProject({
    id: 'prj-deep-sea-mining-key-lab',
    name: '深海矿产开发全国重点实验室',
    sectorId: 'marine',
    stage: 'construction',
    quote: '推进深海矿产开发全国重点实验室建设',
  }),
  cityProject({
    id: 'prj-cssc-dual-fuel-engine',
    name: '中船双燃料发动机项目',
    sectorId: 'marine',
    stage: 'construction',
    quote: MARINE_PLANTS,
    also: ['qd-marine-equipment-projects-operating'],
  }),
  cityProject({
    id: 'prj-weichai-marine-equipment-center',
    name: '潍柴(青岛)海洋装备制造中心',
    sectorId: 'marine',
    stage: 'construction',
    quote: MARINE_PLANTS,
    also: ['qd-marine-equipment-projects-operating'],
  }),
  cityProject({
    id: 'prj-dongjiakou-wanbang-ore-terminal',
    name: '董家口港区万邦矿石码头',
    district: '西海岸新区',
    sectorId: 'marine',
    stage: 'construction',
    quote: '建成董家口港区万邦矿石码头',
    also: ['qd-wanbang-ore-terminal'],
  }),
  // 改革开放
  // 上合示范区 (中国—上海合作组织地方经贸合作示范区) lies in 胶州市; 004 places the 丝路电商 base there.
  cityProject({
    id: 'prj-sco-hub-port',
    name: '上合国际枢纽港',
    district: '胶州市',
    sectorId: 'reform',
    stage: 'construction',
    quote: SCO,
  }),
  cityProject({
    id: 'prj-silk-road-ecommerce-base',
    name: '“丝路电商”综合服务基地',
    district: '胶州市',
    sectorId: 'reform',
    stage: 'construction',
    quote: SCO,
  }),
  cityProject({
    id: 'prj-sco-international-city',
    name: '上合国际城',
    district: '胶州市',
    sectorId: 'reform',
    stage: 'construction',
    quote: '持续推进上合国际城建设',
  }),
  cityProject({
    id: 'prj-cjk-innovation-center-qingdao',
    name: '中日韩创新合作中心青岛基地',
    sectorId: 'reform',
    stage: 'construction',
    quote: '加快建设中日韩创新合作中心青岛基地',
  }),
  // 乡村振兴、绿色转型
  cityProject({
    id: 'prj-marine-fishery-germplasm-bank',
    name: '国家海洋渔业生物种质资源库',
    sectorId: 'rural',
    stage: 'construction',
    quote: '建设国家海洋渔业生物种质资源库',
  }),
  cityProject({
    // One plant, named by both reports: the city's 开工建设张村河水质净化厂二期 and Laoshan's
    // 加快建设张村河水质净化厂 (沙子口污水处理厂 beside it). It is in 崂山区 and counts towards both plans'
    // project lists; the city's words date its start (开工) in 2025, so it is still in preparation.
    id: 'prj-zhangcunhe-wwtp-phase2',
    name: '张村河水质净化厂二期',
    district: '崂山区',
    sectorId: 'green',
    stage: 'preparation',
    quote: '开工建设张村河水质净化厂二期等16个污水处理项目',
    also: ['qd-sewage-projects-start', ...LAOSHAN_TARGETS],
  }),
  cityProject({
    // 鳌山湾 is the bay of 即墨区 (鳌山卫).
    id: 'prj-aoshan-bay-restoration',
    name: '鳌山湾海洋生态保护修复工程',
    district: '即墨区',
    sectorId: 'green',
    stage: 'construction',
    quote: '实施鳌山湾海洋生态保护修复工程',
  }),
  // 民生
  cityProject({
    id: 'prj-ouc-west-coast-campus-phase2',
    name: '中国海洋大学西海岸校区二期',
    district: '西海岸新区',
    sectorId: 'livelihood',
    stage: 'construction',
    quote: '积极推进中国海洋大学西海岸校区二期建设',
  }),
  cityProject({
    id: 'prj-qingdao-vocational-park-phase2',
    name: '青岛职教园二期',
    sectorId: 'livelihood',
    stage: 'construction',
    quote: VOCATIONAL,
  }),
  cityProject({
    id: 'prj-high-tech-zone-vocational-school',
    name: '青岛高新区职业学校改扩建工程',
    sectorId: 'livelihood',
    stage: 'construction',
    quote: VOCATIONAL,
  }),
  cityProject({
    id: 'prj-municipal-hospital-east-phase3',
    name: '市立医院东院区三期',
    sectorId: 'livelihood',
    stage: 'construction',
    quote: HOSPITALS_BUILDING,
  }),
  cityProject({
    id: 'prj-central-hospital-phase2',
    name: '市中心医院二期改扩建工程',
    sectorId: 'livelihood',
    stage: 'construction',
    quote: HOSPITALS_BUILDING,
  }),
  cityProject({
    id: 'prj-pkuph-qingdao-phase2',
    name: '北大人民医院青岛医院二期',
    sectorId: 'livelihood',
    stage: 'construction',
    quote: HOSPITALS_DONE,
    also: ['qd-hospitals-completed'],
  }),
  cityProject({
    id: 'prj-west-coast-cancer-hospital',
    name: '青岛西海岸新区肿瘤医院',
    district: '西海岸新区',
    sectorId: 'livelihood',
    stage: 'construction',
    quote: HOSPITALS_DONE,
    also: ['qd-hospitals-completed'],
  }),
  cityProject({
    id: 'prj-tcm-innovation-base',
    name: '青岛中医药传承创新基地',
    sectorId: 'livelihood',
    stage: 'construction',
    quote: '建成青岛中医药传承创新基地',
    also: ['qd-tcm-innovation-base'],
  }),
  cityProject({
    id: 'prj-national-marine-archaeology-museum',
    name: '国家海洋考古博物馆',
    sectorId: 'livelihood',
    stage: 'construction',
    quote: CULTURE,
  }),
  cityProject({
    id: 'prj-city-library-new',
    name: '市图书馆新馆',
    sectorId: 'livelihood',
    stage: 'construction',
    quote: CULTURE,
  }),
  cityProject({
    id: 'prj-city-art-museum-new',
    name: '市美术馆新馆',
    sectorId: 'livelihood',
    stage: 'construction',
    quote: CULTURE,
  }),

  // 崂山区2025年政府工作报告
  laoshanProject({
    id: 'prj-ls-intl-comm-gateway-phase1',
    name: '青岛国际通信业务出入口局一期',
    sectorId: 'industry',
    stage: 'construction',
    quote: '推动青岛国际通信业务出入口局一期等120个项目高水平建设',
    also: ['ls-projects-under-construction'],
  }),
  laoshanProject({
    id: 'prj-ls-yinfeng-ramada-hotel',
    name: '银丰华美达酒店',
    sectorId: 'services',
    stage: 'construction',
    quote: '推动银丰华美达酒店等60个项目竣工',
    also: ['ls-projects-completed'],
  }),
  laoshanProject({
    id: 'prj-ls-biomedicine-innovation-center-phase2',
    name: '青岛生物医药协同创新中心二期',
    sectorId: 'marine',
    stage: 'construction',
    quote: '加快建设青岛生物医药协同创新中心二期等重点项目',
  }),
  laoshanProject({
    id: 'prj-ls-xinhuajin-rehab-hospital',
    name: '新华锦国际康复医院',
    sectorId: 'marine',
    stage: 'construction',
    quote: '推动新华锦国际康复医院等项目竣工',
    also: ['ls-xinhuajin-rehab-hospital'],
  }),
  laoshanProject({
    id: 'prj-ls-haizhixin-ai-computing-expansion',
    name: '“海之心”人工智能计算中心算力扩容',
    sectorId: 'industry',
    stage: 'construction',
    quote: '支持“海之心”人工智能计算中心算力扩容',
    also: ['ls-compute-scale'],
  }),
  laoshanProject({
    id: 'prj-ls-keyuan-jingwu-road',
    name: '科苑经五路',
    sectorId: 'urban',
    stage: 'construction',
    quote: '推动科苑经五路等7条道路主线通车',
    also: ['ls-roads-opened'],
  }),
  laoshanProject({
    id: 'prj-ls-zhonghan-resettlement',
    name: '中韩安置区',
    sectorId: 'urban',
    stage: 'construction',
    quote: RESETTLEMENT_TOPPING,
    also: ['ls-resettlement-topped-out'],
  }),
  laoshanProject({
    id: 'prj-ls-kutao-resettlement',
    name: '枯桃安置区',
    sectorId: 'urban',
    stage: 'construction',
    quote: RESETTLEMENT_TOPPING,
    also: ['ls-resettlement-topped-out'],
  }),
  laoshanProject({
    id: 'prj-ls-wangjiacun-resettlement',
    name: '王家村安置区',
    sectorId: 'urban',
    stage: 'construction',
    quote: RESETTLEMENT_TOPPING,
    also: ['ls-resettlement-topped-out'],
  }),
  laoshanProject({
    id: 'prj-ls-zhangjiaxiazhuang-resettlement',
    name: '张家下庄安置区',
    sectorId: 'urban',
    stage: 'construction',
    quote: RESETTLEMENT_DONE,
    also: ['ls-resettlement-completed'],
  }),
  laoshanProject({
    id: 'prj-ls-dongjiaxiazhuang-resettlement',
    name: '董家下庄安置区',
    sectorId: 'urban',
    stage: 'construction',
    quote: RESETTLEMENT_DONE,
    also: ['ls-resettlement-completed'],
  }),
  laoshanProject({
    id: 'prj-ls-shazikou-wwtp',
    name: '沙子口污水处理厂',
    sectorId: 'green',
    stage: 'construction',
    quote: LS_SEWAGE,
  }),
  laoshanProject({
    id: 'prj-ls-zhangcunhe-restoration-phase1',
    name: '张村河生态修复与环境整治提升一期工程',
    sectorId: 'green',
    stage: 'construction',
    quote: '高质量建好张村河生态修复与环境整治提升一期工程',
    also: ['ls-zhangcunhe-restoration-phase1'],
  }),
  laoshanProject({
    id: 'prj-ls-wushan-middle-school',
    name: '午山中学',
    sectorId: 'livelihood',
    stage: 'construction',
    quote: '加快午山中学等6所学校、幼儿园建设',
    also: ['ls-schools-under-construction'],
  }),
  laoshanProject({
    id: 'prj-ls-no1-middle-school',
    name: '崂山区第一中学',
    sectorId: 'livelihood',
    stage: 'construction',
    quote: '一中学主体封顶',
    also: ['ls-no1-middle-school-topping-out'],
  }),
  laoshanProject({
    id: 'prj-ls-peoples-hospital',
    name: '崂山区人民医院',
    sectorId: 'livelihood',
    stage: 'construction',
    quote: '加快崂山区人民医院建设',
  }),
];
