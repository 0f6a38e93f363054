import { Link } from 'react-router';
import type { SummaryParams } from '../../api/query-keys';
import type { StatusCounts } from '../../domain/aggregate';
import { formatCount } from '../../domain/figures';
import type { Status } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';
import { hrefWith } from '../../stores/url-state';
import { StatusIcon } from '../../ui/status-icon';

/** In the order an official reads them out: the good news, then behind, then final, then unknown. */
const ORDER: readonly Status[] = ['achieved', 'on_track', 'lagging', 'severe', 'missed', 'no_data', 'not_started'];

/** Said even at zero: "滞后 0 · 严重滞后 0" is the news a meeting wants to hear. */
const ALWAYS: ReadonlySet<Status> = new Set(['lagging', 'severe']);

/** The overview's link to the list of targets in `status` (or a comma list), in the same slice. */
export const statusListHref = (params: SummaryParams, status: string) =>
  hrefWith('/', {
    plan: params.plan,
    district: params.district,
    department: params.department,
    status,
    asOf: params.asOf,
    includePending: params.includePending,
  });

/**
 * "225 项目标 · 已完成 12 · 正常 130 · 滞后 23 · 严重滞后 9 · 未填报 40 · 未开始 11": how many
 * targets are behind, said in one line; each count (icon and word, never colour alone) opens the
 * list of those targets.
 */
export function StatusCountLine({
  total,
  counts,
  params,
  current,
}: {
  total: number;
  counts: StatusCounts;
  params: SummaryParams;
  /** The status the overview is filtered by, marked as the current link. */
  current?: Status | undefined;
}) {
  const { t, locale } = useTranslation();
  // Past every deadline in view nothing is on pace or behind any more: the line becomes the year's
  // 完成情况 ("完成 n 项 · 未完成 m 项"), with no "滞后 0" to suggest there is still time.
  const yearEnd =
    counts.achieved + counts.missed > 0 && counts.on_track + counts.lagging + counts.severe + counts.not_started === 0;
  const shown = ORDER.filter((s) => counts[s] > 0 || (!yearEnd && ALWAYS.has(s)));
  return (
    // The overview's headline: printed, though the screen header around it is not (print.css).
    <nav className="count-line" aria-label={t('overview.byStatus')} data-print-headline="">
      <ul>
        <li className="count-line__total">
          {yearEnd && <strong>{t('overview.yearEnd')} </strong>}
          {t('overview.counts', { total: formatCount(total, locale) })}
        </li>
        {shown.map((s) => {
          const label = (
            <>
              <StatusIcon status={s} />
              {t(`status.${s}`)} <span className="num">{formatCount(counts[s], locale)}</span>
            </>
          );
          return (
            <li key={s} data-status={s}>
              <span className="count-line__sep" aria-hidden="true">
                {' · '}
              </span>
              {counts[s] > 0 ? (
                <Link to={statusListHref(params, s)} aria-current={current === s ? 'true' : undefined}>
                  {label}
                </Link>
              ) : (
                <span className="count-line__zero">{label}</span>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
