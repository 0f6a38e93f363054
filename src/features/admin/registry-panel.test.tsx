import { screen, within } from '@testing-library/react';
import { renderApp, setupMockApi } from '../../test/render-app';

const { write } = setupMockApi();

describe('the department registry', () => {
  it('registers a department, then merges it into another after a confirmation naming what moves', async () => {
    write.signInAs('admin');
    const { user } = renderApp('/admin?tab=registry');
    const form = await screen.findByRole('region', { name: '登记新部门' }, { timeout: 15_000 });
    await user.type(within(form).getByLabelText('部门全称'), '市测试事务局');
    await user.type(within(form).getByLabelText('简称'), '市测试局');
    await user.type(within(form).getByLabelText('别名'), '市测试办、测试局');
    await user.click(within(form).getByRole('button', { name: '登记部门' }));
    expect(await within(form).findByText('已登记 市测试事务局。')).toBeInTheDocument();

    const table = screen.getByRole('table', { name: '部门登记表' });
    await user.type(screen.getByLabelText('按全称、简称或别名搜索'), '测试办');
    const row = (await within(table).findByText('市测试事务局')).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('市测试局');
    expect(row).toHaveTextContent('市直部门');
    expect(row).toHaveTextContent('✓ 正常');

    await user.click(within(row).getByRole('button', { name: '将 市测试事务局 并入另一部门' }));
    const merge = screen.getByRole('region', { name: '将 市测试事务局 并入另一部门' });
    await user.click(within(merge).getByRole('button', { name: '并入' }));
    expect(within(merge).getByRole('alert')).toHaveTextContent('请选择并入的部门');
    await user.type(within(merge).getByRole('combobox', { name: '并入的部门' }), '统计');
    await user.keyboard('{Enter}');
    await user.click(within(merge).getByRole('button', { name: '并入' }));
    const confirm = within(merge).getByRole('group', { name: '确认并入' });
    expect(confirm).toHaveTextContent(
      '市测试事务局 将并入 市统计局：0 项牵头目标、0 项配合目标和 0 个用户转到 市统计局。此操作不能撤销。',
    );
    await user.click(within(confirm).getByRole('button', { name: '确认并入' }));
    expect(
      await within(merge).findByText(
        '已将 市测试事务局 并入 市统计局：转移牵头目标 0 项、配合目标 0 项、用户 0 个、督办事项 0 项。',
      ),
    ).toBeInTheDocument();
    expect(await within(row).findByText(/已并入 市统计局/)).toBeInTheDocument();
  }, 60_000);
});
