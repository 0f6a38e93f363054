import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TargetsResponse } from '../../src/domain/api';
import { en } from '../../src/i18n/en';
import { zhCN } from '../../src/i18n/zh-cn';
import { type ApiSession, axeViolations, launchBrowser, serverApi } from './harness';
import { type RunningServer, startServer } from './server-process';

/**
 * The board on a phone (issue 25): at 360×740, 390×844 and 430×932 in Chinese, and at 390×844 in
 * English with the dark theme, six pages are read as a person on a phone reads them (a touch
 * screen, the page's own viewport meta). On each: the page does not pan sideways, no text is cut
 * off by a box too small for it and nothing lies beyond the right edge, the main navigation can be
 * reached (shown, or behind the header's menu button) with header controls of at least 44×44 px,
 * the links of a navigation in the page (breadcrumbs, the overview's status counts) are 44×44 px
 * tap areas too, and axe finds nothing. Every problem of a page is collected before the test fails, with the
 * element, its text and its sizes, so one run lists all of them. `/report` is seen by a reporter
 * of a server of the test's own (the shared one has no accounts).
 */
const ADMIN_PASSWORD = 'phone e2e admin password';
const REPORTER = { username: 'rep-phone', password: 'phone e2e reporter password' };
/** The reporter's department: a real one of the registry, so /report lists the catalog's targets. */
const DEPARTMENT = 'fgw';
/** A touch target's least width and height (WCAG 2.5.5, Apple's and Google's guidelines). */
const TOUCH = 44;

interface Pass {
  name: string;
  width: number;
  height: number;
  locale: 'zh-CN' | 'en';
  theme: 'light' | 'dark';
  /**
   * Which axe rules: all of WCAG 2.1 A/AA once per theme and language, and at the other widths
   * (the same page, laid out narrower or wider) the rules whose outcome depends on the layout:
   * contrast (what lies behind the text) and scrolling regions (tables in a box of their own). A
   * full axe run costs seconds on a long page; four of them per page would double the test's time.
   */
  axe: 'full' | 'layout';
}
const PASSES: Pass[] = [
  { name: '360×740 zh', width: 360, height: 740, locale: 'zh-CN', theme: 'light', axe: 'layout' },
  { name: '390×844 zh', width: 390, height: 844, locale: 'zh-CN', theme: 'light', axe: 'full' },
  { name: '430×932 zh', width: 430, height: 932, locale: 'zh-CN', theme: 'light', axe: 'layout' },
  { name: '390×844 en dark', width: 390, height: 844, locale: 'en', theme: 'dark', axe: 'full' },
];
const AXE_LAYOUT_RULES = ['color-contrast', 'scrollable-region-focusable'];

/** The main navigation's links, by the path they open (the reporter's 填报 is there for everyone). */
const NAV = (locale: Pass['locale']) => {
  const app = (locale === 'en' ? en : zhCN).app;
  return [
    { name: app.overview, path: '/' },
    { name: app.projects, path: '/projects' },
    { name: app.reviewNav, path: '/review' },
    { name: app.rankingsNav, path: '/rankings' },
    { name: app.reportNav, path: '/report' },
  ];
};

let srv: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let reporter: ApiSession;
/** A target page: a 民生 target behind its pace, with a reported figure (warnings, chart, history). */
let targetId = '';
const server = serverApi(() => srv.url);
/** Other small touch targets outside the header (not a navigation's links), per page and pass: reported, not failed on. */
const smallTargetLog: string[] = [];

beforeAll(async () => {
  srv = await startServer({ env: { ADMIN_USERNAME: 'admin', ADMIN_PASSWORD } });
  browser = await launchBrowser();
  const admin = await server.session('admin', ADMIN_PASSWORD);
  const created = await server.call(
    'POST',
    '/admin/users',
    { ...REPORTER, displayName: '手机测试填报员', role: 'reporter', departments: [DEPARTMENT] },
    admin,
  );
  expect(created.status, await created.text()).toBe(201);
  reporter = await server.session(REPORTER.username, REPORTER.password);
  const { items } = await server.get<TargetsResponse>('/targets');
  const target =
    items.find(
      (t) => t.sectorId === 'livelihood' && t.state.latest && ['lagging', 'severe'].includes(t.state.status),
    ) ?? items[0];
  if (!target) throw new Error('no targets in the catalog');
  targetId = target.id;
});

