import type { Figure } from './report';

/**
 * How fast this machine is right now: a fixed piece of plain JavaScript (sorting 300,000 numbers
 * from a seeded generator, and a JSON round trip of 20,000 records), the same work on every machine
 * and every run, the median of five. Shared machines differ (seen here: the same commit's domain
 * figure at 67 ms on one and 118–232 ms on another), and a figure is only comparable with another
 * taken on a machine this fast: the bench prints this at its start and its end.
 */
export function machineSpeed(when: 'start' | 'end'): Figure {
  const runs: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    referenceWork();
    if (i > 0) runs.push(performance.now() - t0); // the first run warms the JIT up
  }
  runs.sort((a, b) => a - b);
  return {
    name: `machine: reference workload (${when} of run)`,
    value: runs[2] ?? Number.NaN,
    unit: 'ms',
    budget: null,
    note: 'fixed JS work, median of 5: compare runs by it',
  };
}

function referenceWork(): number {
  let seed = 12_345;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed;
  };
  const numbers = Float64Array.from({ length: 300_000 }, next).sort();
  const records = Array.from({ length: 20_000 }, (_, i) => ({ id: `t-${i}`, value: next() / 1e6, note: '目标进度' }));
  const back = JSON.parse(JSON.stringify(records)) as typeof records;
  return (numbers[0] ?? 0) + back.length;
}
