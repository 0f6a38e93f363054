import { screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { useUiStore } from '../../stores/ui-store';
import { renderApp, setupMockApi } from '../../test/render-app';

const { write, server } = setupMockApi();
const HAN = /[\u4e00-\u9fff]/;

async function openEnglishForm() {
  useUiStore.setState({ locale: 'en' });
  write.signInAs('admin');
  const utils = renderApp('/admin');
  const form = await screen.findByRole('region', { name: 'New user' }, { timeout: 5_000 });
  return { ...utils, form };
}

describe('the new user form in English', () => {
  it('words the schema’s checks in English before anything is sent', async () => {
    const { user, form } = await openEnglishForm();
    await user.type(within(form).getByLabelText('Username'), 'x');
    await user.type(within(form).getByLabelText('Initial password'), 'short');
    await user.click(within(form).getByRole('button', { name: 'Create user' }));
    const summary = within(form).getByRole('alert');
    expect(summary).toHaveTextContent('Username: At least 2 characters');
    expect(summary).toHaveTextContent('Initial password: At least 10 characters');
    expect(summary).not.toHaveTextContent(HAN);
    expect(within(form).getByLabelText('Initial password')).toHaveAccessibleDescription(
      expect.stringContaining('At least 10 characters'),
    );

    await user.clear(within(form).getByLabelText('Username'));
    await user.type(within(form).getByLabelText('Username'), 'rep new!');
    await user.clear(within(form).getByLabelText('Initial password'));
    await user.type(within(form).getByLabelText('Initial password'), 'long enough password');
    await user.click(within(form).getByRole('button', { name: 'Create user' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Username: Only letters, digits and . _ @ -');
  });

  it('words the server’s field issue from its code', async () => {
    server.use(
      http.post(`${window.location.origin}/api/v1/admin/users`, () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: '提交的内容有误',
            status: 400,
            detail: '用户名：用户名不能超过 64 个字符',
            code: 'invalid',
            errors: [
              { field: 'username', message: '用户名：用户名不能超过 64 个字符', code: 'too_long', params: { max: 64 } },
            ],
          },
          { status: 400 },
        ),
      ),
    );
    const { user, form } = await openEnglishForm();
    await user.type(within(form).getByLabelText('Username'), 'rep-new');
    await user.type(within(form).getByLabelText('Initial password'), 'long enough password');
    await user.click(within(form).getByRole('button', { name: 'Create user' }));
    const summary = await within(form).findByRole('alert');
    expect(summary).toHaveTextContent('Username: At most 64 characters');
    expect(summary).not.toHaveTextContent(HAN);
  });

  it('says in English, from the server’s code, that the username is taken', async () => {
    const { user, form } = await openEnglishForm();
    await user.type(within(form).getByLabelText('Username'), 'rep');
    await user.type(within(form).getByLabelText('Initial password'), 'long enough password');
    await user.click(within(form).getByRole('button', { name: 'Create user' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('The username “rep” is taken');
    expect(alert).not.toHaveTextContent(HAN);
  });
});
