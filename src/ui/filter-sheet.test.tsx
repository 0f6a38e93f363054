import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { useUrlState } from '../stores/url-state';
import { type FilterChip, FilterSheet } from './filter-sheet';

const KEYS = ['district', 'status', 'asOf'] as const;

/** A page's filters as pages hold them: in the URL, shown beside the address the router is at. */
function Page() {
  const [view, update] = useUrlState(KEYS);
  const { search } = useLocation();
  const after = useRef<HTMLButtonElement>(null);
  const chips: FilterChip[] = [
    ...(view.district
      ? [{ key: 'district', label: '区市', value: view.district, onRemove: () => update({ district: undefined }) }]
      : []),
    ...(view.status
      ? [{ key: 'status', label: '状态', value: view.status, onRemove: () => update({ status: undefined }) }]
      : []),
    // A filter the page cannot drop: told, not removable, and not counted as chosen.
    ...(view.asOf ? [{ key: 'asOf', label: '会议日期', value: view.asOf }] : []),
  ];
  return (
    <>
      <FilterSheet chips={chips} afterRemove={() => after.current?.focus()}>
        <div className="filters">
          <label className="field">
            区市
            <select value={view.district ?? ''} onChange={(e) => update({ district: e.target.value })}>
              <option value="">全部</option>
              <option value="崂山区">崂山区</option>
              <option value="市南区">市南区</option>
            </select>
          </label>
          <label className="field">
            状态
            <select value={view.status ?? ''} onChange={(e) => update({ status: e.target.value })}>
              <option value="">全部</option>
              <option value="滞后">滞后</option>
            </select>
          </label>
        </div>
      </FilterSheet>
      <button ref={after} type="button">
        列表
      </button>
      <output aria-label="地址">{search}</output>
    </>
  );
}

function renderPage(url: string) {
  const user = userEvent.setup();
  render(
    <MemoryRouter initialEntries={[url]}>
      <Page />
    </MemoryRouter>,
  );
  return { user, address: () => decodeURIComponent(screen.getByRole('status', { name: '地址' }).textContent ?? '') };
}

describe('FilterSheet', () => {
  it('shows the active filters as chips and counts them on its button', () => {
    renderPage('/?district=崂山区&status=滞后&asOf=2025-12-19');
    const chips = screen.getByRole('list', { name: '当前筛选' });
    expect(
      within(chips)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['区市崂山区×', '状态滞后×', '会议日期2025-12-19']);
    // The meeting date is told but cannot be removed, and is not a filter the person chose.
    expect(within(chips).queryByRole('button', { name: /2025-12-19/ })).not.toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: '筛选（已选 2 项）' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('says nothing of filters when none is on', () => {
    renderPage('/');
    expect(screen.queryByRole('list', { name: '当前筛选' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '筛选' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('removes a filter from the URL with its chip, by keyboard too', async () => {
    const { user, address } = renderPage('/?district=崂山区&status=滞后');
    const chip = screen.getByRole('button', { name: '清除筛选：崂山区' });
    chip.focus();
    await user.keyboard('{Enter}');
    expect(address()).toBe('?status=滞后');
    expect(screen.queryByRole('button', { name: '清除筛选：崂山区' })).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '区市' })).toHaveValue('');
    expect(screen.getByRole('button', { name: '筛选（已选 1 项）' })).toBeInTheDocument();
    // The chip is gone: focus goes where the page says (here the sheet's button is not laid out).
    expect(screen.getByRole('button', { name: '列表' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: '清除筛选：滞后' }));
    expect(address()).toBe('');
    expect(screen.queryByRole('list', { name: '当前筛选' })).not.toBeInTheDocument();
  });

  it('opens the filters as a dialog: focus moves in and stays in, Escape and 完成 close it and focus returns', async () => {
    const { user, address } = renderPage('/?status=滞后');
    const toggle = screen.getByRole('button', { name: '筛选（已选 1 项）' });
    await user.click(toggle);
    const sheet = screen.getByRole('dialog', { name: '筛选' });
    expect(sheet).toHaveAttribute('aria-modal', 'true');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveAttribute('aria-controls', sheet.id);
    // The first filter has focus, not the 完成 button.
    const district = within(sheet).getByRole('combobox', { name: '区市' });
    expect(district).toHaveFocus();
    // A filter changed in the sheet goes to the URL at once, and its chip appears.
    await user.selectOptions(district, '市南区');
    expect(address()).toBe('?status=滞后&district=市南区');
    expect(screen.getByRole('button', { name: '清除筛选：市南区' })).toBeInTheDocument();
    // Tab from the last control comes back to the first in the sheet (完成), and Shift+Tab goes round the other way.
    within(sheet).getByRole('combobox', { name: '状态' }).focus();
    await user.tab();
    expect(within(sheet).getByRole('button', { name: '完成' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(within(sheet).getByRole('combobox', { name: '状态' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('button', { name: '筛选（已选 2 项）' })).toHaveFocus();
    // The filters stay where they were, and so does the choice made in the sheet.
    expect(screen.getByRole('combobox', { name: '区市' })).toHaveValue('市南区');
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: '完成' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(toggle).toHaveFocus();
  });
});
