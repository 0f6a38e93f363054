import { render, screen, within } from '@testing-library/react';
import type { ReportWithFlags } from '../domain/target-api';
import { cardLabels } from '../test/card-labels';
import { ReportHistoryTable } from './report-history-table';

const report = (over: Partial<ReportWithFlags>): ReportWithFlags => ({
  id: 'r1',
  targetId: 't1',
  asOf: '2025-12-26',
  recordedAt: '2025-12-29T07:30:00.000Z',
  value: 12,
  unit: '个',
  stagesDone: null,
  note: '',
  evidence: null,
  source: null,
  reportedBy: '市工信局',
  supersedes: null,
  correctionReason: null,
  demo: false,
  superseded: false,
  ...over,
});

function renderHistory() {
  render(
    <ReportHistoryTable
      label="填报记录"
      rows={[
        report({ id: 'r2', value: 14, supersedes: 'r1', correctionReason: '口径更正', note: '按新口径' }),
        report({ id: 'r1', superseded: true }),
      ]}
      formatValue={(r) => `${r.value} 个`}
      supersededTag="已更正"
      correctionTag="更正"
      action={{
        label: '操作',
        cell: (r) =>
          !r.superseded && (
            <button type="button" className="button">
              更正
            </button>
          ),
      }}
    />,
  );
  return screen.getByRole('table', { name: '填报记录' });
}

describe('a table that a phone shows as cards', () => {
  // The phone's CSS makes the table's parts blocks and grids, which drops their implicit table roles
  // in some browsers (Safari): the roles are stated, so a screen reader still reads a table there.
  it('states its table roles on every part', () => {
    const table = renderHistory();
    expect(table).toHaveAttribute('role', 'table');
    for (const group of table.querySelectorAll('thead, tbody')) expect(group).toHaveAttribute('role', 'rowgroup');
    for (const row of table.querySelectorAll('tr')) expect(row).toHaveAttribute('role', 'row');
    for (const th of table.querySelectorAll('thead th')) expect(th).toHaveAttribute('role', 'columnheader');
    for (const td of table.querySelectorAll('tbody td')) expect(td).toHaveAttribute('role', 'cell');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['截至', '当前值', '说明', '填报人', '操作']);
  });

  it("names each value of a card after its column, and keeps each row's values in its columns", () => {
    const table = renderHistory();
    const { labelled, mismatches } = cardLabels(table);
    expect(mismatches).toEqual([]);
    // Value, note and reporter on both rows; the date heads the card and the button names itself.
    expect(labelled).toBe(6);
    const [first] = within(table).getAllByRole('row').slice(1);
    const cells = within(first as HTMLElement).getAllByRole('cell');
    expect(cells.map((c) => c.getAttribute('data-label'))).toEqual([null, '当前值', '说明', '填报人', null]);
    expect(cells[2]).toHaveTextContent('按新口径');
    expect(cells[3]).toHaveTextContent('市工信局');
    expect(within(cells[4] as HTMLElement).getByRole('button', { name: '更正' })).toBeInTheDocument();
  });
});
