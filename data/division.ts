import { DEPARTMENTS } from './departments';

/**
 * A DEMO division of tasks (任务分解) for the targets whose documents name no lead department: a
 * plausible lead (牵头单位) and one or two supporting departments (配合单位), as registry ids of
 * `departments.ts`. It is not what any document says — the UI marks it as demo, like the demo progress.
 *
 * The rules, in order:
 * - a target that names its department (`department` set) gets none: the document's word stands;
 * - a district's own target (`district` other than 市级, e.g. the 崂山区 plan) is led by that district's
 *   government; the city department whose business it is supports it;
 * - otherwise the first keyword rule that matches the title (then the sub-heading) gives the lead and
 *   the supporting departments; without a match, the plan (数字青岛 → 市大数据局, “10+1” → 市工信局)
 *   and then the sector give the lead;
 * - a city investment or project target is supported by the district where the title places it, or
 *   else by one or two district governments chosen by a hash of the target id.
 *
 * Deterministic: the same target always gets the same division.
 */

export interface DemoDivision {
  /** Registry id of the lead department (牵头单位). */
  lead: string;
  /** Registry ids of the supporting departments (配合单位): one to three, never the lead. */
  supporting: string[];
}

export interface DivisionTarget {
  id: string;
  planId: string;
  sectorId: string;
  subsection: string;
  title: string;
  district: string;
  department: string | null;
}

/** A lead and the departments that usually support it, in order of closeness. */
interface Choice {
  lead: string;
  supporting: readonly string[];
}

interface Rule extends Choice {
  re: RegExp;
}

