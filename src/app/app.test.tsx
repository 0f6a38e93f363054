import { screen, within } from '@testing-library/react';
import { renderApp, setupMockApi } from '../test/render-app';

setupMockApi();

describe('app shell', () => {
  it('shows a 404 view for an unknown address', async () => {
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: '页面不存在' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回总览' })).toHaveAttribute('href', '/');
  });

  it('switches to English and back', async () => {
    const { user } = renderApp('/');
    // The first overview of the file: the summary is computed cold, slow on a busy machine.
    await screen.findByRole('region', { name: '重点指标' }, { timeout: 15_000 });
    await user.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Progress by sector' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    // Target titles stay as written in the source.
    expect(screen.getByRole('article', { name: '城镇新增就业35万人以上' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '切换到中文' }));
    expect(await screen.findByRole('heading', { level: 1, name: '总览' })).toBeInTheDocument();
  });

  it('switches the theme', async () => {
    const { user } = renderApp('/');
    await user.click(await screen.findByRole('button', { name: '切换到深色主题' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    await user.click(screen.getByRole('button', { name: '切换到浅色主题' }));
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('offers a skip link and a main landmark', async () => {
    renderApp('/');
    expect(screen.getByRole('link', { name: '跳到主要内容' })).toHaveAttribute('href', '#main');
    expect(screen.getByRole('main')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(within(nav).getByRole('link', { name: '总览' })).toHaveAttribute('aria-current', 'page');
  });

  it('folds the navigation, language, theme and sign-in into a menu: focus moves in, Escape closes it and returns focus', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('region', { name: '重点指标' });
    const button = screen.getByRole('button', { name: '菜单' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    const menu = document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(menu).not.toBeNull();
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const nav = within(menu as HTMLElement).getByRole('navigation', { name: '主导航' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['总览', '重点项目', '周调度会', '排名', '填报']);
    expect(within(nav).getByRole('link', { name: '总览' })).toHaveFocus();
    const panel = within(menu as HTMLElement);
    expect(panel.getByRole('button', { name: 'Switch to English' })).toBeInTheDocument();
    expect(panel.getByRole('button', { name: '切换到深色主题' })).toBeInTheDocument();
    expect(panel.getByRole('link', { name: '登录' })).toBeInTheDocument();
    await user.keyboard('{Tab}{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
  });

  it('closes the menu when a link in it opens another page, or on a tap outside it', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('region', { name: '重点指标' });
    const button = screen.getByRole('button', { name: '菜单' });
    await user.click(button);
    await user.click(screen.getByRole('link', { name: '重点项目' }));
    // The projects page's code is a chunk of its own: on a busy machine it takes a while to import.
    expect(await screen.findByRole('heading', { level: 1, name: '重点项目' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    // The new page moves focus to its heading in the next frame (useFocusOnNavigate): on a busy
    // machine that frame could come after the click below, and focus leaving the menu closes it.
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('main'));
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });
});
