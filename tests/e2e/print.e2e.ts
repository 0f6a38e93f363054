import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SummaryResponse } from '../../src/domain/api';
import { formatDate } from '../../src/domain/format';
import type { ReviewResponse } from '../../src/domain/review-api';
import { api, launchBrowser, newPage } from './harness';

/**
 * The printout (issue 25), as Chromium prints it to PDF at A4 with the page's own @page rules, read
 * back with poppler (pdfinfo, pdftotext): the weekly review without its appendix fits 6 sheets, every
 * sheet says "第 n 页 共 N 页" and the meeting date, no item the print CSS keeps whole (an item, a
 * department's group, a table row) is split across two sheets, and a target page and a sector page
 * print on one or two. The PDFs and their pages as PNG stay in PRINT_PDF_DIR (or a temp folder).
 */
const OUT = process.env.PRINT_PDF_DIR ?? mkdtempSync(path.join(tmpdir(), 'print-e2e-'));
mkdirSync(OUT, { recursive: true });
const REVIEW_BUDGET = 6;
/** A sector's targets, even 民生's 52, on one or two sheets (issue 25). */
const SECTOR_BUDGET = 2;
/** The overview: its tiles, ten sectors and the warnings, a briefing of at most three sheets. */
const OVERVIEW_BUDGET = 3;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const run = (cmd: string, args: string[]): string => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) throw new Error(`${cmd}: ${r.error.message} (apt-get install poppler-utils)`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

/** Page count (pdfinfo) and each page's text (pdftotext), whitespace removed. */
function readPdf(file: string): { pages: number; text: string[]; sizes: string[] } {
  const info = run('pdfinfo', ['-f', '1', '-l', '999', file]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const sizes = [...info.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+ x [\d.]+)/gm)].map((m) => m[1] ?? '');
  const text: string[] = [];
  for (let n = 1; n <= pages; n++)
    text.push(run('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-']).replace(/\s+/g, ''));
  return { pages, text, sizes };
}

/**
 * Marks the first and the last line of every element that print CSS keeps whole (`break-inside:
 * avoid` under print media) with a small text token, `zs17z` at its top and `ze17z` at its bottom
 * (absolutely placed, so nothing moves). An element split across two sheets has its tokens on two
 * pages. Returns how many elements were marked.
 */
async function markKeptWhole(page: Page): Promise<number> {
  await page.emulateMedia({ media: 'print' });
  return page.evaluate(() => {
    const kept = [...document.querySelectorAll<HTMLElement>('main *')].filter((el) => {
      const cs = getComputedStyle(el);
      return (cs.breakInside === 'avoid' || cs.breakInside === 'avoid-page') && el.getClientRects().length > 0;
    });
    kept.forEach((el, i) => {
      // A table row places nothing itself: its first cell carries the tokens (the cells split with the row).
      const host = el instanceof HTMLTableRowElement ? (el.cells[0] ?? el) : el;
      if (getComputedStyle(host).position === 'static') host.style.position = 'relative';
      for (const [edge, token] of [
        ['top', `zs${i}z`],
        ['bottom', `ze${i}z`],
      ] as const) {
        const mark = document.createElement('span');
        mark.textContent = token;
        mark.setAttribute('aria-hidden', 'true');
        mark.style.cssText = `position:absolute;left:0;${edge}:0;font:5px/1 monospace;color:#fff;white-space:nowrap;`;
        host.append(mark);
      }
    });
    return kept.length;
  });
}

/** For each marked element, the page of its top and of its bottom; those on two pages are listed. */
function straddlers(text: string[], marked: number): { found: number; split: string[] } {
  const pageOf = (token: string) => text.findIndex((t) => t.includes(token));
  let found = 0;
  const split: string[] = [];
  for (let i = 0; i < marked; i++) {
    const top = pageOf(`zs${i}z`);
    const bottom = pageOf(`ze${i}z`);
    if (top >= 0 && bottom >= 0) found++;
    // A token not found (-1) is listed too: an item cut off or overlapped is no better than a split one.
    if (top !== bottom || top < 0) split.push(`#${i}: page ${top + 1} → page ${bottom + 1}`);
  }
  return { found, split };
}

