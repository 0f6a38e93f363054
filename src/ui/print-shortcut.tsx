import { type RefObject, useEffect, useRef, useState } from 'react';

/** How many times the reader has pressed Ctrl+P here, and up to which press a print was made. */
export interface PrintRequest {
  asked: number;
  printed: RefObject<number>;
}

/**
 * Ctrl+P (⌘P on a Mac) on a page whose print header and print style sheet load only after the page
 * has (the overview: useAfterLoad). Pressed before they had, the browser printed the screen's layout:
 * the site's header and filters, no plan or date on top. The page takes the shortcut, renders its
 * print header (which brings the style sheet), and prints once that has committed: render
 * `<PrintWhenShown request={…} />` beside the header, inside the same Suspense boundary, so it
 * mounts only with it. Pressed later, it prints at once, as the browser would have.
 *
 * The page shows its header once `asked` is above 0.
 */
export function usePrintShortcut(): PrintRequest {
  const [asked, setAsked] = useState(0);
  const printed = useRef(0);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Shift+Ctrl+P is Chromium's "print with the system dialog": left to the browser.
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'p') return;
      e.preventDefault();
      setAsked((n) => n + 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
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
