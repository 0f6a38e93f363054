import { describe, expect, it } from 'vitest';
import { overviewShell, scriptJson } from './ssr';

describe('server-rendered landing page', () => {
  it('inlines the summary as JSON that cannot close its script element', () => {
    const hostile = JSON.stringify({ title: '</script><script>alert(1)</script><!--', sep: '\u2028\u2029' });
    const inlined = scriptJson(hostile);
    expect(inlined).not.toMatch(/<\/script|<!--/i);
    expect(inlined).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(inlined)).toEqual(JSON.parse(hostile));
  });

  it('wraps the rendered overview as an inert preview beside the summary it came from', () => {
    const shell = overviewShell(
      { renderOverview: (s) => `<main>${s.asOf}</main>` },
      '{"asOf":"2025-12-12"}',
      new Date(),
    );
    expect(shell).toBe(
      '<div id="ssr" inert aria-hidden="true"><main>2025-12-12</main></div>' +
        '<script type="application/json" id="ssr-summary">{"asOf":"2025-12-12"}</script>',
    );
  });
});
