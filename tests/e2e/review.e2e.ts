import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewResponse } from '../../src/domain/review-api';
import { api, axeViolations, launchBrowser, newPage } from './harness';

/**
 * The weekly review against the real server in Chromium: the page shows the API's meeting, the
 * Excel download reads back with every target and real numbers, and the page prints to A4: the
 * briefing portrait, the appendix of tables landscape (tests/e2e/print.e2e.ts checks the page budget,
 * the page numbers and that nothing is split). The PDF pages are also rendered to PNG (pdftoppm, when
 * installed) into REVIEW_PDF_DIR or a temp folder, for a person to look at.
 */
const MEETING = '2025-09-30';
const OUT = process.env.REVIEW_PDF_DIR ?? mkdtempSync(path.join(tmpdir(), 'review-e2e-'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Pages and their sizes, read from the PDF's page objects (Chromium writes them uncompressed). */
function pdfPages(pdf: Buffer): { count: number; boxes: number[][] } {
  const text = pdf.toString('latin1');
  const count = (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) =>
    m.slice(1, 5).map(Number),
  );
  return { count, boxes };
}

/** 297 × 210 mm is 841.9 × 595.3 pt; Chromium rounds the page to whole CSS pixels (842.88 × 595.92). */
const isA4Landscape = ([x0, y0, w, h]: number[]) =>
  x0 === 0 && y0 === 0 && Math.abs((w ?? 0) - 842) < 1.5 && Math.abs((h ?? 0) - 595) < 1.5;
const isA4Portrait = ([x0, y0, w, h]: number[]) => isA4Landscape([x0 ?? 0, y0 ?? 0, h ?? 0, w ?? 0]);

/** Renders the PDF's pages to PNG for looking at; returns how many images were written (0 without pdftoppm). */
function renderPages(pdfPath: string, prefix: string): number {
  const r = spawnSync('pdftoppm', ['-png', '-r', '50', pdfPath, path.join(OUT, prefix)]);
  if (r.error) return 0;
  return readdirSync(OUT).filter((f) => f.startsWith(prefix) && f.endsWith('.png')).length;
}

async function printToPdf(page: Page, name: string): Promise<{ file: string; pdf: Buffer }> {
  await page.emulateMedia({ media: 'print' });
  // The page size comes from the print stylesheet's @page rules: passing format/landscape here would
  // override them, and the A4 checks below could no longer fail.
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const file = path.join(OUT, `${name}.pdf`);
  writeFileSync(file, pdf);
  return { file, pdf };
}

describe('weekly review', () => {
  it('shows the meeting the API computes, and axe finds nothing', async () => {
    const review = await api<ReviewResponse>(`/review?asOf=${MEETING}`);
    const { context, page } = await newPage(browser);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '周调度会' }).click();
    await page.getByRole('heading', { level: 1, name: '周调度会' }).waitFor();
    await page.getByLabel('会议日期').fill(MEETING);
    await page.getByText('会议日期 2025年9月30日 · 上次会议 2025年9月23日').waitFor();
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(MEETING);
    const warnings = page.getByRole('region', { name: '新增预警' });
    for (const w of review.newWarnings.slice(0, 5)) {
      const title = review.targets.find((t) => t.id === w.id)?.title ?? w.id;
      await warnings.getByRole('link', { name: title, exact: true }).waitFor();
    }
    const laggards = page.getByRole('region', { name: '滞后目标所需进度（表格）' });
    expect(await laggards.getByRole('row').count()).toBe(review.laggards.length + 1);
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('downloads the review as .xlsx with every target and numeric cells', async () => {
    const review = await api<ReviewResponse>(`/review?asOf=${MEETING}`);
    const { context, page } = await newPage(browser);
    await page.goto(`/review?asOf=${MEETING}`);
    await page.getByRole('region', { name: '各领域进展' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`周调度会-全部规划-${MEETING}.xlsx`);
    const file = path.join(OUT, 'review.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '全部目标', '预警', '逾期未报', '按牵头部门']);
    const sheet = wb.getWorksheet('全部目标');
    if (!sheet) throw new Error('no target sheet');
    const header = sheet.getRow(3).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    const ids: string[] = [];
    let numbers = 0;
    for (let n = 4; n <= sheet.rowCount; n++) {
      const row = sheet.getRow(n);
      ids.push(String(row.getCell(col('编号')).value));
      const t = review.targets.find((x) => x.id === ids.at(-1));
      const progress = row.getCell(col('完成率')).value;
      if (t?.state.progress == null) expect(progress).toBeNull();
      else {
        expect(progress).toBeCloseTo(t.state.progress, 12);
        numbers++;
      }
      const value = row.getCell(col('当前值')).value;
      if (value !== null) expect(typeof value).toBe('number');
    }
    expect(ids.sort()).toEqual(review.targets.map((t) => t.id).sort());
    expect(numbers).toBeGreaterThan(100);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });

    // The CSV of the same target table: UTF-8 with a byte-order mark.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`目标清单-${MEETING}.csv`);
    const csvFile = path.join(OUT, 'targets.csv');
    await csv.saveAs(csvFile);
    const bytes = readFileSync(csvFile);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(review.targets.length + 1);
    await context.close();
  });

  it('prints the review to A4 PDF, the briefing portrait and the sector tables as a landscape appendix, without navigation', async () => {
    const review = await api<ReviewResponse>(`/review?asOf=${MEETING}`);
    const sectors = review.sectors.filter((s) => s.now.total > 0);
    const { context, page } = await newPage(browser);
    await page.goto(`/review?asOf=${MEETING}`);
    await page.getByRole('region', { name: `${sectors.at(-1)?.name} · 目标明细`, exact: true }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: '导出 Excel' }).isVisible()).toBe(false);
    const header = page.locator('.print-header').first();
    expect(await header.isVisible()).toBe(true);
    expect(await header.textContent()).toContain('含演示数据');
    expect(await header.textContent()).toContain('2025年9月30日');
    const { file, pdf } = await printToPdf(page, 'review');
    const { count, boxes } = pdfPages(pdf);
    // The briefing on a few portrait sheets, then the appendix (every target of every sector) sideways.
    expect(count).toBeGreaterThanOrEqual(6);
    expect(count).toBeLessThanOrEqual(40);
    expect(boxes.length).toBeGreaterThanOrEqual(count);
    expect(isA4Portrait(boxes[0] ?? []), String(boxes[0])).toBe(true);
    expect(boxes.filter(isA4Landscape).length).toBeGreaterThanOrEqual(sectors.length / 2);
    for (const box of boxes) expect(isA4Portrait(box) || isA4Landscape(box), String(box)).toBe(true);
    const images = renderPages(file, 'review-page');
    if (images > 0) expect(images).toBe(count);
    console.log(`review PDF: ${count} pages, A4 → ${file}${images ? ` (+ ${images} PNG)` : ''}`);
    await context.close();
  });

  it('prints a target page with its chart and a header', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`/targets/qd-key-projects?asOf=${MEETING}`);
    await page.locator('svg.recharts-surface').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    const header = page.locator('.print-header');
    expect(await header.textContent()).toContain('青岛市2025年政府工作报告');
    expect(await header.textContent()).toContain('含演示数据');
    // The chart is still drawn for print (a collapsed container would draw nothing).
    const chart = await page.locator('.recharts-wrapper > svg.recharts-surface').first().boundingBox();
    expect(chart?.width ?? 0).toBeGreaterThan(300);
    expect(chart?.height ?? 0).toBeGreaterThan(150);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(false);
    const { file, pdf } = await printToPdf(page, 'target');
    const { count, boxes } = pdfPages(pdf);
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(3);
    expect(boxes.every(isA4Portrait)).toBe(true);
    renderPages(file, 'target-page');
    await context.close();
  });
});
