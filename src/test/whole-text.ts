/**
 * A text matcher for an element whose text reads `text` whole, where the page keeps pieces of it (a
 * date) on one line in spans of their own (src/ui/keep-whole.tsx): the innermost such element.
 */
export const wholeText =
  (text: string) =>
  (_: string, el: Element | null): boolean =>
    el?.textContent === text && ![...el.children].some((c) => c.textContent === text);
