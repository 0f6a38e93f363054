import { screen, within } from '@testing-library/react';
import type { DepartmentViewResponse, RankingsResponse } from '../../domain/department-api';
import { formatPercent, formatQuantity } from '../../domain/format';
import { useUiStore } from '../../stores/ui-store';
import { cardLabels } from '../../test/card-labels';
import { renderApp, setupMockApi } from '../../test/render-app';

const { api } = setupMockApi();

async function get<T>(path: string): Promise<T> {
  return (await fetch(`${window.location.origin}/api/v1${path}`)).json() as Promise<T>;
}

afterEach(() => useUiStore.setState({ locale: 'zh-CN' }));

describe('a department’s page', () => {
  it('lists what it leads and what it supports, marked, with its status counts and its rank', async () => {
    const d = await get<DepartmentViewResponse>('/departments/gxj');
    expect(d.lead.length).toBeGreaterThan(0);
    expect(d.supporting.length).toBeGreaterThan(0);
    renderApp('/departments/gxj');
    expect(await screen.findByRole('heading', { level: 1, name: '市工业和信息化局' })).toBeInTheDocument();
    expect(screen.getByText('简称：市工信局')).toBeInTheDocument();
    expect(screen.getByText('市直部门')).toBeInTheDocument();

    const table = screen.getByRole('table', { name: '牵头和配合的目标' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(d.lead.length + d.supporting.length);
    const lead = d.lead[0];
    const support = d.supporting[0];
    if (!lead || !support) throw new Error('unreachable');
    const rowOf = (title: string) => within(table).getByRole('link', { name: title }).closest('tr') as HTMLElement;
    expect(rowOf(lead.title)).toHaveTextContent('牵头');
    expect(rowOf(support.title)).toHaveTextContent('配合');
    expect(within(rowOf(lead.title)).getByRole('link', { name: lead.title })).toHaveAttribute(
      'href',
      `/targets/${lead.id}?asOf=${d.asOf}`,
    );
    // Led ones first, then the supported ones.
    expect(rows[0]).toHaveTextContent('牵头');
    expect(rows.at(-1)).toHaveTextContent('配合');
    // The demo division of tasks is marked on every target it assigns.
    const demoLead = d.lead.find((x) => x.divisionDemo);
    if (demoLead) expect(rowOf(demoLead.title)).toHaveTextContent('演示分工');
    const ownLead = d.lead.find((x) => !x.divisionDemo && !x.state.latest?.demo);
    if (ownLead) expect(rowOf(ownLead.title)).not.toHaveTextContent('演示');

    // Status counts in words, and the rank sentence from the league table, linking to it.
    const profile = screen.getByRole('region', { name: '牵头目标状态' });
    const counts = within(profile).getByRole('list', { name: '牵头目标状态' });
    const severe = d.lead.filter((x) => x.state.status === 'severe').length;
    if (severe > 0) expect(counts).toHaveTextContent(`严重滞后 ${severe}`);
    const r = d.ranking;
    if (!r?.rank) throw new Error('gxj is ranked in the test data');
    const sentence = `达标率${r.tied ? '并列' : ''}第 ${r.rank} 名（共 ${d.ranked} 个部门）`;
    expect(within(profile).getByRole('link', { name: sentence })).toHaveAttribute('href', `/rankings?asOf=${d.asOf}`);
    expect(profile).toHaveTextContent(`达标 ${r.good} 项 ÷ 参评 ${r.judged} 项 = ${formatPercent(r.share)}`);

    // Overdue: its lead targets with no report within their cycle.
    const overdue = screen.getByRole('region', { name: '逾期未报' });
    const noData = d.lead.filter((x) => x.state.status === 'no_data');
    if (noData.length === 0) expect(overdue).toHaveTextContent('没有逾期未报的牵头目标');
    for (const x of noData) expect(within(overdue).getByRole('link', { name: x.title })).toBeInTheDocument();

    // The trend as a table a reader can check: 达标 ÷ 参评 each week.
    const trend = screen.getByRole('table', { name: '达标率趋势' });
    expect(within(trend).getAllByRole('row')).toHaveLength(d.trend.length + 1);
  });

  it('names each value of a phone’s card after its column, 完成率 with the two figures it divides', async () => {
    const d = await get<DepartmentViewResponse>('/departments/gxj');
    renderApp('/departments/gxj');
    const table = await screen.findByRole('table', { name: '牵头和配合的目标' }, { timeout: 10_000 });
    const { labelled, mismatches } = cardLabels(table);
    expect(mismatches).toEqual([]);
    expect(labelled).toBe((d.lead.length + d.supporting.length) * 4);
    const x = d.lead.find((t) => t.kind !== 'milestone' && t.state.latest !== null && t.target !== null);
    if (!x?.state.latest || x.target === null) throw new Error('gxj leads a numeric target with a figure');
    const row = within(table).getByRole('link', { name: x.title }).closest('tr') as HTMLElement;
    const rate = within(row)
      .getAllByRole('cell')
      .find((c) => c.getAttribute('data-label') === '完成率');
    expect(rate).toHaveTextContent(formatPercent(x.state.progress, 'zh-CN'));
    expect(rate).toHaveTextContent(
      `（${formatQuantity(x.state.latest.value, x.unit, 'zh-CN')} / ${formatQuantity(x.target, x.unit, 'zh-CN')}）`,
    );
  });

  it('says 并列 for a department that shares its rank', async () => {
    const league = await get<RankingsResponse>('/rankings');
    const tied = league.rows.find((x) => x.tied && x.rank !== null);
    if (!tied) throw new Error('the test data has a tie');
    renderApp(`/departments/${tied.key}`);
    expect(
      await screen.findByRole('link', {
        name: `达标率并列第 ${tied.rank} 名（共 ${league.rows.filter((x) => x.rank !== null).length} 个部门）`,
      }),
    ).toBeInTheDocument();
  });

  it('speaks English in the English UI', async () => {
    useUiStore.setState({ locale: 'en' });
    const d = await get<DepartmentViewResponse>('/departments/gxj');
    renderApp('/departments/gxj');
    expect(await screen.findByRole('heading', { level: 1, name: '市工业和信息化局' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Targets it leads and supports' });
    expect(within(table).getAllByText('Leads')).toHaveLength(d.lead.length);
    expect(within(table).getAllByText('Supports')).toHaveLength(d.supporting.length);
    expect(screen.getByText('City department')).toBeInTheDocument();
  });

  it('says an unknown department does not exist', async () => {
    renderApp('/departments/no-such-bureau');
    expect(await screen.findByText('部门“no-such-bureau”不存在')).toBeInTheDocument();
  });

  it('shows what went wrong on a 500', async () => {
    api.setFailure('server-error');
    renderApp('/departments/gxj');
    expect(await screen.findByRole('alert')).toHaveTextContent('服务器出错');
  });
});
