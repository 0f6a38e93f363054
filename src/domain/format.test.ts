import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  englishUnit,
  formatCompact,
  formatDate,
  formatNumber,
  formatPercent,
  formatPp,
  formatQuantity,
  formatRate,
} from './format';
import { computeTargetState } from './status';
import { makeTarget, reportFor } from './test-fixtures';

describe('formatQuantity, zh-CN: the documents’ own style', () => {
  it.each<[number, string, string]>([
    [350000, '人', '35万人'], // 城镇新增就业35万人
    [35, '万人', '35万人'],
    [2450, '亿元', '2450亿元'], // 完成投资2450亿元: no separator before 亿
    [5278.2, '亿元', '5278.2亿元'], // 出口值5278.2亿元
    [1565.5, '亿元', '1565.5亿元'],
    [0.245, '万亿元', '0.245万亿元'], // = 2450亿元, three significant digits kept
    [4.6, '万个', '4.6万个'], // 开通5G基站数4.6万个
    [700, '万千瓦', '700万千瓦'],
    [1000, '万平方米', '1000万平方米'],
    [245_000_000_000, '元', '2450亿元'],
    [1_200_000_000_000, '元', '1.2万亿元'],
    [12, '%', '12%'], // 比重达到12%
    [-12345, '人', '-1.23万人'],
    [9800, '人', '9,800人'], // "还需每周 9,800 人"
    [3000, '个', '3,000个'],
    [2600, 'P', '2,600P'],
    [0, '个', '0个'],
  ])('(%d, %s) → %s', (value, unit, text) => {
    expect(formatQuantity(value, unit)).toBe(text);
  });

  it('shows a dash for a missing or non-finite value', () => {
    expect(formatQuantity(null, '个')).toBe('—');
    expect(formatQuantity(Number.NaN, '亿元')).toBe('—');
    expect(formatQuantity(Number.POSITIVE_INFINITY, '人')).toBe('—');
  });

  it('writes a figure without unit, and an unreadable unit after the figure, without throwing', () => {
    expect(formatQuantity(1234.5, '')).toBe('1,234.5');
    expect(formatQuantity(3, '万')).toBe('3万');
    expect(formatQuantity(3, '万', 'en')).toBe('3 万');
  });

  it('writes percentage points as a signed difference', () => {
    expect(formatQuantity(4.9, '个百分点')).toBe('+4.9个百分点');
  });
});

describe('formatQuantity, English', () => {
  it.each<[number, string, string]>([
    [350000, '人', '350K people'],
    [35, '万人', '350K people'],
    [2450, '亿元', '245B yuan'],
    [0.245, '万亿元', '245B yuan'],
    [700, '万千瓦', '7M kW'],
    [1000, '万平方米', '10M m²'],
    [6, '万亩', '60K mu'],
    [8000, 'P', '8,000 PFLOPS'],
    [1247, '公里', '1,247 km'],
    [3000, '个', '3,000'], // count words have no English unit
    [30, '家', '30'],
    [12, '%', '12%'],
  ])('(%d, %s) → %s', (value, unit, text) => {
    expect(formatQuantity(value, unit, 'en')).toBe(text);
  });

  it('englishUnit names base units and leaves count words out', () => {
    expect(englishUnit('人')).toBe('people');
    expect(englishUnit('个')).toBe('');
    expect(englishUnit('场')).toBe('');
    expect(englishUnit('标准机架')).toBe('标准机架');
  });
});

describe('formatPercent', () => {
  it.each<[number | null, string, string]>([
    [0.875, '87.5%', '87.5%'],
    [181 / 364, '49.7%', '49.7%'],
    [1, '100%', '100%'],
    [1.2345, '123.5%', '123.5%'],
    [0, '0%', '0%'],
    [null, '—', '—'],
    [Number.NaN, '—', '—'],
  ])('%f → %s / %s', (fraction, zh, en) => {
    expect(formatPercent(fraction)).toBe(zh);
    expect(formatPercent(fraction, 'en')).toBe(en);
  });
});

