import { act, render, screen } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { AnimatedNumber, NumberMemoryProvider } from './animated-number';

const format = (v: number | null) => (v === null ? '—' : String(Math.round(v)));
const shown = () => Number(screen.getByTestId('n').textContent);

function Figure({ value, id = 'kpi:jobs' }: { value: number | null; id?: string }) {
  return (
    <span data-testid="n">
      <AnimatedNumber id={id} value={value} format={format} />
    </span>
  );
}

/** One provider for the whole screen; `show` mounts and unmounts the figure the way a slide does. */
function Slides({ show, value }: { show: boolean; value: number }) {
  return <NumberMemoryProvider>{show && <Figure value={value} />}</NumberMemoryProvider>;
}

async function frames(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('AnimatedNumber', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance', 'setTimeout'] });
  });

  it('shows the first value at once (never counts up from 0), then eases from the previous value', async () => {
    const seen: number[] = [];
    const { rerender } = render(
      <NumberMemoryProvider>
        <Figure value={100} />
      </NumberMemoryProvider>,
    );
    expect(shown()).toBe(100);
    rerender(
      <NumberMemoryProvider>
        <Figure value={200} />
      </NumberMemoryProvider>,
    );
    for (let i = 0; i < 12; i++) {
      await frames(80);
      seen.push(shown());
    }
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(100);
    expect(seen.some((v) => v > 100 && v < 200)).toBe(true);
    expect(seen.at(-1)).toBe(200);
    // monotonic, no overshoot
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('starts where the audience last saw it when its slide comes round again', async () => {
    // One provider for the whole screen; the figure unmounts with its slide and mounts again with a new value.
    const { rerender } = render(<Slides show value={100} />);
    rerender(<Slides show={false} value={100} />);
    rerender(<Slides show value={300} />);
    expect(shown()).toBe(100);
    await frames(2000);
    expect(shown()).toBe(300);
  });

  it('does not animate under prefers-reduced-motion', async () => {
    vi.stubGlobal(
      'matchMedia',
      (query: string) =>
        ({
          matches: query.includes('reduce'),
          addEventListener: () => undefined,
          removeEventListener: () => undefined,
        }) as unknown as MediaQueryList,
    );
    const { rerender } = render(
      <NumberMemoryProvider>
        <Figure value={100} />
      </NumberMemoryProvider>,
    );
    rerender(
      <NumberMemoryProvider>
        <Figure value={200} />
      </NumberMemoryProvider>,
    );
    expect(shown()).toBe(200);
  });
});
