import { daysBetween, type IsoDate } from '../domain/dates';
import { DEFAULT_THRESHOLDS } from '../domain/schemas';

/** The date the data on screen describes, and how many days it has gone without an update if too many. */
export interface DataDate {
  asOf: IsoDate;
  /** Days since `asOf` when more than a reporting cycle have passed without newer data; else null. */
  staleDays: number | null;
}

/**
 * What "数据截至" says: the view's as-of date, but never after the newest figure there is (a board
 * dated today over figures of last year describes last year). Only the newest data can be out of
 * date: a past date picked on the timeline is history, not staleness. `today` is the Asia/Shanghai
 * date of the injected clock; null when there are no figures at all.
 */
export function dataDateOf(
  viewAsOf: IsoDate,
  latestReportAsOf: IsoDate | null,
  today: IsoDate,
  cycleDays: number = DEFAULT_THRESHOLDS.cycleDays,
): DataDate | null {
  if (latestReportAsOf === null) return null;
  const asOf = viewAsOf < latestReportAsOf ? viewAsOf : latestReportAsOf;
  const age = asOf === latestReportAsOf ? daysBetween(asOf, today) : 0;
  return { asOf, staleDays: age > cycleDays ? age : null };
}
