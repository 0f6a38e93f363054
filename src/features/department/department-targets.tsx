import { Link } from 'react-router';
import type { TargetWithStateDto } from '../../domain/api';
import type { DepartmentViewResponse } from '../../domain/department-api';
import { gapText } from '../../domain/figures';
import { formatDate, formatPercent, formatQuantity } from '../../domain/format';
import { paths } from '../../domain/paths';
import { useTranslation } from '../../i18n/use-translation';
import { useIncludePending } from '../../stores/include-pending';
import { CardBody, CardHead, CardRow, CardTable, Cell, HeadCell } from '../../ui/card-table';
import { DemoTag } from '../../ui/demo-tag';
import { DivisionDemoTag } from '../../ui/lead-department';
import { ProvisionalTag } from '../../ui/pending';
import { ScrollRegion } from '../../ui/scroll-region';
import { StatusBadge } from '../../ui/status-badge';

function TargetTitle({
  x,
  asOf,
  includePending,
}: {
  x: TargetWithStateDto;
  asOf: string;
  includePending?: true | undefined;
}) {
  return (
    <>
      <Link to={paths.target(x.id, { asOf, includePending })}>{x.title}</Link>
      {x.divisionDemo && <DivisionDemoTag />}
      {x.state.latest?.demo && <DemoTag />}
      <ProvisionalTag latest={x.state.latest} />
    </>
  );
}

/** Every target it leads, then every target it supports (marked 配合), with where each stands. */
export function DepartmentTargets({ data }: { data: DepartmentViewResponse }) {
  const { t, locale } = useTranslation();
  const [includePending] = useIncludePending();
  const rows = [
    ...data.lead.map((x) => ({ x, role: 'lead' as const })),
    ...data.supporting.map((x) => ({ x, role: 'support' as const })),
  ];
  const title = t('departmentView.targets');
  return (
    <section className="card" aria-labelledby="dept-targets-title">
      <div className="card__head">
        <h2 id="dept-targets-title" className="card__title">
          {title}
        </h2>
        <span className="card__hint">{t('departmentView.targetsHint')}</span>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('departmentView.noTargets')}</p>
      ) : (
        <ScrollRegion label={title}>
          <CardTable className="dept-table">
            <caption className="visually-hidden">{title}</caption>
            <CardHead>
              <HeadCell>{t('common.target')}</HeadCell>
              <HeadCell>{t('departmentView.role')}</HeadCell>
              <HeadCell className="num">{t('common.progress')}</HeadCell>
              <HeadCell className="num">{t('target.expectedLine')}</HeadCell>
              <HeadCell>{t('common.status')}</HeadCell>
              <HeadCell className="num">{t('common.gap')}</HeadCell>
            </CardHead>
            <CardBody>
              {rows.map(({ x, role }) => (
                <CardRow key={`${role}:${x.id}`} data-role={role}>
                  <Cell className="dept-table__title" card="title">
                    <TargetTitle x={x} asOf={data.asOf} includePending={includePending} />
                  </Cell>
                  <Cell label={t('departmentView.role')}>
                    <span className="dept-role" data-role={role}>
                      {t(role === 'lead' ? 'departmentView.lead' : 'departmentView.support')}
                    </span>
                  </Cell>
                  <Cell className="num" label={t('common.progress')}>
                    {formatPercent(x.state.progress, locale)}
                    {/* A card has no value column: the two figures the rate divides, so it can be checked. */}
                    {x.kind !== 'milestone' && x.state.latest && (
                      <span className="card-only muted small">
                        {locale === 'en' ? ' (' : '（'}
                        {formatQuantity(x.state.latest.value, x.unit, locale)} /{' '}
                        {formatQuantity(x.target, x.unit, locale)}
                        {locale === 'en' ? ')' : '）'}
                      </span>
                    )}
                  </Cell>
                  <Cell className="num" label={t('target.expectedLine')}>
                    {x.kind === 'milestone' ? '—' : formatPercent(x.state.expected, locale)}
                  </Cell>
                  <Cell card="status">
                    <StatusBadge
                      status={x.state.status}
                      forecastMiss={x.state.forecastMiss}
                      projects={x.state.projects}
                    />
                  </Cell>
                  <Cell className="num" label={t('common.gap')} title={gapText(x, x.state, locale)}>
                    {gapText(x, x.state, locale, true)}
                  </Cell>
                </CardRow>
              ))}
            </CardBody>
          </CardTable>
        </ScrollRegion>
      )}
    </section>
  );
}

/** The targets it leads that owe a report (status 未填报), the longest silence first. */
export function DepartmentOverdue({ data }: { data: DepartmentViewResponse }) {
  const { t, locale } = useTranslation();
  const [includePending] = useIncludePending();
  const overdue = data.lead
    .filter((x) => x.state.status === 'no_data')
    .sort((a, b) => (a.state.latest?.asOf ?? '').localeCompare(b.state.latest?.asOf ?? ''));
  return (
    <section className="card" aria-labelledby="dept-overdue-title">
      <div className="card__head">
        <h2 id="dept-overdue-title" className="card__title">
          {t('departmentView.overdue')}
        </h2>
        <span className="card__hint">{t('departmentView.overdueHint')}</span>
      </div>
      {overdue.length === 0 ? (
        <p className="muted">{t('departmentView.noOverdue')}</p>
      ) : (
        <ul className="dept-overdue">
          {overdue.map((x) => (
            <li key={x.id}>
              <TargetTitle x={x} asOf={data.asOf} includePending={includePending} />
              <span className="dept-overdue__meta">
                <StatusBadge status="no_data" />
                <span className="muted small num">
                  {x.state.latest
                    ? t('departmentView.lastReport', { date: formatDate(x.state.latest.asOf, locale) })
                    : t('departmentView.neverReported')}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
