import { describe, expect, it } from 'vitest';
import type { IsoDate } from './dates';
import { makeTarget, reportFor, techRenewalGrowth } from './test-fixtures';
import { factsOf, SummaryBuilder, summarize, type TargetFacts } from './views';

function factsFor(facts: ReadonlyMap<string, TargetFacts>, id: string): TargetFacts {
  const f = facts.get(id);
  if (!f) throw new Error(`no facts for ${id}`);
  return f;
}

/**
 * A summary's week-before figures (a sector's mean 完成率 a week before, a headline's change) come
 * from the slim `previous` each target's facts keep, not a second whole state.
 */
describe('summary: the week before', () => {
  const a = makeTarget({ id: 'a', headline: '5g' });
  const b = makeTarget({ id: 'b' });
  const cut = { asOf: '2025-06-27' as IsoDate };
  const options = { reportDates: [], generatedAt: '2025-06-28T00:00:00Z' };
  const reports = [
    reportFor(a, '2025-06-20', 1000),
    reportFor(a, '2025-06-27', 1500),
    reportFor(b, '2025-06-20', 600),
    reportFor(b, '2025-06-27', 600),
  ];

  it('keeps a week before only the status, 完成率, 应完成率 and figure, and sums them as the state did', () => {
    const facts = factsOf([a, b], reports, [], cut);
    expect(facts.get('a')?.previous).toEqual({
      status: expect.any(String),
      progress: 1000 / 3000,
      expected: expect.any(Number),
      latest: { value: 1000 },
    });
    const summary = summarize([a, b], facts, cut, options);
    const demand = summary.sectors.find((s) => s.id === 'demand');
    // 1,500 and 600 of 3,000 now; 1,000 and 600 a week before.
    expect(demand?.progress).toBeCloseTo((0.5 + 0.2) / 2, 9);
    expect(demand?.previousProgress).toBeCloseTo((1 / 3 + 0.2) / 2, 9);
    const headline = summary.headlines.find((h) => h.key === '5g');
    expect(headline?.previousProgress).toBeCloseTo(1 / 3, 12);
    // 50.0% − 33.3%: the change as the two shown percentages differ.
    expect(headline?.change).toBeCloseTo(0.167, 12);
  });

  it('takes a rate headline’s change from the rate itself a week before', () => {
    const growth = techRenewalGrowth({ headline: 'key-investment' });
    const rates = [reportFor(growth, '2025-06-20', 5.9), reportFor(growth, '2025-06-27', 5.74)];
    const facts = factsOf([growth], rates, [], cut);
    expect(factsFor(facts, growth.id).previous.latest).toEqual({ value: 5.9 });
    const headline = summarize([growth], facts, cut, options).headlines.find((h) => h.key === 'key-investment');
    // 5.9 % → 5.74 %: −0.16个百分点 of the rate, not of 完成率.
    expect(headline?.change).toBeCloseTo(-0.0016, 12);
  });

  it('gives the same week-before figures when a kept summary replaces a target as when built anew', () => {
    const before = factsOf([a, b], reports, [], cut);
    const builder = new SummaryBuilder(cut.asOf, 8, 64);
    for (const t of [a, b]) builder.add(t, factsFor(before, t.id));
    // b's report of a week before is corrected upwards: its previous changes, its state does not.
    const corrected = [...reports.slice(0, 2), reportFor(b, '2025-06-20', 900), reportFor(b, '2025-06-27', 600)];
    const after = factsOf([a, b], corrected, [], cut);
    builder.replace(b, factsFor(before, 'b'), factsFor(after, 'b'));
    const kept = builder.result(cut, options);
    const anew = summarize([a, b], after, cut, options);
    expect(kept.sectors).toEqual(anew.sectors);
    expect(anew.sectors.find((s) => s.id === 'demand')?.previousProgress).toBeCloseTo((1 / 3 + 0.3) / 2, 9);
  });
});
