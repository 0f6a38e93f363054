import { isIsoDate } from '../../domain/dates';
import { useUrlState } from '../../stores/url-state';
import type { ReviewParams } from './api/get-review';

const KEYS = ['asOf', 'previous', 'plan', 'district'] as const;

/** The meeting and its filters live in the URL: a link reopens exactly this review. */
export function useReviewParams() {
  const [raw, update] = useUrlState(KEYS);
  const params: ReviewParams = {
    asOf: isIsoDate(raw.asOf) ? raw.asOf : undefined,
    previous: isIsoDate(raw.previous) ? raw.previous : undefined,
    plan: raw.plan,
    district: raw.district,
  };
  return [params, update] as const;
}
