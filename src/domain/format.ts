import { parseUnit } from './units';

/**
 * The one place numbers become text. Values travel as numbers in the target's unit; only here do
 * they meet 万/亿 and thousands separators. zh-CN follows the documents' own style (35万人, 2450亿元);
 * English uses compact figures and English unit names.
 */
export type Locale = 'zh-CN' | 'en';

/**
 * Number and date formats, made once per locale and options: constructing an Intl format (a date
 * format with a time zone above all) costs far more than formatting with it (45 ms of a target
 * page's first render, in a profile, went to the freshness badge's clock).
 */
function cachedFormats<F, O>(make: (locale: string, options: O) => F): (locale: string, options: O) => F {
  const made = new Map<string, F>();
  return (locale, options) => {
    const key = `${locale}|${JSON.stringify(options)}`;
    let f = made.get(key);
    if (!f) {
      f = make(locale, options);
      made.set(key, f);
    }
    return f;
  };
}

const numberFormat = cachedFormats(
  (locale, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options),
);
const dateFormat = cachedFormats(
  (locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options),
);

/** Plain number with grouping: 12,345.67. */
export function formatNumber(value: number, locale: Locale = 'zh-CN', maxFractionDigits = 2): string {
  if (!Number.isFinite(value)) return '—';
  return numberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(value);
}

/** 350000 → 35万, 245000000000 → 2450亿 (zh); 350K, 245B (en). */
export function formatCompact(value: number, locale: Locale = 'zh-CN', maxFractionDigits = 2): string {
  if (!Number.isFinite(value)) return '—';
  return numberFormat(locale, { notation: 'compact', maximumFractionDigits: maxFractionDigits }).format(value);
}

const COUNT_WORDS = new Set([
  '个',
  '家',
  '项',
  '处',
  '条',
  '所',
  '套',
  '户',
  '场',
  '座',
  '台',
  '辆',
  '艘',
  '张',
  '批',
  '件',
  '种',
  '次',
]);
const EN_UNITS: Record<string, string> = {
  人: 'people',
  人次: 'visits',
  元: 'yuan',
  公里: 'km',
  平方米: 'm²',
  亩: 'mu',
  千瓦: 'kW',
  千瓦时: 'kWh',
  P: 'PFLOPS',
  架: 'racks',
  吨: 't',
  标箱: 'TEU',
  '%': '%',
  pp: 'pp',
};

/** English name of a base unit; count words (个, 家, 项…) have none. */
export function englishUnit(base: string): string {
  if (COUNT_WORDS.has(base)) return '';
  return EN_UNITS[base] ?? base;
}

/**
 * A value in the unit as written: (2450, '亿元') → 2450亿元; (350000, '人') → 35万人;
 * (35, '万人') → 35万人; (12, '%') → 12%. English: 245B yuan, 350K people.
 */
export function formatQuantity(value: number | null, unit: string, locale: Locale = 'zh-CN'): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (unit === '') return formatNumber(value, locale);
  let parsed: ReturnType<typeof parseUnit>;
  try {
    parsed = parseUnit(unit);
  } catch {
    return `${formatNumber(value, locale)}${locale === 'en' ? ' ' : ''}${unit}`;
  }
  if (parsed.base === '%') return `${formatNumber(value, locale)}%`;
  // A value in 个百分点 keeps its own digits (0.98个百分点 is not "+1.0").
  if (parsed.base === 'pp')
    return formatPp(value / 100, locale, Number.isInteger(Math.round(value * 1e6) / 1e5) ? 1 : 2);
  if (locale === 'en') {
    const base = value * parsed.factor;
    const name = englishUnit(parsed.base);
    const figure = Math.abs(base) >= 1e4 ? formatCompact(base, 'en') : formatNumber(base, 'en');
    return name === '' ? figure : `${figure} ${name}`;
  }
  if (parsed.factor === 1 && Math.abs(value) >= 1e4) return `${formatCompact(value, locale)}${parsed.base}`;
  if (parsed.factor > 1) return `${formatPrefixed(value)}${unit}`;
  // 444.21个 is a projection's arithmetic, not a count anyone reports: whole things from 100 up.
  const digits = isWholeCount(unit) && Math.abs(value) >= 100 ? 0 : 2;
  return `${formatNumber(value, locale, digits)}${unit}`;
}

