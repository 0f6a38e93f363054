import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { computeTargetState } from './status';
import { guanluReservoir, stagesReport } from './test-fixtures';

/**
 * Issue 18: a milestone is judged at its latest figure's date, like every other kind. On the demo,
 * five milestones whose one node is planned for 12-31 and reported "0 done" on 12-26 turned from
 * 未开始 to 正常 when another department's figure dated 12-31 moved the board's date: the node came
 * due at the board's date, not at the date their own figure describes.
 */
describe('a milestone judged at its figure’s date', () => {
  const yearEnd = guanluReservoir({ stages: [{ name: '出台', plannedDate: '2025-12-31' }] });
  const reports = [stagesReport(yearEnd, '2025-12-26', 0)];

  it('stays 未开始 while the board’s date moves past its node’s date within the reporting cycle', () => {
    const atFigure = computeTargetState(yearEnd, reports, { asOf: '2025-12-26' });
    expect(atFigure.status).toBe('not_started');
    for (let d = 1; d <= 5; d++) {
      const asOf = addDays('2025-12-26', d);
      expect(computeTargetState(yearEnd, reports, { asOf }), asOf).toEqual(atFigure);
    }
  });

  it('still turns 未填报 when its figure is older than the cycle and a node has come due since', () => {
    // Judging the due nodes at the figure's date alone would hide this: nothing was due on 03-01.
    const t = guanluReservoir();
    const state = computeTargetState(t, [stagesReport(t, '2025-03-01', 0)], { asOf: '2025-05-15' });
    expect(state.status).toBe('no_data');
  });
});
