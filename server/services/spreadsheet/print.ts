import type ExcelJS from 'exceljs';

/**
 * Every workbook the product writes prints the same way, in any spreadsheet program: A4 landscape,
 * fitted to the width of the page, the header row repeated on every page, panes frozen below it (and
 * after the title column), the sheet's title and as-of date above and "第 x 页 共 y 页" below. Column
 * widths are measured from the text they hold, a Chinese character counting two units.
 */

/** exceljs's paper size for A4. */
export const A4 = 9;

/** Margins in inches: narrow enough to give the table the page, wide enough for any printer. */
const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 };

/** A character's width in Excel's column units: two for Chinese, full-width forms and the like. */
function charWidth(code: number): number {
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  )
    return 2;
  return 1;
}

/** How wide a text runs, in column units (its longest line). */
export function textWidth(s: string): number {
  let widest = 0;
  for (const line of s.split('\n')) {
    let w = 0;
    for (const ch of line) w += charWidth(ch.codePointAt(0) ?? 0);
    widest = Math.max(widest, w);
  }
  return widest;
}

/** The text a cell shows, near enough to measure it. */
function shownText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return '2025-12-31';
  if (typeof v === 'number') {
    const fmt = cell.numFmt ?? '';
    if (fmt.includes('%')) return `${(v * 100).toFixed(1)}%`;
    const digits = /0\.(0+)/.exec(fmt)?.[1]?.length ?? (Number.isInteger(v) ? 0 : 2);
    const s = v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    return /^[+]/.test(fmt) && v > 0 ? `+${s}` : s;
  }
  if (typeof v === 'string') return v.replace(/^'/, '');
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v);
}

export interface WidthOptions {
  /** The header row: its text may wrap onto two lines, so it asks only half its width. */
  headerRow: number;
  /** Widest any column gets; longer text wraps in its column. */
  max?: number;
  /** Per-column caps (1-based column numbers), for text that should wrap sooner. */
  caps?: ReadonlyMap<number, number>;
  /** Narrowest any column gets. */
  min?: number;
  /**
   * Columns from the first that print (see `PrintOptions`): only their text wraps and makes rows
   * taller; the data columns after them keep one line (their whole text is in the cell).
   */
  printColumns?: number;
}

/** Points a line of 11-point text takes, Chinese included (what a spreadsheet's row grows by). */
const LINE_HEIGHT = 15;

/** How many lines a text takes in a column `width` units wide, when it wraps. */
function linesIn(text: string, width: number): number {
  const usable = Math.max(width - 1.5, 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

/**
 * Sets each column's width from the header and the cells below it: wide enough for its longest
 * value (a Chinese character counting two), at most `max` (or its cap); a column whose text is
 * longer wraps, top-aligned, and its rows are made as tall as their text, so nothing is cut off or
 * overlaps on paper (spreadsheet programs do not all grow rows for wrapped text on opening a file).
 * The header wraps within its width and its row grows too.
 */
export function fitColumns(ws: ExcelJS.Worksheet, o: WidthOptions): void {
  const max = o.max ?? 40;
  const min = o.min ?? 6;
  const count = ws.columnCount;
  const widths: number[] = [];
  const wraps: boolean[] = [];
  for (let c = 1; c <= count; c++) {
    const col = ws.getColumn(c);
    let widest = 0;
    col.eachCell({ includeEmpty: false }, (cell, row) => {
      if (row <= o.headerRow) return;
      // Figures and dates sit right-aligned: a little more room keeps them off the next column's text.
      const pad = typeof cell.value === 'string' ? 0 : 2;
      widest = Math.max(widest, textWidth(shownText(cell)) + pad);
    });
    const head = textWidth(shownText(ws.getRow(o.headerRow).getCell(c)));
    const cap = o.caps?.get(c) ?? max;
    const wanted = Math.max(widest + 2, Math.ceil(head / 2) + 2, min);
    const width = Math.min(wanted, Math.max(cap, Math.ceil(head / 2) + 2));
    // exceljs takes a width of exactly 9 for its default and leaves the column out of the file.
    col.width = width === 9 ? 9.25 : width;
    widths[c] = width;
    wraps[c] = widest + 2 > width && c <= (o.printColumns ?? count);
  }
  const header = ws.getRow(o.headerRow);
  let headerLines = 1;
  header.eachCell((cell, c) => {
    cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'middle' };
    headerLines = Math.max(headerLines, linesIn(shownText(cell), widths[c] ?? 8));
  });
  if (headerLines > 1) header.height = LINE_HEIGHT * headerLines + 2;
  ws.eachRow((row, r) => {
    if (r <= o.headerRow) return;
    let lines = 1;
    row.eachCell((cell, c) => {
      const text = shownText(cell);
      if (wraps[c] || (text.includes('\n') && c <= (o.printColumns ?? count))) {
        cell.alignment = { ...cell.alignment, wrapText: true };
        lines = Math.max(lines, linesIn(text, widths[c] ?? 8));
      }
    });
    if (lines === 1) return;
    row.height = LINE_HEIGHT * lines + 2;
    row.eachCell((cell) => {
      cell.alignment = { ...cell.alignment, vertical: 'top' };
    });
  });
}

export interface PrintOptions {
  /** What the sheet is, for the page header: 周调度会 · 全部目标. */
  title: string;
  /** The date the figures stand at (YYYY-MM-DD), or the day the file was written, said in the page header. */
  asOf: string;
  /** How the date is introduced: 截至 (figures) or 导出于 (a template, a log). */
  asOfLabel?: string;
  /** The header row (1-based): repeated on every page, panes frozen below it. */
  headerRow: number;
  /** Columns kept in view when scrolling sideways (the title column). */
  freezeColumns?: number;
  /**
   * How many columns, from the first, are printed; the columns after them are data for filtering
   * and sorting on screen, not for paper. All by default.
   */
  printColumns?: number;
  /** Filters on the header row over the data below it. */
  autoFilter?: boolean;
  /** A word beside the title in the page header, such as 含演示数据. */
  note?: string;
}

/** Text for a header or footer: `&` is its control character. */
const hf = (s: string) => s.replace(/&/g, '&&');

/** The column letter(s) of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Makes a sheet print on A4 landscape, fitted to the page's width, as the module comment says. */
export function preparePrint(ws: ExcelJS.Worksheet, o: PrintOptions): void {
  const lastColumn = Math.max(ws.columnCount, 1);
  const printed = Math.min(o.printColumns ?? lastColumn, lastColumn);
  const lastRow = Math.max(ws.rowCount, o.headerRow);
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: MARGINS,
    printTitlesRow: `${o.headerRow}:${o.headerRow}`,
    // exceljs prefixes each end with `$` (the column): the rows need theirs, or LibreOffice ignores it.
    printArea: `A$1:${columnLetter(printed)}$${lastRow}`,
  };
  const title = [o.title, o.note].filter(Boolean).join(' · ');
  ws.headerFooter = {
    oddHeader: `&L&B${hf(title)}&B&R${hf(`${o.asOfLabel ?? '截至'} ${o.asOf}`)}`,
    oddFooter: '&C第 &P 页 共 &N 页',
  };
  const x = o.freezeColumns ?? 0;
  ws.views = [
    {
      state: 'frozen',
      xSplit: x,
      ySplit: o.headerRow,
      topLeftCell: `${columnLetter(x + 1)}${o.headerRow + 1}`,
    },
  ];
  if (o.autoFilter)
    ws.autoFilter = {
      from: { row: o.headerRow, column: 1 },
      to: { row: Math.max(lastRow, o.headerRow + 1), column: lastColumn },
    };
}