/** Base units counted in whole things besides the count words: people, households, racks, visits. */
const WHOLE_BASES = new Set(['人', '户', '架', '人次', '标箱']);

/**
 * Decimals that keep a count whole in a unit that counts things or people: 0 for 个/人, 4 for 万人
 * (34.6213万人 is 346,213 people); null when the unit does not count whole things.
 */
export function wholeCountDigits(unit: string): number | null {
  try {
    const parsed = parseUnit(unit);
    if (!(COUNT_WORDS.has(parsed.base) || WHOLE_BASES.has(parsed.base))) return null;
    return Math.max(0, Math.round(Math.log10(parsed.factor)));
  } catch {
    return null;
  }
}

/** Units that count whole things or people (个, 家, 项, 人…), without a 万/亿 prefix. */
export function isWholeCount(unit: string): boolean {
  try {
    const parsed = parseUnit(unit);
    return parsed.factor === 1 && (COUNT_WORDS.has(parsed.base) || parsed.base === '人' || parsed.base === '户');
  } catch {
    return false;
  }
}

/**
 * A figure before 万/亿: the documents write 2450亿元 and 5278.2亿元, never 2,450亿元, and a small
 * figure keeps three significant digits (0.245万亿元, not 0.25万亿元).
 */
function formatPrefixed(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 1 || abs === 0 ? 2 : Math.min(8, 2 - Math.floor(Math.log10(abs)));
  return numberFormat('zh-CN', { useGrouping: false, maximumFractionDigits: digits }).format(value);
}

/** A fraction as a percentage: 0.875 → 87.5%. */
export function formatPercent(fraction: number | null, locale: Locale = 'zh-CN', maxFractionDigits = 1): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: maxFractionDigits }).format(fraction);
}

/**
 * A gap as signed percentage points: −0.123 → −12.3个百分点 / −12.3 pp. `digits`: 1 for a gap of
 * 完成率, 2 for a rate's own difference (−0.0426 → −4.26个百分点), always written out (−6.0, not −6).
 */
export function formatPp(fraction: number | null, locale: Locale = 'zh-CN', digits = 1): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  const factor = 10 ** digits;
  const pp = Math.round(fraction * 100 * factor) / factor;
  if (!Number.isFinite(pp)) return '—';
  const figure = numberFormat(locale, {
    minimumFractionDigits: pp === 0 ? 0 : digits,
    maximumFractionDigits: digits,
    signDisplay: 'exceptZero',
  }).format(pp === 0 ? 0 : pp);
  return locale === 'en' ? `${figure} pp` : `${figure}个百分点`;
}

/** 2025-06-30 → 2025年6月30日 / Jun 30, 2025. */
export function formatDate(iso: string, locale: Locale = 'zh-CN'): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  if (locale === 'zh-CN') return `${y}年${m}月${d}日`;
  return dateFormat('en', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' }).format(
    Date.UTC(y, m - 1, d),
  );
}

/**
 * Like formatQuantity, but a small value of a magnitude unit is written in the base unit, the way a
 * person would say it: (0.0275, '万人') → 275人, (0.5, '亿元') → 5000万元; 1.93万人 stays.
 */
export function formatQuantityFit(value: number | null, unit: string, locale: Locale = 'zh-CN'): string {
  if (value === null || !Number.isFinite(value) || value === 0 || Math.abs(value) >= 1) {
    return formatQuantity(value, unit, locale);
  }
  let parsed: ReturnType<typeof parseUnit>;
  try {
    parsed = parseUnit(unit);
  } catch {
    return formatQuantity(value, unit, locale);
  }
  if (parsed.factor === 1 || parsed.base === '%' || parsed.base === 'pp') return formatQuantity(value, unit, locale);
  return formatQuantity(value * parsed.factor, parsed.base, locale);
}

