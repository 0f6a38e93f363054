import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changeOf,
  completionText,
  derivedCompletion,
  formatChange,
  formatDerived,
  formatGap,
  formatPaceRatio,
  gapText,
  nextNodeText,
  shownRunRate,
  verdictText,
} from './figures';
import { formatPercent, formatQuantity, formatRate, formatRateQuantity } from './format';
import type { RequiredRate } from './schemas';
import { computeTargetState } from './status';
import {
  cityCompute,
  digitalShare,
  guanluReservoir,
  makeTarget,
  pm25,
  reportFor,
  series,
  stagesReport,
  techRenewalGrowth,
} from './test-fixtures';

/** What an official reads, target by target: each figure as the product writes it. */
describe('the vocabulary of figures', () => {
  it('a growth rate: 5.74 % against 10 % is 4.26 个百分点 below target, not "-42.6"', () => {
    const t = techRenewalGrowth({ title: '软件业务收入增长10%以上', target: 10 });
    const s = computeTargetState(t, [reportFor(t, '2025-06-30', 5.74)], { asOf: '2025-06-30' });
    expect(completionText(t, s)).toBe('57.4%');
    expect(formatGap(s)).toBe('-4.26个百分点');
    expect(gapText(t, s)).toBe('低于目标 4.26个百分点');
    expect(gapText(t, s, 'en')).toBe('4.26 pp below target');
    // Even in a table column: a rate's gap is never a bare "-4.26个百分点" beside 完成率 57.4%.
    expect(gapText(t, s, 'zh-CN', true)).toBe('低于目标 4.26个百分点');
    expect(formatGap(s)).toBe('-4.26个百分点');
    const above = computeTargetState(t, [reportFor(t, '2025-06-30', 13.35)], { asOf: '2025-06-30' });
    expect(gapText(t, above)).toBe('高于目标 3.35个百分点');
  });

  it('a share at 32.24 % against 35 % is 2.76 个百分点 below, and its weekly change is the rate’s own', () => {
    const t = digitalShare({ target: 35 });
    const reports = [reportFor(t, '2025-06-23', 32.4), reportFor(t, '2025-06-30', 32.24)];
    const now = computeTargetState(t, reports, { asOf: '2025-06-30' });
    const before = computeTargetState(t, reports, { asOf: '2025-06-23' });
    expect(gapText(t, now)).toBe('低于目标 2.76个百分点');
    expect(changeOf(t, now, before)).toBeCloseTo(-0.0016, 12);
    expect(formatChange(t, now, before)).toBe('-0.16个百分点');
  });

  it('a stock paced from its first report: the headline is value ÷ target (98.9 %), not the pace share', () => {
    const t = cityCompute({ baseline: null });
    const reports = series(t, '2025-06-06', [7800, 7830, 7860, 7890, 7912]);
    const s = computeTargetState(t, reports, { asOf: '2025-07-04' });
    expect(completionText(t, s)).toBe('98.9%');
    // Every percentage is checkable: 完成率 − 应完成率 is the gap, in the same digits.
    const expectedPct = Math.round((s.expected ?? 0) * 1000) / 10;
    expect(formatGap(s)).toBe(
      `${98.9 - expectedPct >= 0 ? '+' : ''}${(Math.round((98.9 - expectedPct) * 10) / 10).toFixed(1)}个百分点`,
    );
  });

  it('a limit (以下): above it, the rate-free 完成率 gap reads behind pace', () => {
    const t = pm25();
    const s = computeTargetState(t, [reportFor(t, '2025-06-30', 32)], { asOf: '2025-06-30' });
    // 完成率 30/32 is shown as 93.8%, 应完成率 100%: the gap shown is their difference.
    expect(completionText(t, s)).toBe('93.8%');
    expect(gapText(t, s)).toBe('落后序时进度 6.2个百分点');
  });

  it('a milestone speaks in nodes and overdue days, never in percentage points', () => {
    const t = guanluReservoir();
    const s = computeTargetState(t, [stagesReport(t, '2025-12-20', 1)], { asOf: '2025-12-20' });
    expect(completionText(t, s)).toBe('1/3 个节点');
    expect(gapText(t, s)).toBe(`逾期 ${s.milestone?.overdueDays} 天`);
    expect(s.milestone?.overdueDays).toBe(111); // 08-31 → 12-20
    expect(gapText(t, s, 'en')).toBe('111 days overdue');
    expect(nextNodeText(s)).toMatch(/^下一节点：/);
    expect(verdictText(s)).toBe('严重滞后');
    const early = computeTargetState(t, [stagesReport(t, '2025-05-01', 1)], { asOf: '2025-05-01' });
    expect(gapText(t, early)).toBe('按计划');
  });

  it('a node the source does not date is overdue against an estimate, and the words say so', () => {
    const t = guanluReservoir();
    const stages = t.stages.map((s, i) => (i === 1 ? { ...s, estimated: true } : s));
    const est = { ...t, stages };
    const s = computeTargetState(est, [stagesReport(est, '2025-12-20', 1)], { asOf: '2025-12-20' });
    expect(gapText(est, s)).toBe('逾期 111 天（按预计日期）');
    expect(gapText(est, s, 'en')).toBe('111 days overdue (est. date)');
    expect(nextNodeText(s)).toBe(`下一节点：${stages[1]?.name}（预计8月31日）`);
    expect(nextNodeText(s, 'en')).toMatch(/\(est\.\)$/);
    // A node on a date the document sets reads as before.
    const plain = computeTargetState(t, [stagesReport(t, '2025-12-20', 1)], { asOf: '2025-12-20' });
    expect(nextNodeText(plain)).toBe(`下一节点：${t.stages[1]?.name}（8月31日）`);
  });

  it('derived figures: counts whole, others to the precision of the target as written', () => {
    expect(formatDerived(makeTarget({ unit: '家', target: 30 }), 18.22)).toBe('18家');
    expect(formatDerived(makeTarget({ unit: '个', target: 3000 }), 6.16)).toBe('6个');
    expect(formatDerived(cityCompute(), 7927.27)).toBe('7,927P');
    expect(formatDerived(techRenewalGrowth({ target: 5.5 }), 5.4321)).toBe('5.4%');
    // A count in 万人 is whole in people: 34.6213万 stays 34.62万人, never rounded up to the target.
    expect(formatDerived(makeTarget({ unit: '万人', target: 35 }), 34.62134)).toBe('34.62万人');
    expect(formatDerived(makeTarget({ unit: '亿元', target: 2450 }), 2380.4)).toBe('2380亿元');
  });

  it('rounding never carries a derived figure across its target, and its 完成率 divides what is shown', () => {
    const firms = makeTarget({ unit: '家', target: 30 });
    expect(formatDerived(firms, 29.6)).toBe('29家');
    expect(derivedCompletion(firms, 29.6)).toBeCloseTo(29 / 30, 12);
    expect(formatDerived(makeTarget({ unit: '万架', target: 6.5, kind: 'level' }), 6.474)).toBe('6.47万架');
    expect(formatDerived(makeTarget({ unit: '亿元', target: 2450 }), 2449.6)).toBe('2449.6亿元');
    expect(formatDerived(makeTarget({ unit: '亿元', target: 2450 }), 2450.2)).toBe('2450亿元');
  });

  it('after the deadline a missed target is short of the target, not behind a pace', () => {
    const t = makeTarget();
    const s = computeTargetState(t, [reportFor(t, '2025-12-31', 2856)], { asOf: '2025-12-31' });
    expect(s.status).toBe('missed');
    expect(s.expected).toBe(1);
    expect(completionText(t, s)).toBe('95.2%');
    expect(gapText(t, s)).toBe('距目标差 4.8个百分点');
    expect(verdictText(s)).toBe('未完成');
  });

  it('a value in 个百分点 keeps its own digits', () => {
    expect(formatQuantity(0.98, '个百分点')).toBe('+0.98个百分点');
    expect(formatQuantity(1, '个百分点')).toBe('+1.0个百分点');
  });

  it('one verdict: a forecast miss travels with the status', () => {
    expect(verdictText({ status: 'on_track', forecastMiss: true })).toBe('正常 · 预计难完成');
    expect(verdictText({ status: 'missed', forecastMiss: false }, 'en')).toBe('Missed');
  });
});