async function printPdf(page: Page, name: string): Promise<string> {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  const file = path.join(OUT, `${name}.pdf`);
  writeFileSync(file, pdf);
  spawnSync('pdftoppm', ['-png', '-r', '50', file, path.join(OUT, name)]);
  return file;
}

/**
 * Each page's text inside its margins (pdftotext cropped 30 pt from the top and the bottom, where the
 * @page boxes print the title, the date and the page number), whitespace removed: an empty one is a
 * blank sheet that only its margins fill.
 */
function bodyText(file: string, sizes: string[]): string[] {
  return sizes.map((size, i) => {
    const [width = 0, height = 0] = size.split(' x ').map(Number);
    const n = String(i + 1);
    const crop = ['-x', '0', '-y', '30', '-W', String(Math.ceil(width)), '-H', String(Math.floor(height - 60))];
    return run('pdftotext', ['-f', n, '-l', n, ...crop, file, '-']).replace(/\s+/g, '');
  });
}

/** Every page: its number out of all, and the date. */
function expectMargins(text: string[], date: string) {
  text.forEach((t, i) => {
    expect(t, `page ${i + 1}`).toContain(`第${i + 1}页共${text.length}页`);
    expect(t, `page ${i + 1}`).toContain(date.replace(/\s+/g, ''));
  });
}

async function openReview(query: string) {
  const { context, page } = await newPage(browser);
  await page.goto(`/review${query}`);
  await page.getByRole('region', { name: '逾期未报' }).waitFor();
  await page.getByRole('region', { name: '督办事项', exact: true }).waitFor();
  await page.waitForLoadState('networkidle');
  return { context, page };
}

