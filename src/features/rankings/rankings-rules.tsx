import type { RankingsResponse } from '../../domain/department-api';
import { formatCount } from '../../domain/figures';
import { TIE_RULE_EN, TIE_RULE_ZH } from '../../domain/rankings';
import { useTranslation } from '../../i18n/use-translation';
import { DemoTag } from '../../ui/demo-tag';

/** How every figure of the table is counted, the tie rule, and what the table leaves out. */
export function RankingsRules({ data }: { data: RankingsResponse }) {
  const { t, locale } = useTranslation();
  return (
    <section className="card rankings-rules" aria-labelledby="rankings-rules-title">
      <h2 id="rankings-rules-title" className="card__title">
        {t('rankings.rules')}
      </h2>
      <ul>
        <li>{t('rankings.ruleJudged')}</li>
        <li>{t('rankings.ruleShare')}</li>
        <li>{t('rankings.ruleGap')}</li>
        <li>{t('rankings.ruleReporting')}</li>
        <li>{t(data.by === 'district' ? 'rankings.ruleDistrict' : 'rankings.ruleDepartment')}</li>
        <li>{locale === 'en' ? TIE_RULE_EN : TIE_RULE_ZH}</li>
        {data.ungrouped > 0 && (
          <li className="num">
            {t(data.by === 'district' ? 'rankings.ungroupedDistrict' : 'rankings.ungroupedDepartment', {
              count: formatCount(data.ungrouped, locale),
            })}
          </li>
        )}
        {data.demo && (
          <li>
            <DemoTag /> {t('rankings.demoNote')}
          </li>
        )}
      </ul>
    </section>
  );
}
