import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import type { TestUsername } from '../../../mock/fixtures';
import type { ReviewResponse } from '../../domain/review-api';
import type { SupervisionItem, SupervisionListResponse } from '../../domain/supervision-api';
import { loadSupervisionMessages } from '../../i18n/messages';
import { useUiStore } from '../../stores/ui-store';
import { renderApp, setupMockApi } from '../../test/render-app';

const { write, server } = setupMockApi();

// The section's code is loaded when a page first renders it: loaded once here, so that no test's
// waits include transforming it on a busy machine.
beforeAll(async () => {
  await Promise.all([
    import('./review-supervision'),
    import('./report-supervision'),
    import('./target-supervision'),
    loadSupervisionMessages(),
  ]);
}, 120_000);
const base = `${window.location.origin}/api/v1`;
const HAN = /[\u4e00-\u9fff]/;

/** Signs `username` in and gives the session's CSRF token. */
async function signedIn(username: TestUsername): Promise<string> {
  write.signInAs(username);
  const { csrfToken } = (await (await fetch(`${base}/session`)).json()) as { csrfToken: string };
  return csrfToken;
}

async function send(method: string, path: string, csrf: string, body: unknown): Promise<SupervisionItem> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    body: JSON.stringify(body),
  });
  expect(res.ok, await res.clone().text()).toBe(true);
  return ((await res.json()) as { item: SupervisionItem }).item;
}

const list = async (query: string) =>
  (await (await fetch(`${base}/supervision${query}`)).json()) as SupervisionListResponse;

/**
 * The meeting of 2025-12-29 (the tests' today; the previous one 2025-12-22) has, decided earlier:
 * one overdue, one due this week, one due later, one closed since the last meeting, and one closed
 * before it (no longer reported). Created through the API as the target office would.
 */
async function seedMeeting() {
  const csrf = await signedIn('admin');
  const item = (title: string, extra: Record<string, unknown>) =>
    send('POST', '/supervision', csrf, { title, leadDepartment: 'gxj', ...extra });
  const overdue = await item('协调解决算力中心用电指标', {
    targetId: 'ind-three-firsts',
    dueDate: '2025-12-26',
    meetingDate: '2025-12-22',
    supportingDepartments: ['fgw'],
  });
  const dueSoon = await item('梳理年底前可开工项目清单', { dueDate: '2026-01-02', meetingDate: '2025-12-22' });
  const later = await item('制定明年一季度“开门红”方案', { dueDate: '2026-02-27', meetingDate: '2025-12-15' });
  const closed = await item('约谈进度滞后项目业主', { dueDate: '2025-12-26', meetingDate: '2025-12-22' });
  await send('PATCH', `/supervision/${closed.id}`, csrf, { status: 'done', note: '已约谈 5 家业主，形成整改清单' });
  return { overdue, dueSoon, later, closed };
}

