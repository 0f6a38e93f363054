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
    await screen.findByRole('region', { name: '重点指标' });
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
});
