import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SummaryResponse } from '../../src/domain/api';
import type { TargetDetailResponse } from '../../src/domain/target-api';

/** What dist-ssr/entry-server.js exports (src/entry-server.tsx). */
export interface OverviewRenderer {
  renderOverview(summary: SummaryResponse, now: Date): string;
  /** A target page from its API answer (absent from a build older than it). */
  renderTarget?(detail: TargetDetailResponse, now: Date): Promise<string>;
  /** The target page chunk's stylesheets, as text, for its preview. */
  TARGET_PAGE_CSS?: string;
  /** The wall's first slide for its URL's settings (absent from a build older than it). */
  renderScreen?(summary: SummaryResponse, search: string, now: Date): Promise<string>;
  /** The wall's stylesheets, as text, for its preview. */
  SCREEN_PAGE_CSS?: string;
}

/** The built renderer, or null when there is none (API-only tests, `npm run dev`) or it fails to load. */
export async function loadRenderer(dir: string | undefined): Promise<OverviewRenderer | null> {
  const file = dir ? path.join(dir, 'entry-server.js') : null;
  if (!file || !existsSync(file)) return null;
  try {
    const mod = (await import(pathToFileURL(file).href)) as Partial<OverviewRenderer>;
    return typeof mod.renderOverview === 'function' ? (mod as OverviewRenderer) : null;
  } catch (e) {
    console.error('服务端渲染模块无法加载，总览将只在浏览器中渲染 (SSR renderer failed to load):', e);
    return null;
  }
}

/** JSON inside <script type="application/json">: nothing in it may close the element or open a comment. */
export const scriptJson = (json: string): string =>
  json
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * How the page is shown, as the browser last told the server (the `tb-ui` cookie, set by the app:
 * src/app/providers.tsx): `<locale>.<theme>`. The server-rendered preview is Chinese, so it is only
 * sent to people who read Chinese; the theme goes on <html> so nothing flashes light for a dark page.
 */
export const DISPLAY_COOKIE = 'tb-ui';

export interface Display {
  locale: 'zh-CN' | 'en' | null;
  theme: 'light' | 'dark' | null;
}

export function parseDisplay(cookie: string | undefined): Display {
  const m = /^(zh-CN|en)\.(light|dark)$/.exec(cookie ?? '');
  return m ? { locale: m[1] as Display['locale'], theme: m[2] as Display['theme'] } : { locale: null, theme: null };
}

/**
 * The SPA shell for one request: the per-request head hints, the theme on <html>, and (landing page)
 * the server-rendered preview before #root. Function replacements: the preview holds catalog text,
 * in which `$&` or `$'` must stay text rather than act as replacement patterns.
 */
