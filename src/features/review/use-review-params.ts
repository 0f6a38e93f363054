import { isIsoDate } from '../../domain/dates';
import { includePendingOf, useUrlState } from '../../stores/url-state';
import type { ReviewParams } from './api/get-review';

const KEYS = ['asOf', 'time', 'previous', 'plan', 'district', 'includePending', 'appendix'] as const;

/** A meeting time as the URL holds it (HH:MM, Beijing time). */
export const isMeetingTime = (s: string | undefined): s is string => !!s && /^([01]\d|2[0-3]):[0-5]\d$/.test(s);

/**
 * The meeting and its filters live in the URL: a link reopens exactly this review. The fourth value:
 * whether the printout carries its appendix (`appendix=0` leaves it out).
 */
export function useReviewParams() {
  const [raw, update] = useUrlState(KEYS);
  const params: ReviewParams = {
    asOf: isIsoDate(raw.asOf) ? raw.asOf : undefined,
    // A meeting at 09:30 knows only what was recorded by 09:30; without a time, by the day's end.
    knownAt: isIsoDate(raw.asOf) && isMeetingTime(raw.time) ? `${raw.asOf}T${raw.time}:00+08:00` : undefined,
    previous: isIsoDate(raw.previous) ? raw.previous : undefined,
    plan: raw.plan,
    district: raw.district,
    includePending: includePendingOf(raw.includePending),
  };
  return [params, update, isMeetingTime(raw.time) ? raw.time : '', raw.appendix !== '0'] as const;
}
