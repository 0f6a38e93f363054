import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, setupMockApi } from '../../test/render-app';

const { server } = setupMockApi();

const paramsOf = (link: HTMLElement) => new URL(link.getAttribute('href') ?? '', window.location.origin).searchParams;

afterEach(() => server.events.removeAllListeners());

describe('rankings: the 含待审核 switch', () => {
  it('ranks with the pending figures when switched on, exports the same and keeps it on each department', async () => {
    const asked: (string | null)[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/rankings')) asked.push(url.searchParams.get('includePending'));
    });
    const { user } = renderApp('/rankings?asOf=2025-12-26');
    // The first ranking the server computes in this file: it may take a while.
    await screen.findByRole('table', { name: /^部门排名/ }, { timeout: 15_000 });
    expect(paramsOf(screen.getByRole('link', { name: '导出 Excel' })).get('includePending')).toBeNull();
    expect(asked).toEqual([null]);

    await user.click(
      within(screen.getByRole('region', { name: '排名设置' })).getByRole('checkbox', { name: '含待审核' }),
    );
    await waitFor(() => expect(asked).toContain('1'));
    expect(await screen.findByText('含待审核数据：标“初报”的数值尚未经审核')).toBeInTheDocument();
    const xlsx = paramsOf(screen.getByRole('link', { name: '导出 Excel' }));
    expect(xlsx.get('includePending')).toBe('1');
    expect(xlsx.get('asOf')).toBe('2025-12-26');
    await waitFor(() => {
      const first = within(screen.getByRole('table', { name: /^部门排名/ })).getAllByRole('link')[0] as HTMLElement;
      expect(paramsOf(first).get('includePending')).toBe('1');
      expect(paramsOf(first).get('asOf')).toBe('2025-12-26');
    });
    const crumbs = screen.getByRole('navigation', { name: '当前位置' });
    expect(paramsOf(within(crumbs).getByRole('link', { name: '总览' })).get('includePending')).toBe('1');
  });
});
