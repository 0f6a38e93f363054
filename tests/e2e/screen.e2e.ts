import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SummaryResponse } from '../../src/domain/api';
import { formatQuantity } from '../../src/domain/format';
import { axeViolations, launchBrowser } from './harness';
import { type RunningServer, startServer } from './server-process';

/**
 * The big screen in Chromium, against its own server (stopping the shared one would break the other
 * e2e files): at every size a wall or TV has, nothing scrolls, overflows, overlaps or is cut off;
 * the playlist rotates; with the server stopped the data stays under a "连接中断" badge, which
 * clears by itself when the server is back.
 */
let browser: Browser;
let server: RunningServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(path: string, size: { width: number; height: number; deviceScaleFactor?: number }) {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: size.width, height: size.height },
    deviceScaleFactor: size.deviceScaleFactor ?? 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(path);
  return { context, page, errors };
}

interface LayoutReport {
  problems: string[];
  texts: number;
  minFont: number;
  minKpiFont: number;
}

/**
 * Run in the page: the document does not scroll; the canvas is inside the window; every element with
 * text fits its own box (scroll size ≤ client size) and lies inside the canvas and inside its region
 * (header, main, footer); no two pieces of text overlap; type is ≥ 24 design px, KPI figures ≥ 64.
 * The ticker's moving track is meant to run past its window and is only checked item by item.
 */
function inspectLayout(): LayoutReport {
  const problems: string[] = [];
  const de = document.documentElement;
  if (de.scrollWidth > de.clientWidth || de.scrollHeight > de.clientHeight) {
    problems.push(`document scrolls: ${de.scrollWidth}×${de.scrollHeight} in ${de.clientWidth}×${de.clientHeight}`);
  }
  const canvas = document.querySelector('.screen-canvas');
  if (!canvas) return { problems: ['no canvas'], texts: 0, minFont: 0, minKpiFont: 0 };
  const c = canvas.getBoundingClientRect();
  const fit = canvas.closest('[data-fit]')?.getAttribute('data-fit');
  if (fit === 'contain' && (c.left < -1 || c.top < -1 || c.right > innerWidth + 1 || c.bottom > innerHeight + 1)) {
    problems.push(`canvas ${c.left},${c.top}–${c.right},${c.bottom} outside ${innerWidth}×${innerHeight}`);
  }
  const scale = c.width / 1920;
  const name = (el: Element) =>
    `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').split(' ')[0]} “${(el.textContent ?? '').trim().slice(0, 24)}”`;
  const hidden = (el: Element) => el.closest('.visually-hidden') !== null;
  const inside = (r: DOMRect, box: DOMRect) =>
    r.left >= box.left - 1 && r.top >= box.top - 1 && r.right <= box.right + 1 && r.bottom <= box.bottom + 1;
  const regions = ['.screen-head', '.screen-main', '.screen-foot']
    .map((s) => canvas.querySelector(s))
    .filter((x): x is Element => x !== null);

  let minFont = Number.POSITIVE_INFINITY;
  const lines: Array<{ el: Element; r: DOMRect }> = [];
  let texts = 0;
  for (const el of Array.from(canvas.querySelectorAll('*'))) {
    if (hidden(el)) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const inMarquee = el.closest('[data-marquee]') !== null;
    const hasText = (el.textContent ?? '').trim() !== '';
    // Boxes with text fit their content (inline boxes have no scroll size of their own).
    const marqueeWindow = el.querySelector('[data-marquee]') !== null || el.matches('[data-marquee], .ticker__run');
    if (hasText && style.display !== 'inline' && !marqueeWindow) {
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        problems.push(
          `overflows its box: ${name(el)} ${el.scrollWidth}×${el.scrollHeight} > ${el.clientWidth}×${el.clientHeight}`,
        );
      }
    }
    const direct = Array.from(el.childNodes).filter((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
    if (direct.length === 0) continue;
    texts++;
    minFont = Math.min(minFont, Number.parseFloat(style.fontSize));
    for (const node of direct) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of Array.from(range.getClientRects())) {
        if (r.width === 0 || r.height === 0) continue;
        if (inMarquee) continue; // it moves; each item was checked above
        if (!inside(r, c)) problems.push(`outside the canvas: ${name(el)}`);
        const region = regions.find((g) => g.contains(el));
        if (region && !inside(r, region.getBoundingClientRect())) problems.push(`outside its region: ${name(el)}`);
        lines.push({ el, r });
      }
    }
  }
  // Overlap between different text (glyph boxes may touch: allow 2 design px).
  const tol = 2 * scale;
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i];
      const b = lines[j];
      if (!a || !b || a.el === b.el) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > tol && h > tol) problems.push(`text overlaps: ${name(a.el)} and ${name(b.el)}`);
    }
  }
  const kpis = Array.from(canvas.querySelectorAll('.s-kpi__value')).map((e) =>
    Number.parseFloat(getComputedStyle(e).fontSize),
  );
  return {
    problems: [...new Set(problems)].slice(0, 20),
    texts,
    minFont,
    minKpiFont: kpis.length > 0 ? Math.min(...kpis) : Number.NaN,
  };
}

