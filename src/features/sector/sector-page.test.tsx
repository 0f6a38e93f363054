import { screen, waitFor, within } from '@testing-library/react';
import { behindBy } from '../../domain/aggregate';
import type { PlansResponse, TargetsResponse, TargetWithStateDto } from '../../domain/api';
import { gapText } from '../../domain/figures';
import type { TargetState } from '../../domain/schemas';
import { cardLabels } from '../../test/card-labels';
import { renderApp, setupMockApi } from '../../test/render-app';

const rowGap = (x: TargetWithStateDto | undefined) => (x ? gapText(x, x.state, 'zh-CN', true) : '');

const { api } = setupMockApi();

async function targets(sector: string): Promise<TargetsResponse> {
  return (await fetch(`${window.location.origin}/api/v1/targets?sector=${sector}`)).json() as Promise<TargetsResponse>;
}

const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('sector view', () => {
  it('lists every target of the sector with its gap and status, as the API computes them', async () => {
    const expected = await targets('demand');
    renderApp('/sectors/demand');
    expect(await screen.findByRole('heading', { level: 1, name: '扩大内需' })).toBeInTheDocument();
    await screen.findByRole('table', { name: '扩大内需目标列表' });
    expect(bodyRows()).toHaveLength(expected.items.length);
    for (const item of expected.items.slice(0, 5)) {
      const row = screen.getByRole('link', { name: item.title }).closest('tr') as HTMLElement;
      expect(row).toHaveTextContent(gapText(item, item.state, 'zh-CN', true));
      expect(within(row).getByRole('progressbar')).toHaveAccessibleName(`${item.title}进度`);
    }
  });

  it('names each value of a phone’s card after its column, the status and gap among them', async () => {
    renderApp('/sectors/demand');
    const table = await screen.findByRole('table', { name: '扩大内需目标列表' }, { timeout: 10_000 });
    const { labelled, mismatches } = cardLabels(table);
    expect(mismatches).toEqual([]);
    // 完成率, 当前值 / 目标值, 差距, 预计年末, 最新填报 on every row; the title and the status badge name themselves.
    expect(labelled).toBe(bodyRows().length * 5);
    const row = bodyRows()[0] as HTMLElement;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.getAttribute('data-label')),
    ).toEqual([null, '完成率', '当前值 / 目标值', '差距', null, '预计年末', '最新填报']);
  });

  it('sorts by gap: worst first on the first click, best first on the second', async () => {
    const expected = await targets('demand');
    const { user } = renderApp('/sectors/demand');
    await screen.findByRole('table');
    const byGap = [...expected.items]
      .filter((i) => i.state.latest !== null)
      .sort((a, b) => behindBy(a.state) - behindBy(b.state));
    const gapHeader = screen.getByRole('button', { name: /差距/ });
    await user.click(gapHeader);
    expect(screen.getByRole('columnheader', { name: /差距/ })).toHaveAttribute('aria-sort', 'ascending');
    // Ties (several targets done ahead of pace) keep the catalog order: compare the gap, not the title.
    expect(bodyRows()[0]).toHaveTextContent(rowGap(byGap[0]));
    expect(behindBy(byGap[0]?.state as TargetState)).toBeLessThan(0);
    await user.click(gapHeader);
    expect(screen.getByRole('columnheader', { name: /差距/ })).toHaveAttribute('aria-sort', 'descending');
    expect(bodyRows()[0]).toHaveTextContent(rowGap(byGap.at(-1)));
  });

  it('shows the filters carried from the overview as chips that can be removed, by keyboard too', async () => {
    const all = await targets('demand');
    const laoshan = all.items.filter((i) => i.district === '崂山区');
    expect(laoshan.length).toBeGreaterThan(0);
    expect(laoshan.length).toBeLessThan(all.items.length);
    const { user } = renderApp(`/sectors/demand?district=${encodeURIComponent('崂山区')}&plan=laoshan-2025`);
    const chips = await screen.findByRole('list', { name: '当前筛选' });
    await waitFor(() => expect(bodyRows()).toHaveLength(laoshan.length));
    expect(within(chips).getByText('区市')).toBeInTheDocument();
    const plans = (await (await fetch(`${window.location.origin}/api/v1/plans`)).json()) as PlansResponse;
    const title = plans.items.find((p) => p.id === 'laoshan-2025')?.title ?? '';
    const plan = await within(chips).findByRole('button', { name: `清除筛选：${title}` });
    const district = within(chips).getByRole('button', { name: '清除筛选：崂山区' });
    district.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(bodyRows()).toHaveLength(laoshan.length));
    expect(screen.queryByRole('button', { name: '清除筛选：崂山区' })).not.toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: '按标题搜索' })).toHaveFocus();
    await user.click(plan);
    await waitFor(() => expect(bodyRows()).toHaveLength(all.items.length));
    expect(screen.queryByRole('list', { name: '当前筛选' })).not.toBeInTheDocument();
  });

  it('leads back to the overview with the same filters', async () => {
    const district = encodeURIComponent('崂山区');
    renderApp(`/sectors/demand?plan=laoshan-2025&district=${district}&asOf=2025-12-19`);
    const crumbs = await screen.findByRole('navigation', { name: '当前位置' });
    const back = within(crumbs).getByRole('link', { name: '总览' });
    const href = new URL(back.getAttribute('href') ?? '', window.location.origin);
    expect(href.pathname).toBe('/');
    expect(Object.fromEntries(href.searchParams)).toEqual({
      plan: 'laoshan-2025',
      district: '崂山区',
      asOf: '2025-12-19',
    });
  });

  it('searches by title', async () => {
    const { user } = renderApp('/sectors/demand');
    await screen.findByRole('table');
    await user.type(screen.getByRole('searchbox', { name: '按标题搜索' }), '5G');
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(bodyRows()[0]).toHaveTextContent('新开通5G基站3000个');
  });

  it('shows a 404 view for an unknown sector', async () => {
    renderApp('/sectors/space');
    expect(await screen.findByRole('heading', { level: 1, name: '页面不存在' })).toBeInTheDocument();
    expect(screen.getByText('领域“space”不存在')).toBeInTheDocument();
  });

  it.each([
    ['server-error', '服务器出错'],
    ['network-error', '无法连接到服务器'],
    ['malformed', '数据格式错误'],
  ] as const)('shows what went wrong on %s, keeping the page usable', async (mode, text) => {
    api.setFailure(mode);
    renderApp('/sectors/demand');
    expect(await screen.findByRole('alert')).toHaveTextContent(text);
    expect(screen.getByRole('heading', { level: 1, name: '扩大内需' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: '按标题搜索' })).toBeEnabled();
  });
});