/** First match wins: the specific compounds come before the broad words they contain. */
const RULES: readonly Rule[] = [
  // A project list named by its first project (青岛国际通信业务出入口局一期等120个项目)
  { re: /等\d+个项目/, lead: 'fgw', supporting: ['zrzyj'] },
  // Housing words that hold a broader word (人才住房 ⊃ 人才)
  { re: /保障性住房|公租房|人才住房|保障性租赁住房/, lead: 'zjj', supporting: ['gjjzx'] },
  // Jobs and social insurance (养老保险 before 养老 → 民政)
  { re: /养老保险|参保/, lead: 'rsj', supporting: ['tax', 'ybj'] },
  { re: /就业|岗位|务工/, lead: 'rsj', supporting: ['myjjj', 'jyj'] },
  { re: /创业/, lead: 'rsj', supporting: ['myjjj', 'czj'] },
  { re: /人才/, lead: 'rsj', supporting: ['kjj'] },
  // Industries whose names hold a broader word (汽车 ⊃ 新能源, 生命健康 ⊃ 健康, 绿色能源 ⊃ 能源)
  { re: /充电桩/, lead: 'fgw', supporting: ['cgj'] },
  { re: /新能源汽车|汽车/, lead: 'gxj', supporting: ['fgw', 'kjj'] },
  { re: /生命健康|生物医药/, lead: 'gxj', supporting: ['wjw', 'fgw'] },
  { re: /绿色能源/, lead: 'fgw', supporting: ['gxj'] },
  // Marine economy and ports
  { re: /涉海|海洋科技/, lead: 'hyj', supporting: ['kjj'] },
  { re: /海洋装备/, lead: 'hyj', supporting: ['gxj'] },
  { re: /海洋.*项目/, lead: 'hyj', supporting: ['fgw'] },
  { re: /养殖|渔业|渔船/, lead: 'hyj', supporting: ['gxj', 'nyj'] },
  { re: /码头|港口|港区|航线|航运/, lead: 'hyj', supporting: ['jtj', 'swj'] },
  { re: /海洋/, lead: 'hyj', supporting: ['fgw', 'kjj'] },
  // Culture and tourism
  { re: /邮轮/, lead: 'wlj', supporting: ['hg', 'jtj'] },
  { re: /海上旅游/, lead: 'wlj', supporting: ['hyj', 'jtj'] },
  { re: /旅游|文旅|文化|书房|图书馆|阅读/, lead: 'wlj', supporting: ['swj'] },
  // Public finance, state assets, private economy
  { re: /财政科技/, lead: 'czj', supporting: ['kjj'] },
  { re: /转移支付|财政|预算收入|税收/, lead: 'czj', supporting: ['tax', 'fgw'] },
  { re: /科技股权/, lead: 'kjj', supporting: ['czj', 'jrj'] },
  { re: /股权投资|基金|金融|上市/, lead: 'jrj', supporting: ['czj'] },
  { re: /市属企业.*研发/, lead: 'gzw', supporting: ['kjj'] },
  { re: /市属企业|国资|国企/, lead: 'gzw', supporting: ['czj'] },
  { re: /科技型企业/, lead: 'kjj', supporting: ['myjjj'] },
  { re: /民营/, lead: 'myjjj', supporting: ['gxj', 'scjgj'] },
  // Trade and consumption (数字贸易 before 数字)
  { re: /进出口|外贸|跨境/, lead: 'swj', supporting: ['hg'] },
  { re: /数字贸易/, lead: 'swj', supporting: ['dsjj'] },
  { re: /网络零售|电商/, lead: 'swj', supporting: ['dsjj', 'tjj'] },
  { re: /便民生活圈/, lead: 'swj', supporting: ['zjj', 'scjgj'] },
  { re: /消费|社零|商圈|零售/, lead: 'swj', supporting: ['wlj'] },
  // Sanitation before 适老 (环卫公厕适老化改造 is the city administration's)
  { re: /环卫|公厕|城市美容师|背街小巷|市容/, lead: 'cgj', supporting: ['zjj'] },
  // Elderly, children, disabled
  { re: /银发经济/, lead: 'mzj', supporting: ['fgw', 'wjw'] },
  { re: /适老/, lead: 'mzj', supporting: ['zjj', 'cl'] },
  { re: /养老|老年|失智/, lead: 'mzj', supporting: ['wjw'] },
  { re: /托育|托位|婴幼儿/, lead: 'wjw', supporting: ['jyj', 'mzj'] },
  { re: /残疾人/, lead: 'cl', supporting: ['mzj', 'zjj'] },
  { re: /儿童/, lead: 'mzj', supporting: ['wlj'] },
  // Education (学院, 学生 before 健康)
  { re: /职业学院/, lead: 'jyj', supporting: ['wjw', 'rsj'] },
  { re: /心理健康/, lead: 'jyj', supporting: ['wjw'] },
  { re: /学生|学校|中小学|幼儿园|中学|小学|教育|学位/, lead: 'jyj', supporting: ['zjj', 'czj'] },
  // Health
  { re: /医联体|医保/, lead: 'wjw', supporting: ['ybj'] },
  { re: /医院|医疗|医务|卫生|健康|学科|专科|中医药|康复/, lead: 'wjw', supporting: ['ybj', 'fgw'] },
  // Sport (体育公园 before 公园)
  { re: /体育|健身|体质/, lead: 'tyj', supporting: ['yllyj', 'jyj'] },
  // Housing and urban renewal
  { re: /保交房/, lead: 'zjj', supporting: ['zrzyj', 'jrj'] },
  { re: /城中村|安置/, lead: 'zjj', supporting: ['zrzyj'] },
  { re: /绿色建筑|装配式/, lead: 'zjj', supporting: ['fgw'] },
  { re: /农房/, lead: 'zjj', supporting: ['nyj'] },
  { re: /数字家庭/, lead: 'zjj', supporting: ['dsjj'] },
  { re: /物业/, lead: 'zjj', supporting: ['mzj'] },
  { re: /老旧小区|微更新|城市更新|完整社区|住房|棚改/, lead: 'zjj', supporting: ['cgj', 'yllyj'] },
  { re: /消防/, lead: 'yjj', supporting: ['zjj'] },
  // Parks and forests
  { re: /口袋公园|绿地|公园|森林|林业|疫木|松材线虫/, lead: 'yllyj', supporting: ['zrzyj'] },
  // City utilities (管网 before 供水)
  { re: /燃气|供热|管网/, lead: 'cgj', supporting: ['swglj'] },
  // Water
  { re: /水土流失/, lead: 'swglj', supporting: ['yllyj', 'zrzyj'] },
  { re: /污水处理|水质净化/, lead: 'swglj', supporting: ['sthjj'] },
  { re: /水库|供水|水务|防汛/, lead: 'swglj', supporting: ['fgw', 'nyj'] },
  // Parking
  { re: /停车/, lead: 'cgj', supporting: ['jtj', 'zrzyj'] },
  // Transport
  { re: /堵点/, lead: 'jtj', supporting: ['gaj'] },
  { re: /农村路|农村公路/, lead: 'jtj', supporting: ['nyj'] },
  { re: /铁路/, lead: 'jtj', supporting: ['fgw', 'zrzyj'] },
  { re: /高速|隧道|道路|地铁|轨道|公路|交通|通车|天桥/, lead: 'jtj', supporting: ['zjj'] },
  // Environment and energy
  { re: /柴油货车/, lead: 'sthjj', supporting: ['gaj', 'jtj'] },
  { re: /土壤/, lead: 'sthjj', supporting: ['zrzyj'] },
  { re: /生活污水/, lead: 'sthjj', supporting: ['nyj'] },
  { re: /节能减排|降碳/, lead: 'sthjj', supporting: ['fgw', 'gxj'] },
  { re: /大气|污染|空气|PM2\.5|减排|碧水|生态|环境/, lead: 'sthjj', supporting: ['fgw'] },
  { re: /绿色制造|绿色工厂|绿色园区/, lead: 'gxj', supporting: ['sthjj'] },
  { re: /非直供电/, lead: 'fgw', supporting: ['zjj', 'cgj'] },
  { re: /新能源|可再生能源|能源|电力/, lead: 'fgw', supporting: ['gxj'] },
  { re: /地质灾害/, lead: 'zrzyj', supporting: ['yjj'] },
  { re: /供地|用地|土地/, lead: 'zrzyj', supporting: ['fgw'] },
  { re: /应急|安全生产|救援/, lead: 'yjj', supporting: ['gaj'] },
  { re: /食品安全|抽检|专利/, lead: 'scjgj', supporting: ['kjj'] },
  // Digital infrastructure and data
  { re: /5G|基站|通信/, lead: 'txj', supporting: ['dsjj', 'gxj'] },
  { re: /算力|数据中心|机架/, lead: 'dsjj', supporting: ['gxj', 'txj'] },
  { re: /数字经济/, lead: 'dsjj', supporting: ['gxj', 'tjj'] },
  { re: /城市云脑|数据|开放场景|数字政府|数字青岛/, lead: 'dsjj', supporting: ['xzspj'] },
  // Government services
  { re: /无证明|证明事项/, lead: 'xzspj', supporting: ['sfj', 'dsjj'] },
  { re: /一件事|事项|审批|通办|办成/, lead: 'xzspj', supporting: ['dsjj'] },
  { re: /综合查一次|执法/, lead: 'sfj', supporting: ['scjgj'] },
  { re: /法律/, lead: 'sfj', supporting: ['swj'] },
  // Agriculture and the countryside
  { re: /数字农业|智慧农业/, lead: 'nyj', supporting: ['dsjj'] },
  { re: /农作物|品种|种业/, lead: 'nyj', supporting: ['kjj'] },
  { re: /农产品|良好农业规范/, lead: 'nyj', supporting: ['scjgj'] },
  { re: /乡村振兴|示范片区|村庄|农村|乡村|农业|茶|村企|共富/, lead: 'nyj', supporting: ['czj', 'zrzyj'] },
  // Industry and innovation
  { re: /两业融合/, lead: 'fgw', supporting: ['gxj'] },
  { re: /新兴产业|战略性新兴/, lead: 'fgw', supporting: ['gxj', 'tjj'] },
  { re: /企业技术中心/, lead: 'gxj', supporting: ['fgw'] },
  { re: /四首|三首|首台/, lead: 'gxj', supporting: ['kjj'] },
  { re: /软件/, lead: 'gxj', supporting: ['dsjj'] },
  { re: /数字化转型|智改数转/, lead: 'gxj', supporting: ['dsjj'] },
  { re: /人工智能|虚拟现实/, lead: 'gxj', supporting: ['kjj', 'dsjj'] },
  { re: /专精特新|小巨人|单项冠军|中小企业/, lead: 'gxj', supporting: ['myjjj'] },
  { re: /创新中心|研发经费|研发投入/, lead: 'kjj', supporting: ['gxj', 'tjj'] },
  {
    re: /科技|研发|实验室|技术攻关|关键技术|基础研究|概念验证|中试|高新技术企业|创新平台|试验装置|颠覆性|成果|瞪羚|独角兽|技术经纪|产学研/,
    lead: 'kjj',
    supporting: ['gxj'],
  },
  { re: /技改/, lead: 'gxj', supporting: ['fgw', 'czj'] },
  { re: /招引|招商/, lead: 'swj', supporting: ['fgw'] },
  { re: /重点项目|大项目|项目建设|投资|都市圈/, lead: 'fgw', supporting: ['zrzyj'] },
  {
    re: /家电|装备|化工|新材料|轻工|信息技术|制造|工业|产业链|产业规模|规上|纳统/,
    lead: 'gxj',
    supporting: ['fgw', 'kjj'],
  },
  { re: /生产总值|增加值|可支配收入|经济增长/, lead: 'fgw', supporting: ['tjj'] },
  { re: /社区|党群/, lead: 'mzj', supporting: ['zjj'] },
];

