import { Link } from 'react-router';
import { formatDate, formatQuantity } from '../../domain/format';
import { paths } from '../../domain/paths';
import { SECTORS } from '../../domain/sectors';
import { inferredBaseline } from '../../domain/status';
import type { TargetDetailResponse } from '../../domain/target-api';
import { useTranslation } from '../../i18n/use-translation';
import { useIncludePending } from '../../stores/include-pending';
import { useLocale } from '../../stores/ui-store';
import { DivisionDemoTag, LeadDepartment } from '../../ui/lead-department';

/** 配合单位 by name (the server sends the registry's names with the target), each linking to its page. */
function SupportingDepartments({
  ids,
  names,
  asOf,
}: {
  ids: readonly string[];
  names: readonly string[] | undefined;
  asOf: string;
}) {
  const { locale } = useTranslation();
  const [includePending] = useIncludePending();
  return (
    <>
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && (locale === 'en' ? ', ' : '、')}
          <Link className="lead-department" to={paths.department(id, { asOf, includePending })}>
            {names?.[i] ?? id}
          </Link>
        </span>
      ))}
    </>
  );
}

export function TargetFacts({ item, asOf }: { item: TargetDetailResponse['item']; asOf: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sector = SECTORS.find((s) => s.id === item.sectorId);
  const pacedFrom = inferredBaseline(item, item.reports, { asOf });
  const [includePending] = useIncludePending();
  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 id="facts-title" className="card__title">
        {t('common.target')}
      </h2>
      <dl className="dl-grid facts">
        <dt>{t('common.sector')}</dt>
        <dd>
          {sector && (locale === 'en' ? sector.nameEn : sector.name)} · {item.subsection}
        </dd>
        <dt>{t('common.department')}</dt>
        <dd>
          {item.department === null ? (
            '—'
          ) : (
            <LeadDepartment target={item} asOf={asOf} includePending={includePending} />
          )}
        </dd>
        {item.supportingDepartments.length > 0 && (
          <>
            <dt>{t('common.supporting')}</dt>
            <dd>
              <SupportingDepartments ids={item.supportingDepartments} names={item.supportingNames} asOf={asOf} />
              {item.divisionDemo && <DivisionDemoTag />}
            </dd>
          </>
        )}
        <dt>{t('common.district')}</dt>
        <dd>{item.district}</dd>
        <dt>{t('target.kindLabel')}</dt>
        <dd>
          {t(`target.kind.${item.kind}`)}
          {item.unit && ` · ${item.unit}`}
        </dd>
        <dt>{t('target.period')}</dt>
        <dd className="num">
          <span className="nowrap">{formatDate(item.periodStart, locale)}</span> –{' '}
          <span className="nowrap">{formatDate(item.deadline, locale)}</span>
        </dd>
        {pacedFrom && (
          <>
            <dt>{t('target.pacedFrom')}</dt>
            <dd>
              <span className="num">
                <span className="nowrap">{formatDate(pacedFrom.asOf, locale)}</span> ·{' '}
                <span className="nowrap">{formatQuantity(pacedFrom.value, item.unit, locale)}</span>
              </span>
              <span className="muted small"> {t('target.pacedFromHint')}</span>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
