import { screen, waitFor, within } from '@testing-library/react';
import type { TargetsResponse } from '../../domain/api';
import { formatPp } from '../../domain/format';
import { renderApp, setupMockApi } from '../../test/render-app';

const { api } = setupMockApi();

async function targets(sector: string): Promise<TargetsResponse> {
  return (await fetch(`${window.location.origin}/api/v1/targets?sector=${sector}`)).json() as Promise<TargetsResponse>;
}

const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('sector view', () => {
  it('lists every target of the sector with its gap and status, as the API computes them', async () => {
    const expected = await targets('demand');
    renderApp('/sectors/demand');
    expect(await screen.findByRole('heading', { level: 1, name: '扩大内需' })).toBeInTheDocument();
    await screen.findByRole('table', { name: '扩大内需目标列表' });
    expect(bodyRows()).toHaveLength(expected.items.length);
    for (const item of expected.items.slice(0, 5)) {
      const row = screen.getByRole('link', { name: item.title }).closest('tr') as HTMLElement;
      expect(row).toHaveTextContent(formatPp(item.state.gap));
      expect(within(row).getByRole('progressbar')).toHaveAccessibleName(`${item.title}进度`);
    }
  });

  it('sorts by gap, worst first after a second click', async () => {
    const expected = await targets('demand');
    const { user } = renderApp('/sectors/demand');
    await screen.findByRole('table');
    const gapHeader = screen.getByRole('button', { name: /差距/ });
    await user.click(gapHeader);
    await user.click(gapHeader);
    expect(screen.getByRole('columnheader', { name: /差距/ })).toHaveAttribute('aria-sort', 'descending');
    const best = [...expected.items]
      .filter((i) => i.state.gap !== null)
      .sort((a, b) => (b.state.gap ?? 0) - (a.state.gap ?? 0))[0];
    expect(bodyRows()[0]).toHaveTextContent(best?.title ?? '');
  });

  it('searches by title', async () => {
    const { user } = renderApp('/sectors/demand');
    await screen.findByRole('table');
    await user.type(screen.getByRole('searchbox', { name: '按标题搜索' }), '5G');
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(bodyRows()[0]).toHaveTextContent('新开通5G基站3000个');
  });

  it('shows a 404 view for an unknown sector', async () => {
    renderApp('/sectors/space');
    expect(await screen.findByRole('heading', { level: 1, name: '页面不存在' })).toBeInTheDocument();
    expect(screen.getByText('领域“space”不存在')).toBeInTheDocument();
  });

  it.each([
    ['server-error', '服务器出错'],
    ['network-error', '无法连接到服务器'],
    ['malformed', '数据格式错误'],
  ] as const)('shows what went wrong on %s, keeping the page usable', async (mode, text) => {
    api.setFailure(mode);
    renderApp('/sectors/demand');
    expect(await screen.findByRole('alert')).toHaveTextContent(text);
    expect(screen.getByRole('heading', { level: 1, name: '扩大内需' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: '按标题搜索' })).toBeEnabled();
  });
});
