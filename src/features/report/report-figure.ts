import { shanghaiDate } from '../../domain/dates';
import { formatDate, formatQuantity, formatTime, type Locale } from '../../domain/format';
import type { ProgressReport, Target } from '../../domain/schemas';

/** A report's figure as the reporter reads it: 78项, or 3/5 stages of a milestone. */
export function reportFigure(
  r: Pick<ProgressReport, 'value' | 'unit' | 'stagesDone'>,
  target: Pick<Target, 'kind' | 'unit' | 'stages'>,
  locale: Locale,
): string {
  return target.kind === 'milestone'
    ? `${r.stagesDone ?? 0}/${target.stages.length}`
    : formatQuantity(r.value, r.unit || target.unit, locale);
}

/** Who reported: the person's name (填报人), never their login where the name is known. */
export const reporterName = (r: Pick<ProgressReport, 'reportedBy' | 'reportedByName'>) =>
  r.reportedByName ?? r.reportedBy;

/** An instant (a review decision) on the Shanghai clock: 2025年12月29日 10:30. */
export function formatInstant(iso: string, locale: Locale): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return `${formatDate(shanghaiDate(new Date(ms)), locale)} ${formatTime(ms, locale)}`;
}
