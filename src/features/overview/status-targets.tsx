import { useMemo } from 'react';
import { Link } from 'react-router';
import { useTargets } from '../../api/get-targets';
import type { SummaryParams } from '../../api/query-keys';
import { behindFirst } from '../../domain/aggregate';
import type { TargetWithStateDto } from '../../domain/api';
import { completionText, gapText } from '../../domain/figures';
import { formatQuantity } from '../../domain/format';
import { paths } from '../../domain/paths';
import { DISTRICT_CITY, type Status } from '../../domain/schemas';
import { SECTORS } from '../../domain/sectors';
import { useTranslation } from '../../i18n/use-translation';
import { DemoTag } from '../../ui/demo-tag';
import { LeadDepartmentMeta } from '../../ui/lead-department';
import { ProvisionalTag } from '../../ui/pending';
import { ProgressBar } from '../../ui/progress-bar';
import { QueryState } from '../../ui/query-state';
import { StatusBadge } from '../../ui/status-badge';

/** Worst status first, then furthest behind: the order of the warnings, over every target listed. */
function behindFirstOf(items: TargetWithStateDto[], statuses: readonly Status[]): TargetWithStateDto[] {
  return items
    .filter((i) => statuses.includes(i.state.status))
    .map((i) => ({ target: i, state: i.state }))
    .sort(behindFirst)
    .map((x) => x.target);
}

function ValueText({ item }: { item: TargetWithStateDto }) {
  const { t, locale } = useTranslation();
  if (item.kind === 'milestone') return <>{completionText(item, item.state, locale)}</>;
  return (
    <>
      {t('overview.valueOf', {
        value: formatQuantity(item.state.latest?.value ?? null, item.unit, locale),
        target: formatQuantity(item.target, item.unit, locale),
      })}
    </>
  );
}

/**
 * With a status filter (one, or every warning status), the overview lists those targets furthest
 * behind first, each with its value against its target, its gap in words and its department.
 */
export function StatusTargets({ params, statuses }: { params: SummaryParams; statuses: readonly Status[] }) {
  const { t, locale } = useTranslation();
  const single = statuses.length === 1 ? statuses[0] : undefined;
  // One status: the warnings panel asks the same question, so one request serves both. Several: the
  // slice's targets, filtered here (the API filters by one status).
  const targets = useTargets(single ? { ...params, status: single } : params);
  const rows = useMemo(() => behindFirstOf(targets.data?.items ?? [], statuses), [targets.data, statuses]);
  const names = statuses.map((s) => t(`status.${s}`)).join(locale === 'en' ? ', ' : '、');
  const title = t('overview.statusTargets', { status: names });
  return (
    <section className="card" aria-label={title}>
      <div className="card__head">
        <h2 className="card__title">{title}</h2>
        {targets.data && <span className="card__hint">{t('overview.statusTargetsHint', { count: rows.length })}</span>}
      </div>
      <QueryState query={targets} label={title} lines={4}>
        {() =>
          rows.length === 0 ? (
            <p className="muted">{t('sector.empty')}</p>
          ) : (
            <ol className="status-targets">
              {rows.map((item) => {
                const sector = SECTORS.find((s) => s.id === item.sectorId);
                return (
                  <li key={item.id}>
                    <div className="status-targets__title">
                      <Link to={paths.target(item.id, { asOf: params.asOf, includePending: params.includePending })}>
                        {item.title}
                      </Link>
                      <span className="muted small">
                        {sector && (locale === 'en' ? sector.nameEn : sector.name)}
                        {item.district !== DISTRICT_CITY && ` · ${item.district}`}
                        <LeadDepartmentMeta target={item} asOf={params.asOf} includePending={params.includePending} />
                      </span>
                    </div>
                    <ProgressBar
                      progress={item.state.progress}
                      expected={item.state.expected}
                      name={item.title}
                      status={item.state.status}
                      size="sm"
                    />
                    <span className="num small">
                      <ValueText item={item} />
                      {item.state.latest?.demo && <DemoTag />}
                      <ProvisionalTag latest={item.state.latest} />
                    </span>
                    <span className="num small status-targets__gap">{gapText(item, item.state, locale)}</span>
                    <StatusBadge
                      status={item.state.status}
                      forecastMiss={item.state.forecastMiss}
                      projects={item.state.projects}
                    />
                  </li>
                );
              })}
            </ol>
          )
        }
      </QueryState>
    </section>
  );
}
