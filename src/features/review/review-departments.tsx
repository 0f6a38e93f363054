import { Link } from 'react-router';
import { paths } from '../../domain/paths';
import type { ReviewResponse } from '../../domain/review-api';
import { useTranslation } from '../../i18n/use-translation';
import { useIncludePending } from '../../stores/include-pending';
import { DivisionDemoTag } from '../../ui/lead-department';
import { ScrollRegion } from '../../ui/scroll-region';
import { StatusBadge } from '../../ui/status-badge';
import { ReviewFold } from './review-fold';
import { TargetLink, targetIndex } from './target-link';

/**
 * 按牵头部门: the meeting goes department by department. Each lead department's targets that are
 * 严重滞后, 滞后 or 未填报, counted and listed, the department with the most first; the targets that no
 * department leads last (未明确牵头部门).
 */
export function ReviewDepartments({ data }: { data: ReviewResponse }) {
  const { t } = useTranslation();
  const [includePending] = useIncludePending();
  const target = targetIndex(data.targets);
  const title = t('review.byDepartment');
  return (
    <ReviewFold
      id="review-departments-title"
      title={title}
      hint={t('review.byDepartmentHint')}
      count={t('review.targetsCount', { count: data.byDepartment.reduce((n, g) => n + g.items.length, 0) })}
      open={false}
    >
      {data.byDepartment.length === 0 ? (
        <p className="muted">{t('review.none')}</p>
      ) : (
        <ScrollRegion label={t('review.table', { name: title })}>
          <table className="table review-dept-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.department')}</th>
                <th scope="col" className="num">
                  {t('status.severe')}
                </th>
                <th scope="col" className="num">
                  {t('status.lagging')}
                </th>
                <th scope="col" className="num">
                  {t('status.no_data')}
                </th>
                <th scope="col">{t('common.target')}</th>
              </tr>
            </thead>
            <tbody>
              {data.byDepartment.map((g) => {
                const name = g.departmentName ?? t('review.noDepartment');
                return (
                  <tr key={g.department ?? ''}>
                    <th scope="row" className="review-dept-table__name">
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
                      {g.divisionDemo && <DivisionDemoTag />}
                      <span className="muted small">{t('review.leadsCount', { count: g.total })}</span>
                    </th>
                    <td className="num">{g.severe}</td>
                    <td className="num">{g.lagging}</td>
                    <td className="num">{g.overdue}</td>
                    <td>
                      <ul className="review-dept-table__targets">
                        {g.items.map((i) => {
                          const x = target(i.id);
                          if (!x) return null;
                          return (
                            <li key={i.id}>
                              <StatusBadge status={i.status} />
                              <span>
                                <TargetLink target={x} asOf={data.asOf} />
                              </span>
                            </li>
                          );
                        })}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </ReviewFold>
  );
}