export function landingHtml(
  index: string,
  parts: {
    head: string;
    theme: Display['theme'];
    shell: string | null;
    /** The text of a stylesheet of the build by its href, to inline with the preview (null: keep the link). */
    stylesheet?: (href: string) => string | null;
    /** This response's CSP script nonce: with it, the app's entry is fetched only after the preview's paint. */
    nonce?: string | undefined;
  },
): string {
  let html = index.replace('</head>', () => `${parts.head}</head>`);
  if (parts.theme) html = html.replace('<html lang="zh-CN">', () => `<html lang="zh-CN" data-theme="${parts.theme}">`);
  if (!parts.shell) return html;
  const shell = parts.shell;
  // With the overview already in the HTML, the app's code is not preloaded (compiling it first held
  // the first paint back) and its entry is fetched at low priority: at the default (high) priority
  // the browser, and Lighthouse's model of it, wait for it before painting the preview (simulated
  // FCP 285 -> ~210 ms). The entry itself starts the app only after that paint (src/main.tsx).
  // The preview's stylesheet comes inline (4 KB gzipped): the first paint then waits for the HTML
  // alone, as the bench's static reference page does, not for one more request.
  // The overview loaded by the loader below (it fetches its summary) gets only the rules that can
  // apply to the preview inline; the loader adds the whole stylesheet before the app starts.
  const summaryId = parts.nonce !== undefined && ENTRY_SCRIPT.test(html) ? SUMMARY_SCRIPT.exec(shell)?.[1] : undefined;
  const deferSummary = summaryId !== undefined;
  const later = deferSummary && shell.includes('<div class="overview-body">');
  let fullSheet: string | undefined;
  const inline = (link: string, href: string) => {
    const css = parts.stylesheet?.(href);
    if (css == null || css.includes('</')) return link;
    if (!deferSummary) return `<style>${css}</style>`;
    fullSheet = href;
    return `<style>${previewRules(css, shell)}${later ? OVERVIEW_LATER : ''}</style>`;
  };
  // With a nonce the entry is not even requested until the preview is painted (a small inline
  // loader adds it then): Lighthouse's model of the page counts every request that finished before
  // the largest paint as holding it back, the low-priority entry included (simulated LCP ~300 ms
  // against ~210 ms for the same HTML without it), while a real browser paints first either way.
  // The overview's summary (~5.5 KB of the ~19 KB gzipped page) is not sent inline when the loader
  // can fetch it after the paint: the HTML then fits the first round trip of a new connection (14.6
  // KB, Lighthouse's model of TCP slow start: one round trip less before the paint, overview LCP
  // 1.29 -> ~1.1 × the bench's static page). The loader puts the answer where the app looks for it
  // (#ssr-summary, src/boot.tsx) before the app starts, so the live page still does not ask again.
  // The overview's sectors and warnings (below its headline figures, wider than a tablet) are laid
  // out just after the first paint, not for it (OVERVIEW_LATER, with the inline rules); the loader
  // shows them.
  const entry = (tag: string, src: string) =>
    parts.nonce && /^\/assets\/[\w.-]+\.js$/.test(src)
      ? `<script nonce="${parts.nonce}">${entryLoader(src, deferSummary ? SUMMARY_HREF : undefined, fullSheet, summaryId, later && fullSheet !== undefined)}</script>`
      : tag.replace('<script type="module"', '<script type="module" fetchpriority="low"');
  return html
    .replace(/<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/, inline)
    .replace(/^\s*<link rel="modulepreload"[^>]*>\n/gm, '')
    .replace(/<script type="module"(?![^>]*fetchpriority)[^>]*src="([^"]+)"[^>]*><\/script>/, entry)
    .replace('</head>', () => `${RENDER_WHOLE_PREVIEW}</head>`)
    .replace(
      '<div id="root"></div>',
      () => `${deferSummary ? shell.replace(SUMMARY_SCRIPT, '') : shell}${PREVIEW_END}<div id="root"></div>`,
    )
    .replace(PREVIEW_SCRIPT, () => (parts.nonce ? `<script nonce="${parts.nonce}">` : '<script type="text/plain">'));
}

/**
 * The preview is painted whole, never a part of it: the browser holds rendering until it has parsed
 * the preview's end (`<link rel="expect" blocking="render">`, Chromium 124+; others ignore it and
 * paint as before). The preview is ~100 KB of HTML whose reading order (warnings, sectors, then the
 * headline figures) is not its wide-screen order (the figures on top): a paint of half of it, then
 * the rest, moved what was on screen (layout shift 0.16–0.7 in one load of three at 1350 px).
 */
const PREVIEW_END_ID = 'ssr-end';
const RENDER_WHOLE_PREVIEW = `<link rel="expect" href="#${PREVIEW_END_ID}" blocking="render">`;
const PREVIEW_END = `<template id="${PREVIEW_END_ID}"></template>`;
/**
 * The class the loader puts on <html> while the overview's first paint is on its way (and takes off
 * as soon as that paint is reported, or after a second): wider than a tablet (overview.css: the
 * headline figures on top, then the sectors beside the warnings), the sectors and the warnings are
 * not laid out for the first paint but for the next frame. They are ~600 of the preview’s ~940
 * elements: the first paint, and the largest (a headline tile), no longer wait for their layout
 * (side by side in one run, medians of 5: Lighthouse's overview LCP ÷ the static page's 1.28 -> 1.23
 * on a quiet machine, 1.70 -> 1.52 on a busy one, where layout is slower).
 * Until then their boxes keep a screen's height, so the footer below them stays below the screen
 * and nothing on it moves when they come (the same layout shifts as before at 1350 × 940, 1366 ×
 * 768 and 1920 × 1080). With JavaScript off there is no class: the whole preview is painted at
 * once, as before. Narrower, the sectors and warnings are on the first screen (or above the
 * figures) and are painted with it.
 */
