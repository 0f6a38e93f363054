import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, setupMockApi } from '../../test/render-app';

const { write, api, server } = setupMockApi();

describe('admin', () => {
  it('is for administrators only', async () => {
    write.signInAs('rep');
    renderApp('/admin');
    expect(
      await screen.findByRole('heading', { level: 1, name: '需要管理员权限' }, { timeout: 5_000 }),
    ).toBeInTheDocument();
  });

  it('creates a reporter with departments picked from the registry, sending their ids, and disables a user', async () => {
    write.signInAs('admin');
    const sent: Promise<unknown>[] = [];
    const record = ({ request }: { request: Request }) => {
      if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/admin/users'))
        sent.push(request.clone().json());
    };
    server.events.on('request:start', record);
    try {
      const { user } = renderApp('/admin');
      const form = await screen.findByRole('region', { name: '新建用户' }, { timeout: 5_000 });
      await user.type(within(form).getByLabelText('用户名'), 'rep-new');
      await user.type(within(form).getByLabelText('初始密码'), 'short');
      const departments = within(form).getByRole('group', { name: '部门' });
      const search = within(departments).getByRole('searchbox', { name: '搜索部门' });
      await user.type(search, '统计');
      await user.click(within(departments).getByRole('checkbox', { name: /市统计局/ }));
      await user.clear(search);
      await user.type(search, '商务');
      await user.click(within(departments).getByRole('checkbox', { name: /市商务局/ }));
      expect(within(departments).getByRole('button', { name: '移除 市统计局' })).toBeInTheDocument();
      await user.click(within(form).getByRole('button', { name: '创建用户' }));
      expect(within(form).getByRole('alert')).toHaveTextContent('初始密码：至少 10 个字符');
      expect(within(form).getByLabelText('初始密码')).toHaveAttribute('aria-invalid', 'true');
      await user.clear(within(form).getByLabelText('初始密码'));
      await user.type(within(form).getByLabelText('初始密码'), 'long enough password');
      await user.click(within(form).getByRole('button', { name: '创建用户' }));
      expect(await within(form).findByText('已创建用户 rep-new。')).toBeInTheDocument();
      // Registry ids go to the server, never the names as typed.
      expect(await Promise.all(sent)).toEqual([expect.objectContaining({ departments: ['tjj', 'swj'] })]);
      const table = screen.getByRole('table', { name: '用户列表' });
      const row = (await within(table).findAllByRole('cell', { name: 'rep-new' }))[0]?.closest('tr') as HTMLElement;
      // Shown by name, in the order the server keeps them (sorted ids: swj, tjj).
      expect(row).toHaveTextContent('市商务局、市统计局');
      expect(row).toHaveTextContent('填报员');
      await user.click(within(row).getByRole('button', { name: '停用 rep-new' }));
      await waitFor(() => expect(row).toHaveTextContent('已停用'));
    } finally {
      server.events.removeListener('request:start', record);
    }
  }, 60_000);

  it('assigns a lead department, a supporting one and the may-report flag to a target', async () => {
    write.signInAs('admin');
    const all = await api.store.targets();
    const target = all.find(
      (t) => t.department !== 'fgw' && t.kind === 'cumulative' && all.filter((x) => x.title === t.title).length === 1,
    );
    if (!target) throw new Error('a target fgw does not lead');
    const { user } = renderApp('/admin?tab=targets');
    const table = await screen.findByRole('table', { name: '目标目录' }, { timeout: 5_000 });
    await user.click(screen.getByLabelText('按标题或编号搜索'));
    await user.paste(target.id);
    await user.click(await within(table).findByRole('button', { name: `编辑 ${target.title}` }));
    const edit = screen.getByRole('region', { name: /编辑目标/ });
    await user.type(within(edit).getByRole('combobox', { name: '牵头部门' }), '发展改革');
    await user.keyboard('{Enter}');
    expect(within(edit).getByText('已选：市发展和改革委员会')).toBeInTheDocument();
    const supporting = within(edit).getByRole('group', { name: '配合部门' });
    await user.type(within(supporting).getByRole('searchbox'), '统计');
    await user.keyboard('{Enter}');
    await user.click(within(edit).getByRole('checkbox', { name: '配合单位可填报' }));
    await user.click(within(edit).getByRole('button', { name: '保存' }));
    expect(await within(edit).findByText('已保存。')).toBeInTheDocument();
    const saved = await api.store.target(target.id);
    expect(saved?.department).toBe('fgw');
    expect(saved?.supportingDepartments).toContain('tjj');
    expect(saved?.supportMayReport).toBe(true);
    const row = within(table)
      .getByRole('button', { name: `编辑 ${target.title}` })
      .closest('tr') as HTMLElement;
    await waitFor(() => expect(row).toHaveTextContent('市发展和改革委员会'));
    expect(row).toHaveTextContent('市统计局');
  }, 60_000);

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
