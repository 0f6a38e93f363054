import { addDays, dayNumber } from '../../domain/dates';
import { onePerDate, type ReportView, reportsAsOf } from '../../domain/reports';
import type { FigurePeriod } from '../../domain/schemas';
import { expectedValueOf, pacedTarget, valueInTargetUnit } from '../../domain/status';
import type { TargetDetailResponse } from '../../domain/target-api';

export interface TrendPoint {
  day: number;
  value: number;
  demo?: boolean;
  /** A reported figure of a period (1—11月, 2025年6月): the tooltip says the period, not a day. */
  period?: FigurePeriod;
}

export interface Trend {
  reported: TrendPoint[];
  expected: TrendPoint[];
  projection: TrendPoint[];
  target: number | null;
  /** Where the value axis starts: 0, or just below the baseline of a stock (6.5万 racks from 5.98万 would be a flat line on an axis from 0). */
  floor: number;
  start: number;
  end: number;
}

type Detail = TargetDetailResponse['item'];

/**
 * The series of the trend chart, in the target's unit: the effective reports up to the as-of date,
 * where the value should be by each week (from the pacing profile), and the straight line from the
 * last report to the projected value at the deadline.
 */
export function buildTrend(item: Detail, asOf: string, view: ReportView = 'approved'): Trend {
  // The engine's own rule (approved only, or with the ones waiting): the same points as the figures.
  const effective = onePerDate(reportsAsOf(item.reports, { asOf, view }));
  const reported: TrendPoint[] = [];
  for (const r of effective) {
    const value = valueInTargetUnit(item, r);
    if (value !== null)
      reported.push({ day: dayNumber(r.asOf), value, demo: r.demo, ...(r.period ? { period: r.period } : {}) });
  }
  const goal = item.target;
  // A stock with no stated baseline is paced from its first report, as the status engine does.
  const paced = pacedTarget(item, effective);
  const expected: TrendPoint[] = [];
  const pushExpected = (d: string) => {
    const value = expectedValueOf(paced, d);
    if (value !== null) expected.push({ day: dayNumber(d), value });
  };
  for (let d = paced.periodStart; d < item.deadline; d = addDays(d, 7)) pushExpected(d);
  pushExpected(item.deadline);
  const last = reported[reported.length - 1];
  const projection =
    last && item.state.projection && last.day < dayNumber(item.deadline)
      ? [
          { day: last.day, value: last.value },
          { day: dayNumber(item.deadline), value: item.state.projection.value },
        ]
      : [];
  const base = paced.kind === 'cumulative' ? 0 : paced.baseline;
  const lowest = Math.min(...reported.map((p) => p.value), ...(base === null ? [] : [base]));
  const floor =
    base !== null && base > 0 && Number.isFinite(lowest) && lowest > 0 ? niceFloor(lowest, goal ?? lowest) : 0;
  return {
    floor,
    reported,
    expected,
    projection,
    target: goal,
    start: dayNumber(item.periodStart),
    end: dayNumber(item.deadline),
  };
}

/** A round number a little below `low`, on the scale of the span up to `high`. */
function niceFloor(low: number, high: number): number {
  const span = Math.max(Math.abs(high - low), Math.abs(low) * 0.02);
  const step = 10 ** Math.floor(Math.log10(span));
  return Math.max(0, Math.floor((low - span * 0.1) / step) * step);
}
