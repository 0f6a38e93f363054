import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDates,
  dayNumber,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  maxDate,
  minDate,
  shanghaiDate,
} from './dates';
import { DomainError } from './errors';

describe('dates', () => {
  it('accepts only real calendar days written YYYY-MM-DD', () => {
    expect(isIsoDate('2025-06-30')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-6-30')).toBe(false);
    expect(isIsoDate('2025-06-30T00:00:00Z')).toBe(false);
    expect(isIsoDate(20250630)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('counts days across months, leap days and years', () => {
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364);
    expect(daysBetween('2025-01-01', '2025-07-01')).toBe(181);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(addDays('2025-12-25', 7)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(fromDayNumber(dayNumber('2025-09-30'))).toBe('2025-09-30');
  });

  it('refuses a malformed date with invalid_date and a Chinese message', () => {
    try {
      dayNumber('2025-13-01');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('invalid_date');
      expect((e as DomainError).message).toBe('日期格式不正确：“2025-13-01”，应为 YYYY-MM-DD');
    }
  });

  it('turns an instant into the Shanghai calendar day (UTC+8)', () => {
    expect(shanghaiDate(new Date('2025-06-30T15:59:59Z'))).toBe('2025-06-30');
    expect(shanghaiDate(new Date('2025-06-30T16:00:00Z'))).toBe('2025-07-01');
  });

  it('compares, min and max', () => {
    expect(compareDates('2025-01-02', '2025-01-10')).toBe(-1);
    expect(compareDates('2025-01-10', '2025-01-02')).toBe(1);
    expect(compareDates('2025-01-10', '2025-01-10')).toBe(0);
    expect(maxDate('2025-01-02', '2025-01-10')).toBe('2025-01-10');
    expect(minDate('2025-01-02', '2025-01-10')).toBe('2025-01-02');
  });

  it('addDays and daysBetween are inverse; string order is date order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50_000, max: 50_000 }),
        fc.integer({ min: -5000, max: 5000 }),
        fc.integer({ min: -5000, max: 5000 }),
        (base, a, b) => {
          const d = fromDayNumber(base);
          expect(isIsoDate(d)).toBe(true);
          expect(daysBetween(d, addDays(d, a))).toBe(a);
          expect(Math.sign(compareDates(addDays(d, a), addDays(d, b)))).toBe(Math.sign(a - b));
        },
      ),
      { numRuns: 300 },
    );
  });
});
