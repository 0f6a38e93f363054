import { type RefObject, useEffect, useRef, useState } from 'react';

/** How many times the reader has pressed Ctrl+P here, and up to which press a print was made. */
export interface PrintRequest {
  asked: number;
  printed: RefObject<number>;
}

/** How long a press waits for the print header before the page prints without it. */
export const PRINT_WAIT_MS = 3_000;

/** ⌘P on a Mac (where Ctrl+P moves the caret up a line), Ctrl+P elsewhere; any keyboard layout. */
function isPrintKey(e: KeyboardEvent): boolean {
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  const modifier = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  // Shift+Ctrl+P is Chromium's "print with the system dialog": left to the browser, as is Alt.
  return modifier && !e.altKey && !e.shiftKey && (e.code === 'KeyP' || e.key.toLowerCase() === 'p');
}

/**
 * Ctrl+P (⌘P on a Mac) on a page whose print header and print style sheet load only after the page
 * has (the overview: useAfterLoad). Pressed before they had, the browser printed the screen's layout:
 * the site's header and filters, no plan or date on top. The page takes the shortcut, renders its
 * print header (which brings the style sheet), and prints once that has committed: render
 * `<PrintWhenShown request={…} />` beside the header, inside the same Suspense boundary, so it
 * mounts only with it. Pressed later, it prints at once, as the browser would have. If the header
 * has not come within PRINT_WAIT_MS (its file failed to load, the figures are slow), the page prints
 * as it stands rather than leave the press unanswered.
 *
 * The page shows its header once `asked` is above 0.
 */
export function usePrintShortcut(): PrintRequest {
  const [asked, setAsked] = useState(0);
  const printed = useRef(0);
  useEffect(() => {
    let presses = 0;
    const waits = new Set<ReturnType<typeof setTimeout>>();
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !isPrintKey(e)) return;
      e.preventDefault();
      const press = ++presses;
      setAsked(press);
      const wait = setTimeout(() => {
        waits.delete(wait);
        if (printed.current >= press) return;
        printed.current = press;
        window.print();
      }, PRINT_WAIT_MS);
      waits.add(wait);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      for (const wait of waits) clearTimeout(wait);
    };
  }, []);
  return { asked, printed };
}

/**
 * Prints a frame after it mounts or is asked again, once per press: mounted again later (the header
 * shown anew after a filter's loading), it does not print again.
 */
export function PrintWhenShown({ request }: { request: PrintRequest }) {
  const { asked, printed } = request;
  useEffect(() => {
    if (asked <= printed.current) return;
    const frame = requestAnimationFrame(() => {
      printed.current = asked;
      window.print();
    });
    return () => cancelAnimationFrame(frame);
  }, [asked, printed]);
  return null;
}
