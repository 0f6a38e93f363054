import { screen } from '@testing-library/react';
import { useUiStore } from '../../stores/ui-store';
import { renderApp, setupMockApi } from '../../test/render-app';

setupMockApi();

describe('sign-in in English', () => {
  it('asks for both fields and says a wrong password in English', async () => {
    useUiStore.setState({ locale: 'en' });
    const { user } = renderApp('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' }, { timeout: 5_000 });
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('2 things to fix');
    expect(summary).toHaveTextContent('Username: Enter your username');
    expect(summary).toHaveTextContent('Password: Enter your password');
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription('Enter your username');

    await user.type(screen.getByLabelText('Username'), 'rep');
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Incorrect username or password')).toBeInTheDocument();
    expect(screen.queryByText('用户名或密码不正确')).not.toBeInTheDocument();
  });
});