const LATER_CLASS = 'ssr-later';
const OVERVIEW_LATER = `@media not all and (max-width: 1100px){.${LATER_CLASS} #ssr .overview-body__sectors,.${LATER_CLASS} #ssr .overview-body__warnings{content-visibility:hidden;contain-intrinsic-size:auto 1200px}}`;
/** The summary inline with the overview's or the wall's preview, and where the loader fetches it instead. */
const SUMMARY_SCRIPT = /<script type="application\/json" id="(ssr-summary|ssr-screen-summary)">[^<]*<\/script>/;
const SUMMARY_HREF = '/api/v1/summary';
/** The app's entry as index.html has it (the loader replaces it when there is a nonce). */
const ENTRY_SCRIPT = /<script type="module"(?![^>]*fetchpriority)[^>]*src="\/assets\/[\w.-]+\.js"[^>]*><\/script>/;

/** The top-level blocks of a stylesheet, `[prelude, body]`; null when its braces do not balance. */
function cssBlocks(css: string): Array<[string, string]> | null {
  const out: Array<[string, string]> = [];
  let depth = 0;
  let start = 0;
  let open = 0;
  for (let i = 0; i < css.length; i++) {
    const ch = css[i];
    if (ch === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (ch === '}') {
      depth--;
      if (depth < 0) return null;
      if (depth === 0) {
        out.push([css.slice(start, open).trim(), css.slice(open + 1, i)]);
        start = i + 1;
      }
    }
  }
  return depth === 0 && css.slice(start).trim() === '' ? out : null;
}

/**
 * Whether a rule's selector list can match anything in a document whose class names are `classes`:
 * some selector none of whose classes is missing (the arguments of :not(), :is(), :where() and
 * :has() are not required). A superset of what matches: no rule that applies is left out.
 */
function mayMatch(selectors: string, classes: Set<string>): boolean {
  return selectors.split(',').some((selector) => {
    let s = selector;
    for (let prev = ''; prev !== s; ) {
      prev = s;
      s = s.replace(/\([^()]*\)/g, '');
    }
    return [...s.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].every((m) => classes.has(m[1] as string));
  });
}

function keptRules(css: string, classes: Set<string>): string | null {
  const blocks = cssBlocks(css);
  if (!blocks) return null;
  let out = '';
  for (const [prelude, body] of blocks) {
    if (/^@(media|supports|layer|container)\b/.test(prelude)) {
      const inner = keptRules(body, classes);
      if (inner === null) return null;
      if (inner) out += `${prelude}{${inner}}`;
    } else if (prelude.startsWith('@') || mayMatch(prelude, classes)) out += `${prelude}{${body}}`;
  }
  return out;
}

let previewRulesMemo: { css: string; shell: string; rules: string } | null = null;

/**
 * The rules of the app's stylesheet that can apply to a preview: those whose selectors name only
 * class names the preview has (and every rule that names none). The whole stylesheet follows once
 * the preview is painted (the loader), so the live page and every later page have all of it: the
 * rules kept here come again, in the same order, after them, and the cascade is the full sheet's.
 * The overview's stylesheet goes from 5.9 to ~4.7 KB gzipped; with the summary fetched instead of
 * inlined, the page fits one round trip (see landingHtml). Unchanged when it cannot be parsed.
 */
export function previewRules(css: string, shell: string): string {
  if (previewRulesMemo?.css === css && previewRulesMemo.shell === shell) return previewRulesMemo.rules;
  const classes = new Set<string>();
  for (const m of shell.matchAll(/\bclass="([^"]*)"/g))
    for (const c of (m[1] as string).split(/\s+/)) if (c) classes.add(c);
  const rules = keptRules(css, classes) ?? css;
  previewRulesMemo = { css, shell, rules };
  return rules;
}

/**
 * The inline script that adds the app's entry once the browser reports the first contentful paint
 * (or after a second, in a tab that paints nothing), as the markup would have: a module script.
 */
export function entryLoader(
  src: string,
  summary?: string,
  stylesheet?: string,
  summaryId = 'ssr-summary',
  later = false,
): string {
  const add = `const s=document.createElement('script');s.type='module';s.crossOrigin='';s.src=${JSON.stringify(src)};document.head.append(s)`;
  // With the summary to fetch (and the whole stylesheet to add): the entry downloads meanwhile
  // (modulepreload) and runs once the answer is in the page (or did not come: the app then asks for
  // it itself) and the stylesheet has loaded (or failed).
  const sheet = stylesheet
    ? `new Promise((ok)=>{const c=document.createElement('link');c.rel='stylesheet';c.href=${JSON.stringify(stylesheet)};c.onload=c.onerror=ok;document.head.append(c)})`
    : 'null';
  const start = summary
    ? `const l=document.createElement('link');l.rel='modulepreload';l.href=${JSON.stringify(src)};document.head.append(l);Promise.all([${sheet},fetch(${JSON.stringify(summary)}).then((r)=>r.ok?r.text():null).then((t)=>{if(!t)return;const j=document.createElement('script');j.type='application/json';j.id=${JSON.stringify(summaryId)};j.textContent=t;document.body.append(j)}).catch(()=>{})]).finally(()=>{${add}})`
    : add;
  // `later`: the overview's sectors and warnings wait for the first paint (OVERVIEW_LATER).
  const [hold, show] = later
    ? [
        `document.documentElement.classList.add('${LATER_CLASS}');`,
        `document.documentElement.classList.remove('${LATER_CLASS}');`,
      ]
    : ['', ''];
  return `(()=>{${hold}let go=()=>{go=()=>{};${show}${start}};setTimeout(()=>go(),1000);try{new PerformanceObserver((l)=>{if(l.getEntries().some((e)=>e.name==='first-contentful-paint'))setTimeout(()=>go(),0)}).observe({type:'paint',buffered:true})}catch{requestAnimationFrame(()=>setTimeout(()=>go(),0))}})()`;
}

/**
 * The API request a page makes first, to preload with its HTML so the server computes the answer
 * while the browser fetches and starts the JavaScript (on a target page the request otherwise
 * starts only once the route's code has run: ~900 ms after the HTML in Lighthouse's run). The URL
 * is built as the client builds it (src/api/client.ts: apiUrl) so the browser can match the two.
 */
export function apiPreloadHref(pathname: string, search: string): string | null {
  if (pathname === '/' && search === '') return '/api/v1/summary';
  const target = /^\/targets\/([^/]+)$/.exec(pathname);
  if (!target?.[1]) return null;
  let id: string;
  try {
    id = decodeURIComponent(target[1]);
  } catch {
    return null;
  }
  const url = new URL(`/api/v1/targets/${encodeURIComponent(id)}`, 'http://localhost');
  const params = new URLSearchParams(search);
  const asOf = params.get('asOf');
  if (asOf) url.searchParams.set('asOf', asOf);
  // The 含待审核 switch, as the page asks for it (src/api/client.ts writes it as 1).
  const pending = params.get('includePending');
  if (pending === '1' || pending === 'true') url.searchParams.set('includePending', '1');
  return url.pathname + url.search;
}

export const preloadLink = (href: string): string =>
  `<link rel="preload" href="${href.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}" as="fetch" crossorigin="anonymous">`;

/**
 * The overview's first paint for the landing page: the server-rendered overview, inert and hidden
 * from assistive technology (the live page replaces it as soon as it runs, src/app/app.tsx), and the
 * summary it was rendered from, which the page starts with instead of fetching it again.
 */
export function overviewShell(renderer: OverviewRenderer, summaryJson: string, now: Date): string {
  // Without what only hydration would read (the preview is replaced, never hydrated): React's text
  // separators and the router's link-discovery marks, ~130 bytes gzipped of the first round trip.
  const html = renderer
    .renderOverview(JSON.parse(summaryJson) as SummaryResponse, now)
    .replaceAll('<!-- -->', '')
    .replaceAll(' data-discover="true"', '');
  return `<div id="ssr" inert aria-hidden="true">${html}</div><script type="application/json" id="ssr-summary">${scriptJson(summaryJson)}</script>`;
}

/** The target id of a target page's path (/targets/:id), decoded; null for any other path. */
export function targetPathId(pathname: string): string | null {
  const m = /^\/targets\/([^/]+)$/.exec(pathname);
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}

/** The id of a target page's preview and of its inline answer (src/features/target/inline-target.ts). */
const TARGET_PREVIEW_ID = 'ssr-target-page';
const TARGET_DATA_ID = 'ssr-target';

/**
 * A target page's first paint (its plain address): the server-rendered page, inert and hidden from
 * assistive technology, with its stylesheets (those of the page's lazy chunk, inline: the paint
 * waits for no request) and the API answer it was rendered from, which the page starts with
 * (inline-target.ts). Unlike the overview's, the live page's code is a lazy chunk: the app's first
 * render is a placeholder, so the live root stays hidden until the target page itself has rendered
 * and removed the preview (usePreviewHandOver). Null when the build has no target renderer.
 */
export async function targetShell(renderer: OverviewRenderer, detailJson: string, now: Date): Promise<string | null> {
  if (typeof renderer.renderTarget !== 'function') return null;
  const html = await renderer.renderTarget(JSON.parse(detailJson) as TargetDetailResponse, now);
  const css = renderer.TARGET_PAGE_CSS ?? '';
  const style = css.includes('</') ? '' : css;
  return `<div id="${TARGET_PREVIEW_ID}" inert aria-hidden="true"><style>${style}#${TARGET_PREVIEW_ID}~#root{display:none}</style>${html}</div><script type="application/json" id="${TARGET_DATA_ID}">${scriptJson(detailJson)}</script>`;
}

/** An inline script of a preview, given this response's nonce by landingHtml. */
const PREVIEW_SCRIPT = '<script data-preview-script>';
const SCREEN_PREVIEW_ID = 'ssr-screen';
const SCREEN_DATA_ID = 'ssr-screen-summary';

/**
 * Scales the wall's preview to the window as its canvas does (src/features/screen/fit.ts:
 * computeFit), before the first paint: the canvas is rendered hidden until it is measured.
 */
const SCREEN_FIT_SCRIPT = `(()=>{const s=document.querySelector('#${SCREEN_PREVIEW_ID} .screen-stage');const c=s&&s.firstElementChild;if(!c)return;const w=s.clientWidth,h=s.clientHeight;if(!w||!h)return;const W=1920,H=1080,m=s.getAttribute('data-fit'),x=w/W,y=h/H;let a=x,b=y,l=0,t=0;if(m!=='stretch'){a=b=m==='width'?x:Math.min(x,y);l=(w-W*a)/2;t=(h-H*a)/2}c.style.transform='translate('+l+'px, '+t+'px) scale('+a+', '+b+')';c.style.visibility='visible'})()`;

/**
 * Whether `/screen` with this query gets a server-rendered first slide: only for the summary without
 * filters (plan, district, as-of and 含待审核 change the data) and in Chinese; the other settings
 * (rotation, fit, sectors, …) are the page's own, rendered from the same URL.
 */
export function screenPreviewable(pathname: string, search: string): boolean {
  if (pathname !== '/screen') return false;
  const params = new URLSearchParams(search);
  if (['plan', 'district', 'asOf', 'includePending'].some((k) => params.has(k))) return false;
  const lang = params.get('lang')?.toLowerCase();
  return lang === undefined || lang === 'zh' || lang === 'zh-cn';
}

/**
 * The wall's first paint: its first slide rendered on the server (src/entry-server.tsx:
 * renderScreen), inert and hidden from assistive technology, with its stylesheets inline, scaled to
 * the window by a small inline script, and the summary it was drawn from, which the wall starts with
 * (src/features/screen/screen-preview.ts). The live wall renders under it and removes it once it
 * shows the same slide. Null when the build has no screen renderer.
 */
export async function screenShell(
  renderer: OverviewRenderer,
  summaryJson: string,
  search: string,
  now: Date,
): Promise<string | null> {
  if (typeof renderer.renderScreen !== 'function') return null;
  const html = await renderer.renderScreen(JSON.parse(summaryJson) as SummaryResponse, search, now);
  const css = renderer.SCREEN_PAGE_CSS ?? '';
  const style = css.includes('</') ? '' : css;
  return `<div id="${SCREEN_PREVIEW_ID}" inert aria-hidden="true"><style>${style}</style>${html}</div>${PREVIEW_SCRIPT}${SCREEN_FIT_SCRIPT}</script><script type="application/json" id="${SCREEN_DATA_ID}">${scriptJson(summaryJson)}</script>`;
}
