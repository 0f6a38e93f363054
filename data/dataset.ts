import { rollUp, rollupValue } from '../src/domain/project-rollup';
import { effectiveReports } from '../src/domain/reports';
import type { KeyProject, ProgressReport, Target } from '../src/domain/schemas';
import type { Dataset } from '../src/domain/views';
import { CATALOG } from './catalog/catalog';
import { DEMO_SEED, generateDemoProjects, generateDemoReports } from './demo';
import { DEPARTMENTS } from './departments';
import { demoDivision } from './division';

export interface DatasetOptions {
  /** Include generated demo progress and demo key projects (default true; `DEMO=0` leaves them out). */
  demo: boolean;
  seed?: number;
}

/**
 * The project-count targets whose project lists the demo fills: the city's 460 key projects (with the
 * 2450亿元 investment they deliver) and Laoshan's 263 (with its 1900亿元).
 */
function projectTargets(targets: readonly Target[]) {
  const byHeadline = (key: string) => targets.find((t) => t.headline === key);
  const laoshan = targets.filter((t) => t.planId === 'laoshan-2025');
  const laoshanProjects = laoshan.find((t) => t.unit === '个' && t.title.includes('重点项目'));
  const laoshanInvestment = laoshan.find((t) => t.unit.endsWith('亿元') && t.title.includes('重点项目'));
  // Laoshan states its projects' planned total (a context figure, not a target): the demo list adds up to it.
  const laoshanTotal = CATALOG.contextFigures.find((c) => c.id === 'ctx-ls-key-projects-total-investment')?.value;
  return {
    city: byHeadline('key-projects'),
    cityInvestment: byHeadline('key-investment'),
    laoshan: laoshanProjects,
    laoshanInvestment,
    laoshanTotal: laoshanInvestment?.target ?? laoshanTotal ?? null,
  };
}

export function demoProjects(targets: readonly Target[], named: readonly KeyProject[], seed = DEMO_SEED): KeyProject[] {
  const t = projectTargets(targets);
  const out: KeyProject[] = [];
  if (t.city?.target) {
    out.push(
      ...generateDemoProjects(t.city, named, t.city.target, t.cityInvestment?.target ?? null, {
        extraTargetIds: t.cityInvestment ? [t.cityInvestment.id] : [],
        seed,
      }),
    );
  }
  if (t.laoshan?.target) {
    out.push(
      ...generateDemoProjects(t.laoshan, named, t.laoshan.target, t.laoshanTotal, {
        district: '崂山区',
        extraTargetIds: t.laoshanInvestment ? [t.laoshanInvestment.id] : [],
        totalIsMultiYear: !t.laoshanInvestment,
        seed,
      }),
    );
  }
  return out;
}

/**
 * A project-list target's demo figures made of its project list: the series keeps its generated
 * shape, scaled so that its latest figure is what the list adds up to (the projects started, or the
 * investment completed). The tile, the target page and the project table then give the same number.
 */
export function alignWithProjects(
  targets: readonly Target[],
  reports: readonly ProgressReport[],
  projects: readonly KeyProject[],
): ProgressReport[] {
  const factors = new Map<string, number>();
  for (const t of targets) {
    const listed = projects.filter((p) => p.targetIds.includes(t.id));
    if (listed.length === 0) continue;
    const own = reports.filter((r) => r.targetId === t.id);
    if (own.some((r) => !r.demo)) continue; // a published figure is never rewritten
    const latest = effectiveReports(own)
      .filter((r) => r.value !== null)
      .sort((a, b) => a.asOf.localeCompare(b.asOf))
      .at(-1);
    const value = rollupValue(t, rollUp(listed));
    if (!latest?.value || value === null) continue;
    factors.set(t.id, value / latest.value);
  }
  const units = new Map(targets.map((t) => [t.id, t.unit]));
  return reports.map((r) => {
    const f = factors.get(r.targetId);
    if (f === undefined || r.value === null) return r;
    const digits = units.get(r.targetId) === '亿元' ? 10 : 1;
    return { ...r, value: Math.round(r.value * f * digits) / digits };
  });
}

/**
 * A target the documents name no lead department for, with the demo division of tasks (data/division.ts):
 * flagged `divisionDemo`, shown marked 演示 like all demo data; `DEMO=0` leaves it out.
 */
export function withDemoDivision(t: Target): Target {
  const d = demoDivision(t);
  if (!d) return t;
  const lead = DEPARTMENTS.find((x) => x.id === d.lead);
  return {
    ...t,
    department: d.lead,
    departmentName: lead?.name ?? null,
    supportingDepartments: [...d.supporting].sort(),
    divisionDemo: true,
  };
}

/** Instants in one canonical form (UTC, as the database returns them), so mock and server agree. */
const canonical = (r: ProgressReport): ProgressReport => ({ ...r, recordedAt: new Date(r.recordedAt).toISOString() });

export function buildDataset(options: DatasetOptions): Dataset {
  const seed = options.seed ?? DEMO_SEED;
  const { plans, targets, contextFigures, projects } = CATALOG;
  const publishedReports = CATALOG.publishedReports.map(canonical);
  if (!options.demo) return { plans, targets, reports: publishedReports, contextFigures, projects };
  const allProjects = [...projects, ...demoProjects(targets, projects, seed)];
  const divided = targets.map(withDemoDivision);
  const demoReports = generateDemoReports(divided, publishedReports, seed, contextFigures).map(canonical);
  return {
    plans,
    targets: divided,
    reports: [...publishedReports, ...alignWithProjects(targets, demoReports, allProjects)],
    contextFigures,
    projects: allProjects,
  };
}