describe('formatPp', () => {
  it.each<[number | null, string, string]>([
    [-0.123, '-12.3个百分点', '-12.3 pp'],
    [0.05, '+5.0个百分点', '+5.0 pp'],
    [-0.06, '-6.0个百分点', '-6.0 pp'], // one digit always: never "-6" on one page and "-6.0" on another
    [0.0027, '+0.3个百分点', '+0.3 pp'],
    [0, '0个百分点', '0 pp'],
    [-0.0004, '0个百分点', '0 pp'], // rounds to zero: no "-0"
    [null, '—', '—'],
    [Number.POSITIVE_INFINITY, '—', '—'],
  ])('%f → %s / %s', (fraction, zh, en) => {
    expect(formatPp(fraction)).toBe(zh);
    expect(formatPp(fraction, 'en')).toBe(en);
  });

  it('formats a state’s gap: 1300 of 3000 5G基站 by 07-01 is 6.4 pp behind', () => {
    const t = makeTarget();
    const s = computeTargetState(t, [reportFor(t, '2025-07-01', 1300)], { asOf: '2025-07-01' });
    // 1300/3000 − 181/364 = −0.0639.
    expect(formatPp(s.gap)).toBe('-6.4个百分点');
    expect(formatPercent(s.progress)).toBe('43.3%');
    expect(formatPercent(s.expected)).toBe('49.7%');
  });
});

describe('numbers, dates and rates', () => {
  it('formatNumber groups thousands', () => {
    expect(formatNumber(12345.678)).toBe('12,345.68');
    expect(formatNumber(12345.678, 'en', 0)).toBe('12,346');
    expect(formatNumber(Number.NaN)).toBe('—');
  });

  it('formatCompact uses 万/亿 in Chinese and K/M/B in English', () => {
    expect(formatCompact(350000)).toBe('35万');
    expect(formatCompact(245e9)).toBe('2450亿');
    expect(formatCompact(1.2e12)).toBe('1.2万亿');
    expect(formatCompact(350000, 'en')).toBe('350K');
    expect(formatCompact(245e9, 'en')).toBe('245B');
    expect(formatCompact(Number.NEGATIVE_INFINITY)).toBe('—');
  });

  it('formatDate', () => {
    expect(formatDate('2025-06-30')).toBe('2025年6月30日');
    expect(formatDate('2025-06-30', 'en')).toBe('Jun 30, 2025');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('formatRate', () => {
    expect(formatRate(9800, '人', 'week')).toBe('每周 9,800人');
    expect(formatRate(51.8, '亿元', 'month')).toBe('每月 51.8亿元');
    expect(formatRate(6100, '人', 'week', 'en')).toBe('6,100 people/wk');
    expect(formatRate(51.8, '亿元', 'month', 'en')).toBe('5.18B yuan/mo');
  });
});

describe('formatting properties', () => {
  const units = ['个', '人', '万人', '亿元', '万亿元', '%', 'P', '万千瓦', '公里', '个百分点', '', '万', '标准机架'];

  it('never throws and never prints NaN or Infinity, in either language', () => {
    fc.assert(
      fc.property(
        fc.double(),
        fc.constantFrom(...units),
        fc.constantFrom('zh-CN' as const, 'en' as const),
        (v, u, l) => {
          const text = formatQuantity(v, u, l);
          expect(text).not.toMatch(/NaN|Infinity|∞/);
          expect(text.length).toBeGreaterThan(0);
          expect(formatPercent(v, l)).not.toMatch(/NaN|∞/);
          expect(formatPp(v, l)).not.toMatch(/NaN|∞/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a prefixed figure reads back to within rounding (no grouping, no lost digits)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 1e6, noNaN: true }),
        fc.constantFrom('亿元', '万人', '万亿元'),
        (v, u) => {
          const text = formatQuantity(v, u);
          expect(text.endsWith(u)).toBe(true);
          const back = Number(text.slice(0, -u.length));
          // Two decimals at least, three significant digits for small figures.
          expect(Math.abs(back - v)).toBeLessThanOrEqual(Math.max(0.005, Math.abs(v) * 0.005) + 1e-12);
        },
      ),
      { numRuns: 300 },
    );
  });
});
