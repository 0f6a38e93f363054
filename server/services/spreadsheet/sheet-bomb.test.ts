import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  bombSheet,
  part,
  peakRss,
  piecesPart,
  row,
  rowsSheet,
  SHEET_HEAD,
  SHEET_TAIL,
  workbook,
  zip,
} from '../../../tests/api/crafted-xlsx';
import { readSheet, type SheetResult } from './sheet';
import { MAX_HEAP_ESTIMATE, newBudget, partSink } from './xlsx-budget';
import { inflateEntries, zipEntries } from './zip-guard';

/**
 * Decompression bombs and their cousins (issue 19): files of a few kilobytes or megabytes that
 * would make exceljs build gigabytes. Each is built here, never committed, and must be refused
 * before memory grows, with a Chinese message that says what to do.
 */
const LIMITS = { maxRows: 5000, maxFileBytes: 5 * 1024 * 1024 };
const MB = 1024 * 1024;
const TOO_BIG = '工作簿解压后过大，请删除多余的工作表或另存为 CSV';
const TOO_MANY_ROWS = '行数超过上限（最多 5000 行数据），请分批导入';
const RANGES = /合并单元格、筛选、数据验证或名称覆盖的范围过大/;
const BROKEN = /文件已损坏/;

const read = (bytes: Buffer, choice = {}) => readSheet(new Uint8Array(bytes), LIMITS, choice);
const sheetOf = (xml: string) => part('xl/worksheets/sheet1.xml', xml);
const refusal = (r: SheetResult) => (r.ok ? { ok: true } : { status: r.status, detail: r.detail });

