import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { type Browser, chromium, type Page } from 'playwright-core';
import { DIST, ensureClientBuild } from '../../server/build';
import { connect } from '../../server/db/connect';
import type { SummaryResponse } from '../../src/domain/api';
import { formatPercent, formatQuantity } from '../../src/domain/format';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness';
import { freePort, type RunningServer, startServer } from '../e2e/server-process';
import { insertSyntheticProjects } from '../scale/generate';
import { type Figure, percentile } from './report';

/**
 * The target page's first load ends when the live page has painted its figures: the performance mark
 * src/features/target/trend-figure.tsx sets then. Its trend chart (Recharts, ~120 KB gzip) is
 * requested only after that mark, by design (the figures never wait for it; its box is reserved),
 * and is not counted: the figure is the JavaScript requested before the mark. Every other route counts
 * all the JavaScript it fetched until the network was idle.
 */
const FIGURES_PAINTED = 'tb:figures-painted';

/**
 * The client's weight and speed: first-load JS per route (what Chromium really fetched, gzip-sized),
 * Lighthouse (desktop preset) for the overview, a target page and /screen, and the overview's LCP
 * against a floor: a plain static HTML page (inline CSS, no framework) showing the same KPI tiles
 * and sector bars, measured with the same browser and settings.
 */
const ROUTES: Array<[string, string, number | null, string?]> = [
  ['overview /', '/', 150],
  ['sector /sectors/demand', '/sectors/demand', 150],
  ['target /targets/qd-key-projects', '/targets/qd-key-projects', 200, FIGURES_PAINTED],
  ['projects /projects', '/projects', 200],
  ['screen /screen', '/screen', 200],
  ['review /review', '/review', 200],
];

/**
 * Stylesheets block the first paint: every route's CSS stays within a small budget (the whole app's
 * CSS is ~12 KB gzip today; a route loads the shared sheet and its own).
 */
const CSS_BUDGET_KB = 20;

/**
 * The overview's HTML (its preview inline) must arrive in the first round trip of a new connection:
 * TCP's initial congestion window, 10 segments of 1,460 bytes, as Lighthouse models it. One byte
 * over costs its first paint a round trip (40 ms in the desktop model: LCP 1.04 -> 1.22 × the static
 * page when the gzipped page crept to 13.8 KB plus 0.9 KB of headers). In kB (1,000 bytes).
 */
const INITIAL_WINDOW_KB = 14.6;

const gzipKb = (file: string) => gzipSync(readFileSync(file)).length / 1024;

async function firstLoad(server: RunningServer): Promise<Figure[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const figures: Figure[] = [];
  // The landing page goes out without its preview while the summary of the data version is being
  // computed (server/app.ts: landingShell, never waiting): compute it first, so the overview's HTML
  // measured is the one every later visitor gets.
  await fetch(`${server.url}/api/v1/summary`);
  try {
    for (const [name, route, budget, mark] of ROUTES) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const scripts = new Set<string>();
      const styles = new Set<string>();
      page.on('response', (r) => {
        const url = new URL(r.url());
        if (!url.pathname.startsWith('/assets/')) return;
        if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
        if (url.pathname.endsWith('.css')) styles.add(url.pathname);
      });
      const landing = await page.goto(`${server.url}${route}`, { waitUntil: 'networkidle' });
      const sent = landing ? await landing.request().sizes() : null;
      // A server-rendered page (the overview, a target, the wall) is painted before its app loads:
      // the network can fall idle before the loader starts it. Its first load ends when the app is
      // live (#root rendered) and the network is idle again.
      await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0, null, {
        timeout: 30_000,
      });
      await page.waitForLoadState('networkidle');
      const size = (files: Set<string>) => [...files].reduce((sum, p) => sum + gzipKb(path.join(DIST, p)), 0);
      let counted = scripts;
      if (mark) {
        // Network idle can come before the frame that sets the mark: wait for it (a page that never
        // sets it fails below).
        await page
          .waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 15_000 })
          .catch(() => undefined);
        // The scripts requested before the mark (no named functions in here: see benchContext).
        const before = await page.evaluate((m) => {
          const at = performance.getEntriesByName(m)[0]?.startTime;
          return at === undefined
            ? null
            : performance
                .getEntriesByType('resource')
                .filter((e) => e.startTime <= at)
                .map((e) => new URL(e.name).pathname);
        }, mark);
        if (!before) throw new Error(`${route}: the page set no performance mark ${mark}`);
        counted = new Set([...scripts].filter((p) => before.includes(p)));
      }
      figures.push(
        {
          name: `first-load JS ${name} (gzip)`,
          value: size(counted),
          unit: 'KB',
          budget,
          note: mark
            ? `${counted.size} files until ${mark}; ${scripts.size - counted.size} later (${size(scripts).toFixed(0)} KB in all)`
            : `${scripts.size} files`,
        },
        {
          name: `HTML ${name} (as sent: headers + ${landing?.headers()['content-encoding'] ?? 'plain'} body)`,
          value: sent ? (sent.responseHeadersSize + sent.responseBodySize) / 1000 : Number.NaN,
          unit: 'kB',
          budget: route === '/' ? INITIAL_WINDOW_KB : null,
          ...(route === '/' ? { note: 'one round trip: TCP’s initial window of 10 × 1,460 bytes' } : {}),
        },
        {
          name: `first-load CSS ${name} (gzip)`,
          value: size(styles),
          unit: 'KB',
          budget: CSS_BUDGET_KB,
          note: `${styles.size} files`,
        },
      );
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return figures;
}

