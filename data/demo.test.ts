import { describe, expect, it } from 'vitest';
import type { ProgressReport, Status } from '../src/domain/schemas';
import { computeTargetState } from '../src/domain/status';
import { compatibleUnits, convert } from '../src/domain/units';
import { newestReportDate } from '../src/domain/views';
import { CATALOG } from './catalog/catalog';
import { buildDataset } from './dataset';
import { DEMO_SEED, demoReportsFor, demoStartStock, generateDemoReports } from './demo';

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
    // 超6.2万架 in June: the demo racks stand at about that then (they were 2.99万 from a zero start).
    let anchored = 0;
    for (const c of CATALOG.contextFigures) {
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
      anchored++;
    }
    expect(anchored).toBeGreaterThanOrEqual(2);
    const racks = CATALOG.targets.find((t) => t.id === 'dq-dc-standard-racks');
    if (!racks) throw new Error('dq-dc-standard-racks missing');
    // The start is generated for the demo only: the catalog states no baseline.
    expect(racks.baseline).toBeNull();
    expect(demoStartStock(racks, CATALOG.contextFigures)).toBeGreaterThan(5.5);
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