afterAll(async () => {
  if (smallTargetLog.length)
    console.log(`Touch targets under ${TOUCH} px outside the header:\n${smallTargetLog.join('\n')}`);
  await browser?.close();
  await srv?.stop();
});

/** One element as the failure message names it. */
interface Box {
  sel: string;
  text: string;
  left: number;
  right: number;
  width: number;
  height: number;
  /** For clipped text: the box's scroll and client widths, its overflow, and the text that is cut. */
  scrollWidth?: number;
  clientWidth?: number;
  overflow?: string;
  cut?: string;
}
interface Layout {
  scrollWidth: number;
  innerWidth: number;
  clipped: Box[];
  beyond: Box[];
  /**
   * Interactive elements in <main> smaller than a touch target: all of them, the links inside running
   * text, and the links of a navigation in the page (breadcrumbs, the status counts), with examples.
   */
  small: { total: number; inline: number; nav: Box[]; examples: Box[] };
}

/**
 * Runs in the page. Hidden elements (display none, visibility hidden, opacity 0, closed <details>,
 * and the 1 px visually-hidden text for screen readers) are left out; so are elements inside a box
 * that scrolls or clips sideways (`overflow-x` other than visible below <body>) for the right-edge
 * check: that box is checked itself.
 */
function inspectLayout({ vw, touch }: { vw: number; touch: number }): Layout {
  const hiddenMemo = new Map<Element, boolean>();
  const clipMemo = new Map<Element, boolean>();
  const visuallyHidden = (el: Element, cs: CSSStyleDeclaration) => {
    const r = el.getBoundingClientRect();
    return (
      ((cs.position === 'absolute' || cs.position === 'fixed') && cs.clip !== 'auto' && cs.clip !== '') ||
      cs.clipPath.startsWith('inset(50%') ||
      (r.width <= 1 && r.height <= 1 && cs.overflow !== 'visible')
    );
  };
  const hidden = (el: Element | null): boolean => {
    if (!el || el === document.body) return false;
    const known = hiddenMemo.get(el);
    if (known !== undefined) return known;
    const cs = getComputedStyle(el);
    const value =
      !el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) ||
      visuallyHidden(el, cs) ||
      hidden(el.parentElement);
    hiddenMemo.set(el, value);
    return value;
  };
  /** Inside a box (below <body>) that scrolls or clips sideways. */
  const insideClip = (el: Element): boolean => {
    const parent = el.parentElement;
    if (!parent || parent === document.body || parent === document.documentElement) return false;
    const known = clipMemo.get(parent);
    if (known !== undefined) return known;
    const value = getComputedStyle(parent).overflowX !== 'visible' || insideClip(parent);
    clipMemo.set(parent, value);
    return value;
  };
  const selector = (el: Element): string => {
    const parts: string[] = [];
    for (let e: Element | null = el, i = 0; e && e !== document.body && i < 4; e = e.parentElement, i++) {
      let s = e.tagName.toLowerCase();
      if (e.id) {
        parts.unshift(`${s}#${e.id}`);
        break;
      }
      const cls = [...e.classList].slice(0, 2).join('.');
      if (cls) s += `.${cls}`;
      const label = e.getAttribute('aria-label');
      if (label && i === 0) s += `[aria-label="${label.slice(0, 30)}"]`;
      parts.unshift(s);
    }
    return parts.join(' > ');
  };
  const box = (el: Element): Box => {
    const r = el.getBoundingClientRect();
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    return {
      sel: selector(el),
      text: text.length > 40 ? `${text.slice(0, 40)}…` : text,
      left: Math.round(r.left),
      right: Math.round(r.right),
      width: Math.round(r.width),
      height: Math.round(r.height),
    };
  };
  /** The text of `el` that lies outside its padding box (what a clipped box cuts off), if any. */
  const cutText = (el: HTMLElement): string => {
    const r = el.getBoundingClientRect();
    const left = r.left + el.clientLeft - 1;
    const right = r.left + el.clientLeft + el.clientWidth + 1;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const cut: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n.textContent?.trim();
      if (!t || hidden(n.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const rect of range.getClientRects()) {
        if (rect.width > 0 && (rect.right > right || rect.left < left)) {
          cut.push(t.slice(0, 30));
          break;
        }
      }
    }
    return cut.join(' | ');
  };

  const clipped: Box[] = [];
  const beyond: Box[] = [];
  const beyondSet = new Set<Element>();
  const small = { total: 0, inline: 0, nav: [] as Box[], examples: [] as Box[] };
  const main = document.querySelector('main');
  for (const el of document.body.querySelectorAll('*')) {
    if (!(el instanceof HTMLElement) && el.tagName.toLowerCase() !== 'svg') continue;
    if (hidden(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    // Nothing beyond the right (or left) edge, unless a box that scrolls or clips holds it.
    if ((r.right > vw + 1 || r.left < -1) && !insideClip(el)) {
      beyondSet.add(el);
      if (!el.parentElement || !beyondSet.has(el.parentElement)) beyond.push(box(el));
    }
    if (!(el instanceof HTMLElement)) continue;
    // No text cut off by a box that hides its overflow.
    const cs = getComputedStyle(el);
    if (
      (cs.overflowX === 'hidden' || cs.overflowX === 'clip') &&
      el.scrollWidth > el.clientWidth + 1 &&
      !['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) &&
      el.textContent?.trim()
    ) {
      const cut = cutText(el);
      if (cut)
        clipped.push({
          ...box(el),
          scrollWidth: el.scrollWidth,
          clientWidth: el.clientWidth,
          overflow: `${cs.overflowX}${cs.textOverflow === 'ellipsis' ? ' ellipsis' : ''}`,
          cut,
        });
    }
    // Touch targets in the page's content, counted for the report.
    if (main?.contains(el) && el.matches('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
      if (r.width < touch || r.height < touch) {
        small.total++;
        const parentText = (el.parentElement?.textContent ?? '').trim().length;
        const inline =
          el.tagName === 'A' && cs.display === 'inline' && parentText > (el.textContent ?? '').trim().length;
        if (el.tagName === 'A' && el.closest('nav')) small.nav.push(box(el));
        else if (inline) small.inline++;
        else if (small.examples.length < 5) small.examples.push(box(el));
      }
    }
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    clipped,
    beyond,
    small,
  };
}

/** Runs in the page: the main navigation's links that are shown, and those that are not (by the path they open). */
function navLinks(nav: { name: string; path: string }[]) {
  // Where the main navigation can be: the header, a <nav> outside the page's content (not a
  // breadcrumb), or the panel a header button opens (aria-controls).
  const header = document.querySelector('header');
  const panels = [...(header?.querySelectorAll('[aria-controls]') ?? [])].flatMap((b) =>
    (b.getAttribute('aria-controls') ?? '').split(/\s+/).flatMap((id) => document.getElementById(id) ?? []),
  );
  const containers = [header, ...[...document.querySelectorAll('nav')].filter((n) => !n.closest('main')), ...panels];
  const links = [
    ...new Set(containers.flatMap((c) => (c ? [...c.querySelectorAll<HTMLAnchorElement>('a[href]')] : []))),
  ];
  const vw = document.documentElement.clientWidth;
  return nav.map(({ name, path }) => {
    const candidates = links.filter(
      (a) => new URL(a.href).pathname === path && (a.textContent ?? '').replace(/\s+/g, ' ').trim() === name,
    );
    const shown = candidates.find((a) => {
      const r = a.getBoundingClientRect();
      return (
        a.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
        r.width > 0 &&
        r.height > 0 &&
        r.left >= -1 &&
        r.right <= vw + 1
      );
    });
    if (!shown) return { name, path, shown: false as const, found: candidates.length };
    const r = shown.getBoundingClientRect();
    // Lines the link's text runs over (总/览 one character per line was the bug).
    const range = document.createRange();
    range.selectNodeContents(shown);
    const lines = new Set([...range.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top))).size;
    return {
      name,
      path,
      shown: true as const,
      width: Math.round(r.width),
      height: Math.round(r.height),
      lines,
    };
  });
}

/**
 * Runs in the page: dates that run over two lines ("上次会议 2025年12月22" with "日" alone on the
 * next). A date is one word to a reader; a line may break before it, never inside it.
 */
function brokenDates(): string[] {
  const date = /\d{4}年\d{1,2}月\d{1,2}日|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}/g;
  const broken: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of (node.textContent ?? '').matchAll(date)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1)
        broken.push(`“${m[0]}” in ${node.parentElement?.tagName.toLowerCase()}.${node.parentElement?.className ?? ''}`);
    }
  }
  return broken;
}