describe('the weekly review on paper', () => {
  for (const asOf of [undefined, '2025-12-22']) {
    it(`prints ${asOf ?? 'the latest meeting'} without the appendix on at most ${REVIEW_BUDGET} A4 sheets, none split`, async () => {
      const review = await api<ReviewResponse>(`/review${asOf ? `?asOf=${asOf}` : ''}`);
      const { context, page } = await openReview(`?${asOf ? `asOf=${asOf}&` : ''}appendix=0`);
      const marked = await markKeptWhole(page);
      const file = await printPdf(page, `review-${asOf ?? 'latest'}-no-appendix`);
      const { pages, text, sizes } = readPdf(file);
      console.log(
        `review ${asOf ?? review.asOf} without appendix: ${pages} pages, ${marked} items kept whole → ${file}`,
      );
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(REVIEW_BUDGET);
      // A4 portrait (595 × 842 pt, Chromium rounds to whole CSS pixels).
      for (const s of sizes) expect(s).toMatch(/^59\d\.\d+ x 84\d\.\d+$/);
      expectMargins(text, `会议日期 ${formatDate(review.asOf)}`);
      const all = text.join('');
      // The order a meeting reads it, and the department's words for a new warning.
      // (Each section found by its heading's note: the counts at the top name the sections too.)
      let from = -1;
      for (const s of [
        '各领域进展',
        '自上次会议以来转为滞后或严重滞后',
        '两次会议均严重滞后',
        '督办事项',
        '超过填报周期没有新数据',
      ]) {
        const at = all.indexOf(s);
        expect(at, s).toBeGreaterThan(from);
        from = at;
      }
      expect(all).toContain('存在问题');
      expect(all).toContain('下步措施');
      const first = review.targets.find((t) => t.id === review.newWarnings[0]?.id);
      expect(all).toContain(first?.title.replace(/\s+/g, ''));
      // Left out: the appendix's tables; said so.
      expect(all).not.toContain('附件：明细表');
      expect(all).toContain('本打印稿不含附件');
      const { found, split } = straddlers(text, marked);
      // Kept whole at least: every listed target (new warnings, still severe, recoveries, movers,
      // milestone steps, overdue) and every department's overdue group; if the print CSS stopped asking, this fails.
      const overdue = review.overdue.reduce((n, g) => n + 1 + g.items.length, 0);
      const listed = [
        review.newWarnings,
        review.stillSevere,
        review.recoveries,
        review.biggestMovers,
        review.milestoneSteps,
      ];
      expect(marked).toBeGreaterThanOrEqual(listed.reduce((n, l) => n + l.length, overdue));
      expect(found).toBe(marked);
      expect(split).toEqual([]);
      await context.close();
    });
  }

  it('prints the appendix on sheets of its own, sideways, every row whole', async () => {
    const review = await api<ReviewResponse>('/review');
    const { context, page } = await openReview('');
    const marked = await markKeptWhole(page);
    const file = await printPdf(page, 'review-with-appendix');
    const { pages, text, sizes } = readPdf(file);
    console.log(`review with appendix: ${pages} pages, ${marked} items kept whole → ${file}`);
    expect(pages).toBeGreaterThan(REVIEW_BUDGET);
    expectMargins(text, `会议日期 ${formatDate(review.asOf)}`);
    // No blank sheet: every page prints something besides its margins (three empty portrait sheets
    // followed the landscape appendix while the page's flex shell outlasted its content).
    const blank = bodyText(file, sizes).flatMap((t, i) => (t === '' ? [`page ${i + 1} of ${pages}`] : []));
    expect(blank).toEqual([]);
    // The last sheet is still the appendix's, sideways.
    expect(sizes.at(-1)).toMatch(/^84\d\.\d+ x 59\d\.\d+$/);
    // The appendix starts on a sheet of its own, A4 landscape, after the portrait briefing.
    const start = text.findIndex((t) => t.includes('附件：明细表'));
    expect(start).toBeGreaterThan(0);
    expect(text[start - 1]).not.toContain('附件：明细表');
    expect(sizes[0]).toMatch(/^59\d\.\d+ x 84\d\.\d+$/);
    expect(sizes[start]).toMatch(/^84\d\.\d+ x 59\d\.\d+$/);
    // Every target is in it.
    const all = text.join('');
    for (const t of review.targets.slice(0, 40)) expect(all, t.title).toContain(t.title.replace(/\s+/g, ''));
    const { found, split } = straddlers(text, marked);
    expect(marked).toBeGreaterThan(review.targets.length);
    expect(found).toBe(marked);
    expect(split).toEqual([]);
    await context.close();
  });

  it('leaves the appendix out from the switch on the page, which sets appendix=0', async () => {
    const { context, page } = await openReview('');
    const toggle = page.getByRole('checkbox', { name: '打印时附上附件（明细表）' });
    expect(await toggle.isChecked()).toBe(true);
    // The state is the URL's: the box unticks once the address says appendix=0.
    await toggle.click();
    await page.waitForURL(/appendix=0/);
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('heading', { name: '附件：明细表' }).isVisible()).toBe(false);
    expect(await page.getByText('本打印稿不含附件').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    // On screen the tables stay.
    expect(await page.getByRole('heading', { name: '附件：明细表' }).isVisible()).toBe(true);
    await context.close();
  });
});

describe('the weekly review on a phone', () => {
  it('is a briefing: counts, new warnings, 督办, overdue open; details folded; all of it printed', async () => {
    const review = await api<ReviewResponse>('/review');
    const title = (id: string | undefined) => review.targets.find((t) => t.id === id)?.title ?? '';
    const { context, page } = await newPage(browser, { width: 390, height: 844 });
    await page.goto('/review');
    const warnings = page.getByRole('region', { name: '新增预警' });
    await warnings.getByRole('link', { name: title(review.newWarnings[0]?.id), exact: true }).waitFor();
    await page.getByRole('region', { name: '逾期未报' }).waitFor();
    await page.waitForLoadState('networkidle');
    const size = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      width: document.documentElement.scrollWidth,
    }));
    console.log(`review at 390 × 844: ${size.height} px tall`);
    expect(size.width).toBeLessThanOrEqual(390);
    expect(size.height).toBeLessThan(12_000);
    // Folded: the still severe (their title and count stay), the tables; opened with a tap.
    const severe = page.getByRole('region', { name: '仍严重滞后' });
    const severeLink = severe.getByRole('link', { name: title(review.stillSevere[0]?.id), exact: true });
    expect(await severeLink.isVisible()).toBe(false);
    expect(await severe.getByText(`${review.stillSevere.length} 项目标`).isVisible()).toBe(true);
    const laggards = page.getByRole('region', { name: '滞后目标所需进度' });
    expect(await laggards.getByRole('table').isVisible()).toBe(false);
    // On paper (printed from the phone) everything is there, folded or not.
    await page.emulateMedia({ media: 'print' });
    expect(await severeLink.isVisible()).toBe(true);
    expect(await laggards.getByRole('table').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await severe.getByText('仍严重滞后', { exact: true }).click();
    await severeLink.waitFor();
    await context.close();
  });
});

