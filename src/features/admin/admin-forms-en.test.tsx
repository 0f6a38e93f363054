import { screen, within } from '@testing-library/react';
import { useUiStore } from '../../stores/ui-store';
import { withNodeUploads } from '../../test/node-uploads';
import { renderApp, setupMockApi } from '../../test/render-app';

const { write } = setupMockApi();
const HAN = /[\u4e00-\u9fff]/;

withNodeUploads();
beforeEach(() => {
  useUiStore.setState({ locale: 'en' });
  write.signInAs('admin');
});
afterEach(() => useUiStore.setState({ locale: 'zh-CN' }));

describe('the admin forms in English', () => {
  it('says in English, from the server’s code, that a new target’s id is taken', async () => {
    const { user } = renderApp('/admin?tab=targets');
    const form = await screen.findByRole('region', { name: 'New target' }, { timeout: 5_000 });
    const fill = async (label: string, text: string) => user.type(within(form).getByLabelText(label), text);
    await fill('Id', 'qd-key-projects');
    await fill('Title', '抓好460个省市重点项目建设');
    await fill('Subsection', '持续扩大有效投资');
    await fill('Target value', '460');
    await fill('Unit', '个');
    await user.clear(within(form).getByLabelText('Start'));
    await fill('Start', '2025-01-01');
    await user.clear(within(form).getByLabelText('Deadline'));
    await fill('Deadline', '2025-12-31');
    await fill('Source document', '002_977c2cac0d19ad45.txt');
    await fill('Source quote', '抓好460个省市重点项目建设');
    await user.click(within(form).getByRole('button', { name: 'Add target' }));
    const alert = await within(form).findByRole('alert', {}, { timeout: 5_000 });
    expect(alert).toHaveTextContent('A target with id “qd-key-projects” already exists');
    expect(alert).not.toHaveTextContent(HAN);
  });

  it('words every problem of an imported plan in English, keeping the file’s own headers and values', async () => {
    const { user } = renderApp('/admin?tab=catalog');
    const input = await screen.findByLabelText('File to upload (.xlsx or .csv)', {}, { timeout: 5_000 });
    const header = '编号,规划编号,领域,目标名称,指标类型,单位,目标值,开始日期,截止日期,来源文件,来源原文';
    const rows = [
      'x-1,qd-2025,海洋,新目标甲,累计,个,10,2025-01-01,2025-12-31,文件,原文',
      'x-2,qd-2025,扩大内需,新目标乙,累积,个,10,2025-01-01,2025-12-31,文件,原文',
      'x-3,no-such-plan,扩大内需,新目标丙,累计,个,10,2025-01-01,2025-12-31,文件,原文',
    ];
    await user.upload(input, new File([`${header}\n${rows.join('\n')}\n`], 'plan.csv', { type: 'text/csv' }));
    const alert = await screen.findByRole('alert', {}, { timeout: 5_000 });
    expect(alert).toHaveTextContent('Row 2, “领域”: Unknown sector “海洋”');
    expect(alert).toHaveTextContent(
      'Row 3, “指标类型”: One of the template’s kinds: cumulative, level, growth, share or milestone',
    );
    expect(alert).toHaveTextContent('Row 4, “规划编号”: No plan “no-such-plan” (add it on the plans sheet)');
  });
});
