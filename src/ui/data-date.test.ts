import { describe, expect, it } from 'vitest';
import { dataDateOf } from './data-date';

describe('dataDateOf', () => {
  it('is the newest figure’s date, fresh within the 14-day reporting cycle and stale after it', () => {
    expect(dataDateOf('2025-12-26', '2025-12-26', '2026-01-09')).toEqual({ asOf: '2025-12-26', staleDays: null });
    expect(dataDateOf('2025-12-26', '2025-12-26', '2026-01-10')).toEqual({ asOf: '2025-12-26', staleDays: 15 });
    expect(dataDateOf('2025-12-26', '2025-12-26', '2026-12-04')).toEqual({ asOf: '2025-12-26', staleDays: 343 });
  });

  it('never says the data describes a day after its newest figure', () => {
    expect(dataDateOf('2026-03-01', '2025-12-26', '2026-03-01')).toEqual({ asOf: '2025-12-26', staleDays: 65 });
  });

  it('calls a past date picked on the timeline history, not staleness', () => {
    expect(dataDateOf('2025-06-27', '2025-12-26', '2026-12-04')).toEqual({ asOf: '2025-06-27', staleDays: null });
  });

  it('has no data date without any figure', () => {
    expect(dataDateOf('2025-12-29', null, '2025-12-29')).toBeNull();
  });
});