describe('the overview on paper', () => {
  it(`prints on at most ${OVERVIEW_BUDGET} sheets, numbered and dated, without the site's menu and the filters, nothing split`, async () => {
    const summary = await api<SummaryResponse>('/summary');
    const { context, page } = await newPage(browser);
    await page.goto('/');
    await page.locator('.sector-row').first().waitFor();
    // The print header is loaded after the page (overview-page.tsx).
    await page.locator('.print-header').waitFor({ state: 'attached' });
    await page.waitForLoadState('networkidle');
    const asOf = await page.evaluate(() => document.querySelector('.print-header .num')?.textContent ?? '');
    expect(asOf).toBe(`截至 ${formatDate(summary.asOf)}`);
    // The menu and the filters: on screen, not on paper.
    const filters = page.getByRole('region', { name: '筛选', exact: true });
    expect(await filters.count()).toBe(1);
    const marked = await markKeptWhole(page);
    expect(await page.getByRole('navigation', { name: '主导航' }).isVisible()).toBe(false);
    expect(await filters.count()).toBe(0);
    // The data's date, when it is out of date (on screen beside the header: "数据截至 … · 已 N 天未更新").
    const stale = await page.locator('.data-date[data-stale]').allTextContents();
    const file = await printPdf(page, 'overview');
    const { pages, text } = readPdf(file);
    console.log(`overview: ${pages} pages, ${marked} items kept whole → ${file}`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(OVERVIEW_BUDGET);
    expectMargins(text, asOf);
    const all = text.join('');
    // What it is and for which plan, on the first sheet; not the screen's menu, nor the filters.
    expect(text[0]).toContain('总览规划：全部规划');
    // The headline an official reads first, on the first sheet: how many targets, how many behind;
    // and how old the figures are when they are old.
    const { total, counts } = summary.overall;
    expect(text[0]).toContain(`${total}项目标`);
    if (counts.severe > 0) expect(text[0]).toContain(`严重滞后${counts.severe}`);
    for (const s of stale) expect(text[0]).toContain(s.replace(/\s+/g, ''));
    // Links that only lead elsewhere on screen ("查看全部 45 项") are not printed.
    expect(all).not.toContain('查看全部');
    // Every sector and the warnings shown are on paper.
    for (const s of summary.sectors) expect(all, s.name).toContain(s.name.replace(/\s+/g, ''));
    for (const w of summary.warnings) expect(all, w.title).toContain(w.title.replace(/\s+/g, ''));
    // Every tile, sector row and warning kept on one sheet.
    expect(marked).toBeGreaterThanOrEqual(summary.sectors.length + summary.warnings.length);
    const { found, split } = straddlers(text, marked);
    expect(found).toBe(marked);
    expect(split).toEqual([]);
    await context.close();
  });

  it('prints with its header and print styles on Ctrl+P pressed while the page is still loading', async () => {
    const summary = await api<SummaryResponse>('/summary');
    const { context, page } = await newPage(browser);
    // A page still busy (it has not been idle once, so its print part has not been fetched), and the
    // browser's print dialog replaced by a note of what it would have printed.
    await page.addInitScript(() => {
      const w = window as unknown as { printed: unknown[] };
      w.printed = [];
      window.requestIdleCallback = () => 0;
      window.print = () => {
        const sheets = [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText));
        w.printed.push({
          header: document.querySelector('.print-header')?.textContent ?? null,
          pageRule: sheets.some((r) => r.startsWith('@page')),
          hidesMenu: sheets.some((r) => r.startsWith('@media print') && r.includes('.topbar')),
        });
      };
    });
    await page.goto('/');
    // As soon as the page is there to take a key (before, the browser prints as it alone can).
    await page.getByRole('heading', { level: 1, name: '总览' }).waitFor();
    expect(await page.locator('.print-header').count()).toBe(0);
    await page.keyboard.press('Control+P');
    await page.waitForFunction(() => (window as unknown as { printed: unknown[] }).printed.length > 0);
    const printed = await page.evaluate(() => (window as unknown as { printed: unknown[] }).printed);
    expect(printed).toEqual([
      {
        header: `目标进度看板总览规划：全部规划截至 ${formatDate(summary.asOf)}含演示数据`,
        pageRule: true,
        hidesMenu: true,
      },
    ]);
    await context.close();
  });
});