/**
 * Interaction latency on the overview: from the input event of a filter (the district select) or
 * of the as-of slider to the first frame painted after the page header shows the new answer (the
 * header, tiles and bars render from the same summary in one commit). Measured in the page with
 * performance marks: a MutationObserver sees the header change, then one requestAnimationFrame and
 * a task later the frame is on screen (the "next paint" of INP). Each as-of jump and each district
 * is a question neither the client nor the server has answered before (no cache), so a sample is a
 * real round trip to the API plus the render; every second district step returns to "all
 * districts", which the client answers from its query cache. The as-of steps are a reader at the
 * slider going back a week at a time: the week asked for was fetched while the one before was
 * shown, as the slider does for a reader at it. Budget ≤ 200 ms for each: the Core Web Vitals
 * "good" threshold for INP, which is what a user perceives as an immediate response.
 */
const INTERACTION_BUDGET_MS = 200;

interface ControlChange {
  selector: string;
  value: string;
  kind: 'select' | 'range';
}

/**
 * A desktop context for the in-page measurements. tsx (esbuild, keepNames) wraps the named functions
 * of the code passed to page.evaluate in `__name(…)`, which the page does not have: define it.
 */
async function benchContext(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript('window.__name = (f) => f;');
  return context;
}

function changeToPaint(page: Page, change: ControlChange): Promise<number> {
  return page.evaluate(({ selector, value, kind }) => {
    const control = document.querySelector(selector) as HTMLSelectElement | HTMLInputElement | null;
    if (!control) throw new Error(`no ${selector}`);
    // The header's counts and its data date (the freshness badge says "数据截至 …") change with the answer.
    const headerText = () => document.querySelector('.page-header')?.textContent ?? '';
    const before = headerText();
    return new Promise<number>((resolve, reject) => {
      const observer = new MutationObserver(() => {
        const now = headerText();
        // The slider's own label shows the chosen date at once; the header shows it with the data.
        const expected = kind === 'range' ? document.querySelector('.timeline__date')?.firstChild?.textContent : null;
        if (!now || now === before || (expected && !now.includes(expected))) return;
        observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() =>
          setTimeout(() => {
            performance.mark('bench:painted');
            resolve(performance.measure('bench:interaction', 'bench:input', 'bench:painted').duration);
          }, 0),
        );
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`the overview did not update within 10 s after ${selector} = ${value}`));
      }, 10_000);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      const proto = kind === 'select' ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
      performance.mark('bench:input');
      Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(control, value);
      control.dispatchEvent(new Event(kind === 'select' ? 'change' : 'input', { bubbles: true }));
    });
  }, change);
}

