import { DomainError } from './errors';

/**
 * Calendar dates travel as ISO strings `YYYY-MM-DD` (Asia/Shanghai calendar days, the way the source
 * documents and the departments write them). Arithmetic happens on UTC day numbers so that no time
 * zone or DST can shift a day. Nothing here reads the clock.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const ISO_INSTANT = /^\d{4}-\d\d-\d\dT([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/**
 * An instant as ISO 8601 with its offset (`2025-06-30T18:00:00+08:00`, `…Z`), checked field by
 * field: `Date.parse` rolls 2月31日 over to 3月3日 where the database refuses it, so a date that
 * passed it failed later as a server error.
 */
export const isIsoInstant = (s: unknown): s is string =>
  typeof s === 'string' && ISO_INSTANT.test(s) && isIsoDate(s.slice(0, 10)) && s >= '1900' && s < '3000';

export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Valid dates seen so far and their day numbers. The status engine asks for the same few hundred
 * dates millions of times (every weekly report of every target); a Map hit is ~4× faster than even
 * an allocation-free parse (V8 caches string hashes).
 */
const DAY_CACHE = new Map<string, number>();
const DAY_CACHE_LIMIT = 50_000;

/** Days since 1970-01-01 for an ISO date. */
export function dayNumber(date: IsoDate): number {
  const cached = DAY_CACHE.get(date);
  if (cached !== undefined) return cached;
  const n = parseDayNumber(date);
  if (DAY_CACHE.size >= DAY_CACHE_LIMIT) DAY_CACHE.clear();
  DAY_CACHE.set(date, n);
  return n;
}

/** Reads the digits directly and applies the days-from-civil formula (H. Hinnant): no Date objects. */
function parseDayNumber(date: IsoDate): number {
  let ok = typeof date === 'string' && date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45;
  for (let i = 0; ok && i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = digit(date, i);
    ok = c >= 0 && c <= 9;
  }
  const y = ok ? digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3) : 0;
  const m = ok ? digit(date, 5) * 10 + digit(date, 6) : 0;
  const d = ok ? digit(date, 8) * 10 + digit(date, 9) : 0;
  const monthDays = m === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0);
  if (!ok || m < 1 || m > 12 || d < 1 || d > monthDays) {
    throw new DomainError(
      'invalid_date',
      `日期格式不正确：“${String(date)}”，应为 YYYY-MM-DD`,
      `Invalid date "${String(date)}", expected YYYY-MM-DD`,
    );
  }
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The other direction, cached the same way (the engine's window bounds: addDays on every report date). */
const DATE_CACHE = new Map<number, IsoDate>();

export function fromDayNumber(n: number): IsoDate {
  const cached = DATE_CACHE.get(n);
  if (cached !== undefined) return cached;
  const date = new Date(n * DAY_MS).toISOString().slice(0, 10);
  if (DATE_CACHE.size >= DAY_CACHE_LIMIT) DATE_CACHE.clear();
  DATE_CACHE.set(n, date);
  return date;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The calendar day in Asia/Shanghai (UTC+8, no DST) of an instant. Used to turn `now` into a date. */
export function shanghaiDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The latest of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}
