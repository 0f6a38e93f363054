import { forwardRef, type ReactNode } from 'react';

/**
 * A box that may scroll (a wide or long table). It is focusable and named so keyboard users can
 * scroll it too (WCAG 2.1.1; axe `scrollable-region-focusable`).
 */
export const ScrollRegion = forwardRef<HTMLElement, { label: string; className?: string; children: ReactNode }>(
  function ScrollRegion({ label, className, children }, ref) {
    return (
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      <section ref={ref} className={`table-wrap${className ? ` ${className}` : ''}`} tabIndex={0} aria-label={label}>
        {children}
      </section>
    );
  },
);
