import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates';
import { makeTarget } from '../../src/domain/test-fixtures';
import { ReportColumns } from './report-columns';

type Tuple = Parameters<ReportColumns['replace']>[1][number];

/** Weekly approved reports of one target, `n` of them from 2025-01-03, valued `base + week`. */
function weekly(targetId: string, n: number, base: number): Tuple[] {
  return Array.from({ length: n }, (_, w) => {
    const asOf = addDays('2025-01-03', 7 * w);
    return [
      `${targetId}-${base}-${w}`,
      targetId,
      asOf,
      Date.parse(`${addDays(asOf, 1)}T02:00:00Z`),
      base + w,
      '个',
      null,
      null,
      false,
      'approved',
      null,
    ];
  });
}

describe('report columns', () => {
  it('keeps every target’s reports through rewrites that outgrow and compact the arrays', () => {
    const cols = new ReportColumns(16);
    // Written once, first: it survives only by being copied at each compaction.
    cols.replace(['z'], weekly('z', 10, 7));
    const ids = ['a', 'b', 'c'];
    const latest = new Map<string, number>([['z', 7]]);
    // 300 rewrites of ten rows outgrow the arrays (at least 1,024 rows) several times over.
    for (let round = 0; round < 300; round++) {
      const id = ids[round % 3] as string;
      const base = 1000 * (round + 1);
      cols.replace([id], weekly(id, 10, base));
      latest.set(id, base);
      expect(cols.reportCount).toBe(10 * latest.size);
    }
    const windowOf = cols.windows('2025-03-07', undefined, 'approved');
    for (const id of [...ids, 'z']) {
      const got = windowOf(makeTarget({ id }));
      // The newest 12 rows or 45 days: all ten weeks up to 2025-03-07, values of the last rewrite.
      expect(
        got.map((r) => [r.asOf, r.value, Date.parse(r.recordedAt)]),
        id,
      ).toEqual(
        Array.from({ length: 10 }, (_, w) => {
          const asOf = addDays('2025-01-03', 7 * w);
          return [asOf, (latest.get(id) ?? 0) + w, Date.parse(`${addDays(asOf, 1)}T02:00:00Z`)];
        }),
      );
    }
    // Taking a target's reports away leaves it none, and the others as they were.
    cols.replace(['b'], []);
    expect(cols.reportCount).toBe(30);
    expect(cols.windows('2025-03-07', undefined, 'approved')(makeTarget({ id: 'b' }))).toEqual([]);
    expect(
      cols
        .windows(
          '2025-03-07',
          undefined,
          'approved',
        )(makeTarget({ id: 'z' }))
        .at(-1)?.value,
    ).toBe(16);
  });
});
