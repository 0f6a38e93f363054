import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { Store } from '../../server/repositories/store';
import type { SummaryResponse, TargetsResponse } from '../../src/domain/api';
import type { DepartmentViewResponse } from '../../src/domain/department-api';
import { completionText, gapText, STATUS_LABELS, verdictText } from '../../src/domain/figures';
import { formatPercent } from '../../src/domain/format';
import type { ReviewResponse } from '../../src/domain/review-api';
import type { TargetDetailResponse } from '../../src/domain/target-api';
import { type Backend, backends, freshDb, insertReport, TEST_NOW } from './test-db';
import { seedAccounts, signIn } from './write-helpers';

/**
 * Link previews (issue 25): the HTML the server sends for each kind of page carries a <title>, a
 * description and Open Graph tags that say what the page shows, with the API's own figures; text
 * from the catalog stays text; with READ_ACCESS=signed-in an anonymous preview carries no data.
 */
const PUBLIC_URL = 'https://board.example.gov.cn';
const HOSTILE = '测试"><script>alert(1)</script>&amp;$&';
const INDEX =
  '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" />\n' +
  '    <meta name="description" content="默认描述" />\n' +
  '    <meta property="og:site_name" content="目标进度看板" />\n' +
  '    <title>目标进度看板</title>\n' +
  '    <script type="module" crossorigin src="/assets/i.js"></script>\n</head><body><div id="root"></div></body></html>';

const decode = (s: string) =>
  s
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');

interface Preview {
  html: string;
  title: string;
  description: string;
  og: Record<string, string>;
}

function preview(html: string): Preview {
  const titles = [...html.matchAll(/<title>([^<]*)<\/title>/g)];
  const descriptions = [...html.matchAll(/<meta name="description" content="([^"]*)">/g)];
  // One of each: index.html's defaults are replaced, not repeated.
  expect(titles.length).toBe(1);
  expect(descriptions.length).toBe(1);
  expect(html).not.toContain('默认描述');
  const og: Record<string, string> = {};
  for (const m of html.matchAll(/<meta property="(og:[a-z_]+)" content="([^"]*)">/g)) {
    expect(og[m[1] as string], `${m[1]} twice`).toBeUndefined();
    og[m[1] as string] = decode(m[2] as string);
  }
  return {
    html,
    title: decode(titles[0]?.[1] ?? ''),
    description: decode(descriptions[0]?.[1] ?? ''),
    og,
  };
}

/** 2025-12-26 → 12月26日, written out here rather than by the function under test. */
const short = (iso: string) => {
  const [, m, d] = iso.split('-').map(Number);
  return `${m}月${d}日`;
};
const long = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

