import type { RankingsParams } from '../../api/get-rankings';
import { isIsoDate } from '../../domain/dates';
import { RANKING_BY } from '../../domain/department-api';
import { RANKING_MEASURES } from '../../domain/rankings';
import { includePendingOf, oneOf, useUrlState } from '../../stores/url-state';

const KEYS = ['by', 'measure', 'plan', 'asOf', 'includePending'] as const;

/** The table on screen lives in the URL: a link reopens the same ranking. A mistyped value is the default. */
export function useRankingsParams() {
  const [raw, update] = useUrlState(KEYS);
  const params: RankingsParams = {
    by: oneOf(raw.by, RANKING_BY),
    measure: oneOf(raw.measure, RANKING_MEASURES),
    plan: raw.plan,
    asOf: isIsoDate(raw.asOf) ? raw.asOf : undefined,
    includePending: includePendingOf(raw.includePending),
  };
  return [params, update] as const;
}
