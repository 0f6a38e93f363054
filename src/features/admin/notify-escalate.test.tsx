import { configure, screen, waitFor, within } from '@testing-library/react';
import type { PlansResponse } from '../../domain/api';
import { renderApp, setupMockApi } from '../../test/render-app';

// Writes go through the real server, on a machine shared with other test runs.
configure({ asyncUtilTimeout: 10_000 });
const { write } = setupMockApi();
const base = `${window.location.origin}/api/v1`;
const plan = async (id: string) =>
  ((await (await fetch(`${base}/plans`)).json()) as PlansResponse).items.find((p) => p.id === id);

describe('催报升级 in 规划设置 (issue 24)', () => {
  it('saves after how many missed reporting cycles a plan escalates, refusing what is out of range', async () => {
    write.signInAs('admin');
    const { user } = renderApp('/admin?tab=plans');
    const table = await screen.findByRole('table', { name: '规划及其审核设置' }, { timeout: 15_000 });
    expect(within(table).getByRole('columnheader', { name: '催报升级' })).toBeInTheDocument();
    const row = within(table)
      .getByRole('rowheader', { name: /崂山区2025年政府工作报告/ })
      .closest('tr') as HTMLElement;
    const input = within(row).getByRole('spinbutton', { name: '连续未报几个填报周期即升级' });
    expect(input).toHaveValue(2);
    // Read as a sentence around the box: 连续 [2] 个填报周期未报即升级.
    expect(within(row).getByText('连续')).toBeInTheDocument();
    expect(within(row).getByText('个填报周期未报即升级')).toBeInTheDocument();
    const save = within(row).getByRole('button', { name: '保存 崂山区2025年政府工作报告 的催报升级设置' });

    await user.clear(input);
    await user.type(input, '53');
    await user.click(save);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/请填写 1 至 52 之间的整数/);
    expect(input).toHaveFocus();
    expect((await plan('laoshan-2025'))?.escalateAfter).toBe(2);

    await user.clear(input);
    await user.type(input, '3');
    await user.click(save);
    expect(
      await screen.findByText('已保存：崂山区2025年政府工作报告连续 3 个填报周期未报即升级。', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    const saved = await plan('laoshan-2025');
    expect(saved?.escalateAfter).toBe(3);
    // The plan went back whole: its review setting and title are as they were.
    expect(saved?.approval ?? false).toBe(false);
    expect(saved?.title).toBe('崂山区2025年政府工作报告');

    // Turning review on keeps the escalation setting.
    await user.click(within(row).getByRole('checkbox', { name: '本规划的填报须经审核' }));
    await waitFor(async () => expect((await plan('laoshan-2025'))?.approval).toBe(true));
    expect((await plan('laoshan-2025'))?.escalateAfter).toBe(3);
    await waitFor(() => expect(within(row).getByRole('spinbutton')).toHaveValue(3));
  }, 60_000);
});
