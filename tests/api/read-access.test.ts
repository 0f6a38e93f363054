import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { Store } from '../../server/repositories/store';
import { freshDb, TEST_NOW } from './test-db';
import { seedAccounts, signIn } from './write-helpers';

/**
 * READ_ACCESS=signed-in (issue 19): nothing of the data leaves the server for an anonymous visitor,
 * whatever the way — the API, the exports, the server-rendered landing page, its preloads, error
 * pages. The routes are walked from the app's own route table, so a route added later is walked too.
 */
describe('READ_ACCESS=signed-in: an anonymous visitor gets no data from any route', () => {
  let db: Awaited<ReturnType<typeof freshDb>>;
  let dir: string;
  let app: ReturnType<typeof createApp>;
  let store: Store;
  /** Strings that only the data holds: a target title, a project name, the summary's as-of date. */
  let secrets: string[];
  let ids: { target: string; project: string; sector: string };

  beforeAll(async () => {
    db = await freshDb();
    await seedAccounts(db.db, TEST_NOW);
    // A stand-in build: an SPA shell, one asset, and a renderer that prints the summary it is given.
    dir = mkdtempSync(path.join(tmpdir(), 'tb-read-access-'));
    mkdirSync(path.join(dir, 'dist', 'assets'), { recursive: true });
    mkdirSync(path.join(dir, 'ssr'));
    writeFileSync(
      path.join(dir, 'dist', 'index.html'),
      '<!doctype html><html lang="zh-CN"><head><title>目标进度看板</title>\n    <script type="module" crossorigin src="/assets/i.js"></script>\n</head><body><div id="root"></div></body></html>',
    );
    writeFileSync(path.join(dir, 'dist', 'assets', 'i.js'), 'console.log(1)');
    writeFileSync(
      path.join(dir, 'ssr', 'entry-server.js'),
      'export function renderOverview(s) { return "<main>SSR " + s.asOf + " " + JSON.stringify(s.headline ?? null) + "</main>"; }',
    );
    store = new Store(db.db);
    app = createApp({
      store,
      now: () => TEST_NOW,
      staticDir: path.join(dir, 'dist'),
      ssrDir: path.join(dir, 'ssr'),
      accounts: { readAccess: 'signed-in' },
    });
    const target = await db.db
      .selectFrom('targets')
      .select(['id', 'title', 'sector_id'])
      .orderBy('sort_order')
      .executeTakeFirstOrThrow();
    const project = await db.db.selectFrom('projects').select(['id', 'name']).executeTakeFirstOrThrow();
    ids = { target: target.id, project: project.id, sector: target.sector_id };
    const asOf = await store.newestReportDate(undefined);
    secrets = [target.title, project.name, ...(asOf ? [asOf] : [])];
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every GET route of the app, with its parameters filled with real ids. */
  function paths(): string[] {
    const routes = app.routes.filter((r) => r.method === 'GET').map((r) => r.path);
    const fill = (p: string) =>
      p
        .replace('/targets/:id', `/targets/${encodeURIComponent(ids.target)}`)
        .replace('/projects/:id', `/projects/${encodeURIComponent(ids.project)}`)
        .replace(/:id\b/, encodeURIComponent(ids.sector));
    const api = routes.filter((p) => p.startsWith('/api/') && !p.includes('*')).map(fill);
    expect(api.length).toBeGreaterThan(15);
    const pages = [
      '/',
      '/?plan=qd-2025',
      `/sectors/${ids.sector}`,
      `/targets/${encodeURIComponent(ids.target)}`,
      '/projects',
      `/projects/${encodeURIComponent(ids.project)}`,
      '/review',
      '/screen',
      '/report',
      '/admin',
      '/no-such-page',
      '/assets/missing.js',
      '/api/v1/no-such-route',
      '/api/no-such-route',
    ];
    return [...api, ...pages];
  }

  it('answers 401 to every data route and serves pages without data', async () => {
    const open = new Set(['/api/v1/health', '/api/v1/session', '/api/v1/openapi.json']);
    for (const p of paths()) {
      const res = await app.request(p);
      const body = await res.text();
      if (p.startsWith('/api/v1/') && !open.has(p) && res.status !== 404)
        expect(res.status, `${p} answered ${res.status}`).toBe(401);
      expect(res.status, p).toBeLessThan(500);
      for (const s of secrets) expect(body.includes(s), `${p} leaks “${s}”`).toBe(false);
      if (res.headers.get('content-type')?.startsWith('text/html')) {
        expect(body, p).not.toContain('ssr-summary');
        expect(body, p).not.toContain('x-contains-demo');
        expect(body, p).not.toContain('rel="preload"');
        expect(res.headers.get('cache-control'), p).toBe('private, no-store');
      }
    }
  });

  it('gives a signed-in person the server-rendered overview (the control: the walk above can fail)', async () => {
    const who = await signIn(app, 'viewer');
    expect((await app.request('/api/v1/summary', { headers: { cookie: who.cookie } })).status).toBe(200);
    const page = await (await app.request('/', { headers: { cookie: who.cookie } })).text();
    expect(page).toContain('ssr-summary');
    expect(page).toContain('<main>SSR ');
    const anonymous = await (await app.request('/')).text();
    expect(anonymous).not.toContain('<main>SSR ');
    const target = await app.request(`/api/v1/targets/${encodeURIComponent(ids.target)}`, {
      headers: { cookie: who.cookie },
    });
    expect(await target.text()).toContain(secrets[0]);
  });

  it('answers a missing asset in the app’s language and format, and sends HSTS only over https', async () => {
    const res = await app.request('/assets/missing.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { detail: string }).detail).toContain('不存在');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const https = await app.request('https://board.example.gov.cn/api/v1/health');
    expect(https.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect((await app.request('/mockServiceWorker.js')).headers.get('content-type')).toMatch(/text\/html/);
  });
});
