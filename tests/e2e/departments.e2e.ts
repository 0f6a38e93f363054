import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DepartmentViewResponse, RankingsResponse } from '../../src/domain/department-api';
import type { TargetDetailResponse } from '../../src/domain/target-api';
import { launchBrowser } from './harness';
import { type RunningServer, startServer } from './server-process';

/**
 * Accountability end to end (issue 22), on a server of its own: an admin imports a 任务分解 sheet
 * through the admin page (a first file with an unknown department is refused, naming the closest
 * registry names, and writes nothing); a reporter of the lead department sees exactly those targets
 * at /report; a new report moves the department's page and its row of the league table.
 */
const ADMIN_PASSWORD = 'e2e admin password 2026';
const REPORTER = 'rep-division';
const REPORTER_PASSWORD = 'e2e division reporter password';
const DEPARTMENT = 'e2e-kpi';
const DEPARTMENT_NAME = '端到端考核局';
const DEPARTMENT_SHORT = '考核局';
// Copies of two 2027 industry sizes, run from 2025 so they are open on the demo's dates, with no lead:
// the imported sheet gives them one. Their figures (admin's, before the test) are marked demo.
const TARGETS = [
  { id: 'e2e-div-a', from: 'ind-next-gen-it-scale' },
  { id: 'e2e-div-b', from: 'ind-smart-appliances-scale' },
];

let srv: RunningServer;
let browser: Browser;
let adminCookie = '';
let adminCsrf = '';
const files = mkdtempSync(path.join(tmpdir(), 'division-e2e-'));

