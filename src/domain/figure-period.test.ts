import { describe, expect, it } from 'vitest';
import { contextPeriodText, formatFigurePeriod, periodEnd, reportPeriodText } from './figure-period';

describe('formatFigurePeriod: a figure’s date as its source gives it', () => {
  it('writes each precision in Chinese and in English', () => {
    const cases: Array<[string, Parameters<typeof formatFigurePeriod>[1], string, string]> = [
      ['2025-11-30', { precision: 'ytd-month' }, '2025年1—11月', 'Jan–Nov 2025'],
      ['2025-01-31', { precision: 'ytd-month' }, '2025年1月', 'Jan 2025'],
      ['2025-06-05', { precision: 'month' }, '2025年6月', 'Jun 2025'],
      ['2025-09-30', { precision: 'quarter' }, '2025年第三季度', 'Q3 2025'],
      ['2025-06-30', { precision: 'half' }, '2025年上半年', 'H1 2025'],
      ['2025-11-30', { precision: 'year' }, '2025年', '2025'],
      ['2025-06-05', { precision: 'day' }, '2025年6月5日', 'Jun 5, 2025'],
      ['2025-06-05', null, '2025年6月5日', 'Jun 5, 2025'],
      ['2025-06-05', undefined, '2025年6月5日', 'Jun 5, 2025'],
    ];
    for (const [asOf, period, zh, en] of cases) {
      expect(formatFigurePeriod(asOf, period), `${asOf} ${period?.precision}`).toBe(zh);
      expect(formatFigurePeriod(asOf, period, 'en'), `${asOf} ${period?.precision}`).toBe(en);
    }
  });

  it('uses the source’s own words in Chinese, and builds English from the precision', () => {
    const period = { precision: 'ytd-month', label: '2025年前三季度' } as const;
    expect(formatFigurePeriod('2025-09-30', period)).toBe('2025年前三季度');
    expect(formatFigurePeriod('2025-09-30', period, 'en')).toBe('Jan–Sep 2025');
  });

  it('reads a report’s and a context figure’s period', () => {
    expect(reportPeriodText({ asOf: '2025-11-30', period: { precision: 'ytd-month' } })).toBe('2025年1—11月');
    expect(reportPeriodText({ asOf: '2025-11-30' })).toBe('2025年11月30日');
    expect(contextPeriodText({ asOf: '2025-09-30', asOfPrecision: 'ytd-month', periodLabel: '2025年前三季度' })).toBe(
      '2025年前三季度',
    );
    expect(contextPeriodText({ asOf: '2024-12-31', asOfPrecision: 'year' }, 'en')).toBe('2024');
  });
});

describe('periodEnd', () => {
  it('is the last day of the period that holds the date', () => {
    expect(periodEnd('2025-11-03', 'ytd-month')).toBe('2025-11-30');
    expect(periodEnd('2025-02-10', 'month')).toBe('2025-02-28');
    expect(periodEnd('2025-08-01', 'quarter')).toBe('2025-09-30');
    expect(periodEnd('2025-08-01', 'half')).toBe('2025-12-31');
    expect(periodEnd('2025-03-01', 'year')).toBe('2025-12-31');
    expect(periodEnd('2025-03-01', 'day')).toBe('2025-03-01');
  });
});
