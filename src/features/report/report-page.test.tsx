import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { TEST_PASSWORD } from '../../../mock/fixtures';
import { renderApp, setupMockApi } from '../../test/render-app';

const { write, server } = setupMockApi();
const base = `${window.location.origin}/api/v1`;
// Reported by the test account rep of 市工业和信息化局: cumulative, 80 项, last reported 2025-12-19 (a demo value between 70 and 78).
const TARGET = 'ind-three-firsts';

async function openForm() {
  write.signInAs('rep');
  const utils = renderApp(`/report?target=${TARGET}`);
  const form = await screen.findByRole('form', { name: '填报本期进度' }, { timeout: 5_000 });
  await within(form).findByRole('region', { name: '保存后的进度' });
  return { ...utils, form };
}

describe('sign-in', () => {
  it('sends a signed-out person to the sign-in page and back to the report form', async () => {
    const { user } = renderApp('/report');
    const heading = await screen.findByRole('heading', { level: 1, name: '登录' }, { timeout: 5_000 });
    expect(heading).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '登录' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('请输入用户名');
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText('用户名')).toHaveAttribute('aria-invalid', 'true');

    await user.type(screen.getByLabelText('用户名'), 'rep');
    await user.type(screen.getByLabelText('密码'), 'wrong password');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText('用户名或密码不正确')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('密码'));
    await user.type(screen.getByLabelText('密码'), TEST_PASSWORD);
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('heading', { level: 1, name: '进度填报' }, { timeout: 5_000 })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(within(nav).getByRole('link', { name: '填报' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByText('已登录：填报员甲')).toBeInTheDocument();
  });

  it('says when sign-in is rate limited', async () => {
    const { user } = renderApp('/sign-in');
    await user.type(await screen.findByLabelText('用户名'), 'locked');
    await user.type(screen.getByLabelText('密码'), 'whatever');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText('登录尝试过于频繁，请 15 分钟后再试')).toBeInTheDocument();
  });

  it('signs out from the header', async () => {
    write.signInAs('admin');
    const { user } = renderApp('/');
    await user.click(await screen.findByRole('button', { name: '退出登录' }));
    expect(await screen.findByRole('link', { name: '登录' })).toBeInTheDocument();
  });

  it('tells a viewer that reporting needs the reporter role', async () => {
    write.signInAs('viewer');
    renderApp('/report');
    expect(await screen.findByRole('heading', { level: 1, name: '需要填报员权限' })).toBeInTheDocument();
  });
});

