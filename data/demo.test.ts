import { describe, expect, it } from 'vitest';
import type { ProgressReport, Status } from '../src/domain/schemas';
import { computeTargetState } from '../src/domain/status';
import { compatibleUnits, convert } from '../src/domain/units';
import { newestReportDate } from '../src/domain/views';
import { CATALOG } from './catalog/catalog';
import { CONTEXT_SAME_MEASURE } from './catalog/published';
import { buildDataset } from './dataset';
import {
  DEMO_SEED,
  demoReportsFor,
  demoStartStock,
  districtShortName,
  generateDemoReports,
  QINGDAO_DISTRICTS,
} from './demo';

const demo = buildDataset({ demo: true });
const published = buildDataset({ demo: false });
const demoReports = demo.reports.filter((r) => !published.reports.some((p) => p.id === r.id));
const demoProjects = demo.projects.filter((p) => !CATALOG.projects.some((n) => n.id === p.id));

const byTarget = new Map<string, ProgressReport[]>();
for (const r of demo.reports) byTarget.set(r.targetId, [...(byTarget.get(r.targetId) ?? []), r]);

describe('demo generator', () => {
  it('is deterministic: the same seed gives the same data, another seed other data', () => {
    expect(buildDataset({ demo: true, seed: DEMO_SEED })).toEqual(demo);
    const t = CATALOG.targets.find((x) => x.id === 'qd-new-urban-jobs');
    if (!t) throw new Error('qd-new-urban-jobs missing');
    expect(demoReportsFor(t, 7)).toEqual(demoReportsFor(t, 7));
    expect(demoReportsFor(t, 7)).not.toEqual(demoReportsFor(t, 8));
    const other = buildDataset({ demo: true, seed: 42 });
    expect(other.reports).not.toEqual(demo.reports);
    expect(other.reports.length).toBeGreaterThan(0);
  });

  it('flags every generated record demo: true and leaves the catalog records unflagged', () => {
    expect(demoReports.length).toBeGreaterThan(5000);
    expect(demoProjects.length).toBeGreaterThan(400);
    for (const r of demoReports) {
      expect(r.demo, r.id).toBe(true);
      expect(r.id.startsWith('demo-'), r.id).toBe(true);
      expect(r.source, r.id).toBeNull();
    }
    for (const p of demoProjects) {
      expect(p.demo, p.id).toBe(true);
      expect(p.source, p.id).toBeNull();
      expect(p.name, p.id).toMatch(/（演示）$/);
    }
    for (const r of published.reports) expect(r.demo, r.id).toBe(false);
    for (const p of published.projects) expect(p.demo, p.id).toBe(false);
    expect(published.reports.map((r) => r.id).sort()).toEqual(CATALOG.publishedReports.map((r) => r.id).sort());
  });

  it('generates no demo report for a target that has published progress', () => {
    const withPublished = new Set(CATALOG.publishedReports.map((r) => r.targetId));
    expect(withPublished.size).toBeGreaterThan(0);
    expect(demoReports.filter((r) => withPublished.has(r.targetId)).map((r) => r.id)).toEqual([]);
    expect(
      generateDemoReports(CATALOG.targets, CATALOG.publishedReports).some((r) => withPublished.has(r.targetId)),
    ).toBe(false);
  });

  it('starts a level target from a stock, not from zero, and never contradicts its published context figures', () => {
    const levels = CATALOG.targets.filter((t) => t.kind === 'level' && byTarget.has(t.id));
    expect(levels.length).toBeGreaterThan(5);
    for (const t of levels) {
      const series = (byTarget.get(t.id) ?? []).filter((r) => r.supersedes === null && r.value !== null);
      const first = series[0]?.value ?? 0;
      const goal = t.target ?? 0;
      expect(first, `${t.id} starts at ${first} of ${goal}`).toBeGreaterThan(0.3 * goal);
      expect(first, t.id).toBeLessThan(goal);
    }
    // A figure of the same measure (超/近 of the target's own quantity): the demo stands at about it then.
    for (const c of CATALOG.contextFigures.filter((x) => CONTEXT_SAME_MEASURE.has(x.id))) {
      const t = levels.find((x) => x.id === c.targetId);
      if (!t || !compatibleUnits(c.unit, t.unit) || c.asOf >= t.deadline) continue;
      const figure = convert(c.value, c.unit, t.unit);
      if (figure >= (t.target ?? 0)) continue;
      // The first demo report on or after the figure's date.
      const at = (byTarget.get(t.id) ?? []).find((r) => r.asOf >= c.asOf && r.supersedes === null);
      expect(at, c.id).toBeDefined();
      const v = at?.value ?? 0;
      expect(v, `${c.id}: demo ${v} beside ${figure}`).toBeGreaterThanOrEqual(figure);
      expect(v, `${c.id}: demo ${v} beside ${figure}`).toBeLessThanOrEqual(Math.max(1.1 * figure, figure + 1));
    }
    const racks = CATALOG.targets.find((t) => t.id === 'dq-dc-standard-racks');
    if (!racks) throw new Error('dq-dc-standard-racks missing');
    // The start is generated for the demo only: the catalog states no baseline.
    expect(racks.baseline).toBeNull();
  });

  it('takes no demo figure from a context figure of another measure (another 口径, scope or period)', () => {
    // 全市数据中心在用标准机架超6.2万架 is all data centres' racks in use, not 通用数据中心标准机架: the demo
    // racks used to start from it. Every context figure not listed as the target's own measure leaves
    // its target's demo series exactly as it is without it.
    const others = CATALOG.contextFigures.filter((c) => !CONTEXT_SAME_MEASURE.has(c.id));
    expect(others.length).toBeGreaterThan(10);
    for (const c of others) {
      const t = CATALOG.targets.find((x) => x.id === c.targetId);
      if (!t) throw new Error(`${c.id}: no target ${c.targetId}`);
      const without = CATALOG.contextFigures.filter((x) => x.id !== c.id);
      expect(demoReportsFor(t, DEMO_SEED, CATALOG.contextFigures), c.id).toEqual(demoReportsFor(t, DEMO_SEED, without));
      if (t.kind === 'level') {
        expect(demoStartStock(t, CATALOG.contextFigures), c.id).toBe(demoStartStock(t, without));
      }
    }
    // A figure the catalog calls another definition is never listed as the same measure.
    for (const c of CATALOG.contextFigures.filter((x) => CONTEXT_SAME_MEASURE.has(x.id))) {
      expect(c.relation, c.id).not.toMatch(/口径|全市|范围|上年|\d{4}年/);
    }
  });

  it('names demo projects by their whole district name, with no real place of another district, each name once', () => {
    const all = demo.projects;
    const names = all.map((p) => p.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    // Real places: a demo name with one of them would place the project in another district.
    const PLACES = ['红岛', '藏马', '鳌山', '金沙', '黄岛', '董家口', '灵山湾', '沙子口', '王哥庄', '流亭', '田横'];
    for (const p of demoProjects) {
      const short = districtShortName(p.district);
      expect(p.name.startsWith(short), `${p.id}: ${p.name} in ${p.district}`).toBe(true);
      // 西海岸新区 is 西海岸, never the truncated 西海岸新.
      expect(p.name.startsWith(`${short}新`) && p.district === '西海岸新区', p.name).toBe(false);
      const others = QINGDAO_DISTRICTS.filter((d) => d !== p.district).map(districtShortName);
      for (const word of [...others, ...PLACES]) {
        expect(p.name.slice(short.length).includes(word), `${p.name}: ${word}`).toBe(false);
      }
    }
    expect(demoProjects.some((p) => p.district === '西海岸新区')).toBe(true);
  });

  it('fills the key-project lists: 460 city projects planning 2450亿元 this year, 263 Laoshan projects of 1900亿元 in all', () => {
    const { projects } = buildDataset({ demo: true });
    const of = (id: string) => projects.filter((p) => p.targetIds.includes(id));
    const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
    expect(of('qd-key-projects')).toHaveLength(460);
    expect(of('ls-key-projects')).toHaveLength(263);
    const cityDemo = of('qd-key-projects').filter((p) => p.demo);
    expect(sum(cityDemo.map((p) => p.plannedInvestment ?? 0))).toBeCloseTo(2450, -1);
    // Laoshan's 1900亿元 is the projects' total (multi-year) investment, not the year's plan.
    const laoshanDemo = of('ls-key-projects').filter((p) => p.demo);
    expect(sum(laoshanDemo.map((p) => p.totalInvestment ?? 0))).toBeCloseTo(1900, -1);
    for (const p of laoshanDemo) expect(p.plannedInvestment ?? 0).toBeLessThanOrEqual(p.totalInvestment ?? 0);
  });

  it('gives a realistic status spread at the default as-of date (the newest report)', () => {
    const asOf = newestReportDate(demo.reports);
    expect(asOf).toBe('2025-12-26');
    const counts: Record<Status, number> = {
      achieved: 0,
      on_track: 0,
      lagging: 0,
      severe: 0,
      no_data: 0,
      not_started: 0,
      missed: 0,
    };
    for (const t of demo.targets) {
      const plan = demo.plans.find((p) => p.id === t.planId);
      const state = computeTargetState(t, byTarget.get(t.id) ?? [], {
        asOf: asOf as string,
        thresholds: plan?.thresholds,
      });
      counts[state.status]++;
    }
    const n = demo.targets.length;
    const share = (s: Status) => counts[s] / n;
    // Most on pace (on track, or done where a handful of items is due by the year's last week)…
    expect(share('on_track') + share('achieved'), JSON.stringify(counts)).toBeGreaterThan(0.6);
    expect(share('on_track'), JSON.stringify(counts)).toBeGreaterThan(0.25);
    // …some behind, a few far behind, some done, a few not reporting.
    expect(share('lagging'), JSON.stringify(counts)).toBeGreaterThan(0.05);
    expect(share('lagging'), JSON.stringify(counts)).toBeLessThan(0.2);
    expect(share('severe'), JSON.stringify(counts)).toBeGreaterThan(0.03);
    expect(share('severe'), JSON.stringify(counts)).toBeLessThan(share('on_track'));
    expect(share('severe'), JSON.stringify(counts)).toBeLessThan(0.15);
    expect(share('achieved'), JSON.stringify(counts)).toBeGreaterThan(0.05);
    expect(counts.no_data, JSON.stringify(counts)).toBeGreaterThan(0);
  });
});

describe('project-list targets on the demo', () => {
  it('report, as their latest figure, what their project list adds up to (the tile, the page and the table agree)', async () => {
    const { buildDataset } = await import('./dataset');
    const { rollUp, rollupValue, rollupMeasure } = await import('../src/domain/project-rollup');
    const { effectiveReports } = await import('../src/domain/reports');
    const d = buildDataset({ demo: true });
    const checked: string[] = [];
    for (const t of d.targets) {
      const listed = d.projects.filter((p) => p.targetIds.includes(t.id));
      if (listed.length === 0 || rollupMeasure(t, rollUp(listed)) === null) continue;
      const latest = effectiveReports(d.reports.filter((r) => r.targetId === t.id))
        .sort((a, b) => a.asOf.localeCompare(b.asOf))
        .at(-1);
      expect(latest?.value, t.id).toBe(rollupValue(t, rollUp(listed)));
      checked.push(t.id);
    }
    expect(checked.sort()).toEqual(['ls-key-projects', 'qd-key-investment', 'qd-key-projects']);
  });
});
