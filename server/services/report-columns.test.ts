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

  it('reclaims stale rows in place, and keeps long runs whole when the arrays are nearly full', () => {
    // Room for the most live rows (21 × 200) and a twentieth more: never grown, only compacted in place.
    const cols = new ReportColumns(4620);
    const fixed = cols.bytes;
    const ids = Array.from({ length: 20 }, (_, i) => `t${i}`);
    const expected = new Map<string, { n: number; base: number }>();
    // A fixed sequence of lengths (0 to 200 rows) and targets: long runs rewritten as the arrays fill.
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let round = 0; round < 2000; round++) {
      const id = ids[next() % ids.length] as string;
      const n = next() % 201;
      const base = 1000 * (round + 1);
      cols.replace([id], weekly(id, n, base));
      expected.set(id, { n, base });
    }
    expect(cols.reportCount).toBe([...expected.values()].reduce((sum, e) => sum + e.n, 0));
    expect(cols.bytes).toBe(fixed);
    const asOf = addDays('2025-01-03', 7 * 200);
    const windowOf = cols.windows(asOf, undefined, 'all');
    for (const [id, { n, base }] of expected) {
      // The newest 12 weekly rows (or fewer), with the values of the target's last rewrite.
      const from = Math.max(0, n - 12);
      expect(
        windowOf(makeTarget({ id })).map((r) => [r.asOf, r.value]),
        id,
      ).toEqual(Array.from({ length: n - from }, (_, k) => [addDays('2025-01-03', 7 * (from + k)), base + from + k]));
    }
  });

  it('rewrites a long run into arrays that have room only once its old rows are reclaimed', () => {
    const cols = new ReportColumns(1024);
    cols.replace(['big'], weekly('big', 300, 1));
    cols.replace(['small'], weekly('small', 600, 1));
    // 900 of 1,024 rows used: the new 300 fit only over the stale old ones, not after them.
    cols.replace(['big'], weekly('big', 300, 5000));
    expect(cols.bytes).toBe(1024 * (4 + 8 + 8 + 4 + 4 + 1 + 2) + 1024 * 8);
    const window = cols.windows(addDays('2025-01-03', 7 * 299), undefined, 'all')(makeTarget({ id: 'big' }));
    expect(window.map((r) => r.value)).toEqual(Array.from({ length: 12 }, (_, k) => 5000 + 288 + k));
    expect(cols.reportCount).toBe(900);
  });

  it('holds a column of approval times only once a report has been decided', () => {
    const cols = new ReportColumns(1024);
    cols.replace(['a'], weekly('a', 10, 1));
    cols.replace(['s'], weekly('s', 30, 100));
    const without = cols.bytes;
    const decidedAt = Date.parse('2025-03-10T02:00:00Z');
    const returned: Tuple = [
      'r',
      'b',
      '2025-03-07',
      Date.parse('2025-03-08T02:00:00Z'),
      5,
      '个',
      null,
      null,
      false,
      'returned',
      decidedAt,
    ];
    const approved: Tuple = [
      'p',
      'b',
      '2025-02-28',
      Date.parse('2025-03-01T02:00:00Z'),
      4,
      '个',
      null,
      null,
      false,
      'approved',
      decidedAt,
    ];
    cols.replace(['b'], [approved, returned]);
    expect(cols.bytes - without).toBe(1024 * 8);
    // The windows carry each report's approval (the engine filters by view): its state and when.
    const at = new Date(decidedAt).toISOString();
    const approvedView = (id: string) => cols.windows('2025-03-07', undefined, 'approved')(makeTarget({ id }));
    expect(approvedView('b').map((r) => [r.value, r.approval?.state, r.approval?.at])).toEqual([
      [4, 'approved', at],
      [5, 'returned', at],
    ]);
    // The rows written before the column existed: approved on entry, no approval object.
    const a = approvedView('a');
    expect(a).toHaveLength(10);
    expect(a.every((r) => r.approval === undefined)).toBe(true);
    // Before the column existed nothing was decided: a stock paced from its first report (its first
    // figure read however old) finds none known before the first was recorded, and that one after.
    const stock = makeTarget({ id: 's', kind: 'level', baseline: null, target: 500 });
    const week29 = addDays('2025-01-03', 7 * 29);
    expect(cols.windows(week29, '2025-01-01T00:00:00Z', 'approved')(stock)).toEqual([]);
    const afterFirst = cols.windows(week29, '2025-01-04T03:00:00Z', 'approved')(stock);
    expect(afterFirst.map((r) => r.value)).toEqual([100]);
    // A rewrite that grows the arrays keeps the times.
    cols.replace(['c'], weekly('c', 2000, 1));
    expect(approvedView('b').map((r) => r.approval?.at)).toEqual([at, at]);
  });
});
