import { screen, waitFor } from '@testing-library/react';
import { renderApp, setupMockApi } from '../../test/render-app';

setupMockApi();

/** The wall's notice, once the summary has answered. */
async function wallNotice(text: string) {
  const alert = await screen.findByRole('alert');
  await waitFor(() => expect(alert).toHaveTextContent(text));
  return alert;
}

describe('the wall with a filter that names nothing', () => {
  it('says which district is not found in place of the slides, never an all-clear board', async () => {
    renderApp(`/screen?district=${encodeURIComponent('崂山')}`);
    const alert = await wallNotice('未找到区市“崂山”');
    expect(alert).toHaveTextContent('请修改链接中的“district=”参数');
    expect(alert).toHaveTextContent('崂山区');
    expect(screen.queryByText('目前没有滞后目标')).toBeNull();
    expect(screen.queryByText('正常')).toBeNull();
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
  });

  it('says it in English on an English wall', async () => {
    renderApp(`/screen?district=${encodeURIComponent('崂山')}&lang=en`);
    const alert = await wallNotice('No district "崂山"');
    expect(alert).toHaveTextContent('Correct “district=” in the link');
    expect(alert).not.toHaveTextContent('未找到');
  });

  it('names an unknown plan, and an unknown sector among the slides asked for', async () => {
    const { unmount } = renderApp('/screen?plan=qd-2052');
    await wallNotice('未找到规划“qd-2052”');
    unmount();
    renderApp('/screen?sectors=marine,oceans');
    const alert = await wallNotice('未找到领域“oceans”');
    expect(alert).toHaveTextContent('请修改链接中的“sectors=”参数');
    expect(alert).toHaveTextContent('marine（海洋城市）');
  });

  it('shows its slides for a district that exists', async () => {
    renderApp(`/screen?district=${encodeURIComponent('崂山区')}`);
    expect(await screen.findByRole('heading', { level: 1, name: '总览' })).toBeInTheDocument();
    expect(screen.queryByText(/未找到/)).toBeNull();
  });
});
