import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { ensureClientBuild } from '../../server/build';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness';
import { startServer } from '../e2e/server-process';
import type { Figure } from './report';

/**
 * Soak of the big screen: a wall runs for days, so the heap after 300 rotations and refreshes must be
 * where it was after the first 10. Timers run 10× fast (`debug=1&speed=10`: a slide and a refresh
 * every 100 ms); the loop and nightly reloads are off so the same page is measured throughout.
 */
const ROTATIONS_WARM = 10;
const ROTATIONS_SOAK = 300;
const BUDGET_MB = 10;

async function counters(page: Page): Promise<{ moves: number; updated: number }> {
  return page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('.screen');
    return { moves: Number(el?.dataset.moves ?? 0), updated: Number(el?.dataset.updated ?? 0) };
  });
}

export async function benchScreen(): Promise<Figure[]> {
  ensureClientBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'target-board-bench-screen-'));
  const server = await startServer({ dataDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/screen?debug=1&speed=10&rotate=1&refresh=1&loops=0&nightly=off`);
    await page.locator('.s-overview').waitFor({ timeout: 30_000 });

    let refreshes = 0;
    let lastUpdated = 0;
    const until = async (rotations: number) => {
      const deadline = Date.now() + 10 * 60_000;
      for (;;) {
        const c = await counters(page);
        if (c.updated !== lastUpdated) {
          refreshes++;
          lastUpdated = c.updated;
        }
        if (c.moves >= rotations) return;
        if (Date.now() > deadline) throw new Error(`screen soak: only ${c.moves} rotations`);
        await page.waitForTimeout(50);
      }
    };
    const heap = async () => {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
      return { heapMb: get('JSHeapUsedSize') / 1024 / 1024, nodes: get('Nodes'), listeners: get('JSEventListeners') };
    };

    await until(ROTATIONS_WARM);
    const warm = await heap();
    const t0 = performance.now();
    await until(ROTATIONS_SOAK);
    const seconds = (performance.now() - t0) / 1000;
    const soaked = await heap();
    if (errors.length > 0) throw new Error(`screen soak: page errors: ${errors.join('; ')}`);
    if ((await page.locator('.screen-blank').count()) > 0) throw new Error('screen soak: the screen crashed');
    await context.close();
    return [
      {
        name: `screen: heap growth, ${ROTATIONS_SOAK} vs ${ROTATIONS_WARM} rotations (+refreshes)`,
        value: soaked.heapMb - warm.heapMb,
        unit: 'MB',
        budget: BUDGET_MB,
        note: `${warm.heapMb.toFixed(1)} → ${soaked.heapMb.toFixed(1)} MB after GC; ${refreshes} refreshes seen in ${seconds.toFixed(0)} s`,
      },
      {
        name: 'screen: DOM nodes growth over the soak',
        value: soaked.nodes - warm.nodes,
        unit: 'nodes',
        budget: null,
        note: `${warm.nodes} → ${soaked.nodes}; listeners ${warm.listeners} → ${soaked.listeners}`,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
