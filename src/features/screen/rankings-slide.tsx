import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { rankingsQueryOptions } from '../../api/get-rankings';
import type { RankingsResponse } from '../../domain/department-api';
import { formatPercent } from '../../domain/format';
import type { RankingRow } from '../../domain/rankings';
import { useTranslation } from '../../i18n/use-translation';
import { useFitCount } from './use-fit-count';

const MAX_ROWS = 10;
/** Module-level, so TanStack Query keeps the selected array (and the fitted row count) between renders. */
const selectRanked = (d: RankingsResponse) => d.rows.filter((r) => r.rank !== null);
const NO_ROWS: RankingRow[] = [];

/**
 * The department league by 达标率, read from across a room: rank (并列 said as such), name, the share
 * in large figures with the two counts it divides, and the demo mark on rows with demo data. The same
 * table as /rankings, for the wall's plan and date; departments only (the wall's district filter
 * does not narrow a table of departments).
 */
export function RankingsSlide({
  plan,
  asOf,
  includePending,
  refreshMs,
}: {
  plan: string | undefined;
  asOf: string | undefined;
  includePending?: true | undefined;
  refreshMs: number;
}) {
  const { t, locale } = useTranslation();
  const rankings = useQuery({
    ...rankingsQueryOptions({ by: 'department', measure: 'share', plan, asOf, includePending }),
    refetchInterval: refreshMs,
    refetchIntervalInBackground: true,
    select: selectRanked,
  });
  const rows = rankings.data ?? NO_ROWS;
  const box = useRef<HTMLOListElement>(null);
  const shown = useFitCount(rows, MAX_ROWS, box);
  return (
    <section className="s-panel s-rankings" aria-labelledby="s-rankings-title">
      <div className="s-panel__head">
        <h2 id="s-rankings-title" className="s-panel__title">
          {rankings.data
            ? t('rankings.slideShownOf', { shown, total: rows.length })
            : rankings.isError
              ? t('error.network')
              : t('freshness.loading')}
        </h2>
      </div>
      <ol className="s-rank-rows" ref={box}>
        {rows.slice(0, shown).map((r) => (
          <li key={r.key} className="s-rank">
            <span className="s-rank__place num">{r.tied ? t('rankings.tied', { rank: r.rank ?? '' }) : r.rank}</span>
            <span className="s-rank__name">
              {r.name}
              {r.demo && <span className="s-demo-mark">{t('demo.tag')}</span>}
            </span>
            <span className="s-rank__bar" aria-hidden="true">
              <span style={{ width: `${Math.round((r.share ?? 0) * 1000) / 10}%` }} />
            </span>
            <span className="s-rank__share num">{formatPercent(r.share, locale)}</span>
            <span className="s-rank__figures num">
              {t('rankings.slideFigures', { good: r.good, judged: r.judged })}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
