import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SummaryResponse } from '../../src/domain/api';

/** What dist-ssr/entry-server.js exports (src/entry-server.tsx). */
export interface OverviewRenderer {
  renderOverview(summary: SummaryResponse, now: Date): string;
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
  const inline = (link: string, href: string) => {
    const css = parts.stylesheet?.(href);
    return css == null || css.includes('</') ? link : `<style>${css}</style>`;
  };
  // With a nonce the entry is not even requested until the preview is painted (a small inline
  // loader adds it then): Lighthouse's model of the page counts every request that finished before
  // the largest paint as holding it back, the low-priority entry included (simulated LCP ~300 ms
  // against ~210 ms for the same HTML without it), while a real browser paints first either way.
  const entry = (tag: string, src: string) =>
    parts.nonce && /^\/assets\/[\w.-]+\.js$/.test(src)
      ? `<script nonce="${parts.nonce}">${entryLoader(src)}</script>`
      : tag.replace('<script type="module"', '<script type="module" fetchpriority="low"');
  return html
    .replace(/<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/, inline)
    .replace(/^\s*<link rel="modulepreload"[^>]*>\n/gm, '')
    .replace(/<script type="module"(?![^>]*fetchpriority)[^>]*src="([^"]+)"[^>]*><\/script>/, entry)
    .replace('</head>', () => `${RENDER_WHOLE_PREVIEW}</head>`)
    .replace('<div id="root"></div>', () => `${shell}${PREVIEW_END}<div id="root"></div>`);
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
 * The inline script that adds the app's entry once the browser reports the first contentful paint
 * (or after a second, in a tab that paints nothing), as the markup would have: a module script.
 */
export function entryLoader(src: string): string {
  return `(()=>{let go=()=>{go=()=>{};const s=document.createElement('script');s.type='module';s.crossOrigin='';s.src=${JSON.stringify(src)};document.head.append(s)};setTimeout(()=>go(),1000);try{new PerformanceObserver((l)=>{if(l.getEntries().some((e)=>e.name==='first-contentful-paint'))setTimeout(()=>go(),0)}).observe({type:'paint',buffered:true})}catch{requestAnimationFrame(()=>setTimeout(()=>go(),0))}})()`;
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
  const html = renderer.renderOverview(JSON.parse(summaryJson) as SummaryResponse, now);
  return `<div id="ssr" inert aria-hidden="true">${html}</div><script type="application/json" id="ssr-summary">${scriptJson(summaryJson)}</script>`;
}