/** Runs in the page: the header's interactive elements that are shown, with their sizes. */
function headerControls() {
  const header = document.querySelector('header');
  if (!header) return [];
  return [
    ...header.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])',
    ),
  ]
    .filter((el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
    .map((el) => {
      const r = el.getBoundingClientRect();
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30);
      return {
        name: `${el.tagName.toLowerCase()} “${name}”`,
        width: Math.round(r.width),
        height: Math.round(r.height),
      };
    })
    .filter((c) => c.width > 0 && c.height > 0);
}

const fmt = (b: Box) =>
  `${b.sel} “${b.text}” x ${b.left}…${b.right} (${b.width}×${b.height})` +
  (b.scrollWidth !== undefined
    ? ` scrollWidth ${b.scrollWidth} > clientWidth ${b.clientWidth}, overflow ${b.overflow}, cut: “${b.cut}”`
    : '');

/** A pass's browser context: a phone's viewport and touch screen, its language and theme as the app stores them. */
async function phoneContext(pass: Pass): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: srv.url,
    viewport: { width: pass.width, height: pass.height },
    screen: { width: pass.width, height: pass.height },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 1,
    colorScheme: pass.theme,
    reducedMotion: 'reduce',
    locale: pass.locale,
    timezoneId: 'Asia/Shanghai',
  });
  // esbuild names the functions passed to page.evaluate with a helper the page does not have.
  await context.addInitScript('window.__name = (f) => f;');
  // The app's stored preferences (src/stores/ui-store.ts) and the cookie that tells the server (src/app/providers.tsx).
  await context.addInitScript(
    `try { localStorage.setItem('target-board.ui', JSON.stringify({ state: { theme: '${pass.theme}', locale: '${pass.locale}' }, version: 0 })); } catch {}`,
  );
  await context.addCookies([{ name: 'tb-ui', value: `${pass.locale}.${pass.theme}`, url: srv.url }]);
  return context;
}

