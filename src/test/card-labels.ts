/**
 * A phone shows each value of a card under its column's name (src/ui/card-table.tsx: `data-label`):
 * that name must be the one the wide screen's header gives the column the value sits in. Returns
 * how many values carry a name, and each one that names another column.
 */
export function cardLabels(table: HTMLElement): { labelled: number; mismatches: string[] } {
  const headers = [...table.querySelectorAll('thead th')].map((th) =>
    (th.textContent ?? '').replace(/[↕↑↓]/g, '').trim(),
  );
  let labelled = 0;
  const mismatches: string[] = [];
  for (const row of table.querySelectorAll('tbody tr')) {
    [...row.children].forEach((cell, i) => {
      const label = cell.getAttribute('data-label');
      if (label === null) return;
      labelled++;
      if (label !== headers[i]) mismatches.push(`column ${i + 1}: "${label}" under "${headers[i]}"`);
    });
  }
  return { labelled, mismatches };
}
