import { screen, waitFor, within } from '@testing-library/react';
import type { SummaryResponse } from '../../domain/api';
import { formatDate } from '../../domain/format';
import { renderApp, setupMockApi } from '../../test/render-app';

setupMockApi();

async function summary(query = ''): Promise<SummaryResponse> {
  return (await fetch(`${window.location.origin}/api/v1/summary${query}`)).json() as Promise<SummaryResponse>;
}

/*
 * The overview loads its print header and print style sheet only after the page has loaded and been
 * idle once (use-after-load.ts). Its own file: that moment is remembered for the module's life, and
 * here it must never have come — a page still busy loading, as when an official presses Ctrl+P at once.
 */
describe('overview printed with Ctrl+P', () => {
  // For the file's life (the page's clean-up after the last test still cancels its idle callback).
  vi.stubGlobal('requestIdleCallback', () => 0);
  vi.stubGlobal('cancelIdleCallback', () => undefined);

  it('prints with its print header on Ctrl+P pressed before the page has loaded, once a press', async () => {
    const [all, laoshan] = await Promise.all([summary(), summary('?district=崂山区')]);
    // What the sheet would carry: the print header as it stands when the browser is asked to print.
    const printed: (string | null)[] = [];
    const print = vi.spyOn(window, 'print').mockImplementation(() => {
      printed.push(document.querySelector('.print-header')?.textContent ?? null);
    });
    try {
      const { user } = renderApp('/');
      // The figures are there, the print part is not (the page has not been idle yet): the browser's
      // own print would have printed the screen's layout without it.
      await screen.findByRole('region', { name: '重点指标' });
      expect(document.querySelector('.print-header')).toBeNull();
      const press = new KeyboardEvent('keydown', { key: 'p', ctrlKey: true, bubbles: true, cancelable: true });
      window.dispatchEvent(press);
      expect(press.defaultPrevented).toBe(true);
      expect(print).not.toHaveBeenCalled();
      await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
      expect(printed[0]).toBe(`目标进度看板总览规划：全部规划截至 ${formatDate(all.asOf)}含演示数据`);

      // A plain P, Alt+Ctrl+P or Shift+Ctrl+P (Chromium's system dialog) are the browser's.
      for (const init of [{}, { ctrlKey: true, altKey: true }, { ctrlKey: true, shiftKey: true }]) {
        const other = new KeyboardEvent('keydown', { key: 'p', bubbles: true, cancelable: true, ...init });
        window.dispatchEvent(other);
        expect(other.defaultPrevented).toBe(false);
      }

      // The header shown anew after another district's figures load does not print again …
      const district = screen.getByRole('combobox', { name: '区市' });
      await within(district).findByRole('option', { name: '崂山区' }, { timeout: 10_000 });
      await user.selectOptions(district, '崂山区');
      expect(await screen.findByText(`${laoshan.overall.total} 项目标`)).toBeInTheDocument();
      await new Promise((r) => setTimeout(r, 50));
      expect(print).toHaveBeenCalledTimes(1);
      // … and Ctrl+P, pressed again, prints again.
      await user.keyboard('{Control>}p{/Control}');
      await waitFor(() => expect(print).toHaveBeenCalledTimes(2));
      expect(printed[1]).toBe(`目标进度看板总览规划：全部规划截至 ${formatDate(laoshan.asOf)}含演示数据`);
    } finally {
      print.mockRestore();
    }
  });
});