/** Every problem of one page in one pass; empty when the page holds on this phone. */
async function checkPage(page: Page, pass: Pass, label: string, withAxe: { menuOpen: boolean }): Promise<string[]> {
  const problems: string[] = [];
  const at = `${label} @ ${pass.name}`;
  const lang = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dataset.theme]);
  if (lang[0] !== pass.locale || lang[1] !== pass.theme)
    problems.push(`${at}: shown in ${lang.join('/')} instead of ${pass.locale}/${pass.theme}`);

  // 1. No sideways panning. The limit is the phone's width: a page wider than it makes a mobile
  // browser zoom out, and then innerWidth grows with the page.
  const layout = await page.evaluate(inspectLayout, { vw: pass.width, touch: TOUCH });

  if (layout.scrollWidth > pass.width)
    problems.push(
      `${at}: page is ${layout.scrollWidth} px wide on a ${pass.width} px screen (innerWidth ${layout.innerWidth}): it pans sideways`,
    );
  // 2. No text cut off, nothing beyond the edge.
  for (const b of layout.clipped.slice(0, 12)) problems.push(`${at}: text clipped: ${fmt(b)}`);
  if (layout.clipped.length > 12) problems.push(`${at}: … and ${layout.clipped.length - 12} more clipped`);
  for (const b of layout.beyond.slice(0, 12)) problems.push(`${at}: beyond the ${pass.width} px screen: ${fmt(b)}`);
  if (layout.beyond.length > 12) problems.push(`${at}: … and ${layout.beyond.length - 12} more beyond the screen`);
  // A navigation's links in the page (breadcrumbs, the overview's status counts) are touch targets:
  // set in a line of text they reach 44 px around it (a tap area the line does not see).
  for (const b of layout.small.nav.slice(0, 6))
    problems.push(
      `${at}: link of a navigation under ${TOUCH}×${TOUCH} px: ${b.sel} “${b.text}” ${b.width}×${b.height}`,
    );
  if (layout.small.nav.length > 6)
    problems.push(`${at}: … and ${layout.small.nav.length - 6} more small navigation links`);
  if (layout.small.total)
    smallTargetLog.push(
      `  ${at}: ${layout.small.total} (${layout.small.inline} links in running text)` +
        (layout.small.examples.length
          ? `; e.g. ${layout.small.examples.map((b) => `${b.sel} “${b.text}” ${b.width}×${b.height}`).join('; ')}`
          : ''),
    );

  for (const d of await page.evaluate(brokenDates)) problems.push(`${at}: a date breaks over two lines: ${d}`);

  // 3. The navigation can be reached: shown, or behind the header's menu button.
  const nav = NAV(pass.locale);
  let links = await page.evaluate(navLinks, nav);
  let menu: ReturnType<Page['locator']> | null = null;
  if (links.some((l) => !l.shown)) {
    const toggles = page.locator('header').locator('button[aria-controls], button[aria-expanded]');
    const count = await toggles.count();
    for (let i = 0; i < count && !menu; i++) if (await toggles.nth(i).isVisible()) menu = toggles.nth(i);
    if (!menu) {
      problems.push(
        `${at}: navigation not reachable: ${links
          .filter((l) => !l.shown)
          .map((l) => `“${l.name}”`)
          .join(', ')} not shown, and no menu button (aria-controls/aria-expanded) in the header`,
      );
    } else {
      await menu.tap();
      await page.waitForTimeout(150);
      if ((await menu.getAttribute('aria-expanded')) !== 'true')
        problems.push(`${at}: the menu button does not say it is open (aria-expanded="true") after a tap`);
      links = await page.evaluate(navLinks, nav);
    }
  }
  for (const l of links) {
    if (!l.shown) {
      problems.push(
        `${at}: nav link “${l.name}” (${l.path}) not shown${menu ? ' after opening the menu' : ''} (${l.found} found hidden)`,
      );
      continue;
    }
    if (l.width < TOUCH || l.height < TOUCH)
      problems.push(`${at}: nav link “${l.name}” is ${l.width}×${l.height} px, under ${TOUCH}×${TOUCH}`);
    if (l.lines > 1) problems.push(`${at}: nav link “${l.name}” wraps onto ${l.lines} lines`);
  }
  // 4. The header's controls (with the menu open, if there is one) are touch targets.
  for (const c of await page.evaluate(headerControls))
    if (c.width < TOUCH || c.height < TOUCH)
      problems.push(`${at}: header control ${c.name} is ${c.width}×${c.height} px, under ${TOUCH}×${TOUCH}`);
  if (menu) {
    // The open menu fits the screen too, its text whole.
    const opened = await page.evaluate(inspectLayout, { vw: pass.width, touch: TOUCH });
    const seen = new Set([...layout.clipped, ...layout.beyond].map(fmt));
    for (const b of opened.clipped.filter((b) => !seen.has(fmt(b))).slice(0, 6))
      problems.push(`${at} (menu open): text clipped: ${fmt(b)}`);
    for (const b of opened.beyond.filter((b) => !seen.has(fmt(b))).slice(0, 6))
      problems.push(`${at} (menu open): beyond the ${pass.width} px screen: ${fmt(b)}`);
    if (withAxe.menuOpen && pass.axe === 'full') {
      // The open menu in this theme: the header and the panel the button opens.
      const panel = await menu.getAttribute('aria-controls');
      const open = await axeViolations(page, { include: ['header', ...(panel ? [`[id="${panel}"]`] : [])] });
      for (const v of open)
        problems.push(`${at} (menu open): axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.join(', ')}`);
    }
    // The menu closes with Escape and gives focus back to its button.
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
    if ((await menu.getAttribute('aria-expanded')) !== 'false')
      problems.push(
        `${at}: Escape does not close the menu (aria-expanded stays ${await menu.getAttribute('aria-expanded')})`,
      );
    else if (!(await menu.evaluate((b) => b === document.activeElement)))
      problems.push(`${at}: focus does not return to the menu button after Escape`);
  }
  // 5. axe.
  for (const v of await axeViolations(page, pass.axe === 'full' ? {} : { rules: AXE_LAYOUT_RULES }))
    problems.push(`${at}: axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.join(', ')}`);
  return problems;
}

