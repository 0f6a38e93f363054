import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import { shanghaiDate } from '../src/domain/dates';
import { isDomainError } from '../src/domain/errors';
import { genericMeta } from '../src/domain/page-meta';
import {
  detailQuerySchema,
  notFound,
  parseQuery,
  projectsQuerySchema,
  type SummaryQuery,
  summaryQuerySchema,
  targetsQuerySchema,
} from '../src/domain/query';
import { viewOf } from '../src/domain/reports';
import { isStorableText, UNSTORABLE_TEXT } from '../src/domain/schemas';
import { SECTORS } from '../src/domain/sectors';
import { buildTargetDetail, type Cut, DETAIL_PROJECT_LIMIT, listTargets } from '../src/domain/views';
import { compressResponses } from './http/compress';
import {
  apiPreloadHref,
  DISPLAY_COOKIE,
  landingHtml,
  loadRenderer,
  type OverviewRenderer,
  overviewShell,
  parseDisplay,
  preloadLink,
  screenPreviewable,
  screenShell,
  targetPathId,
  targetShell,
} from './http/landing';
import { openApiJson } from './http/openapi';
import { type MetaSources, metaTags, pageRoute, pageUrl, resolvePageMeta, withMetaTags } from './http/page-meta';
import { ProblemAnswer, problem } from './http/problem';
import { ResponseCache } from './http/read-cache';
import { publicOrigin } from './http/session';
import { readProjectFacets } from './repositories/project-facets';
import { resolveSession, SESSION_COOKIE } from './repositories/sessions';
import type { Store } from './repositories/store';
import { installDepartmentRoutes } from './routes/departments';
import { installReviewRoutes } from './routes/review';
import { type AccountsOptions, accountsOptions, installWriteApi } from './routes/write-api';
import { checkFilters } from './services/filter-check';
import { COLUMNS_LIMIT, HISTORY_LIMIT, StateMemo } from './services/state-memo';
import { withWarningProblems } from './services/warning-problems';

export interface AppOptions {
  store: Store;
  /** The clock, injected so tests can fix time. */
  now?: () => Date;
  /** Built SPA (vite build output); omitted in API-only tests and in dev (Vite serves it). */
  staticDir?: string | undefined;
  /** The built server-side render of the overview (dist-ssr); without it the browser renders alone. */
  ssrDir?: string | undefined;
  /** Who may embed the app in a frame (command-centre portals); CSP frame-ancestors. */
  frameAncestors?: string[];
  /** Sign-in, roles, write endpoints (issue 7): read access, upload limits, proxy trust. */
  accounts?: Partial<AccountsOptions>;
  /** The per-target state memo (server/services/state-memo.ts); tests pass their own to watch it. */
  memo?: StateMemo;
  /** Called when the memo starts holding a province's reports in memory (MemoOptions.onColumns). */
  onColumns?: ((reports: number) => void) | undefined;
  /** PUBLIC_URL: the address people open the board at, for the pages' og:url in link previews. */
  publicUrl?: string | null | undefined;
}

/** The landing page's summary (no filters), and its key in the response cache. */
const LANDING_SUMMARY: SummaryQuery = { includePending: undefined };
const SUMMARY_KEY = `summary ${JSON.stringify(LANDING_SUMMARY)}`;
/** How long a page's HTML waits for its preview's figures (a review not yet computed) before going without. */
const PREVIEW_WAIT_MS = 1500;
/**
 * Where a response's nonce goes in a page made ahead of it: NUL, which nothing in a page can hold
 * (PostgreSQL text refuses it, and so does the address check below).
 */
const NONCE_SLOT = '\u0000nonce\u0000';

