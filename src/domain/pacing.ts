import { dayNumber, type IsoDate } from './dates';
import { DomainError } from './errors';
import type { Pacing, Stage } from './schemas';

/**
 * Expected share of a target done at a date, from its pacing profile: 0 at the period start (and
 * before), 1 at the deadline (and after), monotonic in between.
 */
export function expectedShare(
  pacing: Pacing,
  periodStart: IsoDate,
  deadline: IsoDate,
  date: IsoDate,
  stages: readonly Stage[] = [],
): number {
  const start = dayNumber(periodStart);
  const end = dayNumber(deadline);
  if (end <= start) {
    throw new DomainError(
      'invalid_period',
      `期限 ${deadline} 必须晚于起始日期 ${periodStart}`,
      `Deadline ${deadline} must be after the period start ${periodStart}`,
    );
  }
  const d = dayNumber(date);
  // Checked before the clamps below, so that assertPacingApplies (which asks about the start) sees it.
  if (pacing.type === 'monthly') assertCalendarYear(pacing.cumulative, periodStart, deadline);
  if (d <= start) return 0;
  if (d >= end) return 1;
  if (pacing.type === 'steps') return stagesPlannedBy(stages, date) / Math.max(stages.length, 1);
  if (pacing.type === 'linear') return (d - start) / (end - start);
  return monthlyShare(pacing.cumulative, periodStart, date);
}

function assertCalendarYear(cumulative: readonly number[], periodStart: IsoDate, deadline: IsoDate): void {
  const year = periodStart.slice(0, 4);
  if (periodStart !== `${year}-01-01` || deadline !== `${year}-12-31` || cumulative.length !== 12) {
    throw new DomainError(
      'invalid_pacing',
      '月度进度曲线只适用于一个自然年的目标',
      'A monthly pacing profile only applies to a calendar-year target',
    );
  }
}

/**
 * A 12-month cumulative profile is read against the calendar year of the period: `cumulative[m]`
 * is the share expected at the end of month m; within a month the share grows linearly by day.
 * Periods that are not one calendar year are refused (`invalid_pacing`, see assertCalendarYear).
 */
function monthlyShare(cumulative: readonly number[], periodStart: IsoDate, date: IsoDate): number {
  const year = periodStart.slice(0, 4);
  const month = Number(date.slice(5, 7)) - 1;
  const monthStart = dayNumber(`${year}-${date.slice(5, 7)}-01`);
  const nextMonthStart =
    month === 11
      ? dayNumber(`${Number(year) + 1}-01-01`)
      : dayNumber(`${year}-${String(month + 2).padStart(2, '0')}-01`);
  const before = month === 0 ? 0 : (cumulative[month - 1] ?? 0);
  const after = cumulative[month] ?? 1;
  // The day's share is counted at the end of the day, so 12-31 reaches exactly 1.
  const within = (dayNumber(date) - monthStart + 1) / (nextMonthStart - monthStart);
  return before + (after - before) * within;
}

export function stagesPlannedBy(stages: readonly Stage[], date: IsoDate): number {
  return stages.filter((s) => s.plannedDate <= date).length;
}

/** Validates a pacing profile against a target's period; throws a DomainError when it cannot apply. */
export function assertPacingApplies(pacing: Pacing, periodStart: IsoDate, deadline: IsoDate): void {
  expectedShare(pacing, periodStart, deadline, periodStart);
}

/**
 * Investment in Chinese cities is back-loaded: Q1 is slow (Spring Festival, weather), the bulk lands
 * in Q2–Q4 with a push before year end. This profile follows the shape of the monthly cumulative
 * fixed-asset investment completion that provincial statistics publish (≈ 17 % by March, ≈ 48 % by
 * June, ≈ 76 % by September). It is a planning assumption, configurable per target.
 */
export const INVESTMENT_PROFILE: Pacing = {
  type: 'monthly',
  name: 'investment',
  cumulative: [0.04, 0.1, 0.17, 0.26, 0.36, 0.48, 0.56, 0.65, 0.76, 0.85, 0.93, 1],
};
