import { render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { useFitCount } from './use-fit-count';

function Rows({ items, max = 8 }: { items?: string[] | undefined; max?: number }) {
  const box = useRef<HTMLOListElement>(null);
  // A fresh empty array on every render, the way `query.data ?? []` gives one.
  const list = items ?? [];
  const shown = useFitCount(list, max, box);
  return (
    <ol ref={box} aria-label="rows" data-shown={shown}>
      {list.slice(0, shown).map((x) => (
        <li key={x}>{x}</li>
      ))}
    </ol>
  );
}

function layout(list: HTMLElement, boxHeight: number, rowHeight: number) {
  Object.defineProperty(list, 'clientHeight', { configurable: true, value: boxHeight });
  for (const [i, li] of Array.from(list.children).entries()) {
    Object.defineProperty(li, 'offsetTop', { configurable: true, value: i * rowHeight });
    Object.defineProperty(li, 'offsetHeight', { configurable: true, value: rowHeight - 10 });
  }
}

describe('useFitCount', () => {
  it('settles on an empty list that is a new array every render (no render loop)', () => {
    const { rerender } = render(<Rows />);
    rerender(<Rows />);
    expect(screen.getByRole('list', { name: 'rows' })).toHaveAttribute('data-shown', '0');
  });

  it('keeps only the rows whose bottom edge is inside the box, and starts again for new items', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const { rerender } = render(<Rows items={items} />);
    const list = screen.getByRole('list', { name: 'rows' });
    expect(list.children).toHaveLength(5);
    // 100 px rows in a 320 px box: three fit (the third ends at 290).
    layout(list, 320, 100);
    rerender(<Rows items={[...items]} />);
    // equal items: no restart, but the layout effect ran again with the new measurements
    expect(list.children).toHaveLength(3);
    expect(screen.getByText('c')).toBeInTheDocument();
    expect(screen.queryByText('d')).not.toBeInTheDocument();
    // different items: all of them again (up to max), then measured
    rerender(<Rows items={['x', 'y']} />);
    expect(list.children.length).toBeGreaterThan(0);
  });
});
