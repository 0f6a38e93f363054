import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SummaryResponse } from '../src/domain/api';

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
 * The overview's first paint for the landing page: the server-rendered overview, inert and hidden
 * from assistive technology (the live page replaces it as soon as it runs, src/app/app.tsx), and the
 * summary it was rendered from, which the page starts with instead of fetching it again.
 */
export function overviewShell(renderer: OverviewRenderer, summaryJson: string, now: Date): string {
  const html = renderer.renderOverview(JSON.parse(summaryJson) as SummaryResponse, now);
  return `<div id="ssr" inert aria-hidden="true">${html}</div><script type="application/json" id="ssr-summary">${scriptJson(summaryJson)}</script>`;
}