/** Without a keyword: the plan's issuer. */
const PLAN_LEADS: Readonly<Record<string, string>> = {
  'digital-2025': 'dsjj',
  'industry-10plus1': 'gxj',
};

/** Without a keyword or a plan lead: the sector's usual lead, and who supports it. */
const SECTOR_LEADS: Readonly<Record<string, Choice>> = {
  demand: { lead: 'fgw', supporting: ['swj'] },
  innovation: { lead: 'kjj', supporting: ['gxj'] },
  industry: { lead: 'gxj', supporting: ['fgw'] },
  services: { lead: 'swj', supporting: ['fgw'] },
  marine: { lead: 'hyj', supporting: ['fgw'] },
  reform: { lead: 'fgw', supporting: ['xzspj'] },
  urban: { lead: 'zjj', supporting: ['cgj'] },
  rural: { lead: 'nyj', supporting: ['czj'] },
  green: { lead: 'sthjj', supporting: ['fgw'] },
  livelihood: { lead: 'mzj', supporting: ['rsj'] },
};

const DEFAULT_CHOICE: Choice = { lead: 'fgw', supporting: ['tjj'] };

/** A title names a place (the catalog's place words): that district supports. Routes (…至…) do not. */
const PLACES: ReadonlyArray<readonly [string, string]> = [
  ['西海岸', '西海岸新区'],
  ['黄岛', '西海岸新区'],
  ['董家口', '西海岸新区'],
  ['张村河', '崂山区'],
  ['崂山', '崂山区'],
  ['即墨', '即墨区'],
  ['鳌山湾', '即墨区'],
  ['上合示范区', '胶州市'],
  ['上合国际', '胶州市'],
  ['胶州', '胶州市'],
  ['平度', '平度市'],
  ['莱西', '莱西市'],
  ['城阳', '城阳区'],
  ['李沧', '李沧区'],
  ['市南区', '市南区'],
  ['市北区', '市北区'],
];

