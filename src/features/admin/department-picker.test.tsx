import { QueryClient } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { NOW, renderInProviders, setupMockApi } from '../../test/render-app';
import { DepartmentPicker } from './department-picker';

const { write } = setupMockApi();

function Single() {
  const [value, setValue] = useState<string | null>(null);
  return (
    <>
      <DepartmentPicker mode="single" id="lead" label="牵头部门" value={value} onChange={setValue} />
      <output data-testid="value">{value ?? 'none'}</output>
    </>
  );
}

function Multi() {
  const [value, setValue] = useState<string[]>([]);
  return (
    <>
      <DepartmentPicker mode="multi" id="supporting" label="配合部门" value={value} onChange={setValue} />
      <output data-testid="value">{value.join(',')}</output>
    </>
  );
}

function renderPicker(ui: React.ReactNode) {
  write.signInAs('viewer');
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  return { user, ...renderInProviders(ui, { queryClient, now: () => NOW }) };
}

const optionNames = () => screen.getAllByRole('option').map((o) => o.textContent ?? '');

describe('the department picker', () => {
  it('finds 市工业和信息化局 by its short name and is chosen with the keyboard', async () => {
    const { user } = renderPicker(<Single />);
    const box = await screen.findByRole('combobox', { name: '牵头部门' }, { timeout: 15_000 });
    expect(screen.getByText('已选：无')).toBeInTheDocument();
    // The list opens with the focus: every registry record is offered before typing, after 无.
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await user.click(box);
    expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(optionNames()[0]).toContain('无（不指定）');
    expect(optionNames().some((n) => n.includes('市统计局'))).toBe(true);

    await user.type(box, '工信');
    const names = optionNames();
    expect(names).toHaveLength(2);
    expect(names[1]).toContain('市工业和信息化局');
    // Name, short name and kind, in words.
    expect(names[1]).toContain('市工信局');
    expect(names[1]).toContain('市直部门');
    // The first match is the active one: Enter chooses it without submitting anything.
    const match = screen.getByRole('option', { name: /市工业和信息化局/ });
    expect(box).toHaveAttribute('aria-activedescendant', match.id);
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('value')).toHaveTextContent('gxj');
    expect(match).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText('已选：市工业和信息化局')).toBeInTheDocument();

    // ↑ reaches 无; Enter chooses none.
    await user.keyboard('{ArrowUp}{Enter}');
    expect(screen.getByTestId('value')).toHaveTextContent('none');
    expect(screen.getByText('已选：无')).toBeInTheDocument();

    // Escape clears the search: everything is offered again; a second Escape closes the list.
    await user.keyboard('{Escape}');
    expect(box).toHaveValue('');
    expect(optionNames().length).toBeGreaterThan(20);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(box).toHaveAttribute('aria-expanded', 'false');
    // ↓ opens it again.
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('listbox', { name: '可选的牵头部门' })).toBeInTheDocument();
  });

  it('ticks supporting departments from a filtered list and removes them as chips', async () => {
    const { user } = renderPicker(<Multi />);
    const group = await screen.findByRole('group', { name: '配合部门' }, { timeout: 15_000 });
    const search = within(group).getByRole('searchbox', { name: '搜索配合部门' });
    await user.type(search, '统计');
    // Enter in the search box ticks the first match and clears the search.
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('value')).toHaveTextContent('tjj');
    expect(search).toHaveValue('');
    expect(within(group).getByRole('checkbox', { name: /市统计局/ })).toBeChecked();

    // A short name, then the keyboard: Tab to the checkbox, Space ticks it.
    await user.type(search, '市工信局');
    const gxj = within(group).getByRole('checkbox', { name: /市工业和信息化局/ });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(1);
    await user.tab();
    expect(gxj).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.getByTestId('value')).toHaveTextContent('tjj,gxj');

    await user.click(within(group).getByRole('button', { name: '移除 市统计局' }));
    expect(screen.getByTestId('value')).toHaveTextContent(/^gxj$/);
    expect(within(group).queryByRole('button', { name: '移除 市统计局' })).not.toBeInTheDocument();
    expect(within(group).getByRole('button', { name: '移除 市工业和信息化局' })).toBeInTheDocument();
  });
});
