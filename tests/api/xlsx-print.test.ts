import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewResponse } from '../../src/domain/review-api';
import { type Backend, backends, TEST_NOW, testApp } from './test-db';
import { call, seedAccounts, signIn, type Who } from './write-helpers';

/**
 * Every workbook the product writes is ready to print (issue 25): A4 landscape fitted to the page's
 * width, the header row on every page, frozen panes, the name people know in the first column and the
 * ids last, the title, date and page numbers in the page's header and footer. And the weekly review's
 * workbook, printed by a spreadsheet program that is not ours (LibreOffice, headless, to PDF), fits on
 * at most 14 A4 pages with every printed column on each page.
 */

/** The review's sheets: the header people look for first, and the last column on paper. */
const REVIEW_SHEETS: Record<string, string> = {
  汇总: '领域',
  全部目标: '目标',
  预警: '目标',
  逾期未报: '牵头部门',
  按牵头部门: '牵头部门',
};
const MAX_REVIEW_PAGES = 14;

async function load(res: Response): Promise<ExcelJS.Workbook> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}

/** A workbook's sheet by its name; the test fails if there is none. */
function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}: ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

const headerOf = (ws: ExcelJS.Worksheet, row: number) =>
  (ws.getRow(row).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));

/** The last column of a sheet's print area (1-based); the whole sheet when it has none. */
function printedColumns(ws: ExcelJS.Worksheet): number {
  const area = ws.pageSetup.printArea;
  const m = area ? /:\$?([A-Z]+)\$?\d+$/.exec(area) : null;
  if (!m?.[1]) return ws.columnCount;
  return [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** A sheet is set up to print: A4 landscape, one page wide, its header row repeated and frozen, ids last. */
function expectPrintable(
  ws: ExcelJS.Worksheet,
  o: { headerRow: number; first: string; id?: string; idPrinted?: boolean; asOf: string; frozenColumns?: number },
) {
  const where = ws.name;
  expect(ws.pageSetup, where).toMatchObject({
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  });
  expect(ws.pageSetup.margins?.left, where).toBeLessThanOrEqual(0.6);
  expect(ws.pageSetup.printTitlesRow, where).toBe(`${o.headerRow}:${o.headerRow}`);
  expect(ws.views[0], where).toMatchObject({ state: 'frozen', ySplit: o.headerRow });
  if (o.frozenColumns !== undefined) expect(ws.views[0], where).toMatchObject({ xSplit: o.frozenColumns });
  const header = headerOf(ws, o.headerRow);
  expect(header[0], where).toBe(o.first);
  if (o.id) {
    // The id is on the sheet (a template is read back by it) but last, and not on paper unless it is
    // filled in by hand (the catalog template's new targets).
    expect(header.at(-1), where).toBe(o.id);
    if (o.idPrinted) expect(printedColumns(ws), where).toBe(header.length);
    else expect(printedColumns(ws), where).toBeLessThan(header.length);
  }
  expect(ws.headerFooter.oddFooter, where).toContain('第 &P 页 共 &N 页');
  expect(ws.headerFooter.oddHeader, where).toContain(o.asOf);
  // Columns fit Chinese text: no printed column narrower than half its header (it wraps onto two lines).
  header.slice(0, printedColumns(ws)).forEach((h, i) => {
    const cjk = [...h].filter((c) => /[\u3000-\uffff]/.test(c)).length;
    expect(ws.getColumn(i + 1).width ?? 0, `${where} ${h}`).toBeGreaterThanOrEqual(cjk);
  });
}

/** Runs a command to the end; its output, or the test fails with what it said. */
function run(cmd: string, args: string[], timeout = 30_000): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd} failed: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

const hasCommand = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

interface PrintedPage {
  width: number;
  height: number;
  text: string;
}

/** Converts workbooks to PDF with LibreOffice (once, all at a time) and reads each page's size and text. */
function printWithLibreOffice(dir: string, files: string[]): Map<string, PrintedPage[]> {
  if (!hasCommand('soffice'))
    throw new Error(
      'LibreOffice (soffice) is not installed: the review workbook must be printed by it. Install it with `apt-get install libreoffice-calc-nogui` (and poppler-utils for pdfinfo/pdftotext).',
    );
  if (!hasCommand('pdfinfo') || !hasCommand('pdftotext'))
    throw new Error('pdfinfo/pdftotext are not installed: install poppler-utils.');
  const profile = `file://${join(dir, `lo-${Math.random().toString(36).slice(2)}`)}`;
  run(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files],
    120_000,
  );
  const out = new Map<string, PrintedPage[]>();
  for (const file of files) {
    const pdf = file.replace(/\.xlsx$/, '.pdf');
    expect(readdirSync(dir), `LibreOffice wrote no PDF for ${file}`).toContain(pdf.split('/').at(-1));
    const info = run('pdfinfo', ['-f', '1', '-l', '1000', pdf]);
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
      width: Number(m[1]),
      height: Number(m[2]),
    }));
    // Each cell's lines in drawing order, so a header that wraps in its cell still reads as one.
    const texts = run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']).split('\f');
    out.set(
      file,
      sizes.map((s, i) => ({ ...s, text: texts[i] ?? '' })),
    );
  }
  return out;
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