/** A run-rate of `unit` needing `perWeek`, with `recentPerWeek` kept up over the last four weeks. */
const runRate = (perWeek: number, recentPerWeek: number | null, unit = '人'): RequiredRate => ({
  unit,
  perWeek,
  perMonth: perWeek * (30.4375 / 7),
  recentPerWeek,
  remaining: perWeek * 10,
  weeksLeft: 10,
});

/** The number a person reads off a printed quantity: "1,234.5人" → 1234.5, "1万人" / "10K people" → 10000. */
const readBack = (text: string) =>
  Number(text.replace(/[^\d.-]/g, '')) * (text.includes('万') ? 1e4 : text.includes('K') ? 1e3 : 1);

describe('run-rates as shown', () => {
  it('近四周 2.25人 / 每周 11.2人 / 实际/所需 20%: the percentage divides the two figures beside it', () => {
    // The reviewer's laggard: 2.25 a week against 11.2 needed is 20.1 %; rounded to whole people the
    // line read "2人 / 11人 / 20%", and 2 ÷ 11 is 18 %.
    const run = shownRunRate(runRate(11.2, 2.25));
    expect(run).toEqual({ unit: '人', needed: 11.2, recent: 2.25, ratio: 2.25 / 11.2 });
    expect(formatRate(run.needed, run.unit, 'week')).toBe('每周 11.2人');
    expect(formatRateQuantity(run.recent, run.unit)).toBe('2.25人');
    expect(formatPaceRatio(run)).toBe('20%');
    expect(formatRate(run.needed, run.unit, 'week', 'en')).toBe('11.2 people/wk');
    expect(formatRateQuantity(run.recent, run.unit, 'en')).toBe('2.25 people');
    expect(formatPaceRatio(run, 'en')).toBe('20%');
  });

  it('the ratio is of the rounded figures, not the engine’s', () => {
    // 0.9995 ÷ 1.0049 is 99.46 %: printed as 99 % beside "1人" and "1人", it would not check.
    const run = shownRunRate(runRate(1.0049, 0.9995));
    expect(formatRateQuantity(run.needed, run.unit)).toBe('1人');
    expect(formatRateQuantity(run.recent, run.unit)).toBe('1人');
    expect(formatPaceRatio(run)).toBe('100%');
  });

  it('keeps magnitude units readable: 0.0275万人 a week is 275人, 51.8亿元 stays, 0.3个 keeps its decimal', () => {
    const people = shownRunRate(runRate(0.980_43, 0.027_541, '万人'));
    expect(formatRate(people.needed, people.unit, 'week')).toBe('每周 9,800人');
    expect(formatRateQuantity(people.recent, people.unit)).toBe('275人');
    expect(formatPaceRatio(people)).toBe(formatPercent(275 / 9800, 'zh-CN', 0));
    expect(formatRate(1.9321, '万人', 'week')).toBe('每周 1.93万人');
    expect(formatRate(1.9321, '万人', 'week', 'en')).toBe('19.3K people/wk');
    expect(formatRate(98_765, '人', 'week')).toBe('每周 9.88万人');
    expect(formatRate(51.83, '亿元', 'month')).toBe('每月 51.8亿元');
    expect(formatRate(0.3, '个', 'week')).toBe('每周 0.3个');
    expect(formatRate(64.67, '个', 'week')).toBe('每周 64.7个');
    expect(shownRunRate(runRate(0.3, null, '个'))).toEqual({ unit: '个', needed: 0.3, recent: null, ratio: null });
    expect(formatPaceRatio(shownRunRate(runRate(0.3, null, '个')))).toBe('—');
  });

  it('any rates: the printed 实际/所需 is the division of the two printed rates, in either language', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 9999, noNaN: true }),
        fc.double({ min: -9999, max: 9999, noNaN: true }),
        fc.constantFrom('zh-CN' as const, 'en' as const),
        (perWeek, recentPerWeek, locale) => {
          const run = shownRunRate(runRate(perWeek, recentPerWeek));
          const needed = readBack(formatRateQuantity(run.needed, run.unit, locale));
          const recent = readBack(formatRateQuantity(run.recent, run.unit, locale));
          expect(formatPaceRatio(run, locale)).toBe(formatPercent(recent / needed, locale, 0));
          // Three significant digits: within 0.5 % of the engine's figure.
          expect(Math.abs(needed - perWeek)).toBeLessThanOrEqual(perWeek * 0.005 + 1e-12);
        },
      ),
      { numRuns: 300 },
    );
  });
});
