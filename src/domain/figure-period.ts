import { formatDate, type Locale } from './format';
import type { ContextFigure, FigurePeriod, FigurePrecision, ProgressReport } from './schemas';

/**
 * The period a figure describes, written as its source writes it (issue 21): 1—11月, 2025年6月,
 * 2025年第三季度, 2025年 — never a day the text does not give. A day's figure (every department's
 * report) keeps its date. Its own module: only the pages that print a figure's date load it (the
 * target page, the review, the exports), not the overview's first load.
 */

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ZH_QUARTERS = ['一', '二', '三', '四'];

/**
 * `asOf` with the period it stands for: (2025-11-30, ytd-month) → 2025年1—11月 / Jan–Nov 2025;
 * (2025-06-05, month) → 2025年6月 / Jun 2025; null or `day` → the date. A `label` (the source's words,
 * Chinese) is the Chinese text; English is always built from the precision.
 */
export function formatFigurePeriod(
  asOf: string,
  period: FigurePeriod | null | undefined,
  locale: Locale = 'zh-CN',
): string {
  const precision = period?.precision ?? 'day';
  const [y, m] = asOf.split('-').map(Number);
  if (precision === 'day' || !y || !m) return formatDate(asOf, locale);
  const en = locale === 'en';
  if (!en && period?.label) return period.label;
  const mon = EN_MONTHS[m - 1] ?? String(m);
  switch (precision) {
    case 'month':
      return en ? `${mon} ${y}` : `${y}年${m}月`;
    case 'ytd-month':
      if (m === 1) return en ? `Jan ${y}` : `${y}年1月`;
      return en ? `Jan–${mon} ${y}` : `${y}年1—${m}月`;
    case 'quarter': {
      const q = Math.ceil(m / 3);
      return en ? `Q${q} ${y}` : `${y}年第${ZH_QUARTERS[q - 1]}季度`;
    }
    case 'half':
      return en ? `H${m <= 6 ? 1 : 2} ${y}` : `${y}年${m <= 6 ? '上' : '下'}半年`;
    case 'year':
      return en ? String(y) : `${y}年`;
  }
}

/** A progress report's period as its source gives it. */
export const reportPeriodText = (r: Pick<ProgressReport, 'asOf' | 'period'>, locale: Locale = 'zh-CN'): string =>
  formatFigurePeriod(r.asOf, r.period, locale);

/** A context figure's period as its source gives it. */
export const contextPeriodText = (
  f: Pick<ContextFigure, 'asOf' | 'asOfPrecision' | 'periodLabel'>,
  locale: Locale = 'zh-CN',
): string =>
  formatFigurePeriod(
    f.asOf,
    { precision: f.asOfPrecision, ...(f.periodLabel ? { label: f.periodLabel } : {}) },
    locale,
  );

/** The last day of the period of `precision` that contains `asOf` (a span from January ends with its month). */
export function periodEnd(asOf: string, precision: FigurePrecision): string {
  const [y = 1970, m = 1] = asOf.split('-').map(Number);
  const endMonth =
    precision === 'day'
      ? null
      : precision === 'month' || precision === 'ytd-month'
        ? m
        : precision === 'quarter'
          ? Math.ceil(m / 3) * 3
          : precision === 'half'
            ? m <= 6
              ? 6
              : 12
            : 12;
  if (endMonth === null) return asOf;
  const last = new Date(Date.UTC(y, endMonth, 0)).getUTCDate();
  return `${y}-${String(endMonth).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}
