import { describe, expect, it } from 'vitest';
import {
  apiPreloadHref,
  entryLoader,
  landingHtml,
  overviewShell,
  parseDisplay,
  preloadLink,
  previewRules,
  screenPreviewable,
  screenShell,
  scriptJson,
  targetPathId,
  targetShell,
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

describe('the overview’s first round trip', () => {
  const index =
    '<html lang="zh-CN"><head><title>t</title>\n    <link rel="stylesheet" crossorigin href="/assets/i.css">\n    <script type="module" crossorigin src="/assets/i.js"></script>\n</head><body><div id="root"></div></body></html>';
  const shell =
    '<div id="ssr" inert aria-hidden="true"><p class="kpi num">1</p></div><script type="application/json" id="ssr-summary">{"asOf":"2025-12-12"}</script>';
  const css =
    '.kpi{display:grid}.dialog{top:0}.kpi .dialog{color:red}body{margin:0}@media (max-width:640px){.kpi{gap:0}.toast{left:0}}';

  it('fetches the summary after the paint instead of inlining it, and inlines only the rules the preview can use', () => {
    const html = landingHtml(index, { head: '', theme: null, shell, nonce: 'n0nce', stylesheet: () => css });
    expect(html).not.toContain('2025-12-12');
    expect(html).toContain(
      '<div id="ssr" inert aria-hidden="true"><p class="kpi num">1</p></div><template id="ssr-end">',
    );
    expect(html).toContain('<style>.kpi{display:grid}body{margin:0}@media (max-width:640px){.kpi{gap:0}}</style>');
    // The loader: the whole stylesheet and the summary, then the entry.
    expect(html).toContain(
      `<script nonce="n0nce">${entryLoader('/assets/i.js', '/api/v1/summary', '/assets/i.css')}</script>`,
    );
    const loader = entryLoader('/assets/i.js', '/api/v1/summary', '/assets/i.css');
    expect(loader).toContain(`fetch("/api/v1/summary")`);
    expect(loader).toContain(`j.id="ssr-summary"`);
    expect(loader).toContain(`c.href="/assets/i.css"`);
    // Without a nonce (no loader) the summary and the whole stylesheet stay inline.
    const plain = landingHtml(index, { head: '', theme: null, shell, stylesheet: () => css });
    expect(plain).toContain('<script type="application/json" id="ssr-summary">{"asOf":"2025-12-12"}</script>');
    expect(plain).toContain(`<style>${css}</style>`);
  });

  it('lays out the overview’s sectors and warnings after the first paint, wider than a tablet and only with the loader', () => {
    const overview =
      '<div id="ssr" inert aria-hidden="true"><div class="overview-body"><div class="overview-body__tiles"><p class="kpi num">1</p></div></div></div>' +
      '<script type="application/json" id="ssr-summary">{}</script>';
    const html = landingHtml(index, { head: '', theme: null, shell: overview, nonce: 'n0nce', stylesheet: () => css });
    const head = html.slice(0, html.indexOf('</head>'));
    // With the preview's inline rules, after them.
    expect(head).toContain(
      '<style>.kpi{display:grid}body{margin:0}@media (max-width:640px){.kpi{gap:0}}@media not all and (max-width: 1100px){.ssr-later #ssr .overview-body__sectors,.ssr-later #ssr .overview-body__warnings{content-visibility:hidden;contain-intrinsic-size:auto 1200px}}</style>',
    );
    // The loader puts the class on <html> as it is parsed and takes it off when it starts the app's
    // entry (after the first paint): without JavaScript there is no class, and the whole preview is painted.
    const loader = entryLoader('/assets/i.js', '/api/v1/summary', '/assets/i.css', 'ssr-summary', true);
    expect(html).toContain(`<script nonce="n0nce">${loader}</script>`);
    expect(loader).toMatch(
      /^\(\(\)=>\{document\.documentElement\.classList\.add\('ssr-later'\);let go=\(\)=>\{go=\(\)=>\{\};document\.documentElement\.classList\.remove\('ssr-later'\);/,
    );
    // Not for another preview, nor without the loader.
    expect(landingHtml(index, { head: '', theme: null, shell, nonce: 'n0nce', stylesheet: () => css })).not.toContain(
      'ssr-later',
    );
    expect(landingHtml(index, { head: '', theme: null, shell: overview, stylesheet: () => css })).not.toContain(
      'ssr-later',
    );
  });

  it('keeps every rule that could match the preview (never requiring what :not() names) and all of an unparsable sheet', () => {
    const preview = '<div class="a b"><span class="c"></span></div>';
    expect(
      previewRules('.a.b{x:1}.a .d{x:2}.d,.c{x:3}.a:not(.d){x:4}:is(.e,.a){x:5}@keyframes k{to{x:6}}', preview),
    ).toBe('.a.b{x:1}.d,.c{x:3}.a:not(.d){x:4}:is(.e,.a){x:5}@keyframes k{to{x:6}}');
    expect(previewRules('.d{x:1}}', preview)).toBe('.d{x:1}}');
  });
});

describe('the wall’s server-rendered first slide', () => {
  it('is rendered only for the summary without filters, in Chinese', () => {
    expect(screenPreviewable('/screen', '')).toBe(true);
    expect(screenPreviewable('/screen', '?rotate=10&fit=width&sectors=demand&lang=zh')).toBe(true);
    for (const q of ['?plan=p', '?district=崂山区', '?asOf=2025-11-28', '?includePending=1', '?lang=en'])
      expect(screenPreviewable('/screen', q), q).toBe(false);
    expect(screenPreviewable('/screens', '')).toBe(false);
  });

  it('wraps the slide as an inert preview with its styles, a fit script for landingHtml’s nonce and its summary', async () => {
    const shell = await screenShell(
      { renderOverview: () => '', renderScreen: async (s, q) => `<main>${s.asOf}${q}</main>`, SCREEN_PAGE_CSS: '.s{}' },
      '{"asOf":"2025-12-12"}',
      '?fit=width',
      new Date(),
    );
    expect(shell).toMatch(
      /^<div id="ssr-screen" inert aria-hidden="true"><style>\.s\{\}<\/style><main>2025-12-12\?fit=width<\/main><\/div>/,
    );
    expect(shell).toContain('<script type="application/json" id="ssr-screen-summary">{"asOf":"2025-12-12"}</script>');
    const index = '<html lang="zh-CN"><head></head><body><div id="root"></div></body></html>';
    const html = landingHtml(index, { head: '', theme: null, shell, nonce: 'n0nce' });
    expect(html).toContain('<script nonce="n0nce">(()=>{const s=document.querySelector(\'#ssr-screen .screen-stage\')');
    expect(html).not.toContain('data-preview-script');
    expect(await screenShell({ renderOverview: () => '' }, '{}', '', new Date())).toBeNull();
  });
});

describe('a target page’s server-rendered first paint', () => {
  it('is found by the page’s path alone, its id decoded', () => {
    expect(targetPathId('/targets/qd-key-projects')).toBe('qd-key-projects');
    expect(targetPathId('/targets/%E7%9B%AE%E6%A0%87')).toBe('目标');
    for (const p of ['/targets', '/targets/', '/targets/a/b', '/targets/%E0%A4%A', '/sectors/demand'])
      expect(targetPathId(p), p).toBeNull();
  });

  it('wraps the page as an inert preview with its styles, hiding the live root until the page replaces it, beside its answer', async () => {
    const answer = JSON.stringify({ asOf: '2025-12-12', item: { title: '</script><!--' } });
    const shell = await targetShell(
      {
        renderOverview: () => '',
        renderTarget: async (d) => `<main>${d.asOf}</main>`,
        TARGET_PAGE_CSS: '.t{}',
      },
      answer,
      new Date(),
    );
    expect(shell).toMatch(
      /^<div id="ssr-target-page" inert aria-hidden="true"><style>\.t\{\}#ssr-target-page~#root\{display:none\}<\/style><main>2025-12-12<\/main><\/div>/,
    );
    const data = /<script type="application\/json" id="ssr-target">(.*)<\/script>$/.exec(shell ?? '')?.[1] ?? '';
    expect(data).not.toMatch(/<\/script|<!--/i);
    expect(JSON.parse(data)).toEqual(JSON.parse(answer));
    // A build without the target renderer: no preview.
    expect(await targetShell({ renderOverview: () => '' }, answer, new Date())).toBeNull();
  });
});
