import type { ReviewQueueItem } from '../../domain/approval-api';
import { shanghaiDate } from '../../domain/dates';
import { formatDate, formatQuantity, formatTime, type Locale } from '../../domain/format';
import type { ProgressReport } from '../../domain/schemas';

type QueueTarget = ReviewQueueItem['target'];

/** An instant as the Shanghai date and time: 2025年12月29日 10:30. */
export function instantText(iso: string, locale: Locale): string {
  const ms = Date.parse(iso);
  return `${formatDate(shanghaiDate(new Date(ms)), locale)} ${formatTime(ms, locale)}`;
}

/**
 * How far the figure moves from the one approved before, in the target's unit: "+12家", "−0.3万人".
 * Null where a difference of values says nothing the 完成率 change does not (rates, shares: their
 * change is in 个百分点), or the two are in different units.
 */
export function valueChange(
  target: QueueTarget,
  report: ProgressReport,
  previous: ProgressReport | null,
  locale: Locale,
): string | null {
  if (!previous || target.kind === 'growth' || target.kind === 'share') return null;
  if (target.kind === 'milestone') {
    const d = (report.stagesDone ?? 0) - (previous.stagesDone ?? 0);
    return signed(d, (n) => String(n));
  }
  if (report.value === null || previous.value === null) return null;
  const unit = report.unit || target.unit;
  if ((previous.unit || target.unit) !== unit) return null;
  return signed(report.value - previous.value, (n) => formatQuantity(n, unit, locale));
}

function signed(d: number, format: (n: number) => string): string {
  // Float noise (0.1 + 0.2) is no change a person would see.
  const rounded = Math.round(d * 1e6) / 1e6;
  if (rounded === 0) return `±${format(0)}`;
  return `${rounded > 0 ? '+' : '−'}${format(Math.abs(rounded))}`;
}
