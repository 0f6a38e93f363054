import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import type { ImportResponse } from '../../domain/write-api';
import { useUiStore } from '../../stores/ui-store';
import { withNodeUploads } from '../../test/node-uploads';
import { renderApp, setupMockApi } from '../../test/render-app';

const { write, server } = setupMockApi();

withNodeUploads();
const base = `${window.location.origin}/api/v1`;
const HEADER = '目标编号,本期数值,截至日期,说明,原因';

const csv = (rows: string[], name = 'filled.csv') =>
  new File([`${HEADER}\n${rows.join('\n')}\n`], name, { type: 'text/csv' });

async function openImport() {
  write.signInAs('rep');
  const utils = renderApp('/report/import');
  const input = await screen.findByLabelText('选择要上传的文件（.xlsx 或 .csv）', {}, { timeout: 5_000 });
  return { ...utils, input };
}

describe('import', () => {
  it('offers the prefilled template for download', async () => {
    await openImport();
    expect(screen.getByRole('link', { name: '下载 Excel 模板' })).toHaveAttribute('href', '/api/v1/imports/template');
    expect(screen.getByRole('link', { name: '下载 CSV 模板' })).toHaveAttribute(
      'href',
      '/api/v1/imports/template?format=csv',
    );
  });

  it('shows every bad row by row and column, blocks the commit, then commits the fixed file', async () => {
    const { user, input } = await openImport();
    await user.upload(
      input,
      csv([
        'ind-three-firsts,78,2025-12-29,第52周,',
        'ind-compute-capacity,八千,2025-12-29,,',
        'ind-single-champions,,,,',
      ]),
    );
    const alert = await screen.findByRole('alert', {}, { timeout: 5_000 });
    expect(alert).toHaveTextContent('第3行 “本期数值”：不是数字');
    const table = screen.getByRole('table', { name: '预览结果：filled.csv' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3); // header + two rows; the empty template row is skipped and hidden
    expect(rows[1]).toHaveTextContent('新增');
    expect(rows[2]).toHaveTextContent('错误');
    expect(rows[2]).toHaveTextContent('“本期数值”：不是数字');
    expect(screen.getByText(/共 3 行：新增 1，更正 0，未变 0，跳过 1，错误 1/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /提交导入/ })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: '显示留空（跳过）的行' }));
    expect(within(table).getAllByRole('row')).toHaveLength(4);

    await user.upload(input, csv(['ind-three-firsts,78,2025-12-29,第52周,', 'ind-compute-capacity,8000,2025-12-29,,']));
    await waitFor(() => expect(screen.getByText('没有发现错误。')).toBeInTheDocument());
    expect(await write.reportsWritten()).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: '提交导入（2 条）' }));
    expect(await screen.findByText('已导入 2 条填报。')).toBeInTheDocument();
    expect((await write.reportsWritten()).map((r) => [r.targetId, r.value])).toEqual([
      ['ind-three-firsts', 78],
      ['ind-compute-capacity', 8000],
    ]);
  });

  it('shows the per-row result of a commit the server refused', async () => {
    const refused: ImportResponse = {
      mode: 'commit',
      fileName: 'late.csv',
      sha256: 'x',
      committed: false,
      alreadyImported: false,
      issues: [],
      importId: null,
      counts: { rows: 1, new: 0, correction: 0, unchanged: 0, skipped: 0, error: 1 },
      messages: ['第2行 “截至日期”：截至日期不能晚于今天（2025-12-29）'],
      rows: [
        {
          row: 2,
          targetId: 'ind-three-firsts',
          title: '新增“三首”创新成果80项以上',
          status: 'error',
          asOf: '2026-01-05',
          value: 79,
          unit: '项',
          previewStatus: null,
          previewProgress: null,
          errors: [{ row: 2, column: '截至日期', message: '截至日期不能晚于今天（2025-12-29）' }],
        },
      ],
    };
    server.use(
      http.post(`${base}/imports`, () =>
        HttpResponse.json(
          { type: 'about:blank', title: '导入未完成', status: 422, detail: '有 1 行存在错误', result: refused },
          { status: 422 },
        ),
      ),
    );
    const { user, input } = await openImport();
    await user.upload(input, csv(['ind-three-firsts,79,2026-01-05,,'], 'late.csv'));
    const alert = await screen.findByRole('alert', {}, { timeout: 5_000 });
    expect(alert).toHaveTextContent('第2行 “截至日期”：截至日期不能晚于今天（2025-12-29）');
  });

  it('says what went wrong when the file cannot be read at all', async () => {
    const { user, input } = await openImport();
    await user.upload(input, new File(['x'], 'plan.xlsx'));
    // Not a workbook (no zip inside), so the server reads it as text, and finds no header row.
    expect(await screen.findByRole('alert', {}, { timeout: 5_000 })).toHaveTextContent(
      '没有找到表头：表格中应有“目标编号”“本期数值”“截至日期”等列（请使用下载的模板）',
    );
  });
});

describe('import in English', () => {
  afterEach(() => useUiStore.setState({ locale: 'zh-CN' }));

  it('words every row’s problem in English from its code, keeping the file’s own column names', async () => {
    useUiStore.setState({ locale: 'en' });
    write.signInAs('rep');
    const { user } = renderApp('/report/import');
    const input = await screen.findByLabelText('File to upload (.xlsx or .csv)', {}, { timeout: 5_000 });
    await user.upload(
      input,
      csv([
        'no-such-target,78,2025-12-29,,',
        'ind-compute-capacity,八千,2025-12-29,,',
        'ind-three-firsts,78,2025-12-29,,',
        'ind-three-firsts,79,2025-12-29,,',
      ]),
    );
    const alert = await screen.findByRole('alert', {}, { timeout: 5_000 });
    expect(alert).toHaveTextContent('Row 2, “目标编号”: No target “no-such-target”');
    expect(alert).toHaveTextContent('Row 3, “本期数值”: Not a number');
    expect(alert).toHaveTextContent('Row 5, “截至日期”: Repeats row 4 (same target, same as-of date)');
    // Nothing but the file's own headers and values is left in Chinese.
    expect(alert.textContent?.replace(/“[^”]*”/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
    const table = screen.getByRole('table');
    expect(table).toHaveTextContent('Not a number');
    expect(await write.reportsWritten()).toHaveLength(0);
  });
});
