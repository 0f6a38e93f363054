import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { Store } from '../../server/repositories/store';
import { freshDb, insertReport, TEST_NOW } from './test-db';

/**
 * The landing page with its preview is made once per data version and preview, then sent with each
 * response's own nonce (server/app.ts: `pages`): what it sends must be what making it afresh would.
 */
describe('the landing page, made once and sent with each response’s nonce', () => {
  let db: Awaited<ReturnType<typeof freshDb>>;
  let dir: string;
  let app: ReturnType<typeof createApp>;
  const index = (build: string) =>
    `<!doctype html><html lang="zh-CN"><head><title>目标进度看板</title><meta name="build" content="${build}">\n    <script type="module" crossorigin src="/assets/i.js"></script>\n</head><body><div id="root"></div></body></html>`;

  beforeAll(async () => {
    db = await freshDb();
    // A stand-in build: an SPA shell with its entry, and a renderer that prints what it was given.
    dir = mkdtempSync(path.join(tmpdir(), 'tb-landing-'));
    mkdirSync(path.join(dir, 'dist', 'assets'), { recursive: true });
    mkdirSync(path.join(dir, 'ssr'));
    writeFileSync(path.join(dir, 'dist', 'index.html'), index('1'));
    writeFileSync(path.join(dir, 'dist', 'assets', 'i.js'), 'console.log(1)');
    writeFileSync(
      path.join(dir, 'ssr', 'entry-server.js'),
      'export function renderOverview(s) { return "<main>SSR " + s.asOf + "</main>"; }',
    );
    app = createApp({
      store: new Store(db.db),
      now: () => TEST_NOW,
      staticDir: path.join(dir, 'dist'),
      ssrDir: path.join(dir, 'ssr'),
    });
    // The landing page never waits for its summary: computed first, as the page's own request would.
    expect((await app.request('/api/v1/summary')).status).toBe(200);
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function landing(): Promise<{ body: string; nonce: string }> {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
    if (!nonce) throw new Error('no nonce in the CSP');
    return { body: await res.text(), nonce };
  }

  it('sends each response its own nonce, in its CSP and on its loader, and the same page otherwise', async () => {
    const first = await landing();
    const second = await landing();
    expect(first.body).toContain('<main>SSR ');
    expect(first.nonce).not.toBe(second.nonce);
    for (const { body, nonce } of [first, second]) {
      const scripts = [...body.matchAll(/<script nonce="([^"]*)">/g)].map((m) => m[1]);
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.every((n) => n === nonce)).toBe(true);
      expect(body).not.toContain('\u0000');
    }
    expect(second.body.replaceAll(second.nonce, '·')).toBe(first.body.replaceAll(first.nonce, '·'));
  });

  it('is made again for new data and for a new build', async () => {
    const before = (await landing()).body;
    const target = await db.db.selectFrom('targets').select(['id', 'unit']).executeTakeFirstOrThrow();
    await insertReport(db.db, {
      id: 'landing-new',
      targetId: target.id,
      asOf: '2026-01-04',
      value: 1,
      unit: target.unit,
    });
    expect((await app.request('/api/v1/summary')).status).toBe(200);
    const after = (await landing()).body;
    expect(before).not.toContain('SSR 2026-01-04');
    expect(after).toContain('SSR 2026-01-04');

    expect(after).toContain('<meta name="build" content="1">');
    writeFileSync(path.join(dir, 'dist', 'index.html'), index('2'));
    expect((await landing()).body).toContain('<meta name="build" content="2">');
  });
});
