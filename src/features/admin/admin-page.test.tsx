import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, setupMockApi } from '../../test/render-app';

const { write, api } = setupMockApi();

describe('admin', () => {
  it('is for administrators only', async () => {
    write.signInAs('rep');
    renderApp('/admin');
    expect(
      await screen.findByRole('heading', { level: 1, name: '需要管理员权限' }, { timeout: 5_000 }),
    ).toBeInTheDocument();
  });

  it('creates a reporter with departments, refusing a short password first, and disables a user', async () => {
    write.signInAs('admin');
    const { user } = renderApp('/admin');
    const form = await screen
      .findByRole('form', { name: '新建用户' }, { timeout: 5_000 })
      .catch(() => screen.getByRole('region', { name: '新建用户' }));
    await user.type(within(form).getByLabelText('用户名'), 'rep-new');
    await user.type(within(form).getByLabelText('初始密码'), 'short');
    await user.type(within(form).getByLabelText('部门'), '市统计局、市商务局');
    await user.click(within(form).getByRole('button', { name: '创建用户' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('初始密码：至少 10 个字符');
    expect(within(form).getByLabelText('初始密码')).toHaveAttribute('aria-invalid', 'true');
    await user.clear(within(form).getByLabelText('初始密码'));
    await user.type(within(form).getByLabelText('初始密码'), 'long enough password');
    await user.click(within(form).getByRole('button', { name: '创建用户' }));
    expect(await within(form).findByText('已创建用户 rep-new。')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: '用户列表' });
    const row = (await within(table).findAllByRole('cell', { name: 'rep-new' }))[0]?.closest('tr') as HTMLElement;
    // The server lists a user's departments sorted (server/repositories/users.ts userFromRow).
    expect(row).toHaveTextContent('市商务局、市统计局');
    expect(row).toHaveTextContent('填报员');
    await user.click(within(row).getByRole('button', { name: '停用 rep-new' }));
    await waitFor(() => expect(row).toHaveTextContent('已停用'));
  });

  it('assigns a lead department to a target', async () => {
    write.signInAs('admin');
    const target = (await api.store.targets()).find((t) => t.department === null && t.kind === 'cumulative');
    if (!target) throw new Error('a target without department');
    const { user } = renderApp('/admin?tab=targets');
    const table = await screen.findByRole('table', { name: '目标目录' }, { timeout: 5_000 });
    await user.click(within(table).getByRole('button', { name: `编辑 ${target.title}` }));
    const edit = screen.getByRole('region', { name: /编辑目标/ });
    const dept = within(edit).getByLabelText('牵头部门');
    await user.clear(dept);
    await user.type(dept, '市发展改革委');
    await user.click(within(edit).getByRole('button', { name: '保存' }));
    expect(await within(edit).findByText('已保存。')).toBeInTheDocument();
    expect((await api.store.target(target.id))?.department).toBe('市发展改革委');
  });

  it('offers the catalog template beside the plan import', async () => {
    write.signInAs('admin');
    renderApp('/admin?tab=catalog');
    const link = await screen.findByRole('link', { name: '下载目录导入模板（含填写说明）' }, { timeout: 5_000 });
    expect(link).toHaveAttribute('href', '/api/v1/admin/catalog-imports/template');
  });

  it('shows the audit log with export links', async () => {
    write.signInAs('admin');
    const { user } = renderApp('/admin?tab=audit');
    expect(await screen.findByText('没有记录。', {}, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '导出 CSV' })).toHaveAttribute(
      'href',
      '/api/v1/admin/audit/export?format=csv',
    );
    await user.type(screen.getByLabelText('操作人'), 'admin');
    await user.click(screen.getByRole('button', { name: '筛选' }));
    expect(screen.getByRole('link', { name: '导出 Excel' })).toHaveAttribute(
      'href',
      '/api/v1/admin/audit/export?actor=admin&format=xlsx',
    );
  });
});
