import { act, render, waitFor } from '@testing-library/react';
import { PrintWhenShown, usePrintShortcut } from './print-shortcut';

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
});