describe.each(backends())('link previews on %s', (backend: Backend) => {
  let db: Awaited<ReturnType<typeof freshDb>>;
  let dir: string;
  let app: ReturnType<typeof createApp>;
  let hostileId: string;

  const page = async (p: string, headers: Record<string, string> = {}) => {
    const res = await app.request(p, { headers });
    expect(res.status, p).toBe(200);
    expect(res.headers.get('content-type'), p).toMatch(/text\/html/);
    return preview(await res.text());
  };
  const api = async <T>(p: string): Promise<T> => {
    const res = await app.request(`/api/v1${p}`);
    expect(res.status, p).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    db = await freshDb(backend);
    await seedAccounts(db.db, TEST_NOW);
    dir = mkdtempSync(path.join(tmpdir(), 'tb-page-meta-'));
    mkdirSync(path.join(dir, 'assets'), { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    writeFileSync(path.join(dir, 'assets', 'i.js'), 'console.log(1)');
    // A target whose title is markup and replacement patterns: it must arrive as text.
    const t = await db.db
      .selectFrom('targets')
      .select('id')
      .where('sector_id', '=', 'demand')
      .orderBy('sort_order')
      .executeTakeFirstOrThrow();
    hostileId = t.id;
    await db.db.updateTable('targets').set({ title: HOSTILE }).where('id', '=', hostileId).execute();
    app = createApp({
      store: new Store(db.db),
      now: () => TEST_NOW,
      staticDir: dir,
      accounts: { readAccess: 'open' },
      publicUrl: PUBLIC_URL,
    });
  });
  afterAll(async () => {
    await db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('never holds the landing page for its figures: the overview says them once the summary is computed', async () => {
    const before = await page('/');
    expect(before.title).toBe('总览 · 目标进度看板');
    expect(before.og['og:title']).toBe('总览');
    const s = await api<SummaryResponse>('/summary');
    const p = await page('/');
    const { counts, total } = s.overall;
    const expected = `总览 · ${total} 项目标 · 滞后 ${counts.lagging} 项 · 严重滞后 ${counts.severe} 项 · 截至 ${short(s.asOf)}${s.containsDemo ? ' · 演示' : ''}`;
    expect(p.og['og:title']).toBe(expected);
    expect(p.title).toBe(`${expected} · 目标进度看板`);
    expect(p.description).toContain(`${total} 项目标：已完成 ${counts.achieved} · 正常 ${counts.on_track}`);
    expect(p.description).toContain(`数据截至 ${long(s.asOf)}`);
    if (s.containsDemo) expect(p.description).toContain('含演示数据');
    expect(p.og['og:description']).toBe(p.description);
    expect(p.og['og:type']).toBe('website');
    expect(p.og['og:site_name']).toBe('目标进度看板');
    expect(p.og['og:locale']).toBe('zh_CN');
    expect(p.og['og:url']).toBe(`${PUBLIC_URL}/`);
  });

  it('follows the query the overview uses (as-of date, plan) with the figures of that summary', async () => {
    const q = 'asOf=2025-06-30&plan=qd-2025';
    const s = await api<SummaryResponse>(`/summary?${q}`);
    const p = await page(`/?${q}`);
    expect(p.og['og:title']).toContain(`总览 · ${s.overall.total} 项目标 · 滞后 ${s.overall.counts.lagging} 项`);
    expect(p.og['og:title']).toContain('截至 6月');
    expect(p.og['og:url']).toBe(`${PUBLIC_URL}/?${q}`);
    // A filter the board does not have: the page answers with its own notice, the preview with its name.
    const bad = await page('/?plan=no-such-plan');
    expect(bad.og['og:title']).toBe('总览');
  });

  it('says a sector’s counts and 完成率 as the overview’s sector row has them', async () => {
    const s = await api<SummaryResponse>('/summary');
    const livelihood = s.sectors.find((x) => x.id === 'livelihood');
    if (!livelihood) throw new Error('no livelihood sector');
    const p = await page('/sectors/livelihood');
    const { counts } = livelihood;
    expect(p.og['og:title']).toMatch(
      new RegExp(`^民生 · 滞后 ${counts.lagging} 项 · 严重滞后 ${counts.severe} 项 · 截至 \\d+月\\d+日`),
    );
    expect(p.description).toContain(`${livelihood.total} 项目标：已完成 ${counts.achieved}`);
    expect(p.description).toContain(`完成率 ${formatPercent(livelihood.progress)}`);
    expect(p.description).toContain(`应完成率（序时进度）${formatPercent(livelihood.expected)}`);
    // The page's filters are the sector list's: its figures for another as-of date.
    const june = await api<TargetsResponse>('/targets?sector=livelihood&asOf=2025-06-30');
    const lagging = june.items.filter((i) => i.state.status === 'lagging').length;
    expect((await page('/sectors/livelihood?asOf=2025-06-30&sort=gap')).og['og:title']).toContain(
      `民生 · 滞后 ${lagging} 项`,
    );
    expect((await page('/sectors/no-such-sector')).title).toBe('领域 · 目标进度看板');
  });

  it('says a target’s title, verdict, 完成率 and gap as its page does, from the same state as the API', async () => {
    const s = await api<SummaryResponse>('/summary');
    const warned = s.warnings[0];
    if (!warned) throw new Error('no warning in the demo data');
    const detail = await api<TargetDetailResponse>(`/targets/${encodeURIComponent(warned.id)}`);
    const { item } = detail;
    const p = await page(`/targets/${encodeURIComponent(warned.id)}`);
    expect(p.og['og:title']).toMatch(
      new RegExp(`^${escapeRe(item.title)} · ${escapeRe(verdictText(item.state))} · 截至 `),
    );
    expect(p.description).toContain(`完成率 ${completionText(item, item.state)}`);
    expect(p.description).toContain(gapText(item, item.state));
    expect(STATUS_LABELS['zh-CN'][item.state.status]).toBeTruthy();
    // At an earlier date, the state of that date.
    const june = await api<TargetDetailResponse>(`/targets/${encodeURIComponent(warned.id)}?asOf=2025-06-30`);
    const pj = await page(`/targets/${encodeURIComponent(warned.id)}?asOf=2025-06-30`);
    expect(pj.og['og:title']).toContain(`${item.title} · ${verdictText(june.item.state)}`);
    expect(pj.description).toContain(completionText(june.item, june.item.state));
  });

  it('keeps a title with markup inert, and an unknown id is the generic page, not an error', async () => {
    const res = await app.request(`/targets/${encodeURIComponent(hostileId)}`);
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;$&amp;');
    const p = preview(html);
    expect(p.og['og:title']?.startsWith(`${HOSTILE} · `)).toBe(true);
    expect(p.title.startsWith(HOSTILE)).toBe(true);
    for (const unknown of ['/targets/no-such-target', '/targets/%3Cb%3E', '/departments/no-such-department']) {
      const u = await page(unknown);
      expect(u.title, unknown).toMatch(/^(目标|部门) · 目标进度看板$/);
      expect(u.description, unknown).not.toMatch(/\d/);
    }
    const projects = await page('/projects/no-such-project');
    expect(projects.title).toBe('重点项目 · 目标进度看板');
  });

  it('says the meeting: its date, new warnings and overdue reports, as the review answers', async () => {
    const r = await api<ReviewResponse>('/review');
    const overdue = r.overdue.reduce((n, g) => n + g.items.length, 0);
    const p = await page('/review');
    expect(p.og['og:title']).toBe(
      `周调度会 · 会议日期 ${short(r.asOf)} · 新增预警 ${r.newWarnings.length} 项 · 逾期未报 ${overdue} 项${r.containsDemo ? ' · 演示' : ''}`,
    );
    expect(p.description).toContain(`会议日期 ${long(r.asOf)}，上次会议 ${long(r.previousAsOf)}`);
    expect(p.description).toContain(`仍严重滞后 ${r.stillSevere.length} 项`);
    const earlier = await api<ReviewResponse>('/review?asOf=2025-09-01&previous=2025-08-18');
    const pe = await page('/review?asOf=2025-09-01&previous=2025-08-18&time=09:30');
    expect(pe.og['og:title']).toContain(`会议日期 9月1日`);
    expect(pe.description).toContain('上次会议 2025年8月18日');
    expect(earlier.asOf).toBe('2025-09-01');
  });

  it('names a department with its lead targets’ counts, and the other pages by their names', async () => {
    const d = await api<DepartmentViewResponse>('/departments/fgw');
    const lagging = d.lead.filter((t) => t.state.status === 'lagging').length;
    const p = await page('/departments/fgw');
    expect(p.og['og:title']).toMatch(new RegExp(`^${escapeRe(d.item.name)} · 滞后 ${lagging} 项`));
    expect(p.description).toContain(`牵头 ${d.lead.length} 项目标`);
    const names: Record<string, string> = {
      '/projects': '重点项目',
      '/rankings': '排名',
      '/screen': '大屏展示',
      '/report': '进度填报',
      '/report/import': '批量导入填报',
      '/admin': '系统管理',
      '/review-queue': '审核',
      '/sign-in': '登录',
      '/no-such-page': '页面不存在',
    };
    for (const [p2, name] of Object.entries(names)) {
      const x = await page(p2);
      expect(x.title, p2).toBe(`${name} · 目标进度看板`);
      expect(x.og['og:title'], p2).toBe(name);
      expect(x.description.length, p2).toBeGreaterThan(4);
    }
  });

  it('speaks English to someone who reads the board in English', async () => {
    await api('/summary');
    const s = await api<SummaryResponse>('/summary');
    const p = await page('/', { cookie: 'tb-ui=en.dark' });
    expect(p.og['og:title']).toMatch(
      new RegExp(
        `^Overview · ${s.overall.total} targets · Lagging ${s.overall.counts.lagging} · Severely lagging ${s.overall.counts.severe} · as of [A-Z][a-z]{2} \\d+`,
      ),
    );
    expect(p.title).toMatch(/ · Target Board$/);
    expect(p.og['og:locale']).toBe('en_US');
    expect((await page('/sectors/livelihood', { cookie: 'tb-ui=en.light' })).og['og:title']).toMatch(
      /^People’s wellbeing · Lagging \d+/,
    );
  });

  it('follows the data: after a report the overview’s preview says the new counts', async () => {
    const before = await api<SummaryResponse>('/summary');
    const old = (await page('/')).og['og:title'];
    // A lagging target reaches its target: one fewer lagging (or severe), one more achieved.
    const warned = before.warnings.find((w) => w.kind === 'cumulative' && w.target !== null && w.target > 0);
    if (!warned) throw new Error('no cumulative target among the warnings');
    await insertReport(db.db, {
      id: 'page-meta-done',
      targetId: warned.id,
      asOf: before.asOf,
      value: (warned.target ?? 0) * 1.1,
      unit: warned.unit,
    });
    const after = await api<SummaryResponse>('/summary');
    expect(after.overall.counts.achieved).toBe(before.overall.counts.achieved + 1);
    const now = (await page('/')).og['og:title'];
    expect(now).not.toBe(old);
    expect(now).toContain(`滞后 ${after.overall.counts.lagging} 项 · 严重滞后 ${after.overall.counts.severe} 项`);
  });

  it('with READ_ACCESS=signed-in, shows an anonymous preview no data: the page’s name and the app’s', async () => {
    const closed = createApp({
      store: new Store(db.db),
      now: () => TEST_NOW,
      staticDir: dir,
      accounts: { readAccess: 'signed-in' },
    });
    const who = await signIn(closed, 'viewer');
    // (The landing page's preview has figures once its summary is computed: the page's own request.)
    expect((await closed.request('/api/v1/summary', { headers: { cookie: who.cookie } })).status).toBe(200);
    const pages: Record<string, string> = {
      '/': '总览',
      '/sectors/livelihood': '领域',
      [`/targets/${encodeURIComponent(hostileId)}`]: '目标',
      '/review': '周调度会',
      '/departments/fgw': '部门',
    };
    for (const [p, name] of Object.entries(pages)) {
      // The control: a signed-in person's preview of the same page has its figures.
      const full = preview(await (await closed.request(p, { headers: { cookie: who.cookie } })).text());
      expect(full.og['og:title'], p).not.toBe(name);
      expect(full.og['og:title'], p).toMatch(/\d/);
      const res = await closed.request(p);
      expect(res.status, p).toBe(200);
      const anon = preview(await res.text());
      expect(anon.title, p).toBe(`${name} · 目标进度看板`);
      expect(anon.og['og:title'], p).toBe(name);
      expect(anon.description, p).not.toMatch(/\d/);
      expect(anon.og['og:url'], p).toBeUndefined();
      expect(anon.html, p).not.toContain('测试');
    }
  });
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
