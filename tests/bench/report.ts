/** One benchmark figure beside its budget. `lowerIsBetter` decides which side of the budget passes. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  budget: number | null;
  lowerIsBetter?: boolean;
  note?: string;
}

export function passes(f: Figure): boolean {
  if (f.budget === null) return true;
  // A figure that could not be measured (NaN: e.g. no PostgreSQL) never passes its budget.
  if (!Number.isFinite(f.value)) return false;
  return f.lowerIsBetter === false ? f.value >= f.budget : f.value <= f.budget;
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

export function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.name,
    `${fmt(f.value)} ${f.unit}`,
    f.budget === null ? '—' : `${f.lowerIsBetter === false ? '≥' : '≤'} ${fmt(f.budget)} ${f.unit}`,
    f.budget === null ? 'info' : passes(f) ? 'pass' : 'FAIL',
    f.note ?? '',
  ]);
  const head = ['figure', 'value', 'budget', 'result', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}