/** readSheet in a fresh process, whose RSS growth is the workbook's (this one's heap is already grown). */
async function readInChild(bytes: Buffer): Promise<{ ok: boolean; rows?: number; detail?: string; growth: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sheet-bomb-'));
  try {
    writeFileSync(path.join(dir, 'warm-up.xlsx'), workbook(sheetOf(SHEET_HEAD + row(1, ['a']) + SHEET_TAIL)));
    writeFileSync(path.join(dir, 'file.xlsx'), bytes);
    const child = path.join(import.meta.dirname, '../../../tests/api/fixtures/read-sheet-child.ts');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', child, path.join(dir, 'file.xlsx')],
      { timeout: 60_000 },
    );
    return JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the zip layer', () => {
  const hello = part('a.txt', 'hello '.repeat(10_000));
  const inflate = (buf: Buffer, maxBytes = 10 * MB) => {
    const entries = zipEntries(buf, 100);
    if (typeof entries === 'string') return Promise.resolve(entries);
    return inflateEntries(buf, entries, maxBytes, () => null);
  };

  it('reads an honest archive, stored or deflated, and hands over exactly its content', async () => {
    const stored = { ...part('b.txt', 'stored'), method: 0, data: Buffer.from('stored') };
    const buf = zip([hello, stored]);
    const entries = zipEntries(buf, 100);
    if (typeof entries === 'string') throw new Error(entries);
    expect(entries.map((e) => e.name)).toEqual(['a.txt', 'b.txt']);
    const seen = new Map<string, string>();
    const refused = await inflateEntries(buf, entries, MB, (e) => ({
      write: (chunk) => void seen.set(e.name, (seen.get(e.name) ?? '') + chunk.toString()),
      end: () => undefined,
    }));
    expect(refused).toBeUndefined();
    expect(seen.get('a.txt')).toBe('hello '.repeat(10_000));
    expect(seen.get('b.txt')).toBe('stored');
  });

  it('refuses as broken whatever two zip readers could read differently', async () => {
    const cases: [string, Buffer][] = [
      ['local name differs', zip([hello], { local: { 'a.txt': { name: 'b.txt' } } })],
      ['local size differs', zip([hello], { local: { 'a.txt': { size: 10 } } })],
      ['local compressed size differs', zip([hello], { local: { 'a.txt': { compressed: 10 } } })],
      ['local method differs', zip([hello], { local: { 'a.txt': { method: 0 } } })],
      ['encrypted', zip([{ ...hello, flags: 1 }])],
      ['bzip2', zip([{ ...hello, method: 12 }])],
      ['zip64 size', zip([{ ...hello, size: 0xffffffff }])],
      ['bytes before the archive', zip([hello], { prefix: Buffer.alloc(100) })],
      ['a second end record after the archive', zip([hello], { suffix: Buffer.from('PK\x05\x06 trailing') })],
      ['more records than the count', zip([hello, part('b.txt', 'x')], { count: 1 })],
      ['wrong CRC', zip([{ ...hello, crc: hello.crc ^ 1 }])],
      ['shorter than declared', zip([{ ...hello, size: hello.size + 1 }])],
      ['truncated deflate', zip([{ ...hello, data: hello.data.subarray(0, 20) }])],
      // An overlong '/', which JSZip's decoder reads as '/' and a strict one refuses.
      ['a name that is not UTF-8', zip([{ ...hello, nameBytes: Buffer.from([0x61, 0xc0, 0xaf, 0x62]) }])],
      ['bytes after the archive', zip([hello], { suffix: Buffer.from('\n') })],
      ['not a zip', Buffer.from('PK\x03\x04 and then nothing')],
    ];
    for (const [name, buf] of cases) expect(await inflate(buf), name).toBe('broken');
  });

  it('stops an entry at the first chunk past its declared size, and the archive at its cap', async () => {
    let seen = 0;
    const lying = zip([bombSheet(1, 1000)]);
    const entries = zipEntries(lying, 10);
    if (typeof entries === 'string') throw new Error(entries);
    const refused = await inflateEntries(lying, entries, 100 * MB, () => ({
      write: (chunk) => {
        seen += chunk.length;
        return undefined;
      },
      end: () => undefined,
    }));
    expect(refused).toBe('too-big');
    expect(seen).toBeLessThan(1000);
    // Headers that admit to 4 GB: the archive is stopped at its cap, not at 4 GB.
    const honest = zip([bombSheet(4, 0xfffffffe)]);
    const t0 = performance.now();
    expect(await inflate(honest, 8 * MB)).toBe('too-big');
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('readSheet on hostile workbooks', () => {
  it('refuses the zip bomb of issue 19 (4 GiB declared as 4 KB) with 413, memory flat', async () => {
    const bomb = workbook(bombSheet(4));
    expect(bomb.length).toBeLessThan(LIMITS.maxFileBytes);
    const { result, before, peak } = await peakRss(() => read(bomb));
    expect(refusal(result)).toEqual({ status: 413, detail: TOO_BIG });
    expect(peak - before).toBeLessThan(200 * MB);
    console.log(
      `[bomb] ${(bomb.length / MB).toFixed(1)} MB xlsx → 4 GiB: RSS +${((peak - before) / MB).toFixed(0)} MB`,
    );
  });

  it('refuses a bomb whose headers tell the truth once the inflated total passes the cap', async () => {
    const { result, before, peak } = await peakRss(() => read(workbook(bombSheet(2, 0xfffffffe))));
    expect(refusal(result)).toEqual({ status: 413, detail: TOO_BIG });
    expect(peak - before).toBeLessThan(200 * MB);
  });

  it('refuses 100,000 honest rows at the 5,021st, before exceljs builds any', async () => {
    const big = workbook(rowsSheet(['目标编号', '本期数值'], 100_000, (i) => ['T-1', i]));
    const { result, before, peak } = await peakRss(() => read(big));
    expect(refusal(result)).toEqual({ status: 413, detail: TOO_MANY_ROWS });
    expect(peak - before).toBeLessThan(50 * MB);
    console.log(
      `[100k rows] ${(big.length / MB).toFixed(1)} MB xlsx: RSS +${((peak - before) / MB).toFixed(0)} MB (exceljs alone: +350 MB)`,
    );
  });

  it('refuses the few-kilobyte workbooks that exceljs would expand into billions of cells', async () => {
    const sheet = (extra: string) =>
      sheetOf(`${SHEET_HEAD}${row(1, ['a'])}${SHEET_TAIL.replace('</worksheet>', '')}${extra}</worksheet>`);
    const definedName = (text: string) =>
      workbook(sheetOf(SHEET_HEAD + row(1, ['a']) + SHEET_TAIL), {
        workbookXml: `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="填报" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="x">${text}</definedName></definedNames></workbook>`,
      });
    const cases: [string, Buffer, number, RegExp | string][] = [
      [
        'a merge over the whole sheet',
        workbook(sheet('<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>')),
        413,
        RANGES,
      ],
      [
        'the same, the colon written as an entity',
        workbook(sheet('<mergeCells><mergeCell ref="A1&#58;XFD1048576"/></mergeCells>')),
        413,
        RANGES,
      ],
      [
        'a merge past the last row (exceljs would loop forever)',
        workbook(sheet('<mergeCells><mergeCell ref="A99999999999999999999:A99999999999999999999"/></mergeCells>')),
        413,
        RANGES,
      ],
      [
        'a data validation over the whole sheet',
        workbook(
          sheet(
            '<dataValidations><dataValidation type="whole" sqref="B2 A1:XFD1048576"><formula1>1</formula1></dataValidation></dataValidations>',
          ),
        ),
        413,
        RANGES,
      ],
      [
        'a column definition 200 million wide',
        workbook(
          sheetOf(
            SHEET_HEAD.replace('<sheetData>', '<cols><col min="1" max="200000000"/></cols><sheetData>') + SHEET_TAIL,
          ),
        ),
        413,
        RANGES,
      ],
      ['a defined name over the whole sheet', definedName("'填报'!$A$1:$XFD$1048576"), 413, RANGES],
      ['a defined name split by quotes', definedName("'a,b'!$A$1:$XFD$1048576"), 413, RANGES],
      ['a defined name hiding its range in a comment', definedName('填报!$A$1:<!-- -->$XFD$1048576'), 422, BROKEN],
      [
        '5,000 rows each with one cell at column XFD',
        workbook(
          piecesPart('xl/worksheets/sheet1.xml', [
            SHEET_HEAD,
            Array.from({ length: 5000 }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`).join(''),
            SHEET_TAIL,
          ]),
        ),
        413,
        TOO_BIG,
      ],
      [
        '20,000 small merges (exceljs compares each with all the others)',
        workbook(
          sheet(
            `<mergeCells>${Array.from({ length: 20_000 }, (_, i) => `<mergeCell ref="A${2 * i + 2}:B${2 * i + 2}"/>`).join('')}</mergeCells>`,
          ),
        ),
        413,
        /合并单元格过多/,
      ],
      [
        '500,000 styles',
        workbook(sheetOf(SHEET_HEAD + row(1, ['a']) + SHEET_TAIL), {
          extra: [part('xl/styles.xml', `<styleSheet><cellXfs>${'<xf/>'.repeat(500_000)}</cellXfs></styleSheet>`)],
        }),
        413,
        TOO_BIG,
      ],
    ];
    for (const [name, bytes, status, detail] of cases) {
      const { result, before, peak } = await peakRss(() => read(bytes));
      const r = refusal(result);
      expect(r, name).toMatchObject({ status });
      expect((r as { detail: string }).detail, name).toMatch(detail);
      expect(peak - before, name).toBeLessThan(50 * MB);
    }
  });

  it('still reads workbooks that merge, filter, validate, format empty rows and set a print area on a normal scale', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => row(i + 3, [`T-${i}`, i, '2025-06-01']));
    const bytes = workbook(
      piecesPart('xl/worksheets/sheet1.xml', [
        SHEET_HEAD.replace(
          '<sheetData>',
          '<cols><col min="1" max="3" width="14"/><col min="4" max="16384" hidden="1"/></cols><sheetData>',
        ),
        row(1, ['填报表']),
        row(2, ['目标编号', '本期数值', '截至日期']),
        rows.join(''),
        // Borders drawn on 10,000 more rows: Excel writes a row for each, with nothing in it.
        Array.from({ length: 10_000 }, (_, i) => `<row r="${i + 5003}" ht="20" customHeight="1"/>`).join(''),
        '</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>',
        '<dataValidations count="1"><dataValidation type="decimal" sqref="B3:B5002"><formula1>0</formula1></dataValidation></dataValidations>',
        '</worksheet>',
      ]),
      {
        workbookXml: `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="填报" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">填报!$A$2:$C$5002</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">填报!$A$1:$XFD$1048576</definedName></definedNames></workbook>`,
      },
    );
    const res = await read(bytes);
    if (!res.ok) throw new Error(res.detail);
    expect(res.grid.rows).toHaveLength(5002);
    expect(res.grid.rows[1]?.cells).toEqual(['目标编号', '本期数值', '截至日期']);
    expect(res.grid.rows[2]?.cells).toEqual(['T-0', 0, '2025-06-01']);
  });

  it('reads a legitimate 5,000-row, 20-column report within 200 MB', async () => {
    const header = Array.from({ length: 20 }, (_, c) => `列${c + 1}`);
    const bytes = workbook(
      rowsSheet(header, 5000, (i) => header.map((_, c) => (c % 2 ? i * 1.5 + c : `说明文字${i % 50}-${c}`))),
    );
    const res = await read(bytes);
    if (!res.ok) throw new Error(res.detail);
    expect(res.grid.rows).toHaveLength(5001);
    expect(res.grid.rows[5000]?.cells[19]).toBe(4999 * 1.5 + 19);
    const child = await readInChild(bytes);
    expect(child).toMatchObject({ ok: true, rows: 5001 });
    expect(child.growth).toBeLessThan(200 * MB);
    console.log(`[5000×20] ${(bytes.length / 1024).toFixed(0)} KB xlsx: RSS +${(child.growth / MB).toFixed(0)} MB`);
  }, 60_000);

  it('keeps what exceljs builds well under 200 MB for the largest workbooks it lets through', async () => {
    // Each just under the estimate: 170,000 one-digit cells (34 a row), 25 MB of text, 400,000 styles.
    const text = 'x'.repeat(30_000);
    const cases = [
      ['cells', workbook(rowsSheet([], 4999, () => Array.from({ length: 34 }, () => 1)))],
      ['text', workbook(rowsSheet([], 830, () => [text]))],
      [
        'styles',
        workbook(sheetOf(SHEET_HEAD + row(1, ['a']) + SHEET_TAIL), {
          extra: [part('xl/styles.xml', `<styleSheet><cellXfs>${'<xf/>'.repeat(400_000)}</cellXfs></styleSheet>`)],
        }),
      ],
    ] as const;
    for (const [name, bytes] of cases) {
      const budget = newBudget(1e9);
      const entries = zipEntries(bytes, 100);
      if (typeof entries === 'string') throw new Error(entries);
      await inflateEntries(bytes, entries, 1e12, (e) => partSink(e, budget));
      expect(budget.heap, name).toBeGreaterThan(MAX_HEAP_ESTIMATE * 0.85);
      expect(budget.heap, name).toBeLessThan(MAX_HEAP_ESTIMATE);
      const child = await readInChild(bytes);
      expect(child.ok, name).toBe(true);
      expect(child.growth, name).toBeLessThan(150 * MB);
      console.log(
        `[largest accepted: ${name}] estimate ${(budget.heap / MB).toFixed(0)} MB, RSS +${(child.growth / MB).toFixed(0)} MB`,
      );
    }
  }, 120_000);
});

describe('readSheet on hostile CSV', () => {
  it('counts lines that end in CR alone before building any row', async () => {
    const crOnly = Buffer.from(`目标编号,本期数值\r${'T-1,1\r'.repeat(800_000)}`);
    const { result, before, peak } = await peakRss(() => read(crOnly));
    expect(refusal(result)).toEqual({ status: 413, detail: TOO_MANY_ROWS });
    expect(peak - before).toBeLessThan(60 * MB);
  });

  it('reads no further than column 256 of a line of five million commas', async () => {
    const res = await read(Buffer.from(`a${','.repeat(5 * MB - 2)}`));
    if (!res.ok) throw new Error(res.detail);
    expect(res.grid.rows[0]?.cells).toHaveLength(256);
  });
});
