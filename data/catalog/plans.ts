import { DEFAULT_THRESHOLDS, type Plan } from '../../src/domain/schemas';
import { DOCS } from './define';

export const PLANS: Plan[] = [
  {
    id: 'qd-2025',
    title: '青岛市2025年政府工作报告',
    issuer: '青岛市人民政府',
    year: 2025,
    document: DOCS.cityReport,
    // The source is the 青岛日报 graphic summary, 2025年2月9日.
    publishedOn: '2025-02-09',
    thresholds: DEFAULT_THRESHOLDS,
    // The city's plan: a department's report is checked by a reviewer before the board counts it.
    approval: true,
  },
  {
    id: 'digital-2025',
    title: '数字青岛2025年行动方案',
    // Presented by 市大数据局 at the 市政府新闻办 press conference of 6月5日 (2025).
    issuer: '青岛市大数据局',
    year: 2025,
    document: DOCS.digital,
    publishedOn: '2025-06-05',
    thresholds: DEFAULT_THRESHOLDS,
  },
  {
    id: 'laoshan-2025',
    title: '崂山区2025年政府工作报告',
    issuer: '崂山区人民政府',
    year: 2025,
    document: DOCS.laoshan,
    // Delivered at the 崂山区第十九届人民代表大会第四次会议, 1月6日 (2025).
    publishedOn: '2025-01-06',
    thresholds: DEFAULT_THRESHOLDS,
  },
  {
    id: 'industry-10plus1',
    title: '青岛构建“10+1”创新型产业体系',
    issuer: '青岛市人民政府',
    year: 2025,
    document: DOCS.industry,
    // The article says only 近日 (January 2025); no exact date.
    publishedOn: null,
    thresholds: DEFAULT_THRESHOLDS,
  },
];
