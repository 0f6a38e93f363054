import { screen, waitFor, within } from '@testing-library/react';
import type { TargetsResponse } from '../../domain/api';
import type { ProjectDetailResponse, ProjectsResponse } from '../../domain/projects-api';
import { useUiStore } from '../../stores/ui-store';
import { cardLabels } from '../../test/card-labels';
import { renderApp, setupMockApi } from '../../test/render-app';

const { api } = setupMockApi();

const zh = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').localeCompare(b ?? '', 'zh-CN');

async function get<T>(path: string): Promise<T> {
  return (await fetch(`${window.location.origin}/api/v1${path}`)).json() as Promise<T>;
}

describe('projects list', () => {
  it('shows the total and the first rows in the API order, without rendering every row', async () => {
    const expected = await get<ProjectsResponse>('/projects?pageSize=5');
    renderApp('/projects');
    expect(await screen.findByText(`共 ${expected.total} 项`)).toBeInTheDocument();
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(expected.total);
    expect(rows[0]).toHaveTextContent(expected.items[0]?.name ?? '');
    expect(table).toHaveAttribute('aria-rowcount', String(expected.total + 1));
  });

  it('names each value of a phone’s card after its column', async () => {
    renderApp('/projects');
    await screen.findByText(/^共 [\d,]+ 项$/, {}, { timeout: 20_000 });
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    const { labelled, mismatches } = cardLabels(table);
    expect(mismatches).toEqual([]);
    // Every column but the name, on every row rendered.
    expect(labelled).toBe(rows.length * 6);
  });

  it('filters by stage and target through the URL', async () => {
    const filtered = await get<ProjectsResponse>('/projects?stage=operating&target=qd-key-projects');
    const { user } = renderApp('/projects?target=qd-key-projects');
    await screen.findByRole('table');
    await user.selectOptions(screen.getByRole('combobox', { name: '阶段' }), 'operating');
    expect(await screen.findByText(`共 ${filtered.total} 项`)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '目标' })).toHaveValue('qd-key-projects');
  });

  it('offers every district and every target with projects, not only those of the loaded rows', async () => {
    const { facets } = await get<ProjectsResponse>('/projects?pageSize=1');
    if (!facets) throw new Error('the first page carries the filter options');
    const targets = await get<TargetsResponse>('/targets');
    const titles = new Map(targets.items.map((t) => [t.id, t.title]));
    // Two hospital projects: their rows name two districts and two targets at most.
    renderApp('/projects?target=qd-hospitals-completed');
    expect(await screen.findByText('共 2 项')).toBeInTheDocument();
    const district = screen.getByRole('combobox', { name: '区市' });
    const names = (select: HTMLElement) =>
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent);
    expect(names(district)).toEqual(['全部', '市级', ...facets.districts.filter((d) => d !== '市级').sort(zh)]);
    expect(facets.districts.length).toBeGreaterThan(5);
    const target = screen.getByRole('combobox', { name: '目标' });
    await waitFor(() => expect(names(target)).toContain(titles.get('ls-roads-opened')));
    expect(names(target).slice(1).sort(zh)).toEqual(facets.targetIds.map((id) => titles.get(id) ?? id).sort(zh));
  });

  it('names the investment column’s unit in English too', async () => {
    useUiStore.setState({ locale: 'en' });
    renderApp('/projects');
    const header = await screen.findByRole('columnheader', { name: /^Total investment \(100M yuan\)/ });
    expect(header).not.toHaveTextContent('亿元');
  });

  it('titles a project page neutrally while it loads, never with the raw id', async () => {
    api.setFailure('slow');
    renderApp('/projects/p-001');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('正在加载…');
    expect(screen.queryByText('p-001')).not.toBeInTheDocument();
  });

  it('opens a project with its investment and the targets it counts towards', async () => {
    const list = await get<ProjectsResponse>('/projects?sort=-investment&pageSize=1');
    const first = list.items[0];
    if (!first) throw new Error('projects exist');
    const detail = await get<ProjectDetailResponse>(`/projects/${first.id}`);
    const { user } = renderApp('/projects?sort=-investment');
    await user.click(await screen.findByRole('link', { name: first.name }));
    expect(await screen.findByRole('heading', { level: 1, name: new RegExp(first.name) })).toBeInTheDocument();
    const targets = screen.getByRole('region', { name: '计入目标' });
    for (const t of detail.targets)
      expect(within(targets).getAllByRole('link', { name: t.title }).length).toBeGreaterThan(0);
    expect(within(targets).getAllByRole('link')).toHaveLength(detail.targets.length);
    if (first.demo) expect(screen.getAllByText('演示').length).toBeGreaterThan(0);
  });

  it('shows a 404 view for an unknown project', async () => {
    renderApp('/projects/nope');
    expect(await screen.findByText('项目“nope”不存在')).toBeInTheDocument();
  });

  it.each([
    ['server-error', '服务器出错'],
    ['network-error', '无法连接到服务器'],
    ['malformed', '数据格式错误'],
  ] as const)('shows what went wrong on %s', async (mode, text) => {
    api.setFailure(mode);
    renderApp('/projects');
    expect(await screen.findByRole('alert')).toHaveTextContent(text);
    expect(screen.getByRole('combobox', { name: '阶段' })).toBeEnabled();
  });

  it('says a slow list is slow, then shows it', async () => {
    api.setFailure('slow');
    renderApp('/projects');
    expect(await screen.findByText('服务器响应较慢，仍在等待…', {}, { timeout: 2_400 })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('table')).toBeInTheDocument(), { timeout: 4_000 });
  });
});
