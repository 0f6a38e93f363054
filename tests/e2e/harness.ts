import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const baseURL = (): string => inject('baseURL');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-wqy-microhei`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export async function newPage(
  browser: Browser,
  options: { width?: number; height?: number; colorScheme?: 'light' | 'dark'; deviceScaleFactor?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseURL(),
    viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    colorScheme: options.colorScheme ?? 'light',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  return { context, page };
}

/**
 * Sums the page's layout shifts from its first paint on (as CLS counts them: none within 500 ms of
 * the user's input). Call before `page.goto`; the function it returns reads the sum so far.
 */
export async function observeLayoutShift(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!e.hadRecentInput) w.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { __shift: number }).__shift);
}

/** The API's own answer, to compare with what the page shows. */
export async function api<T>(path: string): Promise<T> {
  const r = await fetch(`${baseURL()}/api/v1${path}`);
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return (await r.json()) as T;
}

/**
 * axe-core violations on the current page (WCAG 2.1 A/AA). `rules`: only these of them (axe costs
 * seconds on a long page; a second look at the same page can keep to the rules that depend on what
 * changed); `include`: only the parts the selectors match.
 */
export async function axeViolations(page: Page, options: { rules?: string[]; include?: string[] } = {}) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (options.rules) builder = builder.withRules(options.rules);
  for (const selector of options.include ?? []) builder = builder.include(selector);
  const result = await builder.analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}

/** A signed-in API session: its cookie and CSRF token. */
export interface ApiSession {
  cookie: string;
  csrf: string;
}

/**
 * The JSON API of a server of a test's own (tests/e2e/server-process.ts), called as the browser calls
 * it: same origin, and a session's cookie and CSRF token for writes. `base` is read at call time (the
 * server starts in beforeAll).
 */
export function serverApi(base: () => string) {
  const call = (method: string, p: string, body?: unknown, who?: ApiSession) =>
    fetch(`${base()}/api/v1${p}`, {
      method,
      headers: {
        origin: base(),
        'content-type': 'application/json',
        ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const session = async (username: string, password: string): Promise<ApiSession> => {
    const res = await call('POST', '/session', { username, password });
    if (res.status !== 200) throw new Error(`sign-in of ${username}: HTTP ${res.status} ${await res.text()}`);
    return {
      cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
    };
  };
  const get = async <T>(p: string) => (await (await fetch(`${base()}/api/v1${p}`)).json()) as T;
  return { call, session, get };
}

/** Signs in through the sign-in page, which then goes on to `next`. */
export async function signInAt(page: Page, who: { username: string; password: string }, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('密码').fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
}
