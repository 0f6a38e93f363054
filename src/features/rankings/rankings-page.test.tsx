import { screen, waitFor, within } from '@testing-library/react';
import type { RankingsResponse } from '../../domain/department-api';
import { formatPercent } from '../../domain/format';
import { TIE_RULE_EN, TIE_RULE_ZH } from '../../domain/rankings';
import { useUiStore } from '../../stores/ui-store';
import { cardLabels } from '../../test/card-labels';
import { renderApp, setupMockApi } from '../../test/render-app';

const { api } = setupMockApi();
const HAN = /[\u4e00-\u9fff]/;

async function rankings(query = ''): Promise<RankingsResponse> {
  const res = await fetch(`${window.location.origin}/api/v1/rankings${query}`);
  return res.json() as Promise<RankingsResponse>;
}

/** The cells of the table's row for `name`, by column header. */
function rowOf(table: HTMLElement, name: string): Record<string, string> {
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((h) => h.textContent ?? '');
  const link = within(table).getByRole('link', { name });
  const row = link.closest('tr') as HTMLElement;
  const cells = [...row.querySelectorAll('th, td')].map((c) => c.textContent ?? '');
  return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));
}

afterEach(() => useUiStore.setState({ locale: 'zh-CN' }));

describe('rankings', () => {
  it('ranks departments by 达标率, ties said as 并列, each rate beside the two numbers it divides', async () => {
    const expected = await rankings();
    const tied = expected.rows.find((r) => r.tied && r.rank !== null);
    const single = expected.rows.find((r) => !r.tied && r.rank !== null && r.judged > 0);
    if (!tied || !single) throw new Error('the test data has a tie and a row of its own');
    renderApp('/rankings');
    expect(await screen.findByRole('heading', { level: 1, name: '排名' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: /^部门排名 · 按达标率/ });
    expect(within(table).getAllByRole('row')).toHaveLength(expected.rows.length + 1);

    const t = rowOf(table, tied.name);
    expect(t.名次).toBe(`并列${tied.rank}`);
    const s = rowOf(table, single.name);
    expect(s.名次).toBe(String(single.rank));
    for (const row of [tied, single]) {
      const cells = rowOf(table, row.name);
      // 达标率 = 达标 ÷ 参评 and 按时填报率 = 按时报 ÷ 应报, from the two numbers on the same row.
      expect(cells.达标率).toBe(formatPercent(Number(cells.达标) / Number(cells.参评)));
      expect(cells.按时填报率).toBe(formatPercent(Number(cells.按时报) / Number(cells.应报)));
      expect(cells.达标).toBe(String(row.good));
      expect(cells.参评).toBe(String(row.judged));
      expect(cells.演示).toBe(row.demo ? '演示' : '');
    }
    // The name opens the department's page at the table's date.
    expect(within(table).getByRole('link', { name: single.name })).toHaveAttribute(
      'href',
      `/departments/${single.key}?asOf=${expected.asOf}`,
    );
    // The rules beneath, the tie rule word for word, and the workbook of exactly this table.
    const rules = screen.getByRole('region', { name: '计算口径' });
    expect(rules).toHaveTextContent('达标率 = 达标 ÷ 参评');
    expect(rules).toHaveTextContent(TIE_RULE_ZH);
    expect(screen.getByRole('link', { name: '导出 Excel' })).toHaveAttribute(
      'href',
      `/api/v1/rankings.xlsx?asOf=${expected.asOf}`,
    );
  });

  it('names each figure of a phone’s card after its column', async () => {
    const data = await rankings();
    renderApp('/rankings');
    const table = await screen.findByRole('table', {}, { timeout: 10_000 });
    const { labelled, mismatches } = cardLabels(table);
    expect(mismatches).toEqual([]);
    // 名次, 目标数 and the nine figures of its three groups on every row; the name and the 演示 mark name themselves.
    expect(labelled).toBe(data.rows.length * 11);
  });

  it('switches to districts and to another measure through the URL, saying what it leaves out', async () => {
    const expected = await rankings('?by=district&measure=reporting');
    const { user } = renderApp('/rankings');
    await screen.findByRole('table', { name: /^部门排名/ });
    await user.click(screen.getByRole('radio', { name: '区市' }));
    await user.click(screen.getByRole('radio', { name: /按时填报率/ }));
    const table = await screen.findByRole('table', { name: /^区市排名 · 按按时填报率/ });
    expect(screen.getByRole('radio', { name: /按时填报率/ })).toBeChecked();
    for (const r of expected.rows) expect(within(table).getByRole('link', { name: r.name })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: '按时填报率' })).toHaveAttribute('aria-sort', 'descending');
    if (expected.ungrouped > 0)
      expect(screen.getByRole('region', { name: '计算口径' })).toHaveTextContent(
        `另有 ${expected.ungrouped} 项目标不属于任何区市`,
      );
    expect(screen.getByRole('link', { name: '导出 Excel' })).toHaveAttribute(
      'href',
      `/api/v1/rankings.xlsx?by=district&measure=reporting&asOf=${expected.asOf}`,
    );
  });

  it('labels the table in English in the English UI, ties and the tie rule included', async () => {
    const expected = await rankings();
    const tied = expected.rows.find((r) => r.tied && r.rank !== null);
    if (!tied) throw new Error('the test data has a tie');
    useUiStore.setState({ locale: 'en' });
    renderApp('/rankings');
    const table = await screen.findByRole('table', { name: /^Departments ranked by Share on track/ });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent ?? '');
    expect(headers).toEqual([
      'Rank',
      'Departments',
      'Targets',
      'Judged',
      'On track',
      'Share on track',
      'Mean completion',
      'Mean expected',
      'Gap (pp)',
      'Due',
      'On time',
      'On-time rate',
      'Demo',
    ]);
    expect(rowOf(table, tied.name).Rank).toBe(`Tied ${tied.rank}`);
    if (tied.demo) expect(rowOf(table, tied.name).Demo).toBe('Demo');
    const rules = screen.getByRole('region', { name: 'How it is counted' });
    expect(rules).toHaveTextContent(TIE_RULE_EN);
    // Department names stay as the government writes them; every word around them is English.
    expect(rules.textContent).not.toMatch(HAN);
    expect(screen.getByRole('radio', { name: /Departments/ })).toBeChecked();
  });

  it('says the server failed on a 500', async () => {
    api.setFailure('server-error');
    renderApp('/rankings');
    expect(await screen.findByRole('alert')).toHaveTextContent('服务器出错');
    await waitFor(() => expect(screen.queryByRole('table')).not.toBeInTheDocument());
  });
});