/** Opens a page and waits until its data is on screen (no skeleton, no request in flight). */
async function open(page: Page, path: string, ready?: (page: Page) => Promise<void>) {
  await page.goto(path, { waitUntil: 'networkidle' });
  await page.locator('main h1').first().waitFor({ timeout: 20_000 });
  await page
    .locator('[aria-busy="true"]')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => {});
  if (ready) await ready(page);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(200);
}

describe('the phone checks themselves', () => {
  it('find a page that pans, text cut off and a box beyond the edge, and leave alone what is meant to be so', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.setContent(`<!doctype html><html lang="zh-CN"><head><meta name="viewport" content="width=device-width, initial-scale=1"></head>
        <body style="margin:0;font:16px sans-serif"><main>
          <div id="cut" style="width:100px;overflow:hidden;white-space:nowrap">一段很长的文字被盒子截断了一段很长的文字</div>
          <div id="ellipsis" style="width:100px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis">另一段很长的文字被省略号截断</div>
          <div id="fits" style="width:300px;overflow:hidden">放得下的文字</div>
          <span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap">只给读屏软件读的一段很长很长的文字</span>
          <div style="overflow-x:auto;width:300px"><table><tr><td style="white-space:nowrap">在自己的滚动框里很宽很宽很宽很宽的表格内容</td></tr></table></div>
          <div id="wide" style="width:500px"><span>太宽的盒子</span></div>
          <p>正文里的<a href="#x">链接</a>。</p><button id="small">小</button>
          <nav><a id="crumb" href="#c">总览</a> / <a href="#t" style="display:inline-block;min-width:44px;min-height:44px">目标</a></nav>
        </main></body></html>`);
      const layout = await page.evaluate(inspectLayout, { vw: 390, touch: TOUCH });
      expect(layout.scrollWidth).toBeGreaterThanOrEqual(500);
      expect(layout.clipped.map((b) => b.sel)).toEqual(['div#cut', 'div#ellipsis']);
      expect(layout.clipped[0]).toMatchObject({ width: 100, clientWidth: 100, overflow: 'hidden' });
      expect(layout.clipped[1]?.overflow).toBe('hidden ellipsis');
      // The outermost box beyond the edge only, not the text inside it nor what scrolls in its own box.
      expect(layout.beyond.map((b) => `${b.sel} ${b.left}…${b.right}`)).toEqual(['div#wide 0…500']);
      expect(layout.small).toMatchObject({ total: 3, inline: 1 });
      // A navigation's small link is named; one with a tap area of 44 px is not.
      expect(layout.small.nav.map((b) => b.sel)).toEqual(['a#crumb']);
      // A date in a box that ends just before its last character, split inside (the /review
      // header's bug), and the same line with the date kept whole, moved to the next line instead.
      await page.setContent(
        '<!doctype html><html lang="zh-CN"><body style="margin:0;font:16px sans-serif"><p id="split">会议日期 2025年12月29日 · 上次会议 2025年12月22日</p><p id="whole">会议日期 2025年12月29日 · 上次会议 <span style="white-space:nowrap">2025年12月22日</span></p></body></html>',
      );
      await page.evaluate(() => {
        const text = document.getElementById('split')?.firstChild;
        if (!text) return;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, (text.textContent ?? '').length - 1);
        const width = `${Math.ceil(range.getBoundingClientRect().width) + 2}px`;
        for (const p of document.querySelectorAll('p')) p.style.width = width;
      });
      expect(await page.evaluate(brokenDates)).toEqual(['“2025年12月22日” in p.']);
    } finally {
      await context.close();
    }
  });
});

