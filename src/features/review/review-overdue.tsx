import { Link } from 'react-router';
import { formatDate } from '../../domain/format';
import { paths } from '../../domain/paths';
import type { ReviewResponse } from '../../domain/review-api';
import { useTranslation } from '../../i18n/use-translation';
import { useIncludePending } from '../../stores/include-pending';
import { useLocale } from '../../stores/ui-store';
import { KeepWhole } from '../../ui/keep-whole';
import { DivisionDemoTag } from '../../ui/lead-department';
import { ReviewFold } from './review-fold';
import { TargetLink, targetIndex } from './target-link';

/** Targets with no report within their cycle, by lead department, so the meeting can ask each one. */
export function ReviewOverdue({ data }: { data: ReviewResponse }) {
  const { t } = useTranslation();
  const [includePending] = useIncludePending();
  const locale = useLocale();
  const target = targetIndex(data.targets);
  return (
    <ReviewFold
      id="review-overdue-title"
      title={t('review.overdue')}
      hint={t('review.overdueHint')}
      count={t('review.targetsCount', { count: data.overdue.reduce((n, g) => n + g.items.length, 0) })}
      open
    >
      {data.overdue.length === 0 ? (
        <p className="muted">{t('review.none')}</p>
      ) : (
        <div className="review-overdue">
          {data.overdue.map((g) => {
            const name = g.departmentName ?? t('review.noDepartment');
            return (
              <section key={g.department ?? ''} className="review-overdue__group print-keep" aria-label={name}>
                <h3 className="review-overdue__dept">
                  {g.department === null ? (
                    name
                  ) : (
                    <Link
                      className="lead-department"
                      to={paths.department(g.department, { asOf: data.asOf, includePending })}
                    >
                      {name}
                    </Link>
                  )}
                  {g.divisionDemo && <DivisionDemoTag />}{' '}
                  <span className="muted small">{t('review.targetsCount', { count: g.items.length })}</span>
                </h3>
                <ul className="review-list">
                  {g.items.map((i) => {
                    const x = target(i.id);
                    if (!x) return null;
                    return (
                      <li key={i.id}>
                        <div className="review-list__title">
                          <TargetLink target={x} asOf={data.asOf} />
                          {i.newlyOverdue && <span className="review-tag">{t('review.newlyOverdue')}</span>}
                        </div>
                        <div className="review-list__meta muted small num">
                          {i.lastReportAsOf === null ? (
                            t('review.neverReported')
                          ) : (
                            <KeepWhole
                              text={t('review.lastReport', {
                                date: formatDate(i.lastReportAsOf, locale),
                                days: i.daysSinceReport ?? 0,
                              })}
                              pieces={[formatDate(i.lastReportAsOf, locale)]}
                            />
                          )}
                        </div>
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </ReviewFold>
  );
}