describe.each(backends())('Excel exports print on A4 (%s)', (backend: Backend) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let admin: Who;
  let rep: Who;
  const get = (path: string) => ctx.app.request(`/api/v1${path}`);
  /** The workbook an export answers, asked for anonymously or by a signed-in `who`. */
  const workbook = async (path: string, who?: Who) =>
    load(who ? await call(ctx.app, 'GET', path, who) : await get(path));

  beforeAll(async () => {
    ctx = await testApp(backend);
    await seedAccounts(ctx.db.db, TEST_NOW);
    admin = await signIn(ctx.app, 'admin');
    rep = await signIn(ctx.app, 'rep-a');
  });
  afterAll(async () => ctx?.close());

  it('sets up every sheet of the review workbook to print', async () => {
    const review = (await (await get('/review')).json()) as { asOf: string };
    const wb = await workbook('/review.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.keys(REVIEW_SHEETS));
    for (const ws of wb.worksheets) {
      const first = REVIEW_SHEETS[ws.name] ?? '';
      expectPrintable(ws, {
        headerRow: 3,
        first,
        asOf: review.asOf,
        ...(ws.name === '汇总' ? {} : { id: '编号' }),
        frozenColumns: ws.name === '逾期未报' ? 2 : 1,
      });
      expect(ws.headerFooter.oddHeader).toContain(ws.name);
      expect(ws.autoFilter, ws.name).toMatch(/^A3:/);
    }
    // What a meeting reads is on paper: the figures, the state and the marks that qualify them.
    const all = sheet(wb, '全部目标');
    const printed = headerOf(all, 3).slice(0, printedColumns(all));
    for (const h of ['目标', '牵头部门', '当前值', '目标值', '单位', '完成率', '差距（个百分点）', '状态', '演示数据'])
      expect(printed).toContain(h);
    const warnings = sheet(wb, '预警');
    expect(headerOf(warnings, 3).slice(0, printedColumns(warnings))).toEqual(
      expect.arrayContaining(['目标', '类别', '存在问题', '下步措施', '需协调事项']),
    );
  });

  it('writes a milestone’s step in the review workbook in nodes, as the review page says it', async () => {
    // The first meeting, going back a week at a time, at which some milestone reached a node.
    let review = (await (await get('/review')).json()) as ReviewResponse;
    for (let i = 0; i < 26 && review.milestoneSteps.length === 0; i++)
      review = (await (await get(`/review?asOf=${review.previousAsOf}`)).json()) as ReviewResponse;
    const warnings = sheet(await workbook(`/review.xlsx?asOf=${review.asOf}`), '预警');
    const warningHeader = headerOf(warnings, 3);
    const kinds = new Map<string, string[]>();
    warnings.eachRow((row, n) => {
      if (n <= 3) return;
      const id = String(row.getCell(warningHeader.indexOf('编号') + 1).value);
      kinds.set(id, [...(kinds.get(id) ?? []), String(row.getCell(warningHeader.indexOf('类别') + 1).value)]);
    });
    expect(review.milestoneSteps.length).toBeGreaterThan(0);
    for (const m of review.milestoneSteps)
      expect(kinds.get(m.id)).toContain(
        `${m.to > m.from ? '节点推进' : '节点回退'} ${m.from}/${m.total}→${m.to}/${m.total}`,
      );
  });

  it('sets up the rankings, both templates and the audit log to print', async () => {
    for (const by of ['department', 'district'] as const) {
      const rankings = (await (await get(`/rankings?by=${by}`)).json()) as { asOf: string };
      const wb = await workbook(`/rankings.xlsx?by=${by}`);
      const ws = wb.worksheets[0] as ExcelJS.Worksheet;
      expectPrintable(ws, { headerRow: 1, first: by === 'district' ? '区市' : '部门', asOf: rankings.asOf });
    }

    const day = TEST_NOW.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const report = await workbook('/imports/template', rep);
    expectPrintable(sheet(report, '填报'), {
      headerRow: 1,
      first: '目标名称',
      id: '目标编号',
      asOf: day,
      frozenColumns: 1,
    });

    const catalog = await workbook('/admin/catalog-imports/template', admin);
    expectPrintable(sheet(catalog, '目标'), {
      headerRow: 1,
      first: '目标名称',
      id: '编号',
      idPrinted: true,
      asOf: day,
    });
    expectPrintable(sheet(catalog, '规划'), {
      headerRow: 1,
      first: '标题',
      asOf: day,
    });
    expect(headerOf(sheet(catalog, '规划'), 1).at(-1)).toBe('规划编号');

    const audit = await workbook('/admin/audit/export?format=xlsx', admin);
    const log = audit.worksheets[0] as ExcelJS.Worksheet;
    expectPrintable(log, { headerRow: 1, first: '时间', asOf: day });
    expect(headerOf(log, 1).at(-1)).toBe('编号');
  });

  // LibreOffice prints the same file whatever database answered it: once, on the first backend.
  if (backend === backends()[0])
    it('prints the review workbook with LibreOffice on at most 14 A4 pages, every printed column on each page', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'xlsx-print-'));
      try {
        const books = new Map<string, ExcelJS.Workbook>();
        const files: string[] = [];
        for (const [name, query] of [
          ['default', ''],
          ['dec22', '?asOf=2025-12-22'],
        ] as const) {
          const res = await get(`/review.xlsx${query}`);
          const bytes = new Uint8Array(await res.clone().arrayBuffer());
          books.set(name, await load(res));
          const file = join(dir, `review-${name}.xlsx`);
          writeFileSync(file, bytes);
          files.push(file);
        }
        const printed = printWithLibreOffice(dir, files);
        for (const [name, wb] of books) {
          const pages = printed.get(join(dir, `review-${name}.xlsx`)) ?? [];
          expect(pages.length, `${name}: pages`).toBeGreaterThan(0);
          expect(pages.length, `${name}: pages`).toBeLessThanOrEqual(MAX_REVIEW_PAGES);
          for (const [i, p] of pages.entries()) {
            // A4 either way round (595 × 842 pt).
            const [short, long] = [Math.min(p.width, p.height), Math.max(p.width, p.height)];
            expect(Math.abs(short - 595.3), `${name} page ${i + 1} size`).toBeLessThan(2);
            expect(Math.abs(long - 841.9), `${name} page ${i + 1} size`).toBeLessThan(2);
            expect(p.width, `${name} page ${i + 1} is landscape`).toBeGreaterThan(p.height);
            expect(squeeze(p.text), `${name} page ${i + 1} number`).toContain(
              squeeze(`第 ${i + 1} 页 共 ${pages.length} 页`),
            );
          }
          for (const ws of wb.worksheets) {
            // A sheet's pages carry its name in their header.
            const own = pages.filter((p) => squeeze(p.text).includes(squeeze(`· ${ws.name}`)));
            expect(own.length, `${name}: pages of ${ws.name}`).toBeGreaterThan(0);
            const headers = headerOf(ws, 3).slice(0, printedColumns(ws));
            // Every printed column's header is on the sheet's first page, and on every later page the
            // header row is repeated: no column is cut off, no page is without its headings.
            for (const h of headers) expect(squeeze(own[0]?.text ?? ''), `${name} ${ws.name}: ${h}`).toContain(h);
            for (const p of own.slice(1))
              for (const h of [headers[0], headers.at(-1)])
                expect(squeeze(p.text), `${name} ${ws.name} later page: ${h}`).toContain(h);
          }
        }
      } finally {
        if (!process.env.XLSX_PRINT_KEEP) rmSync(dir, { recursive: true, force: true });
        else console.log(`xlsx-print: files kept in ${dir}`);
      }
    }, 180_000);
});