const PROJECT_WORDS = /重点项目|大项目|项目建设|投资/;

const DISTRICT_IDS = DEPARTMENTS.filter((d) => d.kind === 'district').map((d) => d.id);

function districtId(name: string): string | undefined {
  return DEPARTMENTS.find((d) => d.kind === 'district' && d.district === name)?.id;
}

/** FNV-1a, 32 bit: a stable hash of the target id for the districts a project target names none of. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function choiceFor(t: DivisionTarget): Choice {
  for (const text of [t.title, t.subsection]) {
    const rule = RULES.find((r) => r.re.test(text));
    if (rule) return rule;
  }
  const planLead = PLAN_LEADS[t.planId];
  if (planLead) {
    const sector = SECTOR_LEADS[t.sectorId] ?? DEFAULT_CHOICE;
    return {
      lead: planLead,
      supporting: [sector.lead === planLead ? (sector.supporting[0] ?? 'fgw') : sector.lead],
    };
  }
  return SECTOR_LEADS[t.sectorId] ?? DEFAULT_CHOICE;
}

/** The supporting districts of a city investment or project target. */
function supportingDistricts(t: DivisionTarget): string[] {
  const named = PLACES.find(([word]) => t.title.includes(word));
  if (named && !t.title.includes('至')) {
    const id = districtId(named[1]);
    return id ? [id] : [];
  }
  if (!PROJECT_WORDS.test(t.title) || t.title.includes('股权投资')) return [];
  const h = hash(t.id);
  const first = DISTRICT_IDS[h % DISTRICT_IDS.length];
  const second = DISTRICT_IDS[(h >>> 8) % DISTRICT_IDS.length];
  const picked = (h >>> 16) % 2 === 0 ? [first] : [first, second];
  return picked.filter((id): id is string => id !== undefined);
}

function unique(ids: readonly string[], lead: string): string[] {
  return ids.filter((id, i) => id !== lead && ids.indexOf(id) === i);
}

/**
 * A plausible demo division of tasks for a target whose document names no department; null when it
 * does (`department` set).
 */
export function demoDivision(t: DivisionTarget): DemoDivision | null {
  if (t.department !== null && t.department.trim() !== '') return null;
  const choice = choiceFor(t);
  const own = districtId(t.district);
  if (own) {
    // A district's own target: the district government leads, the city department of the business supports.
    return { lead: own, supporting: unique([choice.lead, ...choice.supporting.slice(0, 1)], own) };
  }
  const districts = supportingDistricts(t);
  const departments = choice.supporting.slice(0, districts.length > 0 ? 1 : 2);
  let supporting = unique([...departments, ...districts], choice.lead);
  if (supporting.length === 0) supporting = unique(['fgw', 'tjj'], choice.lead).slice(0, 1);
  return { lead: choice.lead, supporting };
}
