import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { effectiveReports, onePerDate, recordedBy, reportsAsOf } from './reports';
import { makeReport } from './test-fixtures';

const ids = (rs: readonly { id: string }[]) => rs.map((r) => r.id);

describe('the second time axis: recordedAt', () => {
  const r = makeReport({ id: 'a', asOf: '2025-06-30', recordedAt: '2025-07-02T09:00:00+08:00', value: 1500 });

  it('knows a report from the instant it was recorded, across time zones', () => {
    expect(recordedBy(r, undefined)).toBe(true);
    expect(recordedBy(r, '2025-07-02T09:00:00+08:00')).toBe(true);
    // 01:00Z is 09:00 in Shanghai: the same instant.
    expect(recordedBy(r, '2025-07-02T01:00:00Z')).toBe(true);
    expect(recordedBy(r, '2025-07-02T00:59:59Z')).toBe(false);
  });

  it('refuses a knownAt that is not a time instead of silently hiding every report', () => {
    let err: unknown;
    try {
      effectiveReports([r], 'last tuesday');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('invalid_date');
  });
});

describe('corrections', () => {
  // 5G基站: 1500 reported for 06-30, then corrected to 1450 on 07-05; the correction corrected on 07-08.
  const original = makeReport({ id: 'o', asOf: '2025-06-30', recordedAt: '2025-07-01T10:00:00+08:00', value: 1500 });
  const fix1 = makeReport({
    id: 'c1',
    asOf: '2025-06-30',
    recordedAt: '2025-07-05T10:00:00+08:00',
    value: 1450,
    supersedes: 'o',
    correctionReason: '重复统计',
  });
  const fix2 = makeReport({
    id: 'c2',
    asOf: '2025-06-30',
    recordedAt: '2025-07-08T10:00:00+08:00',
    value: 1460,
    supersedes: 'c1',
  });
  const other = makeReport({ id: 'x', asOf: '2025-07-07', recordedAt: '2025-07-07T18:00:00+08:00', value: 1600 });
  const all = [fix2, other, original, fix1];

  it('a correction supersedes the report it corrects, and chains', () => {
    expect(ids(effectiveReports(all)).sort()).toEqual(['c2', 'x']);
  });

  it('"known at K" reproduces what was known then', () => {
    expect(ids(effectiveReports(all, '2025-07-02T00:00:00+08:00'))).toEqual(['o']);
    expect(ids(effectiveReports(all, '2025-07-06T00:00:00+08:00'))).toEqual(['c1']);
    expect(ids(effectiveReports(all, '2025-07-07T20:00:00+08:00')).sort()).toEqual(['c1', 'x']);
    expect(ids(effectiveReports(all, '2025-07-01T09:59:59+08:00'))).toEqual([]);
  });

  it('reportsAsOf combines both axes and sorts by as-of date', () => {
    expect(ids(reportsAsOf(all, { asOf: '2025-07-06' }))).toEqual(['c2']);
    expect(ids(reportsAsOf(all, { asOf: '2025-07-31' }))).toEqual(['c2', 'x']);
    expect(ids(reportsAsOf(all, { asOf: '2025-07-31', knownAt: '2025-07-07T20:00:00+08:00' }))).toEqual(['c1', 'x']);
    expect(ids(reportsAsOf(all, { asOf: '2025-06-29' }))).toEqual([]);
  });
});

describe('onePerDate', () => {
  it('keeps the last recorded report of each as-of date', () => {
    const a = makeReport({ id: 'a', asOf: '2025-03-07', recordedAt: '2025-03-07T18:00:00+08:00', value: 100 });
    const b = makeReport({ id: 'b', asOf: '2025-03-07', recordedAt: '2025-03-09T18:00:00+08:00', value: 120 });
    const c = makeReport({ id: 'c', asOf: '2025-03-14', value: 200 });
    // Given in the wrong order: reportsAsOf sorts ties by recordedAt, so b (recorded later) wins.
    expect(ids(onePerDate(reportsAsOf([c, b, a], { asOf: '2025-12-31' })))).toEqual(['b', 'c']);
  });
});

describe('effectiveReports properties', () => {
  // Reports r0…r(n-1), recorded one day apart; each may correct any earlier one.
  const history = fc.array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 12 }).map((targets) =>
    targets.map((t, i) =>
      makeReport({
        id: `r${i}`,
        asOf: '2025-06-30',
        recordedAt: `2025-07-${String(i + 1).padStart(2, '0')}T12:00:00+08:00`,
        value: i,
        supersedes: t === null || i === 0 ? null : `r${t % i}`,
      }),
    ),
  );

  it('keeps exactly the known reports that no known report corrects', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 13 }), (reports, k) => {
        const knownAt = `2025-07-${String(k + 1).padStart(2, '0')}T00:00:00+08:00`;
        const known = reports.filter((r) => Date.parse(r.recordedAt) <= Date.parse(knownAt));
        const corrected = new Set(known.map((r) => r.supersedes));
        const expected = known.filter((r) => !corrected.has(r.id)).map((r) => r.id);
        expect(ids(effectiveReports(reports, knownAt))).toEqual(expected);
        // Knowing more never brings back a corrected report.
        for (const id of ids(effectiveReports(reports))) expect(corrected.has(id)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('which reports count: approved by default, with those waiting for review on request (issue 23)', () => {
  const at = (hh: string) => `2025-07-02T${hh}:00:00+08:00`;
  const approved = makeReport({ id: 'a', asOf: '2025-06-30', recordedAt: at('09'), value: 100 });
  const pending = makeReport({
    id: 'p',
    asOf: '2025-07-01',
    recordedAt: at('10'),
    value: 120,
    approval: { state: 'pending', by: null, at: null, reason: null },
  });
  const approvedLater = makeReport({
    id: 'l',
    asOf: '2025-07-01',
    recordedAt: at('10'),
    value: 130,
    approval: { state: 'approved', by: 'rev', at: at('12'), reason: null },
  });
  const returned = makeReport({
    id: 'r',
    asOf: '2025-06-30',
    recordedAt: at('10'),
    value: 90,
    supersedes: 'a',
    approval: { state: 'returned', by: 'rev', at: at('11'), reason: '不符' },
  });
  const revision = makeReport({
    id: 'v',
    asOf: '2025-06-30',
    recordedAt: at('13'),
    value: 95,
    supersedes: 'r',
    approval: { state: 'approved', by: 'rev', at: at('14'), reason: null },
  });

  it('a pending report counts only with the pending ones, from when it was sent', () => {
    expect(ids(effectiveReports([approved, pending]))).toEqual(['a']);
    expect(ids(effectiveReports([approved, pending], undefined, 'pending'))).toEqual(['a', 'p']);
    expect(ids(effectiveReports([approved, pending], at('09'), 'pending'))).toEqual(['a']);
    expect(ids(effectiveReports([approved, pending], undefined, 'all'))).toEqual(['a', 'p']);
  });

  it('an approved report counts from when it was approved; with the pending ones, from when it was sent', () => {
    expect(ids(effectiveReports([approvedLater], at('11')))).toEqual([]);
    expect(ids(effectiveReports([approvedLater], at('12')))).toEqual(['l']);
    expect(ids(effectiveReports([approvedLater]))).toEqual(['l']);
    expect(ids(effectiveReports([approvedLater], at('10'), 'pending'))).toEqual(['l']);
  });

  it('a returned correction never replaces what it corrected; its approved revision replaces the whole chain', () => {
    expect(ids(effectiveReports([approved, returned]))).toEqual(['a']);
    expect(ids(effectiveReports([approved, returned], undefined, 'pending'))).toEqual(['a']);
    // Until it was returned it counted with the pending ones (a meeting reproduced before 11:00).
    expect(ids(effectiveReports([approved, returned], at('10'), 'pending'))).toEqual(['r']);
    expect(ids(effectiveReports([approved, returned, revision]))).toEqual(['v']);
    expect(ids(effectiveReports([approved, returned, revision], at('13')))).toEqual(['a']);
    expect(ids(effectiveReports([approved, returned, revision], undefined, 'all'))).toEqual(['v']);
    expect(reportsAsOf([approved, returned, revision], { asOf: '2025-06-30' }).map((r) => r.value)).toEqual([95]);
  });
});