async function interactionLatency(browser: Browser, server: RunningServer): Promise<Figure[]> {
  const context = await benchContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('.page-header__meta .num');
    const district = '.filters-card .field:nth-of-type(2) select';
    // The demo's two districts (市级, 崂山区): one run read a single option here and timed 2 changes
    // instead of 4, its p95 then the slower of two. Waited for (at most 10 s), not assumed.
    await page
      .waitForFunction(
        (s) => ((document.querySelector(s) as HTMLSelectElement | null)?.options.length ?? 0) >= 3,
        district,
        {
          timeout: 10_000,
        },
      )
      .catch(() => {});
    const districts = (await page.$$eval(`${district} option`, (os) => os.map((o) => (o as HTMLOptionElement).value)))
      .filter((v) => v !== '')
      .slice(0, 5);
    const filterTimes: number[] = [];
    for (const d of districts) {
      for (const value of [d, '']) {
        filterTimes.push(await changeToPaint(page, { selector: district, value, kind: 'select' }));
        await page.waitForTimeout(200);
      }
    }
    const last = Number(await page.getAttribute('#as-of-range', 'max'));
    // Jumps first, the slider not focused: weeks nobody has asked for (neither the client nor the
    // server has their answer), four weeks apart, in three passes each a week further back. Thirty
    // samples: with ten, the p95 was the slowest one, and the same code read 136-293 ms across runs.
    const jumpTimes: number[] = [];
    for (let pass = 0; pass < 3; pass++)
      for (let i = last - 4 - pass; i >= 0 && jumpTimes.length < 10 * (pass + 1); i -= 4) {
        jumpTimes.push(await changeToPaint(page, { selector: '#as-of-range', value: String(i), kind: 'range' }));
        await page.waitForTimeout(200);
      }
    // Then a reader at the slider stepping back a week at a time, half a second between steps, from
    // the newest week: the slider fetches the weeks either side of the one shown (as-of-timeline.tsx).
    await changeToPaint(page, { selector: '#as-of-range', value: String(last), kind: 'range' });
    await page.focus('#as-of-range');
    await page.waitForTimeout(500);
    const stepTimes: number[] = [];
    for (let i = last - 1; i >= 0 && stepTimes.length < 10; i--) {
      stepTimes.push(await changeToPaint(page, { selector: '#as-of-range', value: String(i), kind: 'range' }));
      await page.waitForTimeout(500);
    }
    const figure = (name: string, times: number[]): Figure[] => {
      const sorted = [...times].sort((a, b) => a - b);
      return [
        { name: `${name} p50`, value: percentile(sorted, 50), unit: 'ms', budget: null },
        {
          name: `${name} p95`,
          value: percentile(sorted, 95),
          unit: 'ms',
          budget: INTERACTION_BUDGET_MS,
          note: `${times.length} changes, input → painted`,
        },
      ];
    };
    return [
      ...figure('overview: change district filter', filterTimes),
      ...figure('overview: jump to an as-of date not asked for before', jumpTimes),
      ...figure('overview: step the as-of date a week back, at the slider', stepTimes),
    ];
  } finally {
    await context.close();
  }
}

/**
 * Scrolling a 20,000-row project table: the demo data plus generated projects up to 20,000, served
 * by the real server. Every page is loaded first (the table then holds all 20,000 rows, of which
 * the virtualizer renders those in view), then the table is scrolled from one requestAnimationFrame
 * to the next at two speeds: a fast wheel (100 px a frame, 6,000 px/s) and a drag of the scrollbar
 * from top to bottom in 300 frames (~3,000 px, ~65 rows a frame: every frame renders a fresh set of
 * rows). Figures: p95 frame time and dropped frames (vsyncs at 60 Hz that showed no new frame). The
 * wheel is the budgeted figure (p95 ≤ 34 ms: no more than two vsyncs for a frame, 95 % of the time);
 * the drag is a stress figure without a budget, printed so a regression shows.
 */
const PROJECT_ROWS = 20_000;
/** Two vsyncs at 60 Hz (33.3 ms; rAF-to-rAF reads 33.4) and a little for the clock: a frame shown at the second vsync passes. */
const FRAME_BUDGET_MS = 34;

