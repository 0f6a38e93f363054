import { screen, waitFor, within } from '@testing-library/react';
import type { PlansResponse } from '../../domain/api';
import { renderApp, setupMockApi } from '../../test/render-app';

const { write, server } = setupMockApi();
const base = `${window.location.origin}/api/v1`;

describe('review settings (issue 23)', () => {
  it('creates a reviewer of a whole plan and a department, and lists that scope', async () => {
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
      // The plans reviewed whole are a reviewer's only.
      expect(within(form).queryByRole('group', { name: '整体审核的规划' })).toBeNull();
      await user.type(within(form).getByLabelText('用户名'), 'rev-city');
      await user.type(within(form).getByLabelText('姓名'), '市目标办审核员');
      await user.type(within(form).getByLabelText('初始密码'), 'long enough password');
      await user.selectOptions(within(form).getByLabelText('角色'), '审核员');
      const plans = within(form).getByRole('group', { name: '整体审核的规划' });
      await user.click(within(plans).getByRole('checkbox', { name: '青岛市2025年政府工作报告' }));
      const departments = within(form).getByRole('group', { name: '部门' });
      await user.type(within(departments).getByRole('searchbox', { name: '搜索部门' }), '统计');
      await user.click(within(departments).getByRole('checkbox', { name: /市统计局/ }));
      await user.click(within(form).getByRole('button', { name: '创建用户' }));
      expect(await within(form).findByText('已创建用户 rev-city。')).toBeInTheDocument();
      expect(await Promise.all(sent)).toEqual([
        expect.objectContaining({ role: 'reviewer', plans: ['qd-2025'], departments: ['tjj'] }),
      ]);
      const table = screen.getByRole('table', { name: '用户列表' });
      const row = (await within(table).findAllByRole('cell', { name: 'rev-city' }))[0]?.closest('tr') as HTMLElement;
      expect(row).toHaveTextContent('审核员');
      expect(row).toHaveTextContent('青岛市2025年政府工作报告（全部）、市统计局');

      // Editing keeps the plans, and a reviewer made a reporter loses them.
      await user.click(within(row).getByRole('button', { name: '编辑用户 rev-city' }));
      const edit = screen.getByRole('region', { name: '编辑用户 rev-city' });
      expect(
        within(within(edit).getByRole('group', { name: '整体审核的规划' })).getByRole('checkbox', {
          name: '青岛市2025年政府工作报告',
        }),
      ).toBeChecked();
      await user.selectOptions(within(edit).getByLabelText('角色'), '填报员');
      expect(within(edit).queryByRole('group', { name: '整体审核的规划' })).toBeNull();
      await user.click(within(edit).getByRole('button', { name: '保存' }));
      await waitFor(() => expect(row).toHaveTextContent('填报员'));
      const users = (await (await fetch(`${base}/admin/users`)).json()) as {
        items: { username: string; plans: string[] }[];
      };
      expect(users.items.find((u) => u.username === 'rev-city')?.plans).toEqual([]);
    } finally {
      server.events.removeListener('request:start', record);
    }
  }, 60_000);

  it('turns a plan’s review on and off in 规划设置', async () => {
    write.signInAs('admin');
    const { user } = renderApp('/admin?tab=plans');
    const table = await screen.findByRole('table', { name: '规划及其审核设置' }, { timeout: 5_000 });
    const row = within(table)
      .getByRole('rowheader', { name: /崂山区2025年政府工作报告/ })
      .closest('tr') as HTMLElement;
    const box = within(row).getByRole('checkbox', { name: '本规划的填报须经审核' });
    expect(box).not.toBeChecked();
    expect(
      within(
        within(table)
          .getByRole('rowheader', { name: /青岛市2025年政府工作报告/ })
          .closest('tr') as HTMLElement,
      ).getByRole('checkbox'),
    ).toBeChecked();
    await user.click(box);
    expect(await screen.findByText('已保存：崂山区2025年政府工作报告的填报须经审核。')).toBeInTheDocument();
    await waitFor(() => expect(within(row).getByRole('checkbox')).toBeChecked());
    const plans = (await (await fetch(`${base}/plans`)).json()) as PlansResponse;
    const laoshan = plans.items.find((p) => p.id === 'laoshan-2025');
    expect(laoshan?.approval).toBe(true);
    // The plan went back whole: only the setting changed.
    expect(laoshan?.title).toBe('崂山区2025年政府工作报告');
    await user.click(within(row).getByRole('checkbox'));
    expect(await screen.findByText('已保存：崂山区2025年政府工作报告的填报无需审核。')).toBeInTheDocument();
    await waitFor(() => expect(within(row).getByRole('checkbox')).not.toBeChecked());
  }, 60_000);
});
