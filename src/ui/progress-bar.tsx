import { formatPercent } from '../domain/format';
import type { Status } from '../domain/schemas';
import { useTranslation } from '../i18n/use-translation';
import { useLocale } from '../stores/ui-store';

export interface ProgressBarProps {
  /** Fraction done (1 = target met); may exceed 1 or be null when unknown. */
  progress: number | null;
  /** Fraction that should be done by now (the expected-pace marker). */
  expected: number | null;
  /** The target's or sector's name, for the accessible name. */
  name: string;
  status?: Status | undefined;
  size?: 'sm' | 'md' | 'lg';
  /** Show the percentage beside the bar. */
  showValue?: boolean;
  /** What the bar says instead of a percentage (a milestone's "1/3 个节点"). */
  valueText?: string | undefined;
}

const toPercent = (f: number) => Math.max(0, Math.min(100, Math.round(f * 1000) / 10));

/**
 * A progress bar with a marker where progress should be by now. The bar is capped at 100 % for
 * drawing and for aria-valuenow; the text always says the real figure (e.g. 115 %).
 */
export function ProgressBar({
  progress,
  expected,
  name,
  status,
  size = 'md',
  showValue = true,
  valueText: shownText,
}: ProgressBarProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const p = progress === null ? null : toPercent(progress);
  const e = expected === null ? null : toPercent(expected);
  const valueText =
    shownText !== undefined
      ? shownText
      : progress === null
        ? t('progress.unknown')
        : expected === null
          ? t('progress.valueTextNoExpected', { progress: formatPercent(progress, locale) })
          : t('progress.valueText', {
              progress: formatPercent(progress, locale),
              expected: formatPercent(expected, locale),
            });
  return (
    <div className={`progress progress--${size}`} data-status={status}>
      <div
        className="progress__track"
        role="progressbar"
        aria-label={t('progress.label', { name })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={p ?? undefined}
        aria-valuetext={valueText}
      >
        {p !== null && <div className="progress__fill" style={{ width: `${p}%` }} />}
        {e !== null && (
          <div
            className="progress__marker"
            style={{ left: `${e}%` }}
            title={t('progress.expected', { value: formatPercent(expected, locale) })}
          />
        )}
      </div>
      {showValue && (
        <span className="progress__value num" aria-hidden="true">
          {shownText ?? formatPercent(progress, locale)}
        </span>
      )}
    </div>
  );
}