const pager = (page: Page) => page.locator('.screen-head__pager .num').textContent();

async function waitForData(page: Page) {
  await page.locator('.s-overview').waitFor({ timeout: 20_000 });
  // The live wall, not its server-rendered first slide (which has the same overview).
  await page.locator('#ssr-screen').waitFor({ state: 'detached', timeout: 20_000 });
  // Number animations finish and fonts settle.
  await page.waitForTimeout(1200);
}

const SIZES = [
  { label: '1280×720', width: 1280, height: 720 },
  { label: '1920×1080', width: 1920, height: 1080 },
  { label: '2560×1440', width: 2560, height: 1440 },
  { label: '3840×2160', width: 3840, height: 2160 },
  { label: '5760×1080 wall', width: 5760, height: 1080 },
  { label: '1920×1080 at 150 %', width: 1280, height: 720, deviceScaleFactor: 1.5 },
  { label: '2560×1440 at 150 %', width: 1707, height: 960, deviceScaleFactor: 1.5 },
  { label: '1920×1080 in English', width: 1920, height: 1080, lang: 'en' },
];

describe('big screen layout', () => {
  for (const size of SIZES) {
    it(`fits at ${size.label}: every slide, no overflow, rotation advances`, async () => {
      const { context, page, errors } = await open(`/screen?rotate=3${size.lang ? `&lang=${size.lang}` : ''}`, size);
      await waitForData(page);
      const total = Number((await pager(page))?.split('/')[1]);
      expect(total).toBe(12);
      // The playlist advances by itself.
      expect(await pager(page)).toBe('1 / 12');
      await page.waitForFunction(
        () => document.querySelector('.screen-head__pager .num')?.textContent === '2 / 12',
        null,
        {
          timeout: 6_000,
        },
      );
      // Pause, then inspect every slide.
      await page.keyboard.press(' ');
      await page.getByText(size.lang === 'en' ? 'Paused' : '已暂停', { exact: true }).waitFor();
      await page.keyboard.press('ArrowLeft');
      for (let i = 0; i < total; i++) {
        expect(await pager(page)).toBe(`${i + 1} / ${total}`);
        await page.locator('.s-overview, .s-sector-slide .s-row, .s-warnings .s-row').first().waitFor();
        await page.waitForTimeout(150);
        const report = await page.evaluate(inspectLayout);
        expect(report.problems, `slide ${i + 1} at ${size.label}`).toEqual([]);
        expect(report.texts).toBeGreaterThan(20);
        expect(report.minFont).toBeGreaterThanOrEqual(24);
        if (i === 0) {
          expect(report.minKpiFont).toBeGreaterThanOrEqual(64);
          // The headline bars compare across tiles: one track length, whether or not a tile has a
          // second chip (预计难完成, 项目投资滞后) or a wider percentage.
          const tracks = await page.evaluate(() =>
            [...document.querySelectorAll('.s-kpi .progress__track')].map((t) => t.getBoundingClientRect().width),
          );
          expect(tracks.length, `headline bars at ${size.label}`).toBeGreaterThan(1);
          expect(Math.max(...tracks) - Math.min(...tracks), `headline track widths ${tracks.join(', ')}`).toBeLessThan(
            0.5,
          );
        }
        await page.keyboard.press('ArrowRight');
      }
      expect(await pager(page)).toBe('1 / 12');
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('letterboxes on a dark background in contain mode and fills the width in width mode', async () => {
    const { context, page } = await open('/screen?rotate=600', { width: 5760, height: 1080 });
    await waitForData(page);
    const box = await page.locator('.screen-canvas').boundingBox();
    expect(box).toMatchObject({ x: 1920, y: 0, width: 1920, height: 1080 });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(2, 4, 10)');
    await page.goto('/screen?rotate=600&fit=stretch');
    await waitForData(page);
    expect(await page.locator('.screen-canvas').boundingBox()).toMatchObject({ x: 0, y: 0, width: 5760, height: 1080 });
    await page.setViewportSize({ width: 1920, height: 1200 });
    await page.goto('/screen?rotate=600&fit=width');
    await waitForData(page);
    expect(await page.locator('.screen-canvas').boundingBox()).toMatchObject({
      x: 0,
      y: 60,
      width: 1920,
      height: 1080,
    });
    // The ResizeObserver follows a window resize without a reload.
    await page.setViewportSize({ width: 3840, height: 2400 });
    await page.waitForFunction(
      () => Math.round(document.querySelector('.screen-canvas')?.getBoundingClientRect().width ?? 0) === 3840,
    );
    await context.close();
  });

  it('paints its first slide from the HTML, scaled to the window, and the live wall takes its place without a shift', async () => {
    const summary = (await (await fetch(`${server.url}/api/v1/summary`)).json()) as SummaryResponse;
    // The preview alone: the app's code never arrives.
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    try {
      const page = await context.newPage();
      await page.route('**/assets/*.js', (r) => r.abort());
      await page.goto('/screen?rotate=600');
      const preview = page.locator('#ssr-screen');
      expect(await preview.getAttribute('inert')).not.toBeNull();
      expect(await preview.getAttribute('aria-hidden')).toBe('true');
      const text = (await preview.textContent()) ?? '';
      for (const h of summary.headlines) expect(text).toContain(h.target.title);
      // Letterboxed like the live canvas: 1280 wide, 720 high, centred in 900.
      const box = await preview.locator('.screen-canvas').boundingBox();
      expect(box?.x).toBeCloseTo(0, 0);
      expect(box?.y).toBeCloseTo(90, 0);
      expect(box?.width).toBeCloseTo(1280, 0);
      expect(box?.height).toBeCloseTo(720, 0);
      expect(await preview.locator('.screen-canvas').evaluate((e) => getComputedStyle(e).visibility)).toBe('visible');
    } finally {
      await context.close();
    }
    const { context: live, page } = await open('/screen?rotate=600', { width: 1280, height: 900 });
    try {
      await page.evaluate(() => {
        const w = window as unknown as { __shift: number };
        w.__shift = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number })[]) w.__shift += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await waitForData(page);
      expect(await page.locator('.screen-canvas').count()).toBe(1);
      expect(await page.locator('.screen-head__slide').textContent()).toBe('总览');
      expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThan(0.01);
    } finally {
      await live.close();
    }
  });

  it('shows the API’s numbers, the demo tag and the plan from the URL', async () => {
    const summary = (await (await fetch(`${server.url}/api/v1/summary?plan=qd-2025`)).json()) as SummaryResponse;
    const { context, page } = await open('/screen?rotate=600&plan=qd-2025&sectors=marine,demand', {
      width: 1920,
      height: 1080,
    });
    await waitForData(page);
    await expect(page.locator('.screen-head__scope').textContent()).resolves.toContain('青岛市2025年政府工作报告');
    expect(await pager(page)).toBe('1 / 4');
    for (const h of summary.headlines) {
      const tile = page.getByRole('article', { name: h.target.title, exact: true });
      await expect(tile.textContent()).resolves.toContain(
        formatQuantity(h.target.state.latest?.value ?? null, h.target.unit),
      );
    }
    const bar = page.getByRole('progressbar', { name: '扩大内需进度' });
    expect(await bar.getAttribute('aria-valuenow')).toBe(
      String(Math.round(Math.min(1, summary.sectors.find((s) => s.id === 'demand')?.progress ?? 0) * 1000) / 10),
    );
    expect(summary.containsDemo).toBe(true);
    await expect(page.locator('.screen-demo').textContent()).resolves.toMatch(/^演示数据/);
    // sectors= sets the order: marine before demand.
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { level: 1, name: '海洋城市' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { level: 1, name: '扩大内需' }).waitFor();
    await context.close();
  });

  it('says a mistyped district is not found, never an all-clear wall', async () => {
    const { context, page, errors } = await open(`/screen?rotate=600&district=${encodeURIComponent('崂山')}`, {
      width: 1920,
      height: 1080,
    });
    await page.getByRole('alert').getByText('未找到区市“崂山”').waitFor();
    // The district meant is offered; no slide, no ticker saying nothing is behind.
    await expect(page.getByRole('alert').textContent()).resolves.toContain('崂山区');
    expect(await page.getByText('目前没有滞后目标').count()).toBe(0);
    expect(await page.locator('h1').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('big screen accessibility', () => {
  it('axe finds no WCAG 2.1 AA violations on any slide', async () => {
    const { context, page } = await open('/screen?rotate=600', { width: 1920, height: 1080 });
    await waitForData(page);
    const total = Number((await pager(page))?.split('/')[1]);
    expect(total).toBeGreaterThan(2);
    const found: Record<string, unknown> = {};
    for (let i = 1; i <= total; i++) {
      const v = await axeViolations(page);
      if (v.length > 0) found[(await page.locator('h1').first().textContent()) ?? String(i)] = v;
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(700);
    }
    expect(found).toEqual({});
    await context.close();
  });
});

describe('big screen resilience', () => {
  it('keeps the data under a 连接中断 badge while the server is down and recovers by itself', async () => {
    const { context, page } = await open('/screen?rotate=600&refresh=2&debug=1', { width: 1920, height: 1080 });
    await waitForData(page);
    const badge = page.locator('.screen-fresh');
    await expect(badge.textContent()).resolves.toMatch(/^页面刷新于 \d\d:\d\d$/);
    expect(await badge.getAttribute('data-level')).toBe('ok');
    const before = await page.locator('.s-kpis').textContent();

    await server.stop();
    await page.waitForFunction(
      () => document.querySelector('.screen-fresh')?.getAttribute('data-level') === 'warn',
      null,
      {
        timeout: 15_000,
      },
    );
    await expect(badge.textContent()).resolves.toMatch(/^连接中断 · 页面刷新于 \d\d:\d\d$/);
    expect(await page.locator('.s-kpis').textContent()).toBe(before);
    await page.waitForFunction(
      () => document.querySelector('.screen-fresh')?.getAttribute('data-level') === 'down',
      null,
      {
        timeout: 15_000,
      },
    );
    await expect(badge.textContent()).resolves.toMatch(/^连接中断 · 页面刷新于 \d\d:\d\d · 已失败 \d+ 次$/);
    expect(await page.locator('.s-kpis').textContent()).toBe(before);
    // Rotation goes on with the data it has.
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('heading', { level: 1, name: '进度预警' }).waitFor();
    expect(await page.locator('.s-warnings .s-row').count()).toBeGreaterThan(0);

    server = await startServer({ port: server.port, dataDir: server.dataDir });
    await page.waitForFunction(
      () => document.querySelector('.screen-fresh')?.getAttribute('data-level') === 'ok',
      null,
      {
        timeout: 20_000,
      },
    );
    await expect(badge.textContent()).resolves.toMatch(/^页面刷新于 \d\d:\d\d$/);
    await context.close();
  });
});
