import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../src/domain/dates';
import { formatQuantity } from '../../src/domain/format';
import type { ReviewResponse } from '../../src/domain/review-api';
import type { TargetDetailResponse } from '../../src/domain/target-api';
import { axeViolations, launchBrowser, serverApi, signInAt } from './harness';
import { type RunningServer, startServer } from './server-process';

/**
 * Reports checked before the mayor sees them (issue 23), on a server of its own: a department's
 * reporter submits a figure with what is stuck (存在问题) and what a leader must unblock; the board is
 * unchanged; a reviewer of the city's plan approves it in the queue; the board, the target's
 * history and the weekly review then show the new figure and its words.
 */
const ADMIN_PASSWORD = 'e2e admin password 2026';
const REPORTER = { username: 'rep-review', name: '审核端到端填报员', password: 'e2e review reporter password' };
const REVIEWER = { username: 'rev-review', name: '审核端到端审核员', password: 'e2e review reviewer password' };
const DEPARTMENT = 'e2e-review';
const TARGET = 'e2e-review-jobs';
const PROBLEMS = '重点企业用工需求下降，招聘会场次不足';
const COORDINATION = '需市人社局协调春季招聘会场地';

let srv: RunningServer;
let browser: Browser;
let title = '';
let unit = '';

const { call, session, get: api } = serverApi(() => srv.url);
const detail = (query = '') => api<TargetDetailResponse>(`/targets/${TARGET}${query}`);

