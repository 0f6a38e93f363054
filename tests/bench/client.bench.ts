import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
import { DIST, ensureClientBuild } from '../../server/build';
import type { SummaryResponse } from '../../src/domain/api';
import { formatPercent, formatQuantity } from '../../src/domain/format';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness';
import { freePort, type RunningServer, startServer } from '../e2e/server-process';
import type { Figure } from './report';

/**
 * The client's weight and speed: first-load JS per route (what Chromium really fetched, gzip-sized),
 * Lighthouse (desktop preset) for the overview, a target page and /screen, and the overview's LCP
 * against a floor: a plain static HTML page (inline CSS, no framework) showing the same KPI tiles
 * and sector bars, measured with the same browser and settings.
 */
const ROUTES: Array<[string, string, number | null]> = [
  ['overview /', '/', 150],
  ['sector /sectors/demand', '/sectors/demand', 150],
  ['target /targets/qd-key-projects', '/targets/qd-key-projects', null],
  ['projects /projects', '/projects', 200],
  ['screen /screen', '/screen', 200],
  ['review /review', '/review', 200],
];

const gzipKb = (file: string) => gzipSync(readFileSync(file)).length / 1024;

async function firstLoadJs(server: RunningServer): Promise<Figure[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const figures: Figure[] = [];
  try {
    for (const [name, route, budget] of ROUTES) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const scripts = new Set<string>();
      page.on('response', (r) => {
        const url = new URL(r.url());
        if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js')) scripts.add(url.pathname);
      });
      await page.goto(`${server.url}${route}`, { waitUntil: 'networkidle' });
      const kb = [...scripts].reduce((sum, p) => sum + gzipKb(path.join(DIST, p)), 0);
      figures.push({
        name: `first-load JS ${name} (gzip)`,
        value: kb,
        unit: 'KB',
        budget,
        note: `${scripts.size} files`,
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return figures;
}

/** The floor: the same overview as static HTML with inline CSS, from the same API data. */
function staticOverview(summary: SummaryResponse): string {
  const tiles = summary.headlines
    .map(
      (h) =>
        `<div class="tile"><div class="t">${h.target.title}</div><div class="v">${formatQuantity(
          h.target.state.latest?.value ?? null,
          h.target.unit,
        )}</div><div class="g">目标 ${formatQuantity(h.target.target, h.target.unit)}</div><div class="bar"><i style="width:${Math.min(
          100,
          (h.target.state.progress ?? 0) * 100,
        )}%"></i></div></div>`,
    )
    .join('');
  const bars = summary.sectors
    .map(
      (s) =>
        `<div class="row"><span>${s.name}</span><div class="bar" role="progressbar" aria-label="${s.name}" aria-valuenow="${Math.round(
          (s.progress ?? 0) * 100,
        )}" aria-valuemin="0" aria-valuemax="100"><i style="width:${(s.progress ?? 0) * 100}%"></i><b style="left:${
          (s.expected ?? 0) * 100
        }%"></b></div><span>${formatPercent(s.progress)}</span></div>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>目标进度看板（静态参照页）</title><meta name="description" content="参照页"><style>
body{font-family:system-ui,sans-serif;margin:0;padding:24px;background:#f6f7f9;color:#1a1f29}
h1{font-size:24px;margin:0 0 16px}.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:12px}
.tile{background:#fff;border-radius:8px;padding:12px}.t{font-size:14px}.v{font-size:28px;font-weight:700}.g{color:#4a5263;font-size:13px}
.bar{position:relative;height:10px;background:#e3e6eb;border-radius:5px;margin:6px 0}.bar i{position:absolute;inset:0 auto 0 0;background:#1f5fbf;border-radius:5px}
.bar b{position:absolute;top:-3px;width:2px;height:16px;background:#1a1f29}.rows{background:#fff;border-radius:8px;padding:12px;margin-top:16px}
.row{display:grid;grid-template-columns:140px 1fr 70px;gap:12px;align-items:center;padding:6px 0}
</style></head><body><main><h1>总览 · 截至 ${summary.asOf}</h1><div class="tiles">${tiles}</div><div class="rows">${bars}</div></main></body></html>`;
}

async function serveStatic(html: string): Promise<{ url: string; close: () => void }> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'tb-static-'));
  writeFileSync(path.join(dir, 'index.html'), html);
  const body = gzipSync(Buffer.from(html));
  const srv = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
    res.end(body);
  });
  await new Promise<void>((r) => srv.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${port}/`, close: () => srv.close() };
}

interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcp: number;
  tbt: number;
}

async function runLighthouse(url: string): Promise<LighthouseFigures> {
  const port = await freePort();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`],
  });
  try {
    const result = await lighthouse(
      url,
      { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] },
      desktopConfig,
    );
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
    return {
      performance: lhr.categories.performance?.score ?? 0,
      accessibility: lhr.categories.accessibility?.score ?? 0,
      bestPractices: lhr.categories['best-practices']?.score ?? 0,
      lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
      tbt: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
    };
  } finally {
    await browser.close();
  }
}

export async function benchClient(): Promise<Figure[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  ensureClientBuild();
  const server = await startServer();
  const figures: Figure[] = [];
  try {
    figures.push(...(await firstLoadJs(server)));
    const summary = (await (await fetch(`${server.url}/api/v1/summary`)).json()) as SummaryResponse;
    const reference = await serveStatic(staticOverview(summary));
    try {
      const floor = await runLighthouse(reference.url);
      figures.push({ name: 'static reference page: LCP', value: floor.lcp, unit: 'ms', budget: null });
      const pages: Array<[string, string]> = [
        ['overview', '/'],
        ['target page', '/targets/qd-key-projects'],
        ['screen', '/screen'],
      ];
      for (const [name, route] of pages) {
        const lh = await runLighthouse(`${server.url}${route}`);
        figures.push(
          {
            name: `lighthouse ${name}: performance`,
            value: lh.performance,
            unit: '',
            budget: 0.95,
            lowerIsBetter: false,
          },
          {
            name: `lighthouse ${name}: accessibility`,
            value: lh.accessibility,
            unit: '',
            budget: 1,
            lowerIsBetter: false,
          },
          {
            name: `lighthouse ${name}: best practices`,
            value: lh.bestPractices,
            unit: '',
            budget: 1,
            lowerIsBetter: false,
          },
          { name: `lighthouse ${name}: LCP`, value: lh.lcp, unit: 'ms', budget: null },
          { name: `lighthouse ${name}: TBT`, value: lh.tbt, unit: 'ms', budget: null },
        );
        if (name === 'overview') {
          figures.push({
            name: 'overview LCP ÷ static page LCP',
            value: lh.lcp / floor.lcp,
            unit: '×',
            budget: 1.5,
          });
        }
      }
    } finally {
      reference.close();
    }
  } finally {
    await server.stop();
  }
  return figures;
}
