import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { WARNING_STATUSES } from '../../domain/aggregate';
import type { TargetWithStateDto } from '../../domain/api';
import { completionText, gapText } from '../../domain/figures';
import { formatQuantity } from '../../domain/format';
import { paths } from '../../domain/paths';
import type { Status } from '../../domain/schemas';
import { SECTORS } from '../../domain/sectors';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { includePendingOf } from '../../stores/url-state';
import { DemoTag } from '../../ui/demo-tag';
import { LeadDepartmentMeta } from '../../ui/lead-department';
import { ProvisionalTag } from '../../ui/pending';
import { ProgressBar } from '../../ui/progress-bar';
import { formatRunRate } from '../../ui/run-rate';
import { StatusBadge } from '../../ui/status-badge';

/**
 * The targets furthest behind their pace, with the gap and the run-rate now needed. Under a status
 * filter, only that status: a status that never warns (on track, achieved…) says so instead of
 * showing warnings the filter does not cover.
 */
export function GapWarnings({
  warnings,
  status,
  total,
  onShowAll,
  footer,
}: {
  warnings: TargetWithStateDto[];
  status?: Status | undefined;
  /** How many targets warn in all, when the list shows only the furthest behind of them. */
  total?: number | undefined;
  onShowAll?: () => void;
  /** Under the list: the way to every warning ("查看全部 31 项"). */
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [search] = useSearchParams();
  const asOf = search.get('asOf') ?? undefined;
  const includePending = includePendingOf(search.get('includePending'));
  const statusName = status && t(`status.${status}`);
  const outside = status !== undefined && !WARNING_STATUSES.has(status);
  return (
    <section className="card" aria-labelledby="warnings-title">
      <div className="card__head">
        <h2 id="warnings-title" className="card__title">
          {t('overview.warnings')}
        </h2>
        <span className="card__hint">
          {statusName
            ? t('overview.warningsHintStatus', { status: statusName })
            : total !== undefined && total > warnings.length
              ? t('overview.warningsHintOf', { shown: warnings.length, total })
              : t('overview.warningsHint')}
        </span>
      </div>
      {outside ? (
        <div className="warnings-outside">
          <p>{t('overview.noWarningsForStatus', { status: statusName ?? '' })}</p>
          {onShowAll && (
            <button type="button" className="button button--ghost" onClick={onShowAll}>
              {t('overview.showAllWarnings')}
            </button>
          )}
        </div>
      ) : warnings.length === 0 ? (
        <p className="muted">{t('overview.noWarnings')}</p>
      ) : (
        <ol className="warning-list">
          {warnings.map((w) => {
            const sector = SECTORS.find((s) => s.id === w.sectorId);
            return (
              <li key={w.id} className="warning">
                <div className="warning__head">
                  <Link to={paths.target(w.id, { asOf, includePending })} className="warning__title">
                    {w.title}
                  </Link>
                  <StatusBadge
                    status={w.state.status}
                    forecastMiss={w.state.forecastMiss}
                    projects={w.state.projects}
                  />
                </div>
                <p className="muted small">
                  {sector && (locale === 'en' ? sector.nameEn : sector.name)} · {w.district}
                  <LeadDepartmentMeta target={w} asOf={asOf} includePending={includePending} />
                </p>
                <ProgressBar
                  progress={w.state.progress}
                  expected={w.state.expected}
                  name={w.title}
                  status={w.state.status}
                  size="sm"
                  valueText={w.kind === 'milestone' ? completionText(w, w.state, locale) : undefined}
                />
                <p className="warning__gap num">
                  <strong>{gapText(w, w.state, locale)}</strong>
                  {w.kind !== 'milestone' && w.state.latest?.value != null && (
                    <span className="muted">
                      {' · '}
                      {formatQuantity(w.state.latest.value, w.unit, locale)} /{' '}
                      {formatQuantity(w.target, w.unit, locale)}
                    </span>
                  )}
                  {w.state.latest?.demo && <DemoTag />}
                  <ProvisionalTag latest={w.state.latest} />
                </p>
                {w.state.requiredRate && (
                  <p className="warning__rate num">{formatRunRate(w.state.requiredRate, locale, t)}</p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {footer}
    </section>
  );
}