describe('report form', () => {
  it('names the target’s lead department by its registry name, not its id', async () => {
    const { form } = await openForm();
    const header = form.closest('.stack')?.querySelector('header') as HTMLElement;
    expect(within(header).getByRole('link', { name: '市工业和信息化局' })).toBeInTheDocument();
    expect(header).not.toHaveTextContent(/\bgxj\b/);
  });

  it('lists the department’s targets with what is due this week first', async () => {
    write.signInAs('rep');
    renderApp('/report');
    const list = await screen.findByRole('navigation', { name: '我负责的目标' }, { timeout: 5_000 });
    const due = within(list).getByRole('region', { name: /本周待填报/ });
    expect(within(due).getByRole('link', { name: /新增“三首”创新成果80项以上/ })).toBeInTheDocument();
  });

  it('checks the date and the number as typed, summarising errors with links to the fields', async () => {
    const { user, form } = await openForm();
    const value = within(form).getByLabelText('本期数值');
    const asOf = within(form).getByLabelText('截至日期');
    await user.type(value, '七十八');
    await user.clear(asOf);
    await user.type(asOf, '2026-01-05');
    await user.click(within(form).getByRole('button', { name: '保存填报' }));
    const summary = within(form).getByRole('alert');
    expect(summary).toHaveTextContent('本期数值：不是数字');
    expect(summary).toHaveTextContent('截至日期：截至日期不能晚于今天（2025-12-29）');
    expect(value).toHaveAttribute('aria-invalid', 'true');
    expect(value).toHaveAccessibleDescription(expect.stringContaining('不是数字'));
    await user.click(within(summary).getByRole('link', { name: /截至日期/ }));
    expect(asOf).toHaveFocus();

    await user.clear(asOf);
    await user.type(asOf, '2024-12-31');
    expect(asOf).toHaveAccessibleDescription(expect.stringContaining('早于目标期间的开始日期（2025-01-01）'));
    expect(await write.reportsWritten()).toHaveLength(0);
  });

  it('shows the resulting progress and status before saving, then saves and refreshes the history', async () => {
    const { user, form } = await openForm();
    await user.type(within(form).getByLabelText('本期数值'), '80');
    const preview = within(form).getByRole('region', { name: '保存后的进度' });
    expect(preview).toHaveTextContent('已完成');
    expect(preview).toHaveTextContent('完成率 100%');
    await user.type(within(form).getByLabelText('说明'), '第52周');
    await user.type(within(form).getByLabelText('佐证链接或文件'), 'https://example.gov.cn/week52');
    await user.click(within(form).getByRole('button', { name: '保存填报' }));
    expect(await within(form).findByText(/已保存：截至 2025年12月29日/)).toBeInTheDocument();
    expect(await write.reportsWritten()).toMatchObject([
      { targetId: TARGET, value: 80, asOf: '2025-12-29', note: '第52周' },
    ]);
    const history = screen.getByRole('table', { name: '填报记录' });
    await waitFor(() => expect(within(history).getAllByRole('row')[1]).toHaveTextContent('第52周'), {
      timeout: 8_000,
    });
    // The evidence given is in the history, as a link that opens apart from the board.
    const link = within(within(history).getAllByRole('row')[1] as HTMLElement).getByRole('link', {
      name: 'https://example.gov.cn/week52',
    });
    expect(link).toHaveAttribute('href', 'https://example.gov.cn/week52');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(form).getByLabelText('本期数值')).toHaveValue('');
  });

  it('asks for a reason when the cumulative value drops below the last one', async () => {
    const { user, form } = await openForm();
    await user.type(within(form).getByLabelText('本期数值'), '70');
    const confirm = within(form).getByRole('group', { name: '请确认' });
    const last = (await (await fetch(`${base}/targets/${TARGET}`)).json()) as {
      item: { state: { latest: { value: number } } };
    };
    expect(confirm).toHaveTextContent(`低于上次填报的 ${last.item.state.latest.value}项`);
    await user.click(within(form).getByRole('button', { name: '保存填报' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('确认理由：请填写确认理由');
    expect(await write.reportsWritten()).toHaveLength(0);
    await user.type(within(confirm).getByLabelText('确认理由'), '口径调整');
    await user.click(within(form).getByRole('button', { name: '保存填报' }));
    await within(form).findByText(/已保存/);
    expect((await write.reportsWritten())[0]?.note).toContain('【确认】口径调整');
  });

  it('keeps everything typed on a network failure', async () => {
    const { user, form } = await openForm();
    await user.type(within(form).getByLabelText('本期数值'), '78');
    await user.type(within(form).getByLabelText('说明'), '网络断了也不能丢');
    write.setWriteFailure('network-error');
    await user.click(within(form).getByRole('button', { name: '保存填报' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('没有保存');
    expect(alert).toHaveTextContent('无法连接到服务器');
    expect(alert).toHaveTextContent('您填写的内容仍保留在表单中');
    expect(within(form).getByLabelText('本期数值')).toHaveValue('78');
    expect(within(form).getByLabelText('说明')).toHaveValue('网络断了也不能丢');
    write.setWriteFailure('none');
    await user.click(within(form).getByRole('button', { name: '保存填报' }));
    await within(form).findByText(/已保存/);
  });

  it('on a 409 conflict keeps the inputs and offers to correct the latest report', async () => {
    const { user, form } = await openForm();
    // Someone else saved a figure for the same date a moment ago.
    await user.type(within(form).getByLabelText('本期数值'), '79');
    await user.type(within(form).getByLabelText('说明'), '我的数字');
    const other = (await write.reportsWritten()).length;
    const { csrfToken } = (await (await fetch(`${base}/session`)).json()) as { csrfToken: string };
    await fetch(`${base}/targets/${TARGET}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ asOf: '2025-12-29', value: 77 }),
    });
    expect((await write.reportsWritten()).length).toBe(other + 1);
    await user.click(within(form).getByRole('button', { name: '保存填报' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('与已有填报冲突');
    expect(alert).toHaveTextContent('如需修改请更正该条填报');
    expect(within(form).getByLabelText('本期数值')).toHaveValue('79');
    await user.click(within(alert).getByRole('button', { name: '载入最新填报并更正' }));
    const correction = await screen.findByRole('form', { name: '更正填报' });
    expect(correction).toHaveTextContent('正在更正 2025年12月29日 的填报（原值 77项');
    expect(within(correction).getByLabelText('本期数值')).toHaveValue('79');
    expect(within(correction).getByLabelText('说明')).toHaveValue('我的数字');
    await user.click(within(correction).getByRole('button', { name: '保存更正' }));
    const problems = within(correction).getByRole('alert');
    expect(problems).toHaveTextContent('更正原因：请填写更正原因');
    // Focus is on the summary as soon as it shows, so typing into a field next is never interrupted.
    expect(problems).toHaveFocus();
    await user.type(within(correction).getByLabelText('更正原因'), '同时填报');
    await user.click(within(correction).getByRole('button', { name: '保存更正' }));
    await waitFor(() => expect(screen.getByRole('form', { name: /填报/ })).toHaveTextContent('已保存'), {
      timeout: 20_000,
    });
    const written = await write.reportsWritten();
    const saved = written.at(-1);
    expect(saved).toMatchObject({ value: 79, correctionReason: '同时填报' });
    expect(saved?.supersedes).toBe(written.at(-2)?.id);
    // History shows both: the replaced one struck through.
    const history = screen.getByRole('table', { name: '填报记录' });
    await waitFor(
      () => {
        const rows = within(history).getAllByRole('row');
        expect(rows[1]).toHaveTextContent('79项');
        expect(rows[1]).toHaveTextContent('更正');
        expect(rows[2]).toHaveTextContent('77项');
        expect(rows[2]).toHaveTextContent('已被更正');
      },
      { timeout: 20_000 },
    );
    // A long conversation with the form: give it room on a loaded two-core machine.
  }, 60_000);

  it('keeps the inputs and shows the field message on a 422 from the server', async () => {
    server.use(
      http.post(`${base}/targets/:id/reports`, () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: '提交的内容有误',
            status: 422,
            detail: '单位不兼容',
            errors: [{ field: 'unit', message: '单位不兼容：服务器说的' }],
          },
          { status: 422 },
        ),
      ),
    );
    const { user, form } = await openForm();
    await user.type(within(form).getByLabelText('本期数值'), '78');
    await user.click(within(form).getByRole('button', { name: '保存填报' }));
    expect(await within(form).findByText('单位不兼容：服务器说的')).toBeInTheDocument();
    expect(within(form).getByLabelText('单位')).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByLabelText('本期数值')).toHaveValue('78');
  });
});

// A target of the city plan (qd-2025: its reports wait for review) led by rep's department: cumulative, 20 家.
const REVIEWED = 'qd-enterprise-tech-centers';

async function latestValue(id: string): Promise<number> {
  const body = (await (await fetch(`${base}/targets/${id}`)).json()) as {
    item: { state: { latest: { value: number } | null } };
  };
  return body.item.state.latest?.value ?? 0;
}

async function post(path: string, body: unknown): Promise<Response> {
  const { csrfToken } = (await (await fetch(`${base}/session`)).json()) as { csrfToken: string };
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  });
}

async function openReviewedForm() {
  write.signInAs('rep');
  const utils = renderApp(`/report?target=${REVIEWED}`);
  const form = await screen.findByRole('form', { name: '填报本期进度' }, { timeout: 5_000 });
  await within(form).findByRole('region', { name: '保存后的进度' });
  return { ...utils, form };
}

describe('narrative, review and values typed with their unit (issue 23)', () => {
  it('sends the narrative, refuses a direction control in Chinese, and says the report waits for review', async () => {
    const { user, form } = await openReviewedForm();
    const last = await latestValue(REVIEWED);
    await user.type(within(form).getByLabelText('本期数值'), `${last + 1}家`);
    await user.type(within(form).getByLabelText('进展情况'), '新认定省级企业技术中心1家');
    const problems = within(form).getByLabelText('存在问题');
    await user.type(problems, '用地\u202E指标紧张');
    await user.click(within(form).getByRole('button', { name: '提交审核' }));
    const summary = within(form).getByRole('alert');
    expect(summary).toHaveTextContent('存在问题：存在问题含有改变文字方向的控制字符，请删除后重试');
    expect(problems).toHaveAttribute('aria-invalid', 'true');
    expect(problems).toHaveAccessibleDescription(expect.stringContaining('含有改变文字方向的控制字符'));
    expect(await write.reportsWritten()).toHaveLength(0);

    await user.clear(problems);
    await user.type(problems, '用地指标紧张');
    await user.type(within(form).getByLabelText('需协调事项'), '请市自然资源局协调用地');
    await user.click(within(form).getByRole('button', { name: '提交审核' }));
    const done = await within(form).findByRole('status');
    await waitFor(() => expect(done).toHaveTextContent(/已提交，待审核：截至 2025年12月29日/));
    expect(done).toHaveTextContent('审核员审核通过后，看板才计入这个数值');
    expect(done).not.toHaveTextContent('已保存');
    expect(await write.reportsWritten()).toMatchObject([
      {
        targetId: REVIEWED,
        value: last + 1,
        unit: '家',
        asOf: '2025-12-29',
        narrative: {
          progress: '新认定省级企业技术中心1家',
          problems: '用地指标紧张',
          nextSteps: '',
          coordination: '请市自然资源局协调用地',
        },
        approval: { state: 'pending' },
      },
    ]);
    // The list says it waits, in words.
    const list = screen.getByRole('navigation', { name: '我负责的目标' });
    const item = within(list).getByRole('link', { name: /新增省级以上企业技术中心和工程研究中心20家以上/ });
    await waitFor(() => expect(item).toHaveTextContent('待审核'), { timeout: 8_000 });
    // 填报人 by name in the history, not the login.
    const history = screen.getByRole('table', { name: '填报记录' });
    await waitFor(() => expect(within(history).getAllByRole('row')[1]).toHaveTextContent('填报员甲'), {
      timeout: 8_000,
    });
    expect(within(history).getAllByRole('row')[1]).toHaveTextContent('待审核');
    expect(within(history).getAllByRole('row')[1]).not.toHaveTextContent(/\brep\b/);
  }, 30_000);

  it('shows a returned report with the reviewer’s reason and revises it as a correction sent for review', async () => {
    write.signInAs('rep');
    const last = await latestValue(REVIEWED);
    const sent = await post(`/targets/${REVIEWED}/reports`, {
      asOf: '2025-12-28',
      value: last + 1,
      narrative: { progress: '已完成申报', problems: '材料不全' },
    });
    expect(sent.status).toBe(201);
    const { item } = (await sent.json()) as { item: { id: string } };
    write.signInAs('admin');
    expect((await post(`/reports/${item.id}/return`, { reason: '口径与统计局不一致，请核实后重报' })).status).toBe(200);
    // A newer report since: the returned one still waits for its reporter.
    write.signInAs('rep');
    expect((await post(`/targets/${REVIEWED}/reports`, { asOf: '2025-12-29', value: last + 2 })).status).toBe(201);

    const { user } = renderApp(`/report?target=${REVIEWED}`);
    const list = await screen.findByRole('navigation', { name: '我负责的目标' }, { timeout: 5_000 });
    const group = within(list).getByRole('region', { name: /被退回，待修改/ });
    const entry = within(group).getByRole('link', { name: /新增省级以上企业技术中心/ });
    expect(entry).toHaveTextContent('退回');
    expect(entry).toHaveTextContent('退回理由：口径与统计局不一致，请核实后重报');

    const notice = await screen.findByRole('region', { name: /截至 2025年12月28日 的填报（.*）被退回/ });
    expect(notice).toHaveTextContent('退回理由：口径与统计局不一致，请核实后重报');
    expect(notice).toHaveTextContent('系统管理员 退回于 2025年12月29日 10:30');
    await user.click(within(notice).getByRole('button', { name: '修改后重新提交' }));

    const form = await screen.findByRole('form', { name: '修改被退回的填报' });
    expect(within(form).getByLabelText('更正原因')).toHaveValue('按退回意见修改');
    expect(within(form).getByLabelText('截至日期')).toHaveValue('2025-12-28');
    expect(within(form).getByLabelText('本期数值')).toHaveValue(String(last + 1));
    expect(within(form).getByLabelText('进展情况')).toHaveValue('已完成申报');
    expect(within(form).getByLabelText('存在问题')).toHaveValue('材料不全');
    await user.clear(within(form).getByLabelText('存在问题'));
    await user.type(within(form).getByLabelText('存在问题'), '已按统计局口径核实');
    await user.click(within(form).getByRole('button', { name: '提交更正（待审核）' }));
    await waitFor(() => expect(screen.getByRole('form', { name: /填报/ })).toHaveTextContent('已提交，待审核'), {
      timeout: 10_000,
    });
    const revised = (await write.reportsWritten()).at(-1);
    expect(revised).toMatchObject({
      supersedes: item.id,
      asOf: '2025-12-28',
      correctionReason: '按退回意见修改',
      value: last + 1,
      narrative: { progress: '已完成申报', problems: '已按统计局口径核实' },
      approval: { state: 'pending' },
    });
    // The returned one is replaced: the notice goes, the list says the new version waits.
    await waitFor(() => expect(screen.queryByRole('button', { name: '修改后重新提交' })).not.toBeInTheDocument(), {
      timeout: 8_000,
    });
  }, 40_000);

  it('accepts a value typed with its unit and refuses one whose unit does not convert', async () => {
    const { user, form } = await openReviewedForm();
    const value = within(form).getByLabelText('本期数值');
    await user.type(value, '20公里');
    await user.click(within(form).getByRole('button', { name: '提交审核' }));
    expect(within(form).getByRole('alert')).toHaveTextContent(
      '本期数值：“20公里”的单位“公里”与目标单位“家”不一致，无法换算',
    );
    expect(value).toHaveAccessibleDescription(expect.stringContaining('不一致，无法换算'));
    expect(await write.reportsWritten()).toHaveLength(0);

    await user.clear(value);
    await user.type(value, '２０ 家');
    expect(within(form).getByLabelText('单位')).toHaveValue('家');
    expect(within(form).getByLabelText('单位')).toHaveAccessibleDescription('按数值中填写的单位“家”计');
    expect(within(form).getByRole('region', { name: '保存后的进度' })).toHaveTextContent('完成率 100%');
    await user.click(within(form).getByRole('button', { name: '提交审核' }));
    await within(form).findByText(/已提交，待审核/);
    expect((await write.reportsWritten()).at(-1)).toMatchObject({ value: 20, unit: '家' });
  });

  it('starts the as-of date at the reporting cut-off: the deadline once today is past it', async () => {
    write.signInAs('rep');
    // Ten days after the year's targets ended (2025-12-31): today would be refused as after the deadline.
    renderApp(`/report?target=${TARGET}`, { now: new Date('2026-01-10T02:00:00Z') });
    const form = await screen.findByRole('form', { name: '填报本期进度' }, { timeout: 5_000 });
    expect(within(form).getByLabelText('截至日期')).toHaveValue('2025-12-31');
  });

  it('sends the unit typed with the value when it is another unit of the same kind', async () => {
    const { user, form } = await openForm();
    await user.type(within(form).getByLabelText('本期数值'), '0.008万项');
    expect(within(form).getByRole('region', { name: '保存后的进度' })).toHaveTextContent('完成率 100%');
    await user.click(within(form).getByRole('button', { name: '保存填报' }));
    await within(form).findByText(/已保存/);
    expect((await write.reportsWritten()).at(-1)).toMatchObject({ value: 0.008, unit: '万项' });
  });
});
