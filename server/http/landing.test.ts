import { describe, expect, it } from 'vitest';
import {
  apiPreloadHref,
  entryLoader,
  landingHtml,
  overviewShell,
  parseDisplay,
  preloadLink,
  scriptJson,
} from './landing';

describe('server-rendered landing page', () => {
  it('inlines the summary as JSON that cannot close its script element', () => {
    const hostile = JSON.stringify({ title: '</script><script>alert(1)</script><!--', sep: '\u2028\u2029' });
    const inlined = scriptJson(hostile);
    expect(inlined).not.toMatch(/<\/script|<!--/i);
    expect(inlined).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(inlined)).toEqual(JSON.parse(hostile));
  });

  it('wraps the rendered overview as an inert preview beside the summary it came from', () => {
    const shell = overviewShell(
      { renderOverview: (s) => `<main>${s.asOf}</main>` },
      '{"asOf":"2025-12-12"}',
      new Date(),
    );
    expect(shell).toBe(
      '<div id="ssr" inert aria-hidden="true"><main>2025-12-12</main></div>' +
        '<script type="application/json" id="ssr-summary">{"asOf":"2025-12-12"}</script>',
    );
  });
});

describe('the SPA shell of one request', () => {
  const index =
    '<html lang="zh-CN"><head><title>t</title>\n    <script type="module" crossorigin src="/assets/i.js"></script>\n    <link rel="modulepreload" href="/assets/a.js">\n</head><body><div id="root"></div></body></html>';

  it("keeps catalog text with replacement patterns ($&, $`, $') as text", () => {
    const shell = '<div id="ssr">R$&D 投入 $` $\' $$</div>';
    const html = landingHtml(index, { head: '<meta name="x">', theme: null, shell });
    expect(html.match(/<div id="root">/g)).toHaveLength(1);
    expect(html).toContain(
      '<div id="ssr">R$&D 投入 $` $\' $$</div><template id="ssr-end"></template><div id="root"></div>',
    );
    expect(html.indexOf('<div id="ssr">')).toBeLessThan(html.indexOf('<div id="root">'));
  });

  it('drops the app preloads and lowers the entry’s priority only when the preview is there, and puts the reader’s theme on <html>', () => {
    const withPreview = landingHtml(index, { head: '', theme: 'dark', shell: '<div id="ssr"></div>' });
    expect(withPreview).not.toContain('modulepreload');
    expect(withPreview).toContain('<script type="module" fetchpriority="low" crossorigin src="/assets/i.js"></script>');
    expect(withPreview).toContain('<html lang="zh-CN" data-theme="dark">');
    const without = landingHtml(index, { head: '', theme: null, shell: null });
    expect(without).toContain('modulepreload');
    expect(without).not.toContain('fetchpriority');
    expect(without).toContain('<html lang="zh-CN">');
  });

  it('holds the first paint until the whole preview is parsed, only when there is one', () => {
    const withPreview = landingHtml(index, { head: '', theme: null, shell: '<div id="ssr"></div>' });
    const head = withPreview.slice(0, withPreview.indexOf('</head>'));
    expect(head).toContain('<link rel="expect" href="#ssr-end" blocking="render">');
    // The element it waits for comes right after the preview, before the app's root.
    expect(withPreview).toMatch(/<div id="ssr"><\/div><template id="ssr-end"><\/template><div id="root">/);
    const without = landingHtml(index, { head: '', theme: null, shell: null });
    expect(without).not.toContain('blocking="render"');
    expect(without).not.toContain('ssr-end');
  });

  it('inlines the stylesheet with the preview only, and never a stylesheet that could close its <style>', () => {
    const styled = index.replace('</head>', '<link rel="stylesheet" crossorigin href="/assets/i.css">\n</head>');
    const css = (href: string) => (href === '/assets/i.css' ? '.kpi{display:grid}' : null);
    const withPreview = landingHtml(styled, { head: '', theme: null, shell: '<div id="ssr"></div>', stylesheet: css });
    expect(withPreview).toContain('<style>.kpi{display:grid}</style>');
    expect(withPreview).not.toContain('rel="stylesheet"');
    const without = landingHtml(styled, { head: '', theme: null, shell: null, stylesheet: css });
    expect(without).toContain('<link rel="stylesheet" crossorigin href="/assets/i.css">');
    const hostile = landingHtml(styled, {
      head: '',
      theme: null,
      shell: '<div id="ssr"></div>',
      stylesheet: () => 'a{}</style><script>alert(1)</script>',
    });
    expect(hostile).toContain('<link rel="stylesheet" crossorigin href="/assets/i.css">');
    expect(hostile).not.toContain('alert(1)');
  });

  it('with a nonce, adds the app’s entry only from an inline loader of that nonce, and only with the preview', () => {
    const withPreview = landingHtml(index, { head: '', theme: null, shell: '<div id="ssr"></div>', nonce: 'n0nce' });
    expect(withPreview).not.toContain('<script type="module"');
    expect(withPreview).toContain(`<script nonce="n0nce">${entryLoader('/assets/i.js')}</script>`);
    expect(entryLoader('/assets/i.js')).toContain(`s.src="/assets/i.js"`);
    const without = landingHtml(index, { head: '', theme: null, shell: null, nonce: 'n0nce' });
    expect(without).toContain('<script type="module" crossorigin src="/assets/i.js"></script>');
    expect(without).not.toContain('nonce=');
  });

  it('preloads the first API request of the landing page and of a target page, built as the client builds it', () => {
    expect(apiPreloadHref('/', '')).toBe('/api/v1/summary');
    expect(apiPreloadHref('/', '?district=崂山区')).toBeNull();
    expect(apiPreloadHref('/targets/qd-key-projects', '')).toBe('/api/v1/targets/qd-key-projects');
    expect(apiPreloadHref('/targets/qd-key-projects', '?asOf=2025-11-28&x=1')).toBe(
      '/api/v1/targets/qd-key-projects?asOf=2025-11-28',
    );
    expect(apiPreloadHref('/targets/qd-key-projects', '?includePending=1&asOf=2025-11-28')).toBe(
      '/api/v1/targets/qd-key-projects?asOf=2025-11-28&includePending=1',
    );
    expect(apiPreloadHref('/targets/%E5%9B%BE', '')).toBe('/api/v1/targets/%E5%9B%BE');
    expect(apiPreloadHref('/targets/%E0%A4%A', '')).toBeNull();
    expect(apiPreloadHref('/targets/a/b', '')).toBeNull();
    expect(apiPreloadHref('/projects', '')).toBeNull();
    // A hostile as-of value stays inside the attribute.
    const link = preloadLink(apiPreloadHref('/targets/t', '?asOf=%22%3E%3Cscript%3E') ?? '');
    expect(link).toBe(
      '<link rel="preload" href="/api/v1/targets/t?asOf=%22%3E%3Cscript%3E" as="fetch" crossorigin="anonymous">',
    );
  });

  it('reads the display cookie, and nothing else from it', () => {
    expect(parseDisplay('en.dark')).toEqual({ locale: 'en', theme: 'dark' });
    expect(parseDisplay('zh-CN.light')).toEqual({ locale: 'zh-CN', theme: 'light' });
    expect(parseDisplay('en.dark" onload="x')).toEqual({ locale: null, theme: null });
    expect(parseDisplay(undefined)).toEqual({ locale: null, theme: null });
  });
});