async function projectsServer(): Promise<RunningServer> {
  const seeding = await startServer();
  const dataDir = seeding.dataDir;
  await seeding.stop();
  const h = await connect({ dataDir });
  try {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from projects`.execute(h.db);
    const have = Number(rows[0]?.n ?? 0);
    await insertSyntheticProjects(h.db, {
      idPrefix: 'bench-prj-',
      namePrefix: '基准测试项目',
      count: PROJECT_ROWS - have,
    });
  } finally {
    await h.close();
  }
  return startServer({ dataDir });
}

async function scrollFrames(page: Page, perFrame: number | 'all', frames: number): Promise<number[]> {
  return page.evaluate(
    ({ perFrame, frames }) => {
      const el = document.querySelector('.projects-scroll') as HTMLElement;
      el.scrollTop = 0;
      const distance = el.scrollHeight - el.clientHeight;
      const step = perFrame === 'all' ? distance / frames : perFrame;
      const times: number[] = [];
      return new Promise<number[]>((resolve) => {
        let last = 0;
        let n = 0;
        const tick = (t: number) => {
          if (last) times.push(t - last);
          last = t;
          if (n++ >= frames) return resolve(times);
          el.scrollTop = Math.min(distance, n * step);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
    { perFrame, frames },
  );
}

async function tableScrolling(browser: Browser): Promise<Figure[]> {
  const server = await projectsServer();
  const context = await benchContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/projects`, { waitUntil: 'networkidle' });
    await page.waitForSelector('.projects-scroll tr[aria-rowindex]');
    // Load every page: scroll to the end until the last row (aria-rowindex = row count) is there.
    const deadline = Date.now() + 180_000;
    for (;;) {
      const done = await page.evaluate(() => {
        const el = document.querySelector('.projects-scroll') as HTMLElement;
        el.scrollTop = el.scrollHeight;
        const count = document.querySelector('.projects-table')?.getAttribute('aria-rowcount');
        const rows = el.querySelectorAll('tr[aria-rowindex]');
        return rows[rows.length - 1]?.getAttribute('aria-rowindex') === count;
      });
      if (done) break;
      if (Date.now() > deadline) throw new Error('the project table did not load all its rows within 180 s');
      await page.waitForTimeout(100);
    }
    const total = Number(await page.getAttribute('.projects-table', 'aria-rowcount')) - 1;
    await page.waitForTimeout(500);
    const figures: Figure[] = [];
    const runs: Array<[string, number | 'all', number | null]> = [
      ['wheel, 100 px a frame', 100, FRAME_BUDGET_MS],
      ['drag top to bottom in 300 frames', 'all', null],
    ];
    for (const [name, perFrame, budget] of runs) {
      await scrollFrames(page, 100, 30); // warm-up
      const times = await scrollFrames(page, perFrame, 300);
      const sorted = [...times].sort((a, b) => a - b);
      const vsync = 1000 / 60;
      const dropped = times.reduce((sum, t) => sum + Math.max(0, Math.round(t / vsync) - 1), 0);
      figures.push(
        {
          name: `projects table (${total} rows), ${name}: p95 frame`,
          value: percentile(sorted, 95),
          unit: 'ms',
          budget,
          note: `p50 ${percentile(sorted, 50).toFixed(1)} ms, worst ${(sorted.at(-1) ?? 0).toFixed(0)} ms`,
        },
        {
          name: `projects table (${total} rows), ${name}: dropped frames`,
          value: (dropped / (dropped + times.length)) * 100,
          unit: '%',
          budget: null,
          note: `${dropped} of ${dropped + times.length} vsyncs`,
        },
      );
    }
    return figures;
  } finally {
    await context.close();
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
  }
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

/**
 * The response headers the app sends with its pages that a static page on the same site would
 * carry too: its security policy (server/app.ts: secureHeaders), not how this one body is sent.
 * They cost the first paint something of their own: with `Cross-Origin-Opener-Policy: same-origin`
 * Chromium opens the page in a new browsing context group, a new process when it comes from
 * about:blank as Lighthouse's does (measured here on the same HTML: ~135 ms in a real browser,
 * 20-40 ms in Lighthouse's model). The reference is served with them, so the ratio compares pages.
 */
async function pageHeaders(url: string): Promise<Record<string, string>> {
  const res = await fetch(url, { headers: { accept: 'text/html' } });
  await res.arrayBuffer();
  const sent = new Set(['content-type', 'content-encoding', 'content-length', 'transfer-encoding', 'vary', 'date']);
  const out: Record<string, string> = {};
  for (const [k, v] of res.headers) if (!sent.has(k)) out[k] = v;
  return out;
}

async function serveStatic(
  html: string,
  headers: Record<string, string> = {},
): Promise<{ url: string; close: () => void }> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'tb-static-'));
  writeFileSync(path.join(dir, 'index.html'), html);
  const body = gzipSync(Buffer.from(html));
  const srv = createServer((_req, res) => {
    res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
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
  /** Everything the page transferred (Lighthouse total-byte-weight: HTML, JS, CSS, API, fonts). */
  bytes: number;
}

/**
 * One Lighthouse run that measured the page. A run can end in a runtime error instead (seen here:
 * NO_NAVSTART, the trace missing its navigation start), which leaves every timing undefined: such a
 * run is repeated, twice at most, and then reported as the error it is rather than as NaN.
 */
async function runLighthouse(url: string): Promise<LighthouseFigures> {
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const run = await lighthouseOnce(url);
    if ('error' in run) lastError = run.error;
    else return run;
  }
  throw new Error(`Lighthouse could not measure ${url} in 3 runs: ${lastError}`);
}

