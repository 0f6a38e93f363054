import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatQuantity } from '../../src/domain/format';
import type { TargetDetailResponse } from '../../src/domain/target-api';
import { api, baseURL, launchBrowser, newPage, observeLayoutShift } from './harness';

/**
 * A target page by its plain address arrives server-rendered (src/entry-server.tsx: renderTarget;
 * server/http/landing.ts: targetShell): its figures are on screen before any JavaScript runs, the
 * live page starts from the answer inlined with them and replaces the preview without a trace, and
 * the trend chart (Recharts) is fetched only after the figures are painted, into a box kept for it.
 */
const ID = 'qd-key-projects';
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('target page, server-rendered first paint', () => {
  it('shows the target’s title, figures and the chart’s box with JavaScript switched off', async () => {
    const { item } = await api<TargetDetailResponse>(`/targets/${ID}`);
    const context = await browser.newContext({
      baseURL: baseURL(),
      javaScriptEnabled: false,
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
    });
    try {
      const page = await context.newPage();
      await page.goto(`/targets/${ID}`);
      const preview = page.locator('#ssr-target-page');
      // A preview, not the page: nothing in it can be focused or clicked, and screen readers skip it.
      expect(await preview.getAttribute('inert')).not.toBeNull();
      expect(await preview.getAttribute('aria-hidden')).toBe('true');
      expect(await preview.locator('h1').textContent()).toBe(item.title);
      expect(await preview.textContent()).toContain(formatQuantity(item.state.latest?.value ?? null, item.unit));
      // Styled without another request: the page's two columns, the chart's box at its height.
      expect(await page.locator('head link[rel="stylesheet"]').count()).toBe(0);
      expect(await preview.locator('.target-layout').evaluate((e) => getComputedStyle(e).display)).toBe('grid');
      const box = await preview.locator('figure.trend .trend__plot').boundingBox();
      expect(box?.height).toBe(320);
      // No preload of the answer: it is in the page.
      expect(await page.locator('link[rel="preload"][as="fetch"]').count()).toBe(0);
      expect(await page.locator('script#ssr-target').count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('is replaced by the live page, which asks for nothing again, then draws the chart without moving anything', async () => {
    const { context, page } = await newPage(browser, { width: 1350, height: 940 });
    try {
      const layoutShift = await observeLayoutShift(page);
      const requests: string[] = [];
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (url.pathname === `/api/v1/targets/${ID}`) requests.push(url.pathname);
      });
      await page.goto(`/targets/${ID}`);
      const figure = page.getByRole('figure', { name: /^进度趋势：/ });
      await figure.locator('.recharts-wrapper > svg.recharts-surface').waitFor({ timeout: 20_000 });
      expect(await page.locator('#ssr-target-page').count()).toBe(0);
      expect(await page.locator('main').count()).toBe(1);
      expect(requests).toEqual([]);
      expect((await figure.locator('.trend__plot').boundingBox())?.height).toBe(320);
      await page.waitForTimeout(1000);
      expect(await layoutShift()).toBeLessThan(0.05);
      // The chart's code was requested after the figures were painted, and nothing else was.
      const order = await page.evaluate(() => {
        const mark = performance.getEntriesByName('tb:figures-painted')[0]?.startTime ?? null;
        const late = performance
          .getEntriesByType('resource')
          .filter((e) => mark !== null && e.startTime > mark && new URL(e.name).pathname.endsWith('.js'))
          .map((e) => new URL(e.name).pathname);
        return { mark, late };
      });
      expect(order.mark).not.toBeNull();
      expect(order.late.some((p) => /\/assets\/trend-chart-[\w-]+\.js$/.test(p))).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('renders in the browser alone (its answer preloaded) for an as-of date or an English reader', async () => {
    const html = async (query: string, cookie?: string) =>
      (
        await fetch(`${baseURL()}/targets/${ID}${query}`, cookie ? { headers: { cookie: `tb-ui=${cookie}` } } : {})
      ).text();
    const dated = await html('?asOf=2025-11-28');
    expect(dated).not.toContain('id="ssr-target-page"');
    expect(dated).toContain(`<link rel="preload" href="/api/v1/targets/${ID}?asOf=2025-11-28"`);
    const english = await html('', 'en.light');
    expect(english).not.toContain('id="ssr-target-page"');
    expect(english).toContain(`<link rel="preload" href="/api/v1/targets/${ID}"`);
    // No such target: no preview (the page says so in the browser).
    const missing = await (await fetch(`${baseURL()}/targets/does-not-exist`)).text();
    expect(missing).not.toContain('id="ssr-target-page"');
  });
});
