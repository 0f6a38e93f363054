import { screen, within } from '@testing-library/react';
import type { DepartmentsResponse } from '../../domain/departments';
import { formatPercent, formatQuantity } from '../../domain/format';
import type { TargetDetailResponse } from '../../domain/target-api';
import { cardLabels } from '../../test/card-labels';
import { renderApp, setupMockApi } from '../../test/render-app';

const { api, write } = setupMockApi();

async function detail(id: string): Promise<TargetDetailResponse['item']> {
  const body = (await (await fetch(`${window.location.origin}/api/v1/targets/${id}`)).json()) as TargetDetailResponse;
  return body.item;
}

describe('target view', () => {
  it('shows the value, the target, the source quote and the key projects', async () => {
    const item = await detail('qd-key-projects');
    renderApp('/targets/qd-key-projects');
    expect(await screen.findByRole('heading', { level: 1, name: item.title }, { timeout: 4_000 })).toBeInTheDocument();
    const summary = screen.getByRole('region', { name: '进度' });
    expect(summary).toHaveTextContent(formatQuantity(item.state.latest?.value ?? null, item.unit));
    expect(summary).toHaveTextContent('演示');
    const source = screen.getByRole('region', { name: '目标出处' });
    expect(source).toHaveTextContent(item.source.quote);
    expect(source).toHaveTextContent(item.source.document);
    const projects = screen.getByRole('region', { name: '关联重点项目' });
    expect(within(projects).getByRole('link', { name: `查看全部 ${item.projectCount} 个项目` })).toHaveAttribute(
      'href',
      '/projects?target=qd-key-projects',
    );
  });

  it('names the lead and supporting departments, each linking to its page, the demo division marked', async () => {
    const item = await detail('qd-key-projects');
    const registry = (await (
      await fetch(`${window.location.origin}/api/v1/departments`)
    ).json()) as DepartmentsResponse;
    if (item.department === null || item.supportingDepartments.length === 0)
      throw new Error('the test data assigns qd-key-projects a lead and supporting departments');
    renderApp('/targets/qd-key-projects');
    const facts = await screen.findByRole('region', { name: '目标' }, { timeout: 4_000 });
    const lead = within(facts).getByRole('link', { name: item.departmentName ?? '' });
    expect(lead).toHaveAttribute('href', expect.stringMatching(new RegExp(`^/departments/${item.department}\\?asOf=`)));
    for (const id of item.supportingDepartments) {
      const name = registry.items.find((d) => d.id === id)?.name ?? '';
      expect(await within(facts).findByRole('link', { name })).toHaveAttribute(
        'href',
        expect.stringMatching(new RegExp(`^/departments/${id}\\?asOf=`)),
      );
    }
    expect(facts).toHaveTextContent('配合单位');
    if (item.divisionDemo) expect(within(facts).getAllByText('演示分工').length).toBeGreaterThan(0);
  });

  it('shows what the project list adds up to, each share beside its two numbers, linking to the projects counted', async () => {
    const item = await detail('qd-key-projects');
    const r = item.projectRollup;
    if (!r) throw new Error('qd-key-projects has no roll-up');
    renderApp('/targets/qd-key-projects');
    const projects = await screen.findByRole('region', { name: '关联重点项目' }, { timeout: 4_000 });
    expect(projects).toHaveTextContent('本目标的数值是清单中已开工（在建、竣工或投产）的项目数');
    const started = within(projects).getByRole('link', {
      name: `${r.started} / ${r.projects}（${formatPercent(r.started / r.projects)}）`,
    });
    expect(started).toHaveAttribute('href', '/projects?target=qd-key-projects');
    expect(within(projects).getByRole('link', { name: String(r.projects - r.started) })).toHaveAttribute(
      'href',
      '/projects?target=qd-key-projects&stage=preparation',
    );
    // The target's own figure is the projects started: nothing to reconcile.
    expect(item.state.latest?.value).toBe(r.started);
    expect(within(projects).queryByRole('note')).toBeNull();
    expect(projects).toHaveTextContent(`其中 ${r.demoProjects} 个项目的阶段和投资为演示数据`);
  });

  it('says so when a reported figure differs from what the project list adds up to', async () => {
    const before = await detail('qd-key-projects');
    const listed = before.projectRollup?.started ?? 0;
    write.signInAs('admin');
    const base = `${window.location.origin}/api/v1`;
    const { csrfToken } = (await (await fetch(`${base}/session`)).json()) as { csrfToken: string };
    const saved = await fetch(`${base}/targets/qd-key-projects/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ asOf: '2025-12-29', value: listed + 3 }),
    });
    expect(saved.status).toBe(201);
    // The city plan wants review (issue 23): the figure waits, and counts with 含待审核 (an
    // administrator's own report too, which another reviewer must approve).
    renderApp('/targets/qd-key-projects?includePending=1');
    const projects = await screen.findByRole('region', { name: '关联重点项目' }, { timeout: 4_000 });
    expect(within(projects).getByRole('note')).toHaveTextContent(
      `填报的数值（${formatQuantity(listed + 3, '个')}）与项目清单汇总（${formatQuantity(listed, '个')}）不一致`,
    );
  });

  it('draws the trend chart (loaded lazily, after the figures) and lists the report history', async () => {
    const item = await detail('qd-key-projects');
    renderApp('/targets/qd-key-projects');
    const chart = await screen.findByRole('figure', { name: `进度趋势：${item.title}` }, { timeout: 5_000 });
    await within(chart).findByText('序时进度', {}, { timeout: 10_000 });
    expect(chart.querySelector('svg.recharts-surface')).not.toBeNull();
    // Generated values are told apart from published ones on the chart too.
    expect(chart).toHaveTextContent('空心虚线点为系统生成的演示数值');
    const history = screen.getByRole('table', { name: '填报记录' });
    expect(within(history).getAllByRole('row')).toHaveLength(item.reports.length + 1);
    // On a phone each report is a card, its figure, review and reporter under their columns' names.
    const { labelled, mismatches } = cardLabels(history);
    expect(mismatches).toEqual([]);
    expect(labelled).toBeGreaterThanOrEqual(item.reports.length * 3);
  });

  it('says where a stock without a stated baseline is paced from', async () => {
    const item = await detail('qd-renewable-capacity');
    const first = item.reports
      .filter((r) => !r.superseded && r.value !== null)
      .sort((a, b) => (a.asOf < b.asOf ? -1 : 1))[0];
    renderApp('/targets/qd-renewable-capacity');
    const facts = await screen.findByRole('region', { name: '目标' }, { timeout: 4_000 });
    expect(within(facts).getByText('进度起点')).toBeInTheDocument();
    expect(facts).toHaveTextContent(formatQuantity(first?.value ?? null, item.unit));
    expect(facts).toHaveTextContent('文件未给出基数');
  });

  it('keeps a corrected report in the history, marked as replaced', async () => {
    const corrected = (await api.store.reports(null)).find((r) => r.supersedes !== null);
    if (!corrected) throw new Error('the demo data has corrections');
    renderApp(`/targets/${corrected.targetId}`);
    const history = await screen.findByRole('table', { name: '填报记录' });
    expect(within(history).getAllByText('已更正').length).toBeGreaterThan(0);
    expect(within(history).getAllByText('更正').length).toBeGreaterThan(0);
    expect(history.querySelector('del')).not.toBeNull();
  });

  it('titles the page neutrally while it loads, never with the raw id', async () => {
    api.setFailure('slow');
    renderApp('/targets/qd-key-projects');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('正在加载…');
    expect(screen.queryByText('qd-key-projects')).not.toBeInTheDocument();
  });

  it('shows a 404 view for an unknown target', async () => {
    renderApp('/targets/no-such-target');
    expect(await screen.findByRole('heading', { level: 1, name: '页面不存在' })).toBeInTheDocument();
    expect(screen.getByText('目标“no-such-target”不存在')).toBeInTheDocument();
  });

  it.each([
    ['server-error', '服务器出错'],
    ['network-error', '无法连接到服务器'],
    ['malformed', '数据格式错误'],
  ] as const)('shows what went wrong on %s', async (mode, text) => {
    api.setFailure(mode);
    renderApp('/targets/qd-key-projects');
    expect(await screen.findByRole('alert')).toHaveTextContent(text);
    expect(screen.getByRole('navigation', { name: '主导航' })).toBeInTheDocument();
  });
});
