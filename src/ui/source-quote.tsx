import type { Source } from '../domain/schemas';
import { useTranslation } from '../i18n/use-translation';

const DOCUMENTS: Record<string, { zh: string; en: string }> = {
  '002_977c2cac0d19ad45.txt': {
    zh: '青岛市2025年政府工作报告（图解）',
    en: 'Qingdao 2025 government work report (illustrated)',
  },
  '001_dc92bde7ae9ec447.txt': {
    zh: '数字青岛2025年行动方案新闻发布会',
    en: 'Digital Qingdao 2025 action plan press conference',
  },
  '003_c12a0a8fd2446ea1.txt': { zh: '崂山区2025年政府工作报告', en: 'Laoshan district 2025 work report' },
  '004_4e6bce0085b10f1e.txt': { zh: '“10+1”创新型产业体系', en: '“10+1” innovative industry system' },
  '000_6e82427514599ed6.txt': { zh: '四部门2025年终发布', en: 'Year-end 2025 report of four bureaus' },
};

export function documentTitle(file: string, locale: string): string {
  const d = DOCUMENTS[file];
  return d ? (locale === 'en' ? d.en : d.zh) : file;
}

/** A published figure's citation: the document and the exact words it uses. */
export function SourceQuote({ source, compact = false }: { source: Source; compact?: boolean }) {
  const { t, locale } = useTranslation();
  return (
    <figure className={`source-quote${compact ? ' source-quote--compact' : ''}`}>
      <blockquote lang="zh-CN">{source.quote}</blockquote>
      <figcaption>
        {t('common.source')}：{documentTitle(source.document, locale)}{' '}
        <span className="source-quote__file">（{source.document}）</span>
      </figcaption>
    </figure>
  );
}