export function createApp(options: AppOptions): Hono {
  const { store } = options;
  const cache = new ResponseCache();
  const memo =
    options.memo ??
    new StateMemo(store, { historyLimit: HISTORY_LIMIT, columnsLimit: COLUMNS_LIMIT, onColumns: options.onColumns });
  const now = options.now ?? (() => new Date());
  const accounts = accountsOptions(options.accounts);
  const app = new Hono();

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // The nonce admits one inline script: the landing page's loader of the app (server/http/landing.ts).
        scriptSrc: ["'self'", NONCE],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: options.frameAncestors ?? ["'self'"],
      },
      xFrameOptions: 'SAMEORIGIN',
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginEmbedderPolicy: false,
      // Set below, and only over https: over plain http a browser ignores it, and a board on a
      // LAN address that later gains a certificate must not be pinned by a header it never read.
      strictTransportSecurity: false,
    }),
  );
  app.use(async (c, next) => {
    await next();
    if (publicOrigin(c, accounts.trustProxy).https)
      c.header('strict-transport-security', 'max-age=15552000; includeSubDomains');
  });
  app.use(compressResponses());
  // An address the database could not take as given (a NUL, %00, a broken escape) is refused here,
  // for every route, with the parameter named: never a server error further down.
  app.use(async (c, next) => {
    const url = new URL(c.req.url);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = '\0';
    }
    if (!isStorableText(path))
      return problem(c, { type: 'about:blank', title: '请求无法处理', status: 400, detail: `地址${UNSTORABLE_TEXT}` });
    for (const [k, v] of url.searchParams)
      if (!isStorableText(k) || !isStorableText(v))
        return problem(c, {
          type: 'about:blank',
          title: '请求无法处理',
          status: 400,
          detail: `参数“${isStorableText(k) ? k : '?'}”${UNSTORABLE_TEXT}`,
          ...(isStorableText(k) ? { param: k } : {}),
        });
    return next();
  });

  /** Resolves the as-of date: the one asked for, else the newest report's, else today (Shanghai). */
  async function cutFrom(q: {
    asOf?: string | undefined;
    knownAt?: string | undefined;
    includePending?: boolean | undefined;
  }): Promise<Cut> {
    const view = viewOf(q.includePending);
    const asOf = q.asOf ?? (await store.newestReportDate(q.knownAt, view)) ?? shanghaiDate(now());
    return { asOf, knownAt: q.knownAt, view };
  }

  const api = new Hono();
  api.use(async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
  });

  installWriteApi(api, { db: store.db, now, options: accounts });

  api.get('/health', (c) => c.json({ ok: true, time: now().toISOString() }));

  api.get('/openapi.json', (c) =>
    c.body(openApiJson(), 200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' }),
  );

  api.get('/plans', async (c) => c.json({ items: await store.plans() }));

  api.get('/sectors', (c) => c.json({ items: SECTORS }));

  /** The JSON body from the cache of the current data version, computing (and caching) it on a miss. */
  async function cachedBody(key: string, compute: () => Promise<unknown>): Promise<string> {
    const version = await store.dataVersion();
    let body = cache.get(version, key);
    if (body === undefined) {
      body = JSON.stringify(await compute());
      cache.set(version, key, body);
    }
    return body;
  }

  async function cached(c: Context, key: string, compute: () => Promise<unknown>) {
    return c.body(await cachedBody(key, compute), 200, { 'content-type': 'application/json; charset=utf-8' });
  }

  function summaryBody(q: SummaryQuery): Promise<string> {
    return cachedBody(`summary ${JSON.stringify(q)}`, async () => {
      await checkFilters(memo, q);
      const cut = await cutFrom(q);
      // Kept per cut and filter in the memo, adjusted by each write's targets (issue 26).
      const [kept, reportDates] = await Promise.all([
        memo.summary(q, cut, !q.asOf && !q.knownAt, { generatedAt: now().toISOString(), reportDates: [] }),
        store.reportDates(cut.knownAt, cut.view),
      ]);
      const summary = { ...kept, reportDates };
      // The wall's warning slide shows each warned target's 存在问题: read for those few targets only.
      return withWarningProblems(store, summary, cut);
    });
  }

  api.get('/targets', async (c) => {
    const parsed = parseQuery(targetsQuerySchema, new URL(c.req.url).searchParams);
    if (!parsed.ok) return problem(c, parsed.problem);
    const q = parsed.value;
    return cached(c, `targets ${JSON.stringify(q)}`, async () => {
      await checkFilters(memo, q);
      const cut = await cutFrom(q);
      const { targets, facts } = await memo.read(q, cut, !q.asOf && !q.knownAt);
      return listTargets(targets, facts, q, cut);
    });
  });

  api.get('/targets/:id', async (c) => {
    const parsed = parseQuery(detailQuerySchema, new URL(c.req.url).searchParams);
    if (!parsed.ok) return problem(c, parsed.problem);
    const id = c.req.param('id');
    const target = await store.target(id);
    if (!target) return problem(c, notFound(`目标“${id}”不存在`));
    const cut = await cutFrom(parsed.value);
    const [plans, reports, contextFigures, projects, rollup, names] = await Promise.all([
      store.plans(),
      store.reports([id], undefined, { withNames: true }),
      store.contextFigures(id),
      store.projectsOfTarget(id, DETAIL_PROJECT_LIMIT),
      store.projectRollup(id),
      store.departmentNames(target.supportingDepartments),
    ]);
    const body = buildTargetDetail({ plans, targets: [target], reports, contextFigures }, id, cut, {
      ...projects,
      rollup,
    });
    if (!body) return problem(c, notFound(`目标“${id}”不存在`));
    const supportingNames = target.supportingDepartments.map((d) => names.get(d) ?? d);
    return c.json({ ...body, item: { ...body.item, supportingNames } });
  });

  api.get('/summary', async (c) => {
    const parsed = parseQuery(summaryQuerySchema, new URL(c.req.url).searchParams);
    if (!parsed.ok) return problem(c, parsed.problem);
    return c.body(await summaryBody(parsed.value), 200, { 'content-type': 'application/json; charset=utf-8' });
  });

  api.get('/projects', async (c) => {
    const parsed = parseQuery(projectsQuerySchema, new URL(c.req.url).searchParams);
    if (!parsed.ok) return problem(c, parsed.problem);
    const f = parsed.value;
    const { total, items } = await store.projects(f);
    const facets = f.page === 1 ? { facets: await readProjectFacets(store.db) } : {};
    return c.json({ page: f.page, pageSize: f.pageSize, total, items, ...facets });
  });

  api.get('/projects/:id', async (c) => {
    const id = c.req.param('id');
    const item = await store.project(id);
    if (!item) return problem(c, notFound(`项目“${id}”不存在`));
    const targets = (await Promise.all(item.targetIds.map((t) => store.target(t)))).filter((t) => t !== null);
    return c.json({ item, targets });
  });

  installReviewRoutes(api, { store, memo, now, cached });
  installDepartmentRoutes(api, { store, memo, now, cached });

  api.notFound((c) => problem(c, notFound(`接口“${c.req.path}”不存在`)));

  app.route('/api/v1', api);
  app.all('/api/*', (c) => problem(c, notFound(`接口“${c.req.path}”不存在`)));

  app.onError((err, c) => {
    if (err instanceof ProblemAnswer) return problem(c, err.problem);
    if (isDomainError(err))
      return problem(c, { type: 'about:blank', title: '请求无法处理', status: 400, detail: err.message });
    console.error(err);
    return problem(c, {
      type: 'about:blank',
      title: '服务器内部错误',
      status: 500,
      detail: '服务器内部错误，请稍后重试',
    });
  });

  if (options.staticDir && existsSync(path.join(options.staticDir, 'index.html'))) {
    const staticDir = options.staticDir;
    const root = path.relative(process.cwd(), staticDir) || '.';
    const indexFile = path.join(options.staticDir, 'index.html');
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('cache-control', 'public, max-age=31536000, immutable');
    });
    const assets = serveStatic({ root });
    // index.html is never served as a file: the shell below adds its per-request hints to it.
    app.use('*', (c, next) => (c.req.path === '/' || c.req.path === '/index.html' ? next() : assets(c, next)));
    // A hashed asset that does not exist is a 404, not the SPA shell (a stale tab after a deploy
    // must see its chunk fail to load, not parse HTML as JavaScript).
    app.get('/assets/*', (c) =>
      problem(c, notFound(`文件“${c.req.path}”不存在：页面可能已更新，请刷新后重试 (file not found: reload the page)`)),
    );
    // Client-side routes (/sectors/…, /targets/…, /screen…) all get the SPA shell, read per request
    // so a rebuild is served without a restart.
    // Loaded with the first landing page, not at start: a server that only answers the API (a wall
    // of screens, the bench) does not carry the renderer's ~25 MB.
    let renderer: Promise<OverviewRenderer | null> | null = null;
    /** The build's stylesheets by href, read once each (their names carry their content's hash). */
    const stylesheets = new Map<string, string | null>();
    const stylesheet = (href: string): string | null => {
      if (!/^\/assets\/[\w.-]+\.css$/.test(href)) return null;
      if (!stylesheets.has(href)) {
        const file = path.join(staticDir, href);
        stylesheets.set(href, existsSync(file) ? readFileSync(file, 'utf8') : null);
      }
      return stylesheets.get(href) ?? null;
    };
    /**
     * What the server-rendered pages share: the renderer (with `needs`, a page it may lack), a cache
     * entry per data version, `key` and minute (the page's "updated … ago" or clock), the page's data
     * (`input`; null: no preview this time), then its render, which the page does without when it fails.
     */
    async function cachedShell<T>(
      version: string,
      key: string,
      page: {
        needs?: 'renderTarget' | 'renderScreen';
        input: () => T | null | Promise<T | null>;
        render: (r: OverviewRenderer, input: T, at: Date) => string | null | Promise<string | null>;
        failed: string;
      },
    ): Promise<string | null> {
      renderer ??= loadRenderer(options.ssrDir);
      const r = await renderer;
      if (!r || (page.needs && !r[page.needs])) return null;
      const at = now();
      const minuteKey = `${key} ${Math.floor(at.getTime() / 60_000)}`;
      const hit = cache.get(version, minuteKey);
      if (hit !== undefined) return hit;
      const input = await page.input();
      if (input === null) return null;
      try {
        const shell = await page.render(r, input, at);
        if (shell) cache.set(version, minuteKey, shell);
        return shell;
      } catch (e) {
        // The page still works without it: the browser renders it as before.
        console.error(page.failed, e);
        return null;
      }
    }
    /** The landing summary of this data version if it is computed; else null, and it is computed meanwhile. */
    function computedSummary(version: string): string | null {
      const summary = cache.get(version, SUMMARY_KEY);
      if (summary !== undefined) return summary;
      summaryBody(LANDING_SUMMARY).catch((e) => console.error('总览数据计算失败 (summary failed):', e));
      return null;
    }
    /**
     * The landing page's server-rendered overview, per data version and minute (its "updated … ago").
     * Never waits for the status engine: when the summary of this data version is not computed yet
     * (the first report of a new week), the page goes out without a preview and the summary is
     * computed meanwhile, for the page's own request of it.
     */
    function landingShell(version: string): Promise<string | null> {
      return cachedShell(version, 'ssr', {
        input: () => computedSummary(version),
        render: (r, summary, at) => overviewShell(r, summary, at),
        failed: '总览服务端渲染失败 (SSR of the overview failed):',
      });
    }
    /**
     * A target page's server-rendered first paint (its plain address, read in Chinese), per data
     * version, target and minute (its "updated … ago"): the API's own answer, rendered by the page's
     * components (src/entry-server.tsx: renderTarget) and inlined for the page to start from. Null
     * (the page renders in the browser, its answer preloaded) when there is no such target or no renderer.
     */
    function targetPageShell(c: Context, version: string, id: string): Promise<string | null> {
      return cachedShell(version, `ssr target ${id}`, {
        needs: 'renderTarget',
        input: async () => {
          const cookie = accounts.readAccess === 'signed-in' ? c.req.header('cookie') : undefined;
          const res = await app.request(
            `/api/v1/targets/${encodeURIComponent(id)}`,
            cookie ? { headers: { cookie } } : {},
          );
          return res.status === 200 ? res : null;
        },
        render: async (r, res, at) => targetShell(r, await res.text(), at),
        failed: '目标页服务端渲染失败 (SSR of a target page failed):',
      });
    }
    /**
     * The wall's server-rendered first slide (/screen without data filters, in Chinese), per data
     * version, URL and minute (its clock), from the landing page's summary; never waits for it.
     */
    function screenPageShell(version: string, search: string): Promise<string | null> {
      return cachedShell(version, `ssr screen ${search}`, {
        needs: 'renderScreen',
        input: () => computedSummary(version),
        render: (r, summary, at) => screenShell(r, summary, search, at),
        failed: '大屏服务端渲染失败 (SSR of the wall failed):',
      });
    }
    /**
     * Whether this request may see data in the page itself. With READ_ACCESS=signed-in an anonymous
     * visitor gets the bare app (which asks them to sign in): no server-rendered overview, no summary
     * inline, no preload of an API answer, not even whether the data is a demo.
     */
    async function mayRead(c: Context): Promise<boolean> {
      if (accounts.readAccess === 'open') return true;
      const token = getCookie(c, SESSION_COOKIE);
      return token ? (await resolveSession(store.db, token, now())) !== null : false;
    }
    /**
     * Pages with a preview, per data version and what else makes them (path, display, title tags),
     * finished but for the response's nonce: each is the ~100 KB page cut where the nonce goes. Made
     * again when their preview is (a new minute: its "updated … ago").
     */
    const pages = new ResponseCache<{ shell: string; index: string; parts: string[] }>(64, 32 * 1024 * 1024, (p) =>
      p.parts.reduce((n, part) => n + part.length, 0),
    );
    /** Link previews made, per data version: a page's preview follows its data as the page does. */
    const previews = new ResponseCache(512);
    /**
     * Where a preview's figures come from: the API's own answers to the page's requests (cached per
     * data version, so the page's request then finds it computed), the landing summary only when it is
     * already computed (the landing page never waits), a target's state from the memo.
     */
    function previewSources(c: Context, version: string): MetaSources {
      // The reads answer alike for everyone who may read (the previews are kept per page, not per
      // person): the session goes along only where reading needs one.
      const cookie = accounts.readAccess === 'signed-in' ? c.req.header('cookie') : undefined;
      return {
        api: async (p) => {
          let timer: NodeJS.Timeout | undefined;
          const res = await Promise.race([
            app.request(`/api/v1${p}`, cookie ? { headers: { cookie } } : {}),
            new Promise<null>((resolve) => {
              timer = setTimeout(resolve, PREVIEW_WAIT_MS, null);
            }),
          ]).finally(() => clearTimeout(timer));
          return res?.status === 200 ? res.json() : null;
        },
        landingSummary: async () => {
          const summary = cache.get(version, SUMMARY_KEY);
          return summary === undefined ? null : JSON.parse(summary);
        },
        target: async (id, q) => {
          // One indexed lookup decides whether there is such a target; its state is the memo's.
          if (!(await store.target(id))) return null;
          const cut = await cutFrom(q);
          const { catalog, facts } = await memo.read({ q: id }, cut, !q.asOf);
          const target = catalog.byId.get(id);
          const f = facts.get(id);
          return target && f ? { asOf: cut.asOf, item: { ...target, state: f.state } } : null;
        },
      };
    }
    /** The page's <title>, description and Open Graph tags (server/http/page-meta.ts). */
    async function previewTags(c: Context, readable: boolean, version: string | null): Promise<string> {
      const { pathname, search } = new URL(c.req.url);
      const locale = parseDisplay(getCookie(c, DISPLAY_COOKIE)).locale ?? 'zh-CN';
      const route = pageRoute(pathname);
      const url = pageUrl(options.publicUrl, pathname, search);
      if (!readable || version === null) return metaTags(genericMeta(route.kind, locale), { locale, url });
      const key = `${locale} ${pathname}${search} ${shanghaiDate(now())}`;
      const hit = previews.get(version, key);
      if (hit !== undefined) return hit;
      const resolved = await resolvePageMeta(route, new URLSearchParams(search), locale, previewSources(c, version));
      const tags = metaTags(resolved.meta, { locale, url });
      if (resolved.data) previews.set(version, key, tags);
      return tags;
    }
    app.get('*', async (c) => {
      // Open boards serve one page to all (revalidated); signed-in ones a page per person, kept by none.
      c.header('cache-control', accounts.readAccess === 'open' ? 'no-cache' : 'private, no-store');
      if (!(await mayRead(c)))
        return c.html(
          landingHtml(withMetaTags(readFileSync(indexFile, 'utf8'), await previewTags(c, false, null)), {
            head: '',
            theme: parseDisplay(getCookie(c, DISPLAY_COOKIE)).theme,
            shell: null,
            stylesheet,
            nonce: c.get('secureHeadersNonce'),
          }),
        );
      // The landing page arrives with the overview already rendered (src/entry-server.tsx) and its
      // summary inline: the first numbers can be painted before the JavaScript has run. Without
      // it, the page's first API request (the summary; a target's detail on a target page) starts
      // with the HTML, in parallel with the JavaScript. The demo hint lets the demo banner take
      // its place at first paint instead of pushing the page down.
      const display = parseDisplay(getCookie(c, DISPLAY_COOKIE));
      const { search } = new URL(c.req.url);
      const landing = c.req.path === '/' && !search;
      // A target page by its plain address comes server-rendered too (its figures painted from the HTML).
      const targetId = !search && display.locale !== 'en' ? targetPathId(c.req.path) : null;
      // The preview is Chinese: someone who reads the board in English waits for the app instead.
      // One read of the data version (for the preview and the page's title) and the demo flag.
      const { version, demo } = await store.pageState();
      const [shell, tags] = await Promise.all([
        landing && display.locale !== 'en'
          ? landingShell(version)
          : targetId
            ? targetPageShell(c, version, targetId)
            : display.locale !== 'en' && screenPreviewable(c.req.path, search)
              ? screenPageShell(version, search)
              : null,
        previewTags(c, true, version),
      ]);
      // (The preview carries its summary: nothing to preload then.)
      const preload = shell ? null : apiPreloadHref(c.req.path, search);
      const head = `<meta name="x-contains-demo" content="${demo ? '1' : '0'}">${preload ? preloadLink(preload) : ''}`;
      const index = readFileSync(indexFile, 'utf8');
      const page = (nonce: string | undefined) =>
        landingHtml(withMetaTags(index, tags), {
          head,
          theme: display.theme,
          shell,
          stylesheet,
          nonce,
        });
      const nonce = c.get('secureHeadersNonce');
      // A page with a preview is ~100 KB that the same few inputs make: made once per data version,
      // preview (a minute's) and build, with a stand-in for this response's nonce.
      if (!shell || nonce === undefined) return c.html(page(nonce));
      const key = JSON.stringify([c.req.path, search, display.theme, display.locale, demo, tags]);
      let made = pages.get(version, key);
      if (made?.shell !== shell || made.index !== index) {
        made = { shell, index, parts: page(NONCE_SLOT).split(NONCE_SLOT) };
        pages.set(version, key, made);
      }
      return c.html(made.parts.join(nonce));
    });
  }
  return app;
}