describe('督办事项 at the weekly review', () => {
  it('reads last week’s decisions after the warnings: 逾期, 本周到期, 办理中 and 已办结, status in words and shape', async () => {
    const { overdue, dueSoon, later, closed } = await seedMeeting();
    write.signInAs('viewer');
    const api = await list('?asOf=2025-12-29');
    expect(api.counts).toEqual({ open: 2, done: 1, overdue: 1 });
    renderApp('/review');
    const section = await screen.findByRole('region', { name: '督办事项' }, { timeout: 20_000 });
    // In the order a meeting reads it: the counts and the sectors, the warnings, then the decisions
    // of earlier meetings, before who owes a report.
    const sectors = await screen.findByRole('region', { name: '各领域进展' });
    const overdueReports = await screen.findByRole('region', { name: '逾期未报' });
    expect(section.compareDocumentPosition(sectors) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    expect(section.compareDocumentPosition(overdueReports) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const group = async (name: string) => within(section).findByRole('region', { name });
    const late = await group('逾期（1 项）');
    const lateItem = within(late).getByRole('article', { name: overdue.title });
    expect(lateItem).toHaveTextContent('⚑ 逾期');
    expect(lateItem).toHaveTextContent('已逾期 3 天');
    expect(lateItem).toHaveTextContent('牵头单位：市工业和信息化局');
    expect(lateItem).toHaveTextContent(/配合单位：市发展和改革委员会/);
    expect(lateItem).toHaveTextContent('办结期限：2025年12月26日');
    expect(lateItem).toHaveTextContent('议定会议：2025年12月22日');
    expect(within(lateItem).getByRole('link', { name: overdue.targetTitle ?? '' })).toHaveAttribute(
      'href',
      '/targets/ind-three-firsts?asOf=2025-12-29',
    );
    const soon = within(await group('本周到期（1 项）')).getByRole('article', { name: dueSoon.title });
    expect(soon).toHaveTextContent('◷ 办理中');
    expect(soon).toHaveTextContent('4 天后到期');
    expect(soon).toHaveTextContent('不关联目标');
    expect(within(await group('办理中（1 项）')).getByRole('article', { name: later.title })).toHaveTextContent(
      '议定会议：2025年12月15日',
    );
    const done = within(await group('已办结（1 项）')).getByRole('article', { name: closed.title });
    expect(done).toHaveTextContent('✓ 已办结');
    expect(done).toHaveTextContent('办结说明：已约谈 5 家业主，形成整改清单');
    expect(done).toHaveTextContent('系统管理员 于 2025年12月29日 10:30 办结');
    // Reading only: nobody signed in as the target office gets 新增督办.
    expect(screen.queryByRole('button', { name: /新增督办/ })).not.toBeInTheDocument();
  });

  it('an earlier meeting shows what had been decided by then, 逾期 judged at its date', async () => {
    const { overdue, dueSoon, later, closed } = await seedMeeting();
    renderApp('/review?asOf=2025-12-22&previous=2025-12-15');
    const section = await screen.findByRole('region', { name: '督办事项' }, { timeout: 20_000 });
    // Decided on 12-22 (this meeting) and due 12-26: due this week, not yet overdue.
    const soon = await within(section).findByRole('region', { name: '本周到期（2 项）' });
    const item = within(soon).getByRole('article', { name: overdue.title });
    expect(item).toHaveTextContent('◷ 办理中');
    expect(item).toHaveTextContent('4 天后到期');
    expect(item).toHaveTextContent('议定会议：本次会议议定');
    // Closed after this meeting: still open at it, its closing note not yet written.
    const notYet = within(soon).getByRole('article', { name: closed.title });
    expect(notYet).toHaveTextContent('◷ 办理中');
    expect(notYet).not.toHaveTextContent('办结说明');
    expect(within(section).queryByRole('region', { name: /已办结/ })).not.toBeInTheDocument();
    const open = within(section).getByRole('region', { name: '办理中（2 项）' });
    expect(within(open).getByRole('article', { name: dueSoon.title })).toBeInTheDocument();
    expect(within(open).getByRole('article', { name: later.title })).toBeInTheDocument();
    expect(within(section).queryByRole('region', { name: /逾期/ })).not.toBeInTheDocument();
  });

  it('says when there is nothing to report', async () => {
    renderApp('/review');
    const section = await screen.findByRole('region', { name: '督办事项' }, { timeout: 20_000 });
    expect(await within(section).findByText('本次会议没有需要通报的督办事项')).toBeInTheDocument();
  });

  it('a failing list says so in the section; the rest of the review stays', async () => {
    server.use(http.get('*/api/v1/supervision', () => HttpResponse.json({ boom: true }, { status: 500 })));
    renderApp('/review');
    const section = await screen.findByRole('region', { name: '督办事项' }, { timeout: 20_000 });
    expect(await within(section).findByRole('alert')).toHaveTextContent(
      '督办事项未能加载：服务器出错（500），请稍后重试',
    );
    expect(within(section).getByRole('button', { name: '重试' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '各领域进展' })).toBeInTheDocument();
  });

  it('offers the brief as Word beside the Excel export, for the same meeting', async () => {
    renderApp('/review?asOf=2025-11-03');
    const word = await screen.findByRole('link', { name: '下载督查通报（Word）' }, { timeout: 5_000 });
    const excel = screen.getByRole('link', { name: '导出 Excel' });
    await waitFor(() => expect(excel.getAttribute('href')).toContain('asOf=2025-11-03'));
    expect(word.getAttribute('href')).toBe(excel.getAttribute('href')?.replace('/review.xlsx', '/review.docx'));
  });
});

describe('新增督办 at the review', () => {
  it('from a lagging target’s row: prefilled target and lead, an empty title refused in Chinese, then saved into the list', async () => {
    await signedIn('admin');
    const review = (await (await fetch(`${base}/review?asOf=2025-12-29`)).json()) as ReviewResponse;
    const laggard = review.laggards.find((l) => {
      const x = review.targets.find((t) => t.id === l.id);
      return (l.status === 'lagging' || l.status === 'severe') && x?.department;
    });
    const target = review.targets.find((t) => t.id === laggard?.id);
    if (!target?.department) throw new Error('the meeting has a lagging target with a lead department');
    const { user } = renderApp('/review');
    const laggards = await screen.findByRole('region', { name: '滞后目标所需进度' }, { timeout: 5_000 });
    await user.click(await within(laggards).findByRole('button', { name: `新增督办：${target.title}` }));

    const form = await screen.findByRole('form', { name: '新增督办事项' });
    expect(form).toHaveTextContent(`关联目标：${target.title}`);
    const title = within(form).getByLabelText('督办事项');
    await waitFor(() => expect(title).toHaveFocus());
    await waitFor(() => expect(within(form).getByLabelText('牵头单位')).toHaveValue(target.department));
    expect(within(form).getByLabelText('办结期限')).toHaveValue('2026-01-05');

    await user.click(within(form).getByRole('button', { name: '保存督办事项' }));
    const summary = within(form).getByRole('alert');
    expect(summary).toHaveTextContent('请先修正以下问题');
    expect(summary).toHaveTextContent('请填写督办事项');
    expect(summary).toHaveFocus();
    expect(title).toHaveAccessibleDescription(/请填写督办事项/);
    expect((await list('?asOf=2025-12-29')).items).toHaveLength(0);

    await user.type(title, '市工信局牵头，两周内拿出追赶方案');
    // Choosing alone adds nothing (arrow keys on a closed select change its value); the button adds.
    const choose = within(form).getByLabelText('选择配合单位');
    await user.selectOptions(choose, 'fgw');
    expect(within(form).getByText('未选择配合单位')).toBeInTheDocument();
    expect(within(form).queryByRole('button', { name: '移除 市发展和改革委员会' })).not.toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: '添加配合单位' }));
    expect(within(form).getByRole('button', { name: '移除 市发展和改革委员会' })).toBeInTheDocument();
    expect(within(form).queryByText('未选择配合单位')).not.toBeInTheDocument();
    // Added once, it is no longer offered; the select is back on its prompt, with the focus for the next one.
    expect(choose).toHaveValue('');
    expect(choose).toHaveFocus();
    expect(within(choose).queryByRole('option', { name: /市发展和改革委员会/ })).not.toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: '保存督办事项' }));

    const section = screen.getByRole('region', { name: '督办事项' });
    expect(await within(section).findByRole('status')).toHaveTextContent(
      '已新增督办事项：市工信局牵头，两周内拿出追赶方案',
    );
    const group = await within(section).findByRole('region', { name: '本周到期（1 项）' });
    const heading = within(group).getByRole('heading', { name: '市工信局牵头，两周内拿出追赶方案' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.queryByRole('form', { name: '新增督办事项' })).not.toBeInTheDocument();
    const [saved] = (await list('?asOf=2025-12-29')).items;
    expect(saved).toMatchObject({
      targetId: target.id,
      leadDepartment: target.department,
      meetingDate: '2025-12-29',
      dueDate: '2026-01-05',
      supportingDepartments: [{ id: 'fgw', name: '市发展和改革委员会' }],
      createdByName: '系统管理员',
    });
  });

  it('free-standing, with the lead department chosen from the registry; 取消 gives the focus back', async () => {
    await signedIn('admin');
    const { user } = renderApp('/review');
    const section = await screen.findByRole('region', { name: '督办事项' }, { timeout: 20_000 });
    const add = await within(section).findByRole('button', { name: '新增督办' });
    await user.click(add);
    let form = await screen.findByRole('form', { name: '新增督办事项' });
    await user.click(within(form).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('form', { name: '新增督办事项' })).not.toBeInTheDocument();
    expect(add).toHaveFocus();

    await user.click(add);
    form = await screen.findByRole('form', { name: '新增督办事项' });
    await user.type(within(form).getByLabelText('督办事项'), '研究出台促消费政策');
    await user.click(within(form).getByRole('button', { name: '保存督办事项' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('请选择牵头单位');
    await user.selectOptions(within(form).getByLabelText('牵头单位'), 'swj');
    await user.clear(within(form).getByLabelText('办结期限'));
    await user.type(within(form).getByLabelText('办结期限'), '2026-01-30');
    await user.click(within(form).getByRole('button', { name: '保存督办事项' }));
    const group = await within(section).findByRole('region', { name: '办理中（1 项）' }, { timeout: 5_000 });
    expect(within(group).getByRole('article', { name: '研究出台促消费政策' })).toHaveTextContent('本次会议议定');
  });
});

describe('本单位督办事项 at /report', () => {
  it('the lead department’s reporter closes an item: a note is required, then who closed it and when', async () => {
    const { overdue, dueSoon } = await seedMeeting();
    const supported = await send('POST', '/supervision', await signedIn('admin'), {
      title: '联合开展重点企业用工调研',
      leadDepartment: 'rsj',
      supportingDepartments: ['gxj'],
      dueDate: '2026-01-16',
      meetingDate: '2025-12-22',
    });
    await signedIn('rep');
    const { user } = renderApp('/report');
    const section = await screen.findByRole('region', { name: '本单位督办事项' }, { timeout: 5_000 });
    const items = await within(section).findAllByRole('article');
    // Overdue first.
    expect(items[0]).toHaveAccessibleName(overdue.title);
    expect(items[0]).toHaveTextContent('⚑ 逾期');

    await user.click(within(section).getByRole('button', { name: `办结：${overdue.title}` }));
    const form = within(section).getByRole('form', { name: `办结：${overdue.title}` });
    const note = within(form).getByLabelText('办结说明');
    await waitFor(() => expect(note).toHaveFocus());
    await user.click(within(form).getByRole('button', { name: '确认办结' }));
    expect(note).toHaveAccessibleDescription(/请填写办结说明/);
    expect(note).toHaveFocus();
    expect((await list('?mine=1')).items.find((i) => i.id === overdue.id)?.status).toBe('overdue');

    await user.type(note, '已协调供电公司增容 2 万千伏安');
    await user.type(within(form).getByLabelText('佐证链接（可选）'), 'ftp://example.org/a');
    await user.click(within(form).getByRole('button', { name: '确认办结' }));
    expect(within(form).getByLabelText('佐证链接（可选）')).toHaveAccessibleDescription(/http:\/\/ 或 https:\/\//);
    await user.clear(within(form).getByLabelText('佐证链接（可选）'));
    await user.type(within(form).getByLabelText('佐证链接（可选）'), 'https://example.org/evidence.pdf');
    await user.click(within(form).getByRole('button', { name: '确认办结' }));

    const notice = await within(section).findByRole('status');
    expect(notice).toHaveTextContent(`已办结：${overdue.title}`);
    await waitFor(() => expect(notice).toHaveFocus());
    const closed = await within(section).findByRole('article', { name: overdue.title });
    await waitFor(() => expect(closed).toHaveTextContent('✓ 已办结'));
    expect(closed).toHaveTextContent('办结说明：已协调供电公司增容 2 万千伏安');
    expect(closed).toHaveTextContent('填报员甲 于 2025年12月29日 10:30 办结');
    expect(within(closed).getByRole('link', { name: 'https://example.org/evidence.pdf' })).toBeInTheDocument();
    expect(within(closed).queryByRole('button', { name: /办结/ })).not.toBeInTheDocument();
    const saved = (await list('?mine=1')).items.find((i) => i.id === overdue.id);
    expect(saved).toMatchObject({
      status: 'done',
      closedByName: '填报员甲',
      evidenceUrl: 'https://example.org/evidence.pdf',
    });

    // A supporting department reports progress; the lead department closes.
    const support = within(section).getByRole('article', { name: supported.title });
    expect(support).toHaveTextContent('本单位为配合单位：可更新办理进展，由牵头单位办结');
    expect(within(support).getByRole('button', { name: `更新进展：${supported.title}` })).toBeInTheDocument();
    expect(within(support).queryByRole('button', { name: /办结/ })).not.toBeInTheDocument();

    // 更新进展 on another: saved, the focus back on the item.
    await user.click(within(section).getByRole('button', { name: `更新进展：${dueSoon.title}` }));
    const progress = within(section).getByLabelText('办理进展');
    await user.type(progress, '已梳理 12 个项目');
    await user.click(within(section).getByRole('button', { name: '保存进展' }));
    await waitFor(() => expect(within(section).getByRole('heading', { name: dueSoon.title })).toHaveFocus());
    expect(within(section).getByRole('article', { name: dueSoon.title })).toHaveTextContent(
      '办理进展：已梳理 12 个项目',
    );
  });

  it('closing can clear an evidence link set before: an emptied field removes it', async () => {
    const { dueSoon } = await seedMeeting();
    const csrf = await signedIn('rep');
    await send('PATCH', `/supervision/${dueSoon.id}`, csrf, { evidenceUrl: 'https://example.org/draft.pdf' });
    const { user } = renderApp('/report');
    const section = await screen.findByRole('region', { name: '本单位督办事项' }, { timeout: 5_000 });
    await user.click(await within(section).findByRole('button', { name: `办结：${dueSoon.title}` }));
    const form = within(section).getByRole('form', { name: `办结：${dueSoon.title}` });
    const evidence = within(form).getByLabelText('佐证链接（可选）');
    expect(evidence).toHaveValue('https://example.org/draft.pdf');
    await user.type(within(form).getByLabelText('办结说明'), '清单已报市政府');
    await user.clear(evidence);
    await user.click(within(form).getByRole('button', { name: '确认办结' }));
    expect(await within(section).findByRole('status', {}, { timeout: 5_000 })).toHaveTextContent(
      `已办结：${dueSoon.title}`,
    );
    const closed = await within(section).findByRole('article', { name: dueSoon.title });
    await waitFor(() => expect(closed).toHaveTextContent('✓ 已办结'), { timeout: 5_000 });
    expect(closed).not.toHaveTextContent('佐证');
    expect(within(closed).queryByRole('link')).not.toBeInTheDocument();
    expect((await list('?mine=1')).items.find((i) => i.id === dueSoon.id)).toMatchObject({
      status: 'done',
      evidenceUrl: null,
    });
  });

  it('signing out forgets the department’s 督办 list: nothing of it stays cached for the next person', async () => {
    const { overdue } = await seedMeeting();
    await signedIn('rep');
    const { user, queryClient } = renderApp('/report');
    const section = await screen.findByRole('region', { name: '本单位督办事项' }, { timeout: 5_000 });
    expect(await within(section).findByRole('article', { name: overdue.title })).toBeInTheDocument();
    const cached = () => queryClient.getQueryCache().findAll({ queryKey: ['supervision'] });
    expect(cached().length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: '退出登录' }));
    expect(await screen.findByRole('link', { name: '登录' })).toBeInTheDocument();
    expect(cached()).toHaveLength(0);
    expect(screen.queryByText(overdue.title)).not.toBeInTheDocument();
  });

  it('the target’s page lists its 督办事项', async () => {
    const { overdue } = await seedMeeting();
    renderApp('/targets/ind-three-firsts?asOf=2025-12-29');
    const panel = await screen.findByRole('region', { name: '督办事项' }, { timeout: 8_000 });
    const item = within(panel).getByRole('article', { name: overdue.title });
    expect(item).toHaveTextContent('⚑ 逾期');
    expect(item).toHaveTextContent('牵头单位：市工业和信息化局');
    expect(within(panel).getAllByRole('article')).toHaveLength(1);
  });
});

describe('督办事项 in English', () => {
  beforeEach(() => useUiStore.setState({ locale: 'en' }));
  afterEach(() => useUiStore.setState({ locale: 'zh-CN' }));

  it('words the section, its groups and statuses in English (titles stay as written)', async () => {
    const { overdue, closed } = await seedMeeting();
    renderApp('/review');
    const section = await screen.findByRole('region', { name: 'Follow-up items' }, { timeout: 5_000 });
    const late = await within(section).findByRole('region', { name: 'Overdue (1)' });
    const item = within(late).getByRole('article', { name: overdue.title });
    expect(item).toHaveTextContent('⚑ Overdue');
    expect(item).toHaveTextContent('3 days overdue');
    expect(item).toHaveTextContent('Due:Dec 26, 2025');
    const done = within(section).getByRole('region', { name: 'Closed (1)' });
    expect(within(done).getByRole('article', { name: closed.title })).toHaveTextContent('✓ Closed');
    for (const label of within(section).getAllByRole('heading', { level: 3 }))
      expect(label.textContent).not.toMatch(HAN);
  });
});
