import { fromDayNumber, type IsoDate, isIsoDate } from './dates';
import type { IssueParams } from './issues';

/**
 * What people type into spreadsheets and forms, read leniently but never guessed at: 全角 digits and
 * punctuation, thousands separators, Excel date serials and the usual Chinese date spellings are
 * accepted; anything else is refused with a reason (a code, worded by src/i18n) to show next to the cell.
 */
export type CellIssueCode =
  | 'required'
  | 'percent_sign'
  | 'not_number'
  | 'number_out_of_range'
  | 'not_date'
  | 'no_such_date'
  | 'date_spelling';

export type CellFailure = { ok: false; code: CellIssueCode; params?: IssueParams };
export type CellResult<T> = { ok: true; value: T } | CellFailure;

const fail = (code: CellIssueCode, params?: IssueParams): CellFailure =>
  params ? { ok: false, code, params } : { ok: false, code };

/** NFKC folds 全角 digits, letters and punctuation (１２，３４５．６) to their ASCII forms. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .trim();
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** A number from a form field or a text cell: `12,345.6`, `１２３４５`, ` -3 `. */
export function parseNumberText(raw: string): CellResult<number> {
  const s = normalizeText(raw).replace(/\s+/g, '');
  if (s === '') return fail('required');
  let value: number;
  if (PLAIN_NUMBER.test(s)) value = Number(s);
  else if (GROUPED_NUMBER.test(s)) value = Number(s.replaceAll(',', ''));
  else if (/^[+-]?[\d.,]+%$/.test(s)) return fail('percent_sign');
  else return fail('not_number');
  if (!Number.isFinite(value)) return fail('number_out_of_range');
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/** Excel's day 0 in the 1900 date system is 1899-12-30 (it counts the nonexistent 1900-02-29). */
const EXCEL_EPOCH_DAY = -25569;
/** Serials between 1982 and 2149: a plausible report date, not a stray number. */
const SERIAL_MIN = 30000;
const SERIAL_MAX = 90000;

export function excelSerialToIso(serial: number): CellResult<IsoDate> {
  if (!Number.isFinite(serial) || serial < SERIAL_MIN || serial > SERIAL_MAX) {
    return fail('not_date');
  }
  return { ok: true, value: fromDayNumber(EXCEL_EPOCH_DAY + Math.floor(serial)) };
}

const DATE_PATTERNS = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** A date from text: 2025-06-30, 2025/6/30, 2025.6.30, 2025年6月30日, 20250630, or an Excel serial. */
export function parseDateText(raw: string): CellResult<IsoDate> {
  const s = normalizeText(raw).replace(/\s+/g, '');
  if (s === '') return fail('required');
  const dateOnly = s.replace(/T00:00(:00(\.000)?)?Z?$/, '');
  for (const p of DATE_PATTERNS) {
    const m = p.exec(dateOnly);
    if (!m) continue;
    const iso = `${m[1]}-${String(m[2]).padStart(2, '0')}-${String(m[3]).padStart(2, '0')}`;
    return isIsoDate(iso) ? { ok: true, value: iso } : fail('no_such_date', { text: s });
  }
  if (/^\d{5}(\.\d+)?$/.test(s)) return excelSerialToIso(Number(s));
  return fail('date_spelling');
}

/** Longest text an Excel cell holds. */
export const EXCEL_CELL_CHARS = 32_767;

/**
 * The one export-safety rule, for every file this app writes (CSV and Excel, server and browser):
 * spreadsheet programs run a cell that starts with = + - @ (or a tab/CR before them) as a formula
 * (CSV/formula injection), so such text gets a leading apostrophe; text is clipped to what an Excel
 * cell holds. Numbers, dates and booleans pass as they are.
 */
export function exportText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.length > EXCEL_CELL_CHARS ? safe.slice(0, EXCEL_CELL_CHARS) : safe;
}

export type ExportValue = string | number | boolean | Date | null | undefined;

/** A value as it goes into an exported cell (see exportText); null for an empty cell. */
export function exportCell(value: ExportValue): Exclude<ExportValue, undefined> {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? exportText(value) : value;
}

/** One RFC 4180 CSV field of an export: made safe by exportCell, quoted when it must be. */
export function csvField(value: ExportValue): string {
  const v = exportCell(value);
  if (v === null) return '';
  const text = v instanceof Date ? v.toISOString() : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A CSV file: UTF-8 with a byte-order mark (Excel reads UTF-8 without it as GBK on Chinese Windows),
 * CRLF line ends, every field through csvField.
 */
export function csvFile(rows: readonly (readonly ExportValue[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