async function lighthouseOnce(url: string): Promise<LighthouseFigures | { error: string }> {
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
    if (!lhr) return { error: 'no result' };
    if (lhr.runtimeError) return { error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` };
    const lcp = lhr.audits['largest-contentful-paint']?.numericValue;
    if (lcp === undefined) return { error: 'no LCP in the report' };
    return {
      performance: lhr.categories.performance?.score ?? 0,
      accessibility: lhr.categories.accessibility?.score ?? 0,
      bestPractices: lhr.categories['best-practices']?.score ?? 0,
      lcp,
      tbt: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
      bytes: lhr.audits['total-byte-weight']?.numericValue ?? Number.NaN,
    };
  } finally {
    await browser.close();
  }
}

/**
 * Lighthouse's figures vary from run to run; its own guidance is to take the median of five:
 * five runs of each page, and the one with the median LCP. The pages take turns (one run of each,
 * five times over), so a machine that slows down for a while slows the reference and the pages
 * alike rather than whichever was being measured then.
 */
async function medianLighthouse(urls: readonly string[], runs = 5): Promise<LighthouseFigures[]> {
  const results = urls.map((): LighthouseFigures[] => []);
  for (let i = 0; i < runs; i++) for (const [j, url] of urls.entries()) results[j]?.push(await runLighthouse(url));
  return results.map((r) => r.sort((a, b) => a.lcp - b.lcp)[Math.floor(r.length / 2)] as LighthouseFigures);
}

export async function benchClient(): Promise<Figure[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  ensureClientBuild();
  const server = await startServer();
  const figures: Figure[] = [];
  try {
    figures.push(...(await firstLoad(server)));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      figures.push(...(await interactionLatency(browser, server)));
      figures.push(...(await tableScrolling(browser)));
    } finally {
      await browser.close();
    }
    const summary = (await (await fetch(`${server.url}/api/v1/summary`)).json()) as SummaryResponse;
    const html = staticOverview(summary);
    const reference = await serveStatic(html, await pageHeaders(`${server.url}/`));
    const bare = await serveStatic(html);
    try {
      const pages: Array<[string, string]> = [
        ['overview', '/'],
        ['target page', '/targets/qd-key-projects'],
        ['screen', '/screen'],
      ];
      const [floor, bareFloor, ...measured] = await medianLighthouse([
        reference.url,
        bare.url,
        ...pages.map(([, route]) => `${server.url}${route}`),
      ]);
      if (!floor || !bareFloor) throw new Error('no reference figures');
      figures.push(
        {
          name: 'static reference page: LCP',
          value: floor.lcp,
          unit: 'ms',
          budget: null,
          note: 'with the app’s response headers',
        },
        {
          name: 'static reference page without the app’s headers: LCP',
          value: bareFloor.lcp,
          unit: 'ms',
          budget: null,
          note: 'the reference of the runs until 6 December 2026',
        },
        { name: 'static reference page: bytes', value: floor.bytes / 1024, unit: 'KB', budget: null },
      );
      for (const [i, [name]] of pages.entries()) {
        const lh = measured[i] as LighthouseFigures;
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
          // The target page's figures are server-rendered (src/entry-server.tsx: renderTarget): ≤ 500 ms.
          {
            name: `lighthouse ${name}: LCP`,
            value: lh.lcp,
            unit: 'ms',
            // The wall paints its first slide from the HTML (server/http/landing.ts: screenShell).
            budget: name === 'target page' ? 500 : name === 'screen' ? 400 : null,
          },
          { name: `lighthouse ${name}: TBT`, value: lh.tbt, unit: 'ms', budget: null },
          { name: `lighthouse ${name}: bytes`, value: lh.bytes / 1024, unit: 'KB', budget: null },
        );
        if (name === 'overview') {
          figures.push({
            name: 'overview LCP ÷ static page LCP',
            value: lh.lcp / floor.lcp,
            unit: '×',
            budget: 1.1,
            note: 'the reference served with the app’s response headers',
          });
          figures.push({
            name: 'overview LCP ÷ static page LCP without the app’s headers',
            value: lh.lcp / bareFloor.lcp,
            unit: '×',
            budget: null,
            note: 'as measured until 6 December 2026',
          });
          figures.push({
            name: 'overview bytes ÷ static page bytes',
            value: lh.bytes / floor.bytes,
            unit: '×',
            budget: null,
            note: 'transferred bytes, Lighthouse total-byte-weight',
          });
        }
      }
    } finally {
      reference.close();
      bare.close();
    }
  } finally {
    await server.stop();
  }
  return figures;
}