beforeAll(async () => {
  srv = await startServer({ env: { ADMIN_USERNAME: 'admin', ADMIN_PASSWORD } });
  browser = await launchBrowser();
  const admin = await session('admin', ADMIN_PASSWORD);
  const dept = await call(
    'POST',
    '/admin/departments',
    { id: DEPARTMENT, name: '端到端审核测试局', shortName: '审核测试局', kind: 'city' },
    admin,
  );
  expect(dept.status).toBe(201);
  for (const [u, role, extra] of [
    [REPORTER, 'reporter', { departments: [DEPARTMENT] }],
    [REVIEWER, 'reviewer', { plans: ['qd-2025'] }],
  ] as const) {
    const res = await call(
      'POST',
      '/admin/users',
      { username: u.username, displayName: u.name, password: u.password, role, ...extra },
      admin,
    );
    expect(res.status).toBe(201);
  }
  // A copy of the city's 城镇新增就业 target, in the city's plan (which wants review), run to 2027 so
  // that today is inside its period, led by the test's department.
  const { state: _s, ...original } = (await api<TargetDetailResponse>('/targets/qd-new-urban-jobs')).item;
  title = `${original.title}（审核端到端）`;
  unit = original.unit;
  const created = await call(
    'POST',
    '/admin/targets',
    {
      ...original,
      id: TARGET,
      title,
      department: DEPARTMENT,
      supportingDepartments: [],
      periodStart: '2025-01-01',
      deadline: '2027-12-31',
      headline: null,
      demo: true,
    },
    admin,
  );
  expect(created.status, await created.clone().text()).toBe(201);
  // A first figure, approved: 10万人 as of mid-2025.
  const first = await call('POST', `/targets/${TARGET}/reports`, { asOf: '2025-06-30', value: 10 }, admin);
  expect(first.status).toBe(201);
  const { item } = (await first.json()) as { item: { id: string; approval: { state: string } } };
  expect(item.approval.state).toBe('pending');
  const reviewer = await session(REVIEWER.username, REVIEWER.password);
  expect((await call('POST', `/reports/${item.id}/approve`, {}, reviewer)).status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: srv.url,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

describe('a report is checked before the board counts it', () => {
  it('a reporter submits with 存在问题; the board is unchanged; a reviewer approves; board, history and review show it', async () => {
    const today = shanghaiDate(new Date());
    const before = (await detail()).item;
    expect(before.state.latest).toMatchObject({ value: 10, asOf: '2025-06-30' });

    // The reporter, typing the figure with its unit, and what is stuck.
    const rep = await newPage();
    await signInAt(rep.page, REPORTER, '/report');
    await rep.page.getByRole('heading', { level: 1, name: '进度填报' }).waitFor();
    await rep.page
      .getByRole('navigation', { name: '我负责的目标' })
      .getByRole('link', { name: new RegExp(title.replace(/[()（）]/g, '.')) })
      .click();
    const form = rep.page.getByRole('form', { name: '填报本期进度' });
    await form.waitFor();
    // The as-of date starts at the reporting cut-off: today, inside the target's period.
    expect(await form.getByLabel('截至日期').inputValue()).toBe(today);
    await form.getByLabel('本期数值').fill(`12${unit}`);
    await form.getByLabel('存在问题').fill(PROBLEMS);
    await form.getByLabel('需协调事项').fill(COORDINATION);
    await form.getByRole('button', { name: '提交审核' }).click();
    await form.getByText(/已提交，待审核/).waitFor();
    expect(rep.errors).toEqual([]);
    await rep.context.close();

    // Waiting: the board, its list and its summary still show the approved 10万人.
    const waiting = (await detail()).item;
    expect(waiting.state.latest).toMatchObject({ value: 10, asOf: '2025-06-30' });
    const sent = waiting.reports.at(-1);
    expect(sent).toMatchObject({
      value: 12,
      asOf: today,
      reportedByName: REPORTER.name,
      approval: { state: 'pending' },
      narrative: { problems: PROBLEMS, coordination: COORDINATION },
    });
    // With 含待审核 it shows, marked 初报.
    expect((await detail('?includePending=1')).item.state.latest).toMatchObject({ value: 12, provisional: true });

    // The reviewer's queue: the figure beside the approved one, the words, then 通过.
    const rev = await newPage();
    await signInAt(rev.page, REVIEWER, '/review-queue');
    await rev.page.getByRole('heading', { level: 1, name: '待审核的填报' }).waitFor();
    const approve = rev.page.getByRole('button', { name: new RegExp(`^通过：${title.replace(/[()（）]/g, '.')}`) });
    await approve.waitFor();
    const card = rev.page.getByRole('article').filter({ has: approve });
    await card.getByText(PROBLEMS).waitFor();
    await card.getByText(COORDINATION).waitFor();
    await card.getByText(REPORTER.name).waitFor();
    await card.getByText(formatQuantity(10, unit)).first().waitFor();
    expect(await axeViolations(rev.page)).toEqual([]);
    await approve.click();
    await rev.page.getByText(new RegExp(`已通过：${title.replace(/[()（）]/g, '.')}`)).waitFor();

    // The board now counts it: the target page shows the figure, and its history who approved it.
    const after = (await detail()).item;
    expect(after.state.latest).toMatchObject({ value: 12, asOf: today });
    expect(after.state.latest?.provisional).toBeUndefined();
    expect(after.state.status).toBe('severe');
    await rev.page.goto(`/targets/${TARGET}`);
    await rev.page.getByRole('heading', { level: 1, name: title }).waitFor();
    await rev.page
      .getByRole('region', { name: '进度', exact: true })
      .getByText(formatQuantity(12, unit))
      .first()
      .waitFor();
    await rev.page.locator('#narrative').getByText(PROBLEMS).waitFor();
    await rev.page
      .getByText(new RegExp(`已审核.*${REVIEWER.name}`))
      .first()
      .waitFor();

    // The weekly review: the target among the lagging ones, with its 存在问题 beside it.
    const review = await api<ReviewResponse>('/review');
    expect(review.asOf).toBe(today);
    expect(review.targets.find((t) => t.id === TARGET)?.latestReport?.narrative).toMatchObject({
      problems: PROBLEMS,
      coordination: COORDINATION,
    });
    await rev.page.goto('/review');
    await rev.page.getByRole('heading', { level: 1 }).first().waitFor();
    // In the table of lagging targets, its row carries its words.
    const row = rev.page.getByRole('row').filter({ hasText: title }).filter({ hasText: PROBLEMS }).first();
    await row.getByText(COORDINATION).waitFor();
    expect(rev.errors).toEqual([]);
    await rev.context.close();
  });
});
