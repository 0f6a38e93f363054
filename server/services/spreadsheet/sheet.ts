import type ExcelJS from 'exceljs';
import { newWorkbook } from './workbook';
import { type BudgetRefusal, HEAP_PER_BYTE, MAX_HEAP_ESTIMATE, MAX_MERGES, newBudget, partSink } from './xlsx-budget';
import { inflateEntries, type ZipRefusal, zipEntries } from './zip-guard';

/**
 * Reads an uploaded spreadsheet into a grid of raw cell values, trusting nothing about it: the type
 * comes from the bytes (a zip that holds a workbook, or text), never from the file name; a workbook
 * is inflated and measured as a stream before exceljs sees it (zip bombs, workbooks that would
 * build more than exceljs can hold); row counts are capped before rows are built.
 */
export type Raw = string | number | boolean | Date | null | { error: string } | { merged: string };

export interface Grid {
  kind: 'xlsx' | 'csv';
  /** Rows as they appear, 1-based `row` numbers of the sheet. Empty rows are left out. */
  rows: { row: number; cells: Raw[] }[];
}

export type SheetResult = { ok: true; grid: Grid } | { ok: false; status: 400 | 413 | 415 | 422; detail: string };

export interface SheetLimits {
  maxRows: number;
  maxFileBytes: number;
}

/** Longest single cell read (Excel's own limit is 32,767 characters). */
export const MAX_CELL_CHARS = 32_767;

export interface SheetChoice {
  /** Read this worksheet of a workbook; when it is missing the grid is empty. */
  sheet?: string | undefined;
}

export async function readSheet(
  bytes: Uint8Array,
  limits: SheetLimits,
  choice: SheetChoice = {},
): Promise<SheetResult> {
  if (bytes.byteLength === 0) return { ok: false, status: 400, detail: '文件是空的' };
  if (bytes.byteLength > limits.maxFileBytes)
    return { ok: false, status: 413, detail: `文件超过 ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB 的上限` };
  const b = bytes;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return readXlsx(Buffer.from(b), limits, choice);
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0)
    return { ok: false, status: 415, detail: '不支持旧版 .xls 或加密的 Excel 文件，请另存为 .xlsx 或 CSV 后再上传' };
  if (b[0] === 0x4d && b[1] === 0x5a) return { ok: false, status: 415, detail: '这是可执行程序，不是表格文件' };
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46)
    return { ok: false, status: 415, detail: '这是 PDF 文件，请上传 .xlsx 或 CSV 表格' };
  return readCsv(b, limits);
}

// --- xlsx ---------------------------------------------------------------------------------------

const MAX_ZIP_ENTRIES = 2000;
/** Cells to the right of this column are not read: one stray cell at XFD would make every row 16,384 wide. */
export const MAX_COLUMNS = 256;
const BROKEN_XLSX = '文件已损坏或不是有效的 Excel（.xlsx）文件';
const TOO_BIG = '工作簿解压后过大，请删除多余的工作表或另存为 CSV';

function refusal(r: ZipRefusal | BudgetRefusal, limits: SheetLimits): Extract<SheetResult, { ok: false }> {
  switch (r) {
    case 'broken':
      return { ok: false, status: 422, detail: BROKEN_XLSX };
    case 'rows':
      return tooManyRows(limits);
    case 'ranges':
      return {
        ok: false,
        status: 413,
        detail: '工作簿中的合并单元格、筛选、数据验证或名称覆盖的范围过大，请删除后再导入或另存为 CSV',
      };
    case 'merges':
      return {
        ok: false,
        status: 413,
        detail: `合并单元格过多（超过 ${MAX_MERGES} 处），请取消合并后再导入或另存为 CSV`,
      };
    case 'too-big':
      return { ok: false, status: 413, detail: TOO_BIG };
  }
}

