import { configure, screen, waitFor, within } from '@testing-library/react';
import { useUiStore } from '../../stores/ui-store';
import { renderApp, setupMockApi } from '../../test/render-app';

// Writes go through the real server, on a machine shared with other test runs.
configure({ asyncUtilTimeout: 10_000 });
const { write, api } = setupMockApi();
const base = `${window.location.origin}/api/v1`;
const HAN = /[\u4e00-\u9fff]/;
const DING_URL = 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123456789abcdef';
const DING_SECRET = 'SECsupersecretsigningkey123';

async function openTab() {
  write.signInAs('admin');
  const utils = renderApp('/admin?tab=notify');
  // The first test of the file loads the admin chunks cold, on a busy machine.
  const form = await screen.findByRole('region', { name: '新建通知通道' }, { timeout: 15_000 });
  return { ...utils, form };
}

describe('通知与定时任务 (issue 24)', () => {
  it('adds a DingTalk robot through the form, lists it without its secrets, and says 已设置 when editing', async () => {
    const { user, form } = await openTab();
    expect(screen.getByRole('link', { name: '通知与定时任务' })).toHaveAttribute('aria-current', 'page');
    const kind = within(form).getByLabelText('类型');
    // The fields follow the kind: a robot has an address, DingTalk a signing secret, e-mail an SMTP server.
    await user.selectOptions(kind, '企业微信机器人');
    expect(within(form).getByLabelText('Webhook 地址')).toBeInTheDocument();
    expect(within(form).queryByLabelText('加签密钥')).toBeNull();
    expect(within(form).queryByLabelText('SMTP 服务器')).toBeNull();
    await user.selectOptions(kind, '邮件');
    expect(within(form).queryByLabelText('Webhook 地址')).toBeNull();
    for (const label of ['SMTP 服务器', '端口', '用户名', '密码', '发件人', '收件人'])
      expect(within(form).getByLabelText(label)).toBeInTheDocument();
    await user.selectOptions(kind, '钉钉机器人');
    expect(within(form).queryByLabelText('SMTP 服务器')).toBeNull();

    // Nothing typed: every problem is listed at the top, and focus goes there.
    await user.click(within(form).getByRole('button', { name: '添加通道' }));
    const summary = await within(form).findByRole('alert');
    expect(summary).toHaveTextContent('名称');
    expect(summary).toHaveTextContent('Webhook 地址');
    expect(summary).toHaveFocus();

    await user.type(within(form).getByLabelText('名称'), '目标办钉钉群');
    await user.click(within(form).getByLabelText('Webhook 地址'));
    await user.paste(DING_URL);
    await user.type(within(form).getByLabelText('加签密钥'), DING_SECRET);
    await user.selectOptions(within(form).getByLabelText('接收对象'), '目标办');
    await user.click(within(form).getByRole('button', { name: '添加通道' }));
    const status = await screen.findByText('已添加通道 目标办钉钉群。', {}, { timeout: 10_000 });
    await waitFor(() => expect(status.closest('[role="status"]')).toHaveFocus());

    const table = await screen.findByRole('table', { name: '通知通道列表' });
    const row = (await within(table).findByRole('rowheader', { name: '目标办钉钉群' })).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('钉钉机器人');
    expect(row).toHaveTextContent('目标办');
    expect(row).toHaveTextContent('已设置');
    expect(row).toHaveTextContent('✓ 已启用');
    expect(row).toHaveTextContent('oapi.dingtalk.com');
    // Secrets are written, never shown back: not on the page, not in the answer.
    expect(document.body).not.toHaveTextContent('0123456789abcdef0123456789abcdef');
    expect(document.body).not.toHaveTextContent(DING_SECRET);
    const listed = await (await fetch(`${base}/admin/channels`)).text();
    expect(listed).not.toContain(DING_SECRET);
    expect(listed).not.toContain('0123456789abcdef0123456789abcdef');

    await user.click(within(row).getByRole('button', { name: '编辑通道 目标办钉钉群' }));
    const edit = screen.getByRole('region', { name: '编辑通道 目标办钉钉群' });
    expect(within(edit).getByLabelText('加签密钥')).toHaveValue('');
    expect(within(edit).getByLabelText('加签密钥')).toHaveAccessibleDescription('已设置，留空则不变');
    expect(within(edit).getByLabelText('名称')).toHaveValue('目标办钉钉群');
    // The address carries the key: not shown either, and kept when left empty, as the secret is.
    expect(within(edit).getByLabelText('Webhook 地址')).toHaveValue('');
    expect(within(edit).getByLabelText('Webhook 地址')).toHaveAccessibleDescription(/已设置，留空则不变/);
    await user.clear(within(edit).getByLabelText('名称'));
    await user.type(within(edit).getByLabelText('名称'), '目标办钉钉群（新）');
    await user.click(within(edit).getByRole('checkbox', { name: '启用' }));
    await user.click(within(edit).getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已保存通道 目标办钉钉群（新）。', {}, { timeout: 10_000 })).toBeInTheDocument();
    const renamed = (await within(table).findByRole('rowheader', { name: '目标办钉钉群（新）' })).closest(
      'tr',
    ) as HTMLElement;
    expect(renamed).toHaveTextContent('已设置');
    expect(renamed).toHaveTextContent('oapi.dingtalk.com');
    expect(renamed).toHaveTextContent('✕ 已停用');

    // Deleting asks first.
    await user.click(within(renamed).getByRole('button', { name: '删除通道 目标办钉钉群（新）' }));
    const confirm = screen.getByRole('group', { name: '删除通道 目标办钉钉群（新）' });
    expect(confirm).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: '确认删除' }));
    expect(await screen.findByText('已删除通道 目标办钉钉群（新）。')).toBeInTheDocument();
    // It was the only channel.
    expect(await screen.findByText('还没有通知通道。')).toBeInTheDocument();
    expect(screen.queryByRole('rowheader', { name: '目标办钉钉群（新）' })).toBeNull();
  }, 60_000);

  it('sends a test message to an unreachable webhook and says it failed, and why', async () => {
    const { user, form } = await openTab();
    await user.selectOptions(within(form).getByLabelText('类型'), '通用 Webhook');
    await user.type(within(form).getByLabelText('名称'), '本机测试');
    await user.type(within(form).getByLabelText('Webhook 地址'), 'http://127.0.0.1:9/');
    // A department's channel names its department.
    await user.selectOptions(within(form).getByLabelText('接收对象'), '某部门');
    await user.click(within(form).getByRole('button', { name: '添加通道' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('接收部门：请选择接收的部门');
    await user.type(within(form).getByRole('combobox', { name: '接收部门' }), '统计');
    await user.keyboard('{Enter}');
    expect(within(form).getByText('已选：市统计局')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: '添加通道' }));
    const table = await screen.findByRole('table', { name: '通知通道列表' });
    const row = (await within(table).findByRole('rowheader', { name: '本机测试' })).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('通用 Webhook');
    expect(row).toHaveTextContent('某部门（市统计局）');
    expect(row).toHaveTextContent('未设置');
    await user.click(within(row).getByRole('button', { name: '向 本机测试 发送测试消息' }));
    const result = await screen.findByText(/本机测试：测试消息发送失败：\S+/, {}, { timeout: 15_000 });
    expect(result).toHaveTextContent('✕');

    // The attempt is in the delivery log, newest first, its state in words.
    const log = screen.getByRole('heading', { name: '发送记录' }).closest('section') as HTMLElement;
    const deliveries = await within(log).findByRole('table', { name: '发送记录' });
    const first = within(deliveries).getAllByRole('row')[1] as HTMLElement;
    expect(first).toHaveTextContent('测试消息');
    expect(first).toHaveTextContent('本机测试');
    expect(first).toHaveTextContent(/◷ 待发送|✕ 发送失败/);
    await user.selectOptions(within(log).getByLabelText('按状态筛选'), '已发送');
    expect(await within(log).findByText('没有发送记录。')).toBeInTheDocument();
  }, 60_000);

  it('lists both jobs with their schedule in words, refuses a bad cron in Chinese, and runs one now', async () => {
    const { user } = await openTab();
    const reminders = await screen.findByRole('region', { name: '催报提醒' });
    const brief = screen.getByRole('region', { name: '督查通报' });
    for (const job of [reminders, brief]) {
      const schedule = within(job).getByText('时间表').nextElementSibling as HTMLElement;
      // In words and as cron: 每周一 09:00 · 0 9 * * 1.
      expect(schedule).toHaveTextContent(/^每.+ \d\d:\d\d · [\d*/,-]+( [\d*/,-]+){4}$/);
      expect(within(job).getByRole('checkbox', { name: '启用' })).toBeChecked();
    }

    const cron = within(reminders).getByLabelText('时间表（cron）');
    await user.clear(cron);
    await user.type(cron, '0 25 * * 1');
    await user.click(within(reminders).getByRole('button', { name: '保存时间表' }));
    await waitFor(() => expect(cron).toHaveAttribute('aria-invalid', 'true'));
    expect(cron).toHaveAccessibleDescription(expect.stringContaining('时间表“0 25 * * 1”无效'));

    await user.clear(cron);
    await user.type(cron, '30 8 * * 1-5');
    await user.click(within(reminders).getByRole('button', { name: '保存时间表' }));
    expect(
      await within(reminders).findByText('已保存 催报提醒 的时间表：每个工作日（周一至周五）08:30。'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(within(reminders).getByText('时间表').nextElementSibling).toHaveTextContent(
        '每个工作日（周一至周五）08:30 · 30 8 * * 1-5',
      ),
    );
    // The clock stands at Monday 2025-12-29 10:30: the next weekday 08:30 is Tuesday's.
    expect(within(reminders).getByText('下次运行').nextElementSibling).toHaveTextContent('2025-12-30 08:30');

    await user.click(within(reminders).getByRole('checkbox', { name: '启用' }));
    expect(await within(reminders).findByText('已停用 催报提醒。')).toBeInTheDocument();
    await waitFor(() => expect(within(reminders).getByText('已停用，不会自动运行')).toBeInTheDocument());

    await user.click(within(reminders).getByRole('button', { name: '立即运行 催报提醒' }));
    const ran = await within(reminders).findByText(/^催报提醒 (已运行：|运行失败：)\S+/, {}, { timeout: 20_000 });
    await waitFor(() => expect(ran.closest('[role="status"]')).toHaveFocus());
    await waitFor(() =>
      expect(within(reminders).getByText('上次运行').nextElementSibling).toHaveTextContent('手动运行'),
    );
    const runs = screen.getByRole('table', { name: '最近运行' });
    expect(within(runs).getAllByRole('row')[1]).toHaveTextContent('催报提醒');
  }, 60_000);

  it('says so in each section when the server fails, and keeps the form usable', async () => {
    write.signInAs('admin');
    api.setFailure('server-error');
    renderApp('/admin?tab=notify');
    for (const name of ['通知通道', '定时任务', '发送记录']) {
      const section = (await screen.findByRole('heading', { level: 2, name }, { timeout: 5_000 })).closest(
        'section',
      ) as HTMLElement;
      expect(await within(section).findByRole('alert')).toHaveTextContent('500');
    }
    expect(screen.getByRole('region', { name: '新建通知通道' })).toBeInTheDocument();
  }, 60_000);

  it('speaks English', async () => {
    useUiStore.setState({ locale: 'en' });
    try {
      write.signInAs('admin');
      const { user } = renderApp('/admin?tab=notify');
      const form = await screen.findByRole('region', { name: 'New notification channel' }, { timeout: 15_000 });
      await user.selectOptions(within(form).getByLabelText('Kind'), 'E-mail');
      expect(within(form).getByLabelText('SMTP server')).toBeInTheDocument();
      await user.type(within(form).getByLabelText('Name'), 'Office mail');
      await user.type(within(form).getByLabelText('SMTP server'), 'smtp.example.gov.cn');
      await user.type(within(form).getByLabelText('Password'), 'mail-password-1');
      await user.type(within(form).getByLabelText('From'), 'board@example.gov.cn');
      await user.type(within(form).getByLabelText('To'), 'office@example.gov.cn, leader@example.gov.cn');
      await user.click(within(form).getByRole('button', { name: 'Add channel' }));
      expect(await screen.findByText('Channel Office mail added.')).toBeInTheDocument();
      const table = screen.getByRole('table', { name: 'Notification channels' });
      const row = (await within(table).findByRole('rowheader', { name: 'Office mail' })).closest('tr') as HTMLElement;
      expect(row).toHaveTextContent('E-mail');
      expect(row).toHaveTextContent('Target office');
      expect(row).toHaveTextContent('smtp.example.gov.cn:465 → office@example.gov.cn, leader@example.gov.cn');
      expect(row).toHaveTextContent('Set');
      expect(document.body).not.toHaveTextContent('mail-password-1');
      const jobs = await screen.findByRole('region', { name: 'Scheduled jobs' });
      const schedules = within(jobs)
        .getAllByText('Schedule')
        .map((dt) => dt.nextElementSibling?.textContent);
      expect(schedules).toEqual(['Every Monday at 09:00 · 0 9 * * 1', 'Every Friday at 17:00 · 0 17 * * 5']);
      expect(within(jobs).getAllByRole('button', { name: /^Run .+ now$/ })).toHaveLength(2);
      expect(screen.getByRole('combobox', { name: 'Filter by state' })).toHaveDisplayValue('All');
      // The job titles are the server's (Chinese); the page's own words are English.
      for (const h of screen.getAllByRole('heading', { level: 2 })) expect(h).not.toHaveTextContent(HAN);
    } finally {
      useUiStore.setState({ locale: 'zh-CN' });
    }
  }, 60_000);
});