describe('a target and a sector on paper', () => {
  it('prints a target page on one or two sheets, numbered and dated', async () => {
    // A lagging target, as a meeting prints one: its figures, trend, narrative, history and facts.
    const review = await api<ReviewResponse>('/review');
    const target = review.newWarnings[0]?.id ?? '';
    const { item } = await api<{ item: { reports: unknown[] } }>(`/targets/${target}`);
    const { context, page } = await newPage(browser);
    await page.goto(`/targets/${target}`);
    await page.locator('svg.recharts-surface').first().waitFor();
    await page.waitForLoadState('networkidle');
    const asOf = await page.evaluate(() => document.querySelector('.print-header .num')?.textContent ?? '');
    expect(asOf).toMatch(/^截至 \d{4}年\d{1,2}月\d{1,2}日$/);
    const marked = await markKeptWhole(page);
    // The report history's rows on paper.
    const history = page.getByRole('table', { name: '填报记录' }).locator('tbody > tr');
    const printedRows = await history.evaluateAll((rows) => rows.filter((r) => r.getClientRects().length > 0).length);
    const file = await printPdf(page, 'target');
    const { pages, text } = readPdf(file);
    console.log(`target page: ${pages} pages, ${printedRows} of ${item.reports.length} reports → ${file}`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expectMargins(text, asOf);
    expect(straddlers(text, marked).split).toEqual([]);
    // Every report printed, or the sheet says how many of how many (a weekly target has ~52; "共 52 项"
    // above 12 rows read as the whole history).
    const all = text.join('');
    expect(item.reports.length).toBeGreaterThan(0);
    expect(printedRows).toBeGreaterThan(0);
    if (printedRows < item.reports.length) {
      expect(all).toContain(`仅打印最近${printedRows}条，共${item.reports.length}条`);
      expect(all).not.toContain(`共${item.reports.length}项`);
    } else expect(printedRows).toBe(item.reports.length);
    await context.close();
  });

  // 民生 is the longest sector (52 targets): two lines a row, it still fits two sheets.
  for (const [id, name] of [
    ['demand', '扩大内需'],
    ['livelihood', '民生'],
  ] as const) {
    it(`prints the sector ${name} on at most ${SECTOR_BUDGET} sheets, numbered and dated, every row whole`, async () => {
      const { items } = await api<{ items: unknown[] }>(`/targets?sector=${id}`);
      const { context, page } = await newPage(browser);
      await page.goto(`/sectors/${id}`);
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.locator('main table tbody tr').first().waitFor();
      await page.waitForLoadState('networkidle');
      const asOf = await page.evaluate(() => document.querySelector('.print-header .num')?.textContent ?? '');
      expect(asOf).toMatch(/^截至 \d{4}年\d{1,2}月\d{1,2}日$/);
      // The filters: on screen, not on paper.
      const filters = page.getByRole('region', { name: '筛选', exact: true });
      expect(await filters.count()).toBe(1);
      const marked = await markKeptWhole(page);
      expect(await filters.count()).toBe(0);
      const file = await printPdf(page, `sector-${id}`);
      const { pages, text } = readPdf(file);
      console.log(`sector ${id} (${items.length} targets): ${pages} pages → ${file}`);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(SECTOR_BUDGET);
      expectMargins(text, asOf);
      // Every target's row is printed, none split across two sheets.
      expect(marked).toBeGreaterThanOrEqual(items.length);
      const { found, split } = straddlers(text, marked);
      expect(found).toBe(marked);
      expect(split).toEqual([]);
      await context.close();
    });
  }
});
