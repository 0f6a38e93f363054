import { closestDepartmentsIn, matchDepartmentIn } from '../src/domain/departments';

/**
 * The department registry of Qingdao: the municipal government's working departments (市直部门), the
 * ten district and county-level-city governments (区市政府), and a few other bodies that lead or support
 * targets (central agencies in Qingdao, 青岛海关, 青岛高新区管委会, 市残联).
 *
 * Names are as the government writes them: `name` is the full name (市发展和改革委员会), `shortName`
 * the short name officials use (市发展改革委), `aliases` other spellings seen in documents (市发改委). The
 * 青岛 / 青岛市 prefix is left out (青岛市工业和信息化局 is written 市工业和信息化局 in municipal
 * documents); `matchDepartment` strips it from the text it matches. Names a department carries as an
 * added plate (市能源局 at 市发展改革委, 市知识产权局 at 市市场监管局) are its aliases.
 *
 * Used to match the department names of the catalog and of free text to one record, and by the demo
 * division of tasks (`division.ts`). Ids are stable ascii slugs (pinyin initials; `d-` + pinyin for a
 * district).
 */

import type { DepartmentKind } from '../src/domain/departments';

export type { DepartmentKind };

export interface DepartmentSeed {
  /** Stable ascii slug, lowercase, [a-z0-9-]: 'fgw', 'gxj', 'd-laoshan'. */
  id: string;
  /** Full name as the government writes it: 市发展和改革委员会, 崂山区人民政府. */
  name: string;
  /** The short name officials use: 市发展改革委, 崂山区. */
  shortName: string;
  kind: DepartmentKind;
  /** For kind 'district': the district exactly as targets spell it (崂山区, 西海岸新区); else null. */
  district: string | null;
  /** Other spellings seen in documents, used to match free text; unique across the registry. */
  aliases: string[];
}

const city = (id: string, name: string, shortName: string, aliases: string[] = []): DepartmentSeed => ({
  id,
  name,
  shortName,
  kind: 'city',
  district: null,
  aliases,
});

const other = (id: string, name: string, shortName: string, aliases: string[] = []): DepartmentSeed => ({
  id,
  name,
  shortName,
  kind: 'other',
  district: null,
  aliases,
});

const district = (id: string, name: string, districtName: string, aliases: string[] = []): DepartmentSeed => ({
  id,
  name,
  shortName: districtName,
  kind: 'district',
  district: districtName,
  aliases,
});

export const DEPARTMENTS: readonly DepartmentSeed[] = [
  // 市直部门 (the working departments of 青岛市人民政府, in the government's order, and 市住房公积金管理中心)
  city('fgw', '市发展和改革委员会', '市发展改革委', ['市发改委', '市能源局', '市粮食和物资储备局']),
  city('jyj', '市教育局', '市教育局'),
  city('kjj', '市科学技术局', '市科技局'),
  city('gxj', '市工业和信息化局', '市工信局'),
  city('gaj', '市公安局', '市公安局'),
  city('mzj', '市民政局', '市民政局'),
  city('sfj', '市司法局', '市司法局'),
  city('czj', '市财政局', '市财政局'),
  city('rsj', '市人力资源和社会保障局', '市人力资源社会保障局', ['市人社局']),
  city('zrzyj', '市自然资源和规划局', '市自然资源规划局', ['市自然资源局']),
  city('sthjj', '市生态环境局', '市生态环境局', ['市环保局']),
  city('zjj', '市住房和城乡建设局', '市住房城乡建设局', ['市住建局']),
  city('cgj', '市城市管理局', '市城市管理局', ['市城管局']),
  city('jtj', '市交通运输局', '市交通运输局', ['市交通局']),
  city('swglj', '市水务管理局', '市水务管理局', ['市水务局']),
  city('nyj', '市农业农村局', '市农业农村局', ['市农业局', '市乡村振兴局']),
  city('hyj', '市海洋发展局', '市海洋发展局', ['市海洋局']),
  city('swj', '市商务局', '市商务局'),
  city('wlj', '市文化和旅游局', '市文化和旅游局', ['市文化旅游局', '市文旅局']),
  city('wjw', '市卫生健康委员会', '市卫生健康委', ['市卫健委', '市中医药管理局']),
  city('tyjrj', '市退役军人事务局', '市退役军人局'),
  city('yjj', '市应急管理局', '市应急局'),
  city('sjj', '市审计局', '市审计局'),
  city('gzw', '市人民政府国有资产监督管理委员会', '市国资委', ['市政府国资委']),
  city('scjgj', '市市场监督管理局', '市市场监管局', ['市知识产权局']),
  city('tyj', '市体育局', '市体育局'),
  city('tjj', '市统计局', '市统计局'),
  city('ybj', '市医疗保障局', '市医保局'),
  city('xzspj', '市行政审批服务局', '市行政审批局'),
  city('dsjj', '市大数据发展管理局', '市大数据局'),
  city('myjjj', '市民营经济发展局', '市民营经济局', ['市中小企业局']),
  city('yllyj', '市园林和林业局', '市园林林业局', ['市林业局', '市园林局']),
  // Since the 2024 reform of local financial supervision (formerly 市地方金融监督管理局).
  city('jrj', '市地方金融管理局', '市金融管理局', ['市地方金融监督管理局', '市地方金融监管局', '市金融局']),
  city('gjjzx', '市住房公积金管理中心', '市住房公积金管理中心', ['市公积金中心', '市公积金管理中心']),

  // 其他: central agencies in Qingdao, the 高新区 administration and the disabled persons' federation
  other('txj', '市通信管理局', '市通信管理局'),
  other('yzj', '市邮政管理局', '市邮政管理局'),
  other('hg', '青岛海关', '青岛海关'),
  other('tax', '国家税务总局青岛市税务局', '市税务局'),
  other('cl', '市残疾人联合会', '市残联'),
  other('gxq', '青岛高新技术产业开发区管理委员会', '青岛高新区管委会', ['高新区管委会', '青岛高新区']),

  // 区市政府 (district: as targets spell it, see QINGDAO_DISTRICTS in demo.ts)
  district('d-shinan', '市南区人民政府', '市南区'),
  district('d-shibei', '市北区人民政府', '市北区'),
  district('d-licang', '李沧区人民政府', '李沧区'),
  district('d-laoshan', '崂山区人民政府', '崂山区'),
  // 西海岸新区 (黄岛区): the 管委会 and the district government work as one.
  district('d-xihaian', '黄岛区人民政府', '西海岸新区', ['青岛西海岸新区管理委员会', '西海岸新区管委会', '黄岛区']),
  district('d-chengyang', '城阳区人民政府', '城阳区'),
  district('d-jimo', '即墨区人民政府', '即墨区'),
  district('d-jiaozhou', '胶州市人民政府', '胶州市'),
  district('d-pingdu', '平度市人民政府', '平度市'),
  district('d-laixi', '莱西市人民政府', '莱西市'),
];

/** `matchDepartmentIn` over the seed registry. */
export function matchDepartment(text: string): DepartmentSeed | undefined {
  return matchDepartmentIn(DEPARTMENTS, text);
}

/** `closestDepartmentsIn` over the seed registry. */
export function closestDepartments(text: string, n = 3): DepartmentSeed[] {
  return closestDepartmentsIn(DEPARTMENTS, text, n);
}
