import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { useUrlState } from '../stores/url-state';
import { chipsFor, DistrictField, districtsOf, PlanField, planTitle } from './filter-fields';
import { FilterSheet } from './filter-sheet';

const PLANS = [
  { id: 'qd-2025', title: '2025年政府工作报告' },
  { id: 'qd-15', title: '十五五规划' },
];
const KEYS = ['plan', 'district', 'includePending'] as const;

/** A toolbar as the pages write one: the plan and district fields, their chips from chipsFor. */
function Toolbar() {
  const [view, update] = useUrlState(KEYS);
  const { search } = useLocation();
  const chips = chipsFor(
    [
      ['plan', '规划', view.plan && planTitle(PLANS, view.plan)],
      ['district', '区市', view.district],
      ['includePending', undefined, view.includePending && '含待审核'],
    ],
    (key) => update({ [key]: undefined }),
  );
  return (
    <>
      <FilterSheet chips={chips}>
        <div className="filters">
          <PlanField value={view.plan} plans={PLANS} onChange={(v) => update({ plan: v })} />
          <DistrictField
            value={view.district}
            districts={districtsOf([{ district: '崂山区' }, { district: '市南区' }, { district: '崂山区' }])}
            onChange={(v) => update({ district: v })}
          />
        </div>
      </FilterSheet>
      <output aria-label="地址">{search}</output>
    </>
  );
}

const renderAt = (url: string) =>
  render(
    <MemoryRouter initialEntries={[url]}>
      <Toolbar />
    </MemoryRouter>,
  );

describe('the plan and district fields and their chips', () => {
  it('offer 全部 and each plan by title, the city level first and each district once', () => {
    renderAt('/');
    const plan = screen.getByRole('combobox', { name: '规划' });
    expect(
      within(plan)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['全部', '2025年政府工作报告', '十五五规划']);
    const district = screen.getByRole('combobox', { name: '区市' });
    expect(
      within(district)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['全部', '市级', '崂山区', '市南区']);
  });

  it('write the choice to the address and show it as a chip, by title, that removes it', async () => {
    const user = userEvent.setup();
    renderAt('/?includePending=1');
    await user.selectOptions(screen.getByRole('combobox', { name: '规划' }), '十五五规划');
    await user.selectOptions(screen.getByRole('combobox', { name: '区市' }), '崂山区');
    expect(screen.getByRole('status', { name: '地址' })).toHaveTextContent('plan=qd-15');
    const chips = screen.getByRole('list', { name: '当前筛选' });
    // Each chip: the filter's name, then its value; the switch names itself.
    expect(
      within(chips)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['规划十五五规划×', '区市崂山区×', '含待审核×']);
    await user.click(within(chips).getByRole('button', { name: '清除筛选：十五五规划' }));
    expect(screen.getByRole('status', { name: '地址' })).not.toHaveTextContent('plan=');
    expect(screen.getByRole('status', { name: '地址' })).toHaveTextContent('district=');
    expect(screen.getByRole('combobox', { name: '规划' })).toHaveValue('');
  });

  it('name an unknown plan by its id rather than hide it', () => {
    expect(planTitle(PLANS, 'qd-old')).toBe('qd-old');
    expect(planTitle(undefined, 'qd-2025')).toBe('qd-2025');
    expect(chipsFor([['plan', '规划', '']], () => {})).toEqual([]);
  });
});