for (const pass of PASSES) {
  describe(`on a phone, ${pass.name}`, () => {
    let context: BrowserContext;
    let page: Page;
    const errors: string[] = [];
    beforeAll(async () => {
      context = await phoneContext(pass);
      page = await context.newPage();
      page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    });
    afterAll(async () => {
      await context?.close();
    });

    const pages: { label: string; path: () => string }[] = [
      { label: '/', path: () => '/' },
      { label: '/sectors/livelihood', path: () => '/sectors/livelihood' },
      { label: 'target page', path: () => `/targets/${targetId}` },
      { label: '/projects', path: () => '/projects' },
      { label: '/review', path: () => '/review' },
    ];
    for (const p of pages) {
      it(`${p.label}: fits the screen, nothing clipped, navigation reachable, axe clean`, async () => {
        errors.length = 0;
        await open(page, p.path());
        const problems = await checkPage(page, pass, p.label === 'target page' ? `/targets/${targetId}` : p.label, {
          menuOpen: p.label === '/',
        });
        expect(errors, 'errors in the page').toEqual([]);
        expect(problems).toEqual([]);
      });
    }

    it('/report, signed in as a reporter: the same', async () => {
      const [name, ...value] = reporter.cookie.split('=');
      errors.length = 0;
      await context.addCookies([{ name: name ?? '', value: value.join('='), url: srv.url }]);
      try {
        await open(page, '/report', async (p) => {
          // The reporter's targets are listed (not the sign-in page, not a skeleton).
          await p.getByText('抓好460个省市重点项目建设', { exact: true }).first().waitFor();
        });
        expect(new URL(page.url()).pathname).toBe('/report');
        const problems = await checkPage(page, pass, '/report', { menuOpen: false });
        expect(errors, 'errors in the page').toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await context.clearCookies({ name });
      }
    });
  });
}
