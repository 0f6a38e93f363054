import { screen, waitFor, within } from '@testing-library/react';
import { useUiStore } from '../stores/ui-store';
import { renderApp, setupMockApi } from '../test/render-app';

setupMockApi();

/** The notice of a filter naming nothing, found by what it says. */
async function notice(text: string) {
  const alert = await screen.findByRole('alert');
  await waitFor(() => expect(alert).toHaveTextContent(text));
  return alert;
}

describe('a filter in the link that names nothing', () => {
  it('on the overview: says which district is not found, shows no board, and clears the filter', async () => {
    const { user } = renderApp(`/?district=${encodeURIComponent('崂山')}`);
    const alert = await notice('未找到区市“崂山”');
    expect(alert).toHaveTextContent('这不表示没有滞后目标');
    // Not the empty board that reads as all-clear: no tiles, no sector bars, no "no warnings".
    expect(screen.queryByRole('region', { name: '重点指标' })).toBeNull();
    expect(screen.queryByRole('region', { name: '十大领域进度' })).toBeNull();
    expect(screen.queryByText('目前没有滞后目标')).toBeNull();
    // The district there is, one click away; or no district at all.
    expect(within(alert).getByRole('link', { name: '崂山区' })).toHaveAttribute(
      'href',
      `/?district=${encodeURIComponent('崂山区')}`,
    );
    await user.click(within(alert).getByRole('link', { name: '清除区市筛选' }));
    expect(await screen.findByRole('region', { name: '重点指标' })).toBeInTheDocument();
    expect(screen.queryByText('未找到区市“崂山”')).toBeNull();
  });

  it('says it in English for an English reader', async () => {
    useUiStore.setState({ locale: 'en' });
    renderApp(`/?district=${encodeURIComponent('崂山')}`);
    const alert = await notice('No district "崂山"');
    expect(alert).not.toHaveTextContent('未找到');
    expect(within(alert).getByRole('link', { name: 'Clear the district filter' })).toHaveAttribute('href', '/');
  });

  it('on the overview: an unknown plan', async () => {
    renderApp('/?plan=qd-2052');
    expect(await notice('未找到规划“qd-2052”')).toBeInTheDocument();
  });

  it('on the overview: a status that is none of the statuses, offering the ones there are by name', async () => {
    renderApp('/?status=behind&district=%E5%B4%82%E5%B1%B1%E5%8C%BA');
    const alert = await notice('未找到状态“behind”');
    expect(within(alert).getByRole('link', { name: '滞后' })).toHaveAttribute(
      'href',
      `/?status=lagging&district=${encodeURIComponent('崂山区')}`,
    );
    expect(screen.queryByRole('region', { name: '十大领域进度' })).toBeNull();
  });

  it('on a sector page (its targets list): an unknown department and an unknown status', async () => {
    const { unmount } = renderApp(`/sectors/marine?department=${encodeURIComponent('海洋局')}`);
    const alert = await notice('未找到部门“海洋局”');
    expect(screen.queryByRole('table')).toBeNull();
    expect(within(alert).getByRole('link', { name: '清除部门筛选' })).toHaveAttribute('href', '/sectors/marine');
    unmount();
    renderApp('/sectors/marine?status=late');
    await notice('未找到状态“late”');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('on the weekly review: an unknown district', async () => {
    renderApp(`/review?district=${encodeURIComponent('崂山')}&asOf=2025-12-26`);
    const alert = await notice('未找到区市“崂山”');
    expect(within(alert).getByRole('link', { name: '清除区市筛选' })).toHaveAttribute(
      'href',
      '/review?asOf=2025-12-26',
    );
  });

  it('still shows the board for a district that exists', async () => {
    renderApp(`/?district=${encodeURIComponent('崂山区')}`);
    expect(await screen.findByRole('region', { name: '十大领域进度' })).toBeInTheDocument();
    expect(screen.queryByText(/未找到/)).toBeNull();
  });
});
