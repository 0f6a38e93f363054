import { screen, waitFor, within } from '@testing-library/react';
import { useUiStore } from '../../stores/ui-store';
import { withNodeUploads } from '../../test/node-uploads';
import { renderApp, setupMockApi } from '../../test/render-app';

const { write, api, server } = setupMockApi();
const HAN = /[\u4e00-\u9fff]/;

withNodeUploads();
afterEach(() => useUiStore.setState({ locale: 'zh-CN' }));

/** The JSON bodies of the requests to `path` while `run` runs. */
async function bodiesOf(path: string, run: () => Promise<void>): Promise<unknown[]> {
  const sent: Promise<unknown>[] = [];
  const record = ({ request }: { request: Request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname.endsWith(path)) sent.push(request.clone().json());
  };
  server.events.on('request:start', record);
  try {
    await run();
  } finally {
    server.events.removeListener('request:start', record);
  }
  return Promise.all(sent);
}

/** Two targets 市工业和信息化局 does not lead, whose titles are unique in the catalog. */
async function twoTargets() {
  const all = await api.store.targets();
  const unique = all.filter((t) => all.filter((x) => x.title === t.title).length === 1);
  const picked = unique.filter((t) => t.department !== 'gxj' && !t.supportMayReport).slice(0, 2);
  if (picked.length < 2) throw new Error('two targets gxj does not lead');
  return picked as [(typeof picked)[number], (typeof picked)[number]];
}

/** A 任务分解 sheet naming a department the registry does not know (市工信厅, not 市工信局). */
async function badSheet() {
  const [a] = await twoTargets();
  return new File([`目标编号,牵头单位,配合单位\n${a.id},市工信厅,\n`], '任务分解.csv', { type: 'text/csv' });
}

describe('the division of tasks', () => {
  it('assigns a lead and the may-report flag to the selected targets at once, after confirming', async () => {
    write.signInAs('admin');
    const [a, b] = await twoTargets();
    const { user } = renderApp('/admin?tab=targets');
    // Found before the list arrives: a query over the whole page is slow once the list is there.
    const search = await screen.findByLabelText('按标题或编号搜索', {}, { timeout: 15_000 });
    const bulk = screen.getByRole('region', { name: '批量分工' });
    const table = await screen.findByRole('table', { name: '目标目录' }, { timeout: 15_000 });
    await user.click(search);
    await user.paste(a.id);
    await user.click(await within(table).findByRole('checkbox', { name: `选择 ${a.title}` }));
    // The selection outlives a new search.
    await user.clear(search);
    await user.paste(b.id);
    await user.click(await within(table).findByRole('checkbox', { name: `选择 ${b.title}` }));
    expect(screen.getAllByText('已选 2 项目标').length).toBeGreaterThan(0);

    await user.click(within(bulk).getByRole('checkbox', { name: '修改牵头部门' }));
    await user.type(within(bulk).getByRole('combobox', { name: '牵头部门' }), '工信');
    await user.keyboard('{Enter}');
    await user.click(within(bulk).getByRole('checkbox', { name: '修改“配合单位可填报”' }));
    await user.selectOptions(within(bulk).getByLabelText('配合单位可填报'), '是');

    const sent = await bodiesOf('/admin/division', async () => {
      await user.click(within(bulk).getByRole('button', { name: '批量分工（2 项目标）' }));
      const confirm = within(bulk).getByRole('group', { name: '确认修改 2 项目标的分工' });
      expect(confirm).toHaveTextContent('牵头部门改为：市工业和信息化局');
      expect(confirm).toHaveTextContent('配合单位可填报：是');
      expect(confirm).toHaveTextContent('其中 2 项的分工会改变');
      await user.click(within(confirm).getByRole('button', { name: '确认修改' }));
      expect(await within(bulk).findByText('已更新 2 项目标的分工。')).toBeInTheDocument();
    });
    expect(sent).toEqual([{ targetIds: [a.id, b.id], department: 'gxj', supportMayReport: true }]);
    for (const id of [a.id, b.id]) {
      const saved = await api.store.target(id);
      expect(saved?.department).toBe('gxj');
      expect(saved?.supportMayReport).toBe(true);
    }
    // The list shows the lead by name.
    await waitFor(() =>
      expect(
        within(screen.getByRole('table', { name: '目标目录' }))
          .getByRole('checkbox', { name: `选择 ${b.title}` })
          .closest('tr'),
      ).toHaveTextContent('市工业和信息化局'),
    );
  }, 60_000);

  it('shows a 任务分解 row naming an unknown department with the closest registered ones, in Chinese', async () => {
    write.signInAs('admin');
    const { user } = renderApp('/admin?tab=division');
    const input = await screen.findByLabelText('选择要上传的文件（.xlsx 或 .csv）', {}, { timeout: 15_000 });
    await user.upload(input, await badSheet());
    const alert = await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(alert).toHaveTextContent('第2行 “牵头单位”：部门“市工信厅”不在部门登记表中（相近的有：市工业和信息化局');
    const table = screen.getByRole('table', { name: '导入任务分解表' });
    expect(table).toHaveTextContent('错误');
    expect(table).toHaveTextContent('“牵头单位”：部门“市工信厅”不在部门登记表中');
    expect(screen.getByRole('button', { name: '提交导入' })).toBeDisabled();
  });

  it('words the same row in the English UI', async () => {
    useUiStore.setState({ locale: 'en' });
    write.signInAs('admin');
    const { user } = renderApp('/admin?tab=division');
    const input = await screen.findByLabelText('File to upload (.xlsx or .csv)', {}, { timeout: 15_000 });
    await user.upload(input, await badSheet());
    const alert = await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(alert).toHaveTextContent(
      'Row 2, “牵头单位”: Department “市工信厅” is not in the registry (closest: 市工业和信息化局',
    );
    // Apart from the file's own header and the names, nothing is in Chinese.
    const words = (alert.textContent ?? '').replace(/“[^”]*”/g, '').replace(/\(closest:[^)]*\)/g, '');
    expect(words).not.toMatch(HAN);
    const table = screen.getByRole('table', { name: 'Import a division of tasks' });
    expect(within(table).getByText('Error')).toBeInTheDocument();
  });
});
