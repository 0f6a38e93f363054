import { act, render, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../api/api-error';
import { loadMessages } from '../i18n/messages';
import { useUiStore } from '../stores/ui-store';
import { ErrorPanel } from './error-panel';

/** READ_ACCESS=signed-in: an anonymous reader is asked to sign in, and comes back to the page after. */
describe('the error panel when reading needs a sign-in (401)', () => {
  afterEach(() => useUiStore.setState({ locale: 'zh-CN', localeOverride: null }));

  it('says so and links to the sign-in page with the way back, instead of a retry', async () => {
    window.history.replaceState(null, '', '/sectors/demand?plan=qd-2025');
    await act(async () => {
      render(<ErrorPanel error={new ApiError('http', 401, '请先登录', '请先登录')} onRetry={() => undefined} />);
    });
    expect(screen.getByRole('alert')).toHaveTextContent('需要登录');
    expect(screen.getByRole('alert')).toHaveTextContent('本看板只对已登录的用户开放');
    expect(screen.getByRole('link', { name: '登录' })).toHaveAttribute(
      'href',
      `/sign-in?next=${encodeURIComponent('/sectors/demand?plan=qd-2025')}`,
    );
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull();
  });

  it('in English too', async () => {
    await loadMessages('en');
    useUiStore.setState({ locale: 'en', localeOverride: 'en' });
    await act(async () => {
      render(<ErrorPanel error={new ApiError('http', 401, '请先登录', '请先登录')} />);
    });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Sign-in required'));
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
  });
});
