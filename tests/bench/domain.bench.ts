import { addDays } from '../../src/domain/dates';
import { INVESTMENT_PROFILE } from '../../src/domain/pacing';
import type { ProgressReport, Target } from '../../src/domain/schemas';
import { computeTargetState } from '../../src/domain/status';
import type { Figure } from './report';

/** 10,000 targets × 52 weekly reports: the state of a province-sized catalog, in one pass. */
export function syntheticTargets(
  n: number,
  reportsEach: number,
): { targets: Target[]; reports: Map<string, ProgressReport[]> } {
  const targets: Target[] = [];
  const reports = new Map<string, ProgressReport[]>();
  for (let i = 0; i < n; i++) {
    const kind = (['cumulative', 'level', 'growth', 'share', 'cumulative'] as const)[i % 5] ?? 'cumulative';
    const t: Target = {
      id: `t${i}`,
      planId: 'bench',
      sectorId: 'demand',
      subsection: 'bench',
      title: `目标${i}`,
      district: '市级',
      department: null,
      departmentName: null,
      supportingDepartments: [],
      divisionDemo: false,
      supportMayReport: false,
      kind,
      unit: kind === 'growth' || kind === 'share' ? '%' : '个',
      target: kind === 'growth' ? 8 : kind === 'share' ? 12 : 1000 + i,
      comparator: 'gte',
      baseline: kind === 'level' ? 100 : null,
      periodStart: '2025-01-01',
      deadline: '2025-12-31',
      pacing: i % 3 === 0 && kind === 'cumulative' ? INVESTMENT_PROFILE : { type: 'linear' },
      stages: [],
      headline: null,
      source: { document: 'bench', quote: 'bench' },
      demo: true,
    };
    targets.push(t);
    const list: ProgressReport[] = [];
    for (let w = 0; w < reportsEach; w++) {
      const asOf = addDays('2025-01-03', w * 7);
      const goal = t.target ?? 1;
      list.push({
        id: `r${i}-${w}`,
        targetId: t.id,
        asOf,
        recordedAt: `${addDays(asOf, 1)}T02:00:00.000Z`,
        value:
          kind === 'growth' || kind === 'share' ? goal * (0.9 + (w % 5) / 20) : (goal * (w + 1)) / (reportsEach + 4),
        unit: t.unit,
        stagesDone: null,
        note: '',
        evidence: null,
        source: null,
        reportedBy: 'bench',
        supersedes: null,
        correctionReason: null,
        demo: true,
      });
    }
    reports.set(t.id, list);
  }
  return { targets, reports };
}

export function benchDomain(): Figure[] {
  const { targets, reports } = syntheticTargets(10_000, 52);
  const run = () => {
    const t0 = performance.now();
    for (const t of targets) computeTargetState(t, reports.get(t.id) ?? [], { asOf: '2025-10-31' });
    return performance.now() - t0;
  };
  run(); // warm up the JIT
  const times = [run(), run(), run()].sort((a, b) => a - b);
  return [
    {
      name: 'domain: states of 10,000 targets × 52 reports',
      value: times[1] ?? Number.NaN,
      unit: 'ms',
      budget: 100,
      note: 'median of 3 runs after a warm-up',
    },
  ];
}