async function readXlsx(buf: Buffer, limits: SheetLimits, choice: SheetChoice): Promise<SheetResult> {
  const entries = zipEntries(buf, MAX_ZIP_ENTRIES);
  if (typeof entries === 'string') return refusal(entries, limits);
  if (!entries.some((e) => e.name === 'xl/workbook.xml'))
    return { ok: false, status: 415, detail: '压缩包里没有 Excel 工作簿，请上传 .xlsx 或 CSV 表格' };
  // Every part is inflated and measured here first: exceljs inflates whole parts and builds the
  // whole workbook, so only a workbook known to fit is handed to it.
  const budget = newBudget(limits.maxRows + HEADER_ALLOWANCE);
  const refused = await inflateEntries(buf, entries, MAX_HEAP_ESTIMATE / HEAP_PER_BYTE, (e) => partSink(e, budget));
  if (refused) return refusal(refused, limits);
  const wb = await newWorkbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, status: 422, detail: BROKEN_XLSX };
  }
  if (choice.sheet && !wb.getWorksheet(choice.sheet)) return { ok: true, grid: { kind: 'xlsx', rows: [] } };
  const ws = choice.sheet
    ? wb.getWorksheet(choice.sheet)
    : (wb.worksheets.find((w) => w.state === 'visible') ?? wb.worksheets[0]);
  if (!ws) return { ok: false, status: 422, detail: '工作簿里没有工作表' };
  if (ws.actualRowCount > limits.maxRows + HEADER_ALLOWANCE) return tooManyRows(limits);
  const rows: Grid['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Raw[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > MAX_COLUMNS) return;
      // A cell merged down from a row above shows that row's value: copying it would report the same
      // figure twice without anyone having typed it, so the row is refused with a message instead.
      if (cell.isMerged && cell.master.address !== cell.address && Number(cell.master.row) !== rowNumber) {
        cells[col - 1] = { merged: cell.master.address };
        return;
      }
      const raw = rawOf(cell.value);
      // A percent-formatted cell holds 0.35 and shows 35%: the figure the person typed and sees is 35.
      cells[col - 1] =
        typeof raw === 'number' && /%/.test(cell.numFmt ?? '') ? Number((raw * 100).toPrecision(12)) : raw;
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows.push({ row: rowNumber, cells });
  });
  return { ok: true, grid: { kind: 'xlsx', rows } };
}

/** Header and title rows above the data. */
const HEADER_ALLOWANCE = 20;

const tooManyRows = (limits: SheetLimits): Extract<SheetResult, { ok: false }> => ({
  ok: false,
  status: 413,
  detail: `行数超过上限（最多 ${limits.maxRows} 行数据），请分批导入`,
});

function clip(s: string): string {
  return s.length > MAX_CELL_CHARS ? s.slice(0, MAX_CELL_CHARS + 1) : s;
}

function rawOf(v: ExcelJS.CellValue): Raw {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return clip(v);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('error' in v) return { error: String(v.error) };
    if ('richText' in v) return clip(v.richText.map((t) => t.text).join(''));
    if ('hyperlink' in v) return clip(String(v.hyperlink || v.text || ''));
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined || result === null) return { error: '公式没有计算结果' };
      return rawOf(result as ExcelJS.CellValue);
    }
  }
  return String(v);
}

// --- csv ----------------------------------------------------------------------------------------

function decodeText(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder('utf-8').decode(b.subarray(3));
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  // Binary files (images, executables without a known signature) have NUL bytes; text never does.
  if (b.subarray(0, 8192).includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    // Excel on Chinese Windows saves "CSV" in GBK (GB18030 covers it and more).
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(b);
    } catch {
      return null;
    }
  }
}

async function readCsv(b: Uint8Array, limits: SheetLimits): Promise<SheetResult> {
  const text = decodeText(b);
  if (text === null)
    return { ok: false, status: 415, detail: '无法识别的文件：请上传 .xlsx 或 CSV（UTF-8 或 GBK 编码）表格' };
  // Lines are counted the way parseCsv ends records (CR alone too), so the rows it builds are bounded.
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  if (lines > (limits.maxRows + HEADER_ALLOWANCE) * 4 + 100) return tooManyRows(limits);
  const firstLine =
    text
      .slice(0, 64 * 1024)
      .split(/\r\n?|\n/)
      .find((l) => l.trim() !== '') ?? '';
  const delimiter =
    [',', '\t', ';'].map((d) => [d, firstLine.split(d).length] as const).sort((x, y) => y[1] - x[1])[0]?.[0] ?? ',';
  const rows = parseCsv(text, delimiter);
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c !== null));
  if (nonEmpty.length > limits.maxRows + HEADER_ALLOWANCE) return tooManyRows(limits);
  return { ok: true, grid: { kind: 'csv', rows: nonEmpty } };
}

/** RFC 4180: quoted fields, "" escapes, newlines inside quotes, CRLF or LF. */
export function parseCsv(text: string, delimiter = ','): Grid['rows'] {
  const rows: Grid['rows'] = [];
  let cells: Raw[] = [];
  let field = '';
  let quoted = false;
  // Row numbers are records, the way Excel numbers the rows of an opened CSV (not text lines).
  let record = 0;
  const endField = () => {
    if (cells.length < MAX_COLUMNS) cells.push(field === '' ? null : clip(field));
    field = '';
  };
  const endRow = () => {
    endField();
    record++;
    rows.push({ row: record, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else if (field.length <= MAX_CELL_CHARS) field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else if (field.length <= MAX_CELL_CHARS) field += ch;
  }
  if (field !== '' || cells.length) endRow();
  return rows;
}
