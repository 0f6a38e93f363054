import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  plansResponseSchema,
  sectorsResponseSchema,
  summaryResponseSchema,
  targetsResponseSchema,
} from '../../src/domain/api';
import { addDays } from '../../src/domain/dates';
import { problemSchema } from '../../src/domain/problem';
import { projectsResponseSchema } from '../../src/domain/projects-api';
import { reviewResponseSchema } from '../../src/domain/review-api';
import { SECTOR_IDS, STATUSES } from '../../src/domain/schemas';
import { targetDetailResponseSchema } from '../../src/domain/target-api';
import { type Backend, backends, insertReport, testApp } from './test-db';

describe.each(backends())('read API on %s', (backend: Backend) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    ctx = await testApp(backend);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const get = (path: string, init?: RequestInit) => ctx.app.request(`/api/v1${path}`, init);
  const json = async (path: string) => {
    const r = await get(path);
    expect(r.status, `${path} → ${r.status}`).toBe(200);
    return r.json();
  };

  it('lists the four plans and the ten sectors', async () => {
    const plans = plansResponseSchema.parse(await json('/plans'));
    expect(plans.items.map((p) => p.id).sort()).toEqual([
      'digital-2025',
      'industry-10plus1',
      'laoshan-2025',
      'qd-2025',
    ]);
    const sectors = sectorsResponseSchema.parse(await json('/sectors'));
    expect(sectors.items.map((s) => s.name)).toContain('扩大内需');
    expect(sectors.items).toHaveLength(10);
  });

  it('lists every target with its state at the newest report date by default', async () => {
    const body = targetsResponseSchema.parse(await json('/targets'));
    expect(body.items.length).toBeGreaterThan(80);
    const newest = body.items
      .map((t) => t.state.latest?.asOf ?? '')
      .sort()
      .at(-1);
    expect(body.asOf).toBe(newest);
    const keyProjects = body.items.find((t) => t.headline === 'key-projects');
    expect(keyProjects?.target).toBe(460);
    expect(keyProjects?.source.quote).toContain('460');
  });

  it('rolls a project-list target up from its projects: its figure, the roll-up and the project table agree', async () => {
    for (const [id, measure] of [
      ['qd-key-projects', 'started'],
      ['ls-key-projects', 'started'],
      ['qd-key-investment', 'investment'],
    ] as const) {
      const { item } = targetDetailResponseSchema.parse(await json(`/targets/${id}`));
      const r = item.projectRollup;
      if (!r) throw new Error(`${id} has no roll-up`);
      const table = projectsResponseSchema.parse(await json(`/projects?target=${id}&pageSize=1`));
      const notStarted = projectsResponseSchema.parse(
        await json(`/projects?target=${id}&stage=preparation&pageSize=1`),
      );
      const building = projectsResponseSchema.parse(await json(`/projects?target=${id}&stage=construction&pageSize=1`));
      expect(r.projects, id).toBe(table.total);
      expect(r.projects - r.started, id).toBe(notStarted.total);
      expect(r.underConstruction, id).toBe(building.total);
      expect(item.state.latest?.value, id).toBe(measure === 'started' ? r.started : r.completedInvestment);
    }
    // The watermelon check: its projects' investment behind the pace, the count of projects started
    // is no better than that on every page — the list, the detail, the overview's tile and the review.
    const list = targetsResponseSchema.parse(await json('/targets'));
    const summary = summaryResponseSchema.parse(await json('/summary'));
    const review = reviewResponseSchema.parse(await json(`/review?asOf=${list.asOf}`));
    const inList = list.items.find((t) => t.id === 'qd-key-projects');
    const { item } = targetDetailResponseSchema.parse(await json('/targets/qd-key-projects'));
    const r = item.projectRollup;
    if (!r?.plannedInvestment || r.completedInvestment === null || !inList) throw new Error('no roll-up');
    expect(inList.state.projects?.investment).toBeCloseTo(r.completedInvestment / r.plannedInvestment, 12);
    expect(inList.state.status).not.toBe('on_track');
    expect(item.state.status).toBe(inList.state.status);
    expect(summary.headlines.find((h) => h.key === 'key-projects')?.target.state.status).toBe(inList.state.status);
    expect(review.targets.find((t) => t.id === 'qd-key-projects')?.state.status).toBe(inList.state.status);
    // A target its projects only give examples for has the roll-up of those, and no figure made of it.
    const examples = targetDetailResponseSchema.parse(await json('/targets/ls-projects-completed')).item;
    expect(examples.projectRollup?.projects).toBeLessThan(examples.target ?? 0);
  });

  it('filters by plan, sector, district, status and search text', async () => {
    const byPlan = targetsResponseSchema.parse(await json('/targets?plan=laoshan-2025'));
    expect(byPlan.items.length).toBeGreaterThan(0);
    expect(byPlan.items.every((t) => t.planId === 'laoshan-2025' && t.district === '崂山区')).toBe(true);
    const bySector = targetsResponseSchema.parse(await json('/targets?sector=marine'));
    expect(bySector.items.every((t) => t.sectorId === 'marine')).toBe(true);
    const lagging = targetsResponseSchema.parse(await json('/targets?status=severe'));
    expect(lagging.items.every((t) => t.state.status === 'severe')).toBe(true);
    const search = targetsResponseSchema.parse(await json(`/targets?q=${encodeURIComponent('5G')}`));
    expect(search.items.length).toBeGreaterThan(0);
    expect(search.items.every((t) => `${t.title}${t.id}${t.subsection}`.toLowerCase().includes('5g'))).toBe(true);
  });

  it('treats hostile search text as text', async () => {
    for (const q of ["%' or 1=1; drop table reports; --", '_', '\\', '<script>alert(1)</script>']) {
      const body = targetsResponseSchema.parse(await json(`/targets?q=${encodeURIComponent(q)}`));
      expect(body.items).toEqual([]);
    }
    expect((await get('/targets')).status).toBe(200);
  });

  it('answers an as-of date in the past with the state known for that week', async () => {
    const all = targetsResponseSchema.parse(await json('/targets?asOf=2025-06-30'));
    expect(all.asOf).toBe('2025-06-30');
    for (const t of all.items) if (t.state.latest) expect(t.state.latest.asOf <= '2025-06-30').toBe(true);
  });

  it('gives a target with its reports, context figures and key projects', async () => {
    const list = targetsResponseSchema.parse(await json('/targets'));
    const keyProjects = list.items.find((t) => t.headline === 'key-projects');
    if (!keyProjects) throw new Error('no key-projects headline');
    const detail = targetDetailResponseSchema.parse(await json(`/targets/${keyProjects.id}`));
    expect(detail.item.id).toBe(keyProjects.id);
    expect(detail.item.projectCount).toBeGreaterThanOrEqual(460);
    expect(detail.item.projects.length).toBeGreaterThan(0);
    expect(detail.item.state).toEqual(keyProjects.state);
    const dates = detail.item.reports.map((r) => r.asOf);
    expect(dates).toEqual([...dates].sort());
  });

  it('marks corrected reports as superseded and keeps both', async () => {
    const list = targetsResponseSchema.parse(await json('/targets'));
    let found = false;
    for (const t of list.items) {
      const d = targetDetailResponseSchema.parse(await json(`/targets/${t.id}`));
      const correction = d.item.reports.find((r) => r.supersedes !== null);
      if (!correction) continue;
      const original = d.item.reports.find((r) => r.id === correction.supersedes);
      expect(original?.superseded).toBe(true);
      expect(correction.superseded).toBe(false);
      expect(correction.correctionReason).toBeTruthy();
      found = true;
      break;
    }
    expect(found).toBe(true);
  });

  it('summarises ten sectors, the headline targets, warnings and freshness', async () => {
    const s = summaryResponseSchema.parse(await json('/summary'));
    expect(s.sectors).toHaveLength(10);
    expect(s.previousAsOf).toBe(addDays(s.asOf, -7));
    const keys = s.headlines.map((h) => h.key);
    expect(keys.slice(0, 5)).toEqual(['key-projects', 'key-investment', 'new-jobs', 'compute', '5g']);
    expect(s.containsDemo).toBe(true);
    expect(s.freshness.latestReportAsOf).toBe(s.asOf);
    for (const w of s.warnings) expect(['lagging', 'severe']).toContain(w.state.status);
    const total = s.sectors.reduce((n, x) => n + x.total, 0);
    const targets = targetsResponseSchema.parse(await json('/targets'));
    expect(total).toBe(targets.items.length);
  });

  it('pages, filters and sorts key projects', async () => {
    const p1 = projectsResponseSchema.parse(await json('/projects?pageSize=20&sort=-investment'));
    expect(p1.items).toHaveLength(20);
    const inv = p1.items.map((p) => p.totalInvestment ?? -1);
    expect(inv).toEqual([...inv].sort((a, b) => b - a));
    const p2 = projectsResponseSchema.parse(await json('/projects?pageSize=20&page=2&sort=-investment'));
    expect(p2.items[0]?.id).not.toBe(p1.items[0]?.id);
    const laoshan = projectsResponseSchema.parse(
      await json(`/projects?district=${encodeURIComponent('崂山区')}&pageSize=500`),
    );
    expect(laoshan.items.every((p) => p.district === '崂山区')).toBe(true);
    expect(laoshan.total).toBeGreaterThan(0);
  });

  it.each([
    ['/targets?asOf=2025-13-01', 'asOf'],
    ['/targets?asOf=yesterday', 'asOf'],
    ['/targets?status=unknown', 'status'],
    ['/targets?sector=nowhere', 'sector'],
    ['/summary?knownAt=notatime', 'knownAt'],
    ['/projects?page=-1', 'page'],
    ['/projects?page=abc', 'page'],
    ['/projects?pageSize=100000', 'pageSize'],
    ['/projects?sort=price', 'sort'],
    ['/projects?stage=done', 'stage'],
    ['/targets?plan=qd-2052', 'plan'],
    ['/summary?plan=qd-2052', 'plan'],
    ['/review?plan=qd-2052', 'plan'],
    ['/targets.csv?plan=qd-2052', 'plan'],
  ])('answers %s with 400 naming the parameter', async (path, param) => {
    const r = await get(path);
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    const body = problemSchema.parse(await r.json());
    expect(body.param).toBe(param);
    expect(body.detail).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each([
    ['/summary', 'district', '崂山'],
    ['/targets', 'district', '崂山'],
    ['/review', 'district', '崂山'],
    ['/targets.csv', 'district', '崂山'],
    ['/summary', 'department', '市发改'],
    ['/targets', 'department', '市发改'],
    ['/summary', 'plan', 'qd-2052'],
    ['/targets', 'status', 'behind'],
    ['/targets', 'sector', 'oceans'],
  ])(
    'answers %s?%s=%s (no such value) with 400 naming the parameter and the values there are',
    async (path, param, value) => {
      const r = await get(`${path}?${param}=${encodeURIComponent(value)}`);
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      const body = problemSchema.parse(await r.json());
      expect(body.param).toBe(param);
      expect(body.value).toBe(value);
      expect(body.detail).toContain(`“${value}”不存在`);
      const targets = targetsResponseSchema.parse(await json('/targets')).items;
      const plans = plansResponseSchema.parse(await json('/plans')).items;
      const expected: Record<string, string[]> = {
        district: [...new Set(targets.map((t) => t.district))],
        department: [...new Set(targets.flatMap((t) => (t.department ? [t.department] : [])))],
        plan: plans.map((p) => p.id),
        status: [...STATUSES],
        sector: [...SECTOR_IDS],
      };
      expect([...(body.allowed ?? [])].sort()).toEqual([...(expected[param] ?? [])].sort());
      // The detail lists them too, for a person reading the raw answer.
      for (const v of body.allowed ?? []) expect(body.detail).toContain(v);
    },
  );

  it('still answers filters naming a district, department or plan that exists', async () => {
    const targets = targetsResponseSchema.parse(await json('/targets')).items;
    const department = targets.find((t) => t.department)?.department ?? '';
    for (const path of [
      `/summary?district=${encodeURIComponent('崂山区')}`,
      `/targets?district=${encodeURIComponent('市级')}&plan=qd-2025`,
      `/summary?department=${encodeURIComponent(department)}`,
      `/review?district=${encodeURIComponent('崂山区')}`,
    ]) {
      await json(path);
    }
    const laoshan = summaryResponseSchema.parse(await json(`/summary?district=${encodeURIComponent('崂山区')}`));
    expect(laoshan.overall.total).toBeGreaterThan(0);
    expect(laoshan.overall.total).toBe(targets.filter((t) => t.district === '崂山区').length);
  });

  it('answers an unknown filter value again after a cached answer of a known one, and never caches the 400', async () => {
    for (let i = 0; i < 2; i++) {
      expect((await get(`/summary?district=${encodeURIComponent('崂山')}`)).status).toBe(400);
      expect((await get(`/summary?district=${encodeURIComponent('崂山区')}`)).status).toBe(200);
    }
  });

  it('answers unknown ids and routes with 404 problems', async () => {
    for (const path of ['/targets/nope', '/projects/nope', '/nothing-here']) {
      const r = await get(path);
      expect(r.status).toBe(404);
      expect(problemSchema.parse(await r.json()).title).toBe('未找到');
    }
  });

  it('serves cached answers only while the data is unchanged', async () => {
    const before = targetsResponseSchema.parse(await json('/targets?plan=qd-2025'));
    const t = before.items.find((i) => i.kind === 'cumulative' && i.state.latest !== null);
    if (!t?.state.latest || t.target === null) throw new Error('no cumulative target with a report');
    const versionBefore = await ctx.store.dataVersion();
    await insertReport(ctx.db.db, {
      id: 'cache-test-report',
      targetId: t.id,
      asOf: before.asOf,
      value: t.target,
      unit: t.unit,
    });
    expect(await ctx.store.dataVersion()).not.toBe(versionBefore);
    const after = targetsResponseSchema.parse(await json('/targets?plan=qd-2025'));
    const updated = after.items.find((i) => i.id === t.id);
    expect(updated?.state.latest?.value).toBe(t.target);
    expect(updated?.state.status).toBe('achieved');
    await ctx.db.db.deleteFrom('reports').where('id', '=', 'cache-test-report').execute();
  });

  it('sends security headers and compresses large responses', async () => {
    const r = await get('/targets', { headers: { 'accept-encoding': 'gzip' } });
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect(r.headers.get('cache-control')).toBe('no-store');
  });
});