async function call(method: string, p: string, body?: unknown): Promise<Response> {
  return fetch(`${srv.url}/api/v1${p}`, {
    method,
    headers: {
      origin: srv.url,
      'content-type': 'application/json',
      ...(adminCookie ? { cookie: adminCookie, 'x-csrf-token': adminCsrf } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}
const api = async <T>(p: string) => (await (await fetch(`${srv.url}/api/v1${p}`)).json()) as T;

beforeAll(async () => {
  srv = await startServer({ env: { ADMIN_USERNAME: 'admin', ADMIN_PASSWORD } });
  browser = await launchBrowser();
  const signIn = await call('POST', '/session', { username: 'admin', password: ADMIN_PASSWORD });
  expect(signIn.status).toBe(200);
  adminCookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  adminCsrf = ((await signIn.json()) as { csrfToken: string }).csrfToken;
  const dept = await call('POST', '/admin/departments', {
    id: DEPARTMENT,
    name: DEPARTMENT_NAME,
    shortName: DEPARTMENT_SHORT,
    kind: 'city',
  });
  expect(dept.status).toBe(201);
  const user = await call('POST', '/admin/users', {
    username: REPORTER,
    displayName: '分工填报员',
    password: REPORTER_PASSWORD,
    role: 'reporter',
    departments: [DEPARTMENT],
  });
  expect(user.status).toBe(201);
  for (const t of TARGETS) {
    const { state: _state, ...original } = (await api<TargetDetailResponse>(`/targets/${t.from}`)).item;
    const created = await call('POST', '/admin/targets', {
      ...original,
      id: t.id,
      title: `${original.title}（分工端到端）`,
      department: null,
      supportingDepartments: [],
      periodStart: '2025-01-01',
      deadline: '2027-12-31',
      headline: null,
      demo: true,
    });
    expect(created.status).toBe(201);
    // Far behind its pace at the demo's last week: 5 % of a three-year target.
    const figure = await call('POST', `/targets/${t.id}/reports`, {
      asOf: '2025-12-19',
      value: Math.round((original.target ?? 0) * 0.05),
    });
    expect(figure.status).toBe(201);
  }
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

async function signIn(page: Page, username: string, password: string, next: string) {
  await page.goto(next);
  await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

async function sheet(name: string, rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分解');
  ws.addRow(['目标编号', '牵头单位', '配合单位']);
  for (const r of rows) ws.addRow(r);
  const file = path.join(files, name);
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return file;
}

const leadOf = async (id: string) => (await api<TargetDetailResponse>(`/targets/${id}`)).item.department;

describe('the division of tasks, from the sheet to the league table', () => {
  it('an admin imports a 任务分解 sheet: an unknown department is refused with the closest names, then the fixed sheet is committed', async () => {
    const { context, page, errors } = await newPage();
    await signIn(page, 'admin', ADMIN_PASSWORD, '/admin?tab=division');
    const panel = page.getByRole('region', { name: '导入任务分解表' });
    await panel.waitFor();

    const [a, b] = TARGETS.map((t) => t.id) as [string, string];
    await panel.getByLabel('选择要上传的文件（.xlsx 或 .csv）').setInputFiles(
      await sheet('bad.xlsx', [
        [a, '市工信厅', ''],
        [b, DEPARTMENT_SHORT, ''],
      ]),
    );
    // The row error names what the registry has, and nothing can be committed.
    await panel
      .getByText(/部门“市工信厅”不在部门登记表中（相近的有：[^）]*市工业和信息化局/)
      .first()
      .waitFor();
    await expect(panel.getByRole('button', { name: /提交/ }).isDisabled()).resolves.toBe(true);
    expect(await leadOf(a)).toBeNull();
    expect(await leadOf(b)).toBeNull();

    await panel.getByLabel('选择要上传的文件（.xlsx 或 .csv）').setInputFiles(
      await sheet('good.xlsx', [
        [a, DEPARTMENT_NAME, '市工信局'],
        [b, DEPARTMENT_SHORT, ''],
      ]),
    );
    await panel.getByText('共 2 行：更新 2，未变 0，错误 0').waitFor();
    await panel.getByRole('button', { name: /提交/ }).click();
    await panel.getByText('已导入：更新 2 项目标的分工。').waitFor();
    expect(await leadOf(a)).toBe(DEPARTMENT);
    expect(await leadOf(b)).toBe(DEPARTMENT);
    const detailA = (await api<TargetDetailResponse>(`/targets/${a}`)).item;
    expect(detailA.supportingDepartments).toEqual(['gxj']);
    expect(detailA.supportingNames).toEqual(['市工业和信息化局']);
    // The target page names its lead and its supporter, each a link to the department's page.
    await page.goto(`/targets/${a}`);
    const facts = page.getByRole('definition');
    await facts.getByRole('link', { name: DEPARTMENT_NAME }).waitFor();
    await facts.getByRole('link', { name: '市工业和信息化局' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the lead department’s reporter sees exactly those targets; a report moves the department page and the ranking', async () => {
    const before = await api<DepartmentViewResponse>(`/departments/${DEPARTMENT}`);
    expect(before.lead.map((t) => t.id).sort()).toEqual(TARGETS.map((t) => t.id).sort());
    const rankBefore = (await api<RankingsResponse>('/rankings')).rows.find((r) => r.key === DEPARTMENT);
    expect(rankBefore).toMatchObject({ judged: 2, good: 0 });

    const { context, page, errors } = await newPage();
    await signIn(page, REPORTER, REPORTER_PASSWORD, '/report');
    await page.getByRole('heading', { level: 1, name: '进度填报' }).waitFor();
    const mine = page.getByRole('navigation', { name: '我负责的目标' });
    await mine.getByRole('link').first().waitFor();
    const titles = (await mine.getByRole('link').allTextContents()).map((s) => s.trim());
    expect(titles).toHaveLength(2);
    for (const t of before.lead) expect(titles.some((x) => x.includes(t.title))).toBe(true);

    // The department page before the report: both targets behind, none on pace.
    await page.goto(`/departments/${DEPARTMENT}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(DEPARTMENT_NAME) }).waitFor();
    for (const t of before.lead) await page.getByRole('link', { name: t.title }).first().waitFor();

    // A figure well ahead of the pace (60 % of a three-year target at the end of its first year).
    const target = before.lead.find((t) => t.id === TARGETS[0]?.id);
    if (!target?.target) throw new Error('no target figure');
    await page.goto('/report');
    await mine.getByRole('link', { name: new RegExp(target.title) }).click();
    const form = page.getByRole('form', { name: '填报本期进度' });
    await form.getByLabel('本期数值').fill(String(Math.round(target.target * 0.6)));
    await form.getByLabel('截至日期').fill('2025-12-26');
    await form.getByRole('button', { name: '保存填报' }).click();
    await form.getByText(/已保存：截至/).waitFor();

    const after = await api<DepartmentViewResponse>(`/departments/${DEPARTMENT}`);
    expect(after.lead.find((t) => t.id === target.id)?.state.status).toBe('on_track');
    const rankAfter = (await api<RankingsResponse>('/rankings')).rows.find((r) => r.key === DEPARTMENT);
    expect(rankAfter).toMatchObject({ judged: 2, good: 1, share: 0.5 });

    // What a person reads: the department page counts one on pace, the league table 1 of 2, 50%.
    await page.goto(`/departments/${DEPARTMENT}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(DEPARTMENT_NAME) }).waitFor();
    await page
      .getByText(/正常\s*1/)
      .first()
      .waitFor();
    await page.goto('/rankings');
    const row = page.getByRole('row', { name: new RegExp(DEPARTMENT_NAME) });
    await row.waitFor();
    const cells = (await row.getByRole('cell').allTextContents()).map((s) => s.trim());
    expect(cells).toEqual(expect.arrayContaining(['2', '1', '50%']));
    expect(errors).toEqual([]);
    await context.close();
  });
});
