import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { useUiStore } from '../../stores/ui-store';
import { renderApp, setupMockApi } from '../../test/render-app';

const { write, server } = setupMockApi();
const base = `${window.location.origin}/api/v1`;
// The test account rep of 市工业和信息化局 reports it: cumulative, 80 项, last reported 2025-12-19.
const TARGET = 'ind-three-firsts';
const HAN = /[\u4e00-\u9fff]/;

async function openEnglishForm() {
  useUiStore.setState({ locale: 'en' });
  write.signInAs('rep');
  const utils = renderApp(`/report?target=${TARGET}`);
  const form = await screen.findByRole('form', { name: 'Report progress' }, { timeout: 5_000 });
  await within(form).findByRole('region', { name: 'Progress after saving' });
  return { ...utils, form };
}

async function lastValue(): Promise<number> {
  const body = (await (await fetch(`${base}/targets/${TARGET}`)).json()) as {
    item: { state: { latest: { value: number } } };
  };
  return body.item.state.latest.value;
}

describe('the report form in English', () => {
  it('words the checks made as the form is filled in English', async () => {
    const { user, form } = await openEnglishForm();
    const value = within(form).getByLabelText('Value');
    const asOf = within(form).getByLabelText('As of');
    await user.type(value, 'seventy-eight');
    await user.clear(asOf);
    await user.type(asOf, '2026-01-05');
    await user.click(within(form).getByRole('button', { name: 'Save report' }));
    const summary = within(form).getByRole('alert');
    expect(summary).toHaveTextContent('Value: Not a number');
    expect(summary).toHaveTextContent('As of: The as-of date cannot be later than today (2025-12-29)');
    expect(summary).not.toHaveTextContent(HAN);
    expect(value).toHaveAccessibleDescription(expect.stringContaining('Not a number'));

    await user.clear(asOf);
    await user.type(asOf, '2024-12-31');
    expect(asOf).toHaveAccessibleDescription(
      expect.stringContaining('The as-of date is before the target’s period starts (2025-01-01)'),
    );
    expect(await write.reportsWritten()).toHaveLength(0);
  });

  it('asks in English for a reason when the value drops below the last one', async () => {
    const { user, form } = await openEnglishForm();
    const last = await lastValue();
    await user.type(within(form).getByLabelText('Value'), String(last - 1));
    const confirm = within(form).getByRole('group', { name: 'Please confirm' });
    expect(confirm).toHaveTextContent(
      `The cumulative value ${last - 1} is below the last report’s ${last} (as of 2025-12-19); please give a reason`,
    );
    await user.click(within(form).getByRole('button', { name: 'Save report' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Reason: Give a reason for confirming');
    expect(await write.reportsWritten()).toHaveLength(0);
  });

  it('words what the server found from its codes, not its Chinese', async () => {
    const { user, form } = await openEnglishForm();
    // Someone reports 80 for the day before, after this form loaded the history: only the server knows.
    const { csrfToken } = (await (await fetch(`${base}/session`)).json()) as { csrfToken: string };
    const other = await fetch(`${base}/targets/${TARGET}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ asOf: '2025-12-28', value: 80 }),
    });
    expect(other.status).toBe(201);
    await user.type(within(form).getByLabelText('Value'), '79');
    await user.click(within(form).getByRole('button', { name: 'Save report' }));

    const confirm = await within(form).findByRole('group', { name: 'Please confirm' });
    const said = 'The cumulative value 79 is below the last report’s 80 (as of 2025-12-28); please give a reason';
    expect(confirm).toHaveTextContent(said);
    const alerts = within(form).getAllByRole('alert');
    const failed = alerts.find((a) => a.textContent?.includes('Not saved'));
    expect(failed).toHaveTextContent(said);
    expect(failed).toHaveTextContent('Give a reason for confirming');
    for (const a of alerts) expect(a).not.toHaveTextContent(HAN);
    expect(within(form).getByLabelText('Reason')).toHaveAccessibleDescription(
      expect.stringContaining('Give a reason for confirming'),
    );

    await user.type(within(form).getByLabelText('Reason'), 'definition changed');
    await user.click(within(form).getByRole('button', { name: 'Save report' }));
    expect(await within(form).findByText(/Saved: as of/)).toBeInTheDocument();
    expect((await write.reportsWritten()).at(-1)).toMatchObject({ value: 79, note: '【确认】definition changed' });
  });

  it('says in English that the date already has a report, from the server’s code, with its figures', async () => {
    const { user, form } = await openEnglishForm();
    const last = await lastValue();
    // Someone reports for today after this form loaded the history: only the server knows.
    const { csrfToken } = (await (await fetch(`${base}/session`)).json()) as { csrfToken: string };
    const other = await fetch(`${base}/targets/${TARGET}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ asOf: '2025-12-29', value: last + 1 }),
    });
    expect(other.status).toBe(201);
    await user.type(within(form).getByLabelText('Value'), String(last + 2));
    await user.click(within(form).getByRole('button', { name: 'Save report' }));
    const alert = await within(form).findByText(/already has a report/);
    expect(alert).toHaveTextContent(
      new RegExp(
        `This target already has a report as of 2025-12-29 \\(${last + 1}\\S*, 填报员甲\\): to change it, correct that report`,
      ),
    );
    expect(within(form).getByRole('button', { name: 'Load the latest report and correct it' })).toBeInTheDocument();
  });

  it('shows a field issue the server sends with a code in English, and one without a code as sent', async () => {
    server.use(
      http.post(`${base}/targets/:id/reports`, () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: '提交的内容有误',
            status: 422,
            detail: '单位不兼容：“万项”不能换算为“项”；服务器的新检查',
            code: 'invalid_report',
            errors: [
              {
                field: 'unit',
                message: '单位不兼容：“万项”不能换算为“项”',
                code: 'incompatible_units',
                params: { from: '万项', to: '项' },
              },
              { field: 'note', message: '服务器的新检查', code: 'a_code_this_client_does_not_know' },
            ],
          },
          { status: 422 },
        ),
      ),
    );
    const { user, form } = await openEnglishForm();
    await user.type(within(form).getByLabelText('Value'), '79');
    await user.click(within(form).getByRole('button', { name: 'Save report' }));
    expect(
      await within(form).findAllByText('Incompatible units: “万项” cannot be converted to “项”', { exact: false }),
    ).not.toHaveLength(0);
    expect(within(form).getByLabelText('Unit')).toHaveAccessibleDescription(
      'Incompatible units: “万项” cannot be converted to “项”',
    );
    expect(within(form).getByLabelText('Note')).toHaveAccessibleDescription('服务器的新检查');
    expect(within(form).getByLabelText('Value')).toHaveValue('79');
  });

  it('shows the server’s refusal of a narrative part next to that field, named in English', async () => {
    server.use(
      http.post(`${base}/targets/:id/reports`, () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: '提交的内容有误',
            status: 422,
            detail: '存在问题：存在问题含有改变文字方向的控制字符，请删除后重试',
            errors: [
              {
                field: 'narrative.problems',
                message: '存在问题：存在问题含有改变文字方向的控制字符，请删除后重试',
                code: 'bidi_control',
                params: { field: '存在问题' },
              },
              {
                field: 'narrative.coordination',
                message: '需协调事项：不能超过 2000 个字符',
                code: 'too_long',
                params: { max: 2000 },
              },
            ],
          },
          { status: 422 },
        ),
      ),
    );
    const { user, form } = await openEnglishForm();
    await user.type(within(form).getByLabelText('Value'), '79');
    await user.type(within(form).getByLabelText('Problems'), 'land quota');
    await user.click(within(form).getByRole('button', { name: 'Save report' }));
    const problems = within(form).getByLabelText('Problems');
    await waitFor(() =>
      expect(problems).toHaveAccessibleDescription(
        expect.stringContaining('Problems contains characters that change the text direction'),
      ),
    );
    expect(within(form).getByLabelText('Needs coordination')).toHaveAccessibleDescription(
      expect.stringContaining('At most 2000 characters'),
    );
    for (const a of within(form).getAllByRole('alert')) expect(a).not.toHaveTextContent(HAN);
    expect(problems).toHaveValue('land quota');
  });

  it('refuses in English a value typed with a unit that does not convert, and counts characters near the limit', async () => {
    const { user, form } = await openEnglishForm();
    await user.type(within(form).getByLabelText('Value'), '80km');
    await user.click(within(form).getByRole('button', { name: 'Save report' }));
    expect(within(form).getByRole('alert')).toHaveTextContent(
      'Value: The unit of “80km” (km) does not convert to the target’s unit (项)',
    );
    const progress = within(form).getByLabelText('Progress made');
    expect(progress).toHaveAttribute('maxLength', '2000');
    expect(progress).not.toHaveAccessibleDescription(/characters/);
    await user.click(progress);
    await user.paste('x'.repeat(1850));
    expect(progress).toHaveAccessibleDescription(expect.stringContaining('1850 of 2000 characters'));
    expect(await write.reportsWritten()).toHaveLength(0);
  });
});
