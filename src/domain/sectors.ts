import type { Sector } from './schemas';

/** The ten areas of the Qingdao 2025 government work report ("聚力攻坚求实效"), in its order. */
export const SECTORS: readonly Sector[] = [
  { id: 'demand', order: 1, name: '扩大内需', nameEn: 'Domestic demand', heading: '在全方位扩大内需上聚力攻坚求实效' },
  {
    id: 'innovation',
    order: 2,
    name: '科技创新',
    nameEn: 'Science & innovation',
    heading: '在以科技创新引领新质生产力发展上聚力攻坚求实效',
  },
  {
    id: 'industry',
    order: 3,
    name: '创新型产业体系',
    nameEn: 'Innovative industries',
    heading: '在建设创新型产业体系上聚力攻坚求实效',
  },
  {
    id: 'services',
    order: 4,
    name: '现代服务业',
    nameEn: 'Modern services',
    heading: '在升级发展现代服务业上聚力攻坚求实效',
  },
  {
    id: 'marine',
    order: 5,
    name: '海洋城市',
    nameEn: 'Marine city',
    heading: '在建设引领型现代海洋城市上聚力攻坚求实效',
  },
  {
    id: 'reform',
    order: 6,
    name: '改革开放',
    nameEn: 'Reform & opening-up',
    heading: '在进一步深化改革开放上聚力攻坚求实效',
  },
  {
    id: 'urban',
    order: 7,
    name: '城市功能品质',
    nameEn: 'Urban quality',
    heading: '在提升城市功能品质上聚力攻坚求实效',
  },
  {
    id: 'rural',
    order: 8,
    name: '乡村振兴',
    nameEn: 'Rural revitalisation',
    heading: '在推进乡村全面振兴上聚力攻坚求实效',
  },
  {
    id: 'green',
    order: 9,
    name: '绿色转型',
    nameEn: 'Green transition',
    heading: '在推动全面绿色转型上聚力攻坚求实效',
  },
  {
    id: 'livelihood',
    order: 10,
    name: '民生',
    nameEn: 'People’s wellbeing',
    heading: '在保障和改善民生上聚力攻坚求实效',
  },
];
