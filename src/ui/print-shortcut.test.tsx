import { act, render, waitFor } from '@testing-library/react';
import { PRINT_WAIT_MS, PrintWhenShown, usePrintShortcut } from './print-shortcut';

/** A page that shows its print part only while `shown` (as the overview does while it has figures). */
function Page({ shown }: { shown: boolean }) {
  const request = usePrintShortcut();
  return shown && request.asked > 0 ? <PrintWhenShown request={request} /> : null;
}

const ctrlP = () => {
  const e = new KeyboardEvent('keydown', { key: 'P', ctrlKey: true, bubbles: true, cancelable: true });
  act(() => {
    window.dispatchEvent(e);
  });
  return e;
};

describe('the print shortcut', () => {
  it('prints once per press, not again when its part is shown anew, and lets go of the key when gone', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    try {
      const page = render(<Page shown={false} />);
      expect(ctrlP().defaultPrevented).toBe(true); // Caps Lock on: "P" is the same shortcut
      expect(print).not.toHaveBeenCalled(); // nothing to print with yet
      page.rerender(<Page shown />);
      await waitFor(() => expect(print).toHaveBeenCalledTimes(1));

      page.rerender(<Page shown={false} />);
      page.rerender(<Page shown />);
      await new Promise((r) => requestAnimationFrame(r));
      expect(print).toHaveBeenCalledTimes(1);

      ctrlP();
      await waitFor(() => expect(print).toHaveBeenCalledTimes(2));

      page.unmount();
      expect(ctrlP().defaultPrevented).toBe(false);
    } finally {
      print.mockRestore();
    }
  });

  it('takes ⌘P on a Mac and leaves Ctrl+P there to the text it is typed in', () => {
    const platform = vi.spyOn(navigator, 'platform', 'get').mockReturnValue('MacIntel');
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    try {
      const page = render(<Page shown={false} />);
      expect(ctrlP().defaultPrevented).toBe(false);
      const cmd = new KeyboardEvent('keydown', { key: 'p', metaKey: true, bubbles: true, cancelable: true });
      act(() => {
        window.dispatchEvent(cmd);
      });
      expect(cmd.defaultPrevented).toBe(true);
      page.unmount();
    } finally {
      print.mockRestore();
      platform.mockRestore();
    }
  });

  it('prints without its part when that has not come within the wait, and only once', () => {
    vi.useFakeTimers();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    try {
      const page = render(<Page shown={false} />);
      ctrlP();
      act(() => {
        vi.advanceTimersByTime(PRINT_WAIT_MS - 1);
      });
      expect(print).not.toHaveBeenCalled();
      act(() => {
        vi.advanceTimersByTime(1);
      });
      expect(print).toHaveBeenCalledTimes(1);
      // The part arriving late does not print a second time for the same press.
      page.rerender(<Page shown />);
      act(() => {
        vi.advanceTimersByTime(100);
      });
      expect(print).toHaveBeenCalledTimes(1);
      page.unmount();
    } finally {
      print.mockRestore();
      vi.useRealTimers();
    }
  });
});