/**
 * Significant digits of a run-rate (还需每周…, 近四周平均…) on every page and export. A ratio of two
 * rates is printed beside them ("实际/所需 20%"), so each keeps digits enough for the division to
 * check: 2.25人 ÷ 11.2人 is 20%, where 2人 ÷ 11人 beside it would read 18%.
 */
export const RATE_DIGITS = 3;

/** A run-rate as it is shown, in its own unit: 11.2345 → 11.2, 0.027541 → 0.0275, 98765 → 98800. */
export function shownRate(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value === 0 ? 0 : value;
  const shown = Number(value.toPrecision(RATE_DIGITS));
  return Object.is(shown, -0) ? 0 : shown;
}

/**
 * A run-rate's quantity, the figure `shownRate` rounds it to and nothing else, with the magnitude
 * units formatQuantityFit uses: (11.2, '人') → 11.2人, (0.0275, '万人') → 275人, (98765, '人') →
 * 9.88万人, (51.8, '亿元') → 51.8亿元; English 98.8K people, 5.18B yuan.
 */
export function formatRateQuantity(value: number | null, unit: string, locale: Locale = 'zh-CN'): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const shown = shownRate(value);
  const figure = (v: number, options: Intl.NumberFormatOptions = {}) =>
    numberFormat(locale, { maximumSignificantDigits: RATE_DIGITS, ...options }).format(v);
  const compact = (v: number) => figure(v, Math.abs(v) >= 1e4 ? { notation: 'compact' } : {});
  const space = locale === 'en' ? ' ' : '';
  if (unit === '') return figure(shown);
  let parsed: ReturnType<typeof parseUnit>;
  try {
    parsed = parseUnit(unit);
  } catch {
    return `${figure(shown)}${space}${unit}`;
  }
  if (parsed.base === '%') return `${figure(shown)}%`;
  if (parsed.base === 'pp') return `${figure(shown)}${locale === 'en' ? ' pp' : '个百分点'}`;
  if (locale === 'en') {
    const name = englishUnit(parsed.base);
    const base = compact(shown * parsed.factor);
    return name === '' ? base : `${base} ${name}`;
  }
  // A small rate of a magnitude unit in the base unit, as a person says it: 275人, not 0.0275万人.
  if (parsed.factor > 1 && Math.abs(shown) < 1) return `${compact(shown * parsed.factor)}${parsed.base}`;
  if (parsed.factor > 1) return `${figure(shown, { useGrouping: false })}${unit}`;
  return `${compact(shown)}${unit}`;
}

/** "还需每周 9,800人" style rate: the quantity, as `formatRateQuantity` writes it, per week or month. */
export function formatRate(value: number, unit: string, per: 'week' | 'month', locale: Locale = 'zh-CN'): string {
  const q = formatRateQuantity(value, unit, locale);
  if (locale === 'en') return `${q}/${per === 'week' ? 'wk' : 'mo'}`;
  return `每${per === 'week' ? '周' : '月'} ${q}`;
}

/** An instant as HH:mm on the Asia/Shanghai clock (the freshness badge): 1751263200000 → 14:00. */
export function formatTime(epochMs: number, locale: Locale = 'zh-CN'): string {
  if (!Number.isFinite(epochMs) || epochMs <= 0) return '—';
  return dateFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(epochMs);
}

/** 2025-06-30 → 6月30日 / Jun 30: compact dates for chart axes and timelines. */
export function formatShortDate(iso: string, locale: Locale = 'zh-CN'): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  if (locale === 'zh-CN') return `${m}月${d}日`;
  return dateFormat('en', { timeZone: 'UTC', month: 'short', day: 'numeric' }).format(Date.UTC(y, m - 1, d));
}

/** 2025-12-29 → 星期一 / Monday: the day of the week of a calendar date (the wall clock). */
export function formatWeekday(iso: string, locale: Locale = 'zh-CN'): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return '';
  return dateFormat(locale === 'en' ? 'en' : 'zh-CN', { timeZone: 'UTC', weekday: 'long' }).format(
    Date.UTC(y, m - 1, d),
  );
}
