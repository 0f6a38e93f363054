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
  return pacingCurve(pacing, periodStart, deadline, stages)(date);
}

/**
 * `expectedShare` for one target and many dates: the period and profile are checked and read once,
 * and each date costs one day-number lookup (the status engine asks this for every report).
 */
export function pacingCurve(
  pacing: Pacing,
  periodStart: IsoDate,
  deadline: IsoDate,
  stages: readonly Stage[] = [],
): (date: IsoDate) => number {
  const start = dayNumber(periodStart);
  const end = dayNumber(deadline);
  if (end <= start) {
    throw new DomainError(
      'invalid_period',
      `期限 ${deadline} 必须晚于起始日期 ${periodStart}`,
      `Deadline ${deadline} must be after the period start ${periodStart}`,
    );
  }
  const share = inPeriodShare(pacing, periodStart, deadline, stages, start, end);
  return (date) => {
    const d = dayNumber(date);
    if (d <= start) return 0;
    if (d >= end) return 1;
    return share(date, d);
  };
}

/** The share strictly inside the period, by profile type. */
function inPeriodShare(
  pacing: Pacing,
  periodStart: IsoDate,
  deadline: IsoDate,
  stages: readonly Stage[],
  start: number,
  end: number,
): (date: IsoDate, day: number) => number {
  switch (pacing.type) {
    case 'steps':
      return (date) => stagesPlannedBy(stages, date) / Math.max(stages.length, 1);
    case 'linear':
      return (_, d) => (d - start) / (end - start);
    case 'monthly': {
      assertCalendarYear(pacing.cumulative, periodStart, deadline);
      const months = monthStarts(Number(periodStart.slice(0, 4)));
      const cumulative = pacing.cumulative;
      // A 12-month cumulative profile is read against the calendar year of the period:
      // `cumulative[m]` is the share expected at the end of month m; within a month the share
      // grows linearly by day, counted at the end of the day, so 12-31 reaches exactly 1.
      return (date, d) => {
        const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48) - 1;
        const monthStart = months[month] ?? d;
        const nextMonthStart = months[month + 1] ?? d + 1;
        const before = month === 0 ? 0 : (cumulative[month - 1] ?? 0);
        const after = cumulative[month] ?? 1;
        return before + ((after - before) * (d - monthStart + 1)) / (nextMonthStart - monthStart);
      };
    }
  }
}

const MONTH_STARTS = new Map<number, readonly number[]>();

/** Day numbers of the first of each month of `year` and of the next January: 13 numbers. */
function monthStarts(year: number): readonly number[] {
  let starts = MONTH_STARTS.get(year);
  if (!starts) {
    starts = Array.from({ length: 13 }, (_, m) =>
      m === 12 ? dayNumber(`${year + 1}-01-01`) : dayNumber(`${year}-${String(m + 1).padStart(2, '0')}-01`),
    );
    MONTH_STARTS.set(year, starts);
  }
  return starts;
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

export function stagesPlannedBy(stages: readonly Stage[], date: IsoDate): number {
  return stages.filter((s) => s.plannedDate <= date).length;
}

/** Validates a pacing profile against a target's period; throws a DomainError when it cannot apply. */
export function assertPacingApplies(pacing: Pacing, periodStart: IsoDate, deadline: IsoDate): void {
  pacingCurve(pacing, periodStart, deadline);
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
