import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlansResponse, TargetsResponse } from '../../src/domain/api';
import { addDays, shanghaiDate } from '../../src/domain/dates';
import { formatDate, formatQuantity } from '../../src/domain/format';
import type { Status } from '../../src/domain/schemas';
import type { TargetDetailResponse } from '../../src/domain/target-api';
import { zhCN } from '../../src/i18n/zh-cn';
import { launchBrowser } from './harness';
import { type RunningServer, startServer } from './server-process';

/**
 * Progress reporting end to end, on a server of its own (the shared one has no accounts): an admin
 * creates a reporter and gives a department a target through the API; the reporter signs in,
 * reports, sees the board change, then imports the template with one bad row, fixes it and commits.
 */
const ADMIN_PASSWORD = 'e2e admin password 2026';
const REPORTER = 'rep-e2e';
const REPORTER_PASSWORD = 'e2e reporter password';
/** A department of the registry, created by the admin for the test. */
const DEPARTMENT = 'e2e-test';
const DEPARTMENT_NAME = '端到端测试局';
// The test's own targets, copies of two of the catalog's 2027 industry sizes that run from 2025 to
// 2027 (open on whatever day this test runs; the catalog's own are the revenue of 2027 alone), each
// with a figure of 12-19 that an admin reports before the tests, marked demo like every invented value.
const FORM_TARGET = 'e2e-next-gen-it';
const IMPORT_TARGET = 'e2e-smart-appliances';
const COPIES = [
  { id: FORM_TARGET, from: 'ind-next-gen-it-scale', figure: 1800 },
  { id: IMPORT_TARGET, from: 'ind-smart-appliances-scale', figure: 3900 },
];

let srv: RunningServer;
let browser: Browser;
let adminCookie = '';
let adminCsrf = '';
const shots = process.env.E2E_SHOTS_DIR ?? mkdtempSync(path.join(tmpdir(), 'report-e2e-'));

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

const detail = async (id: string) =>
  (await (await fetch(`${srv.url}/api/v1/targets/${id}`)).json()) as TargetDetailResponse;

beforeAll(async () => {
  srv = await startServer({ env: { ADMIN_USERNAME: 'admin', ADMIN_PASSWORD } });
  browser = await launchBrowser();
  const signIn = await call('POST', '/session', { username: 'admin', password: ADMIN_PASSWORD });
  expect(signIn.status).toBe(200);
  adminCookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  adminCsrf = ((await signIn.json()) as { csrfToken: string }).csrfToken;
  const dept = await call('POST', '/admin/departments', { id: DEPARTMENT, name: DEPARTMENT_NAME, kind: 'other' });
  expect(dept.status).toBe(201);
  const created = await call('POST', '/admin/users', {
    username: REPORTER,
    displayName: '端到端填报员',
    password: REPORTER_PASSWORD,
    role: 'reporter',
    departments: [DEPARTMENT],
  });
  expect(created.status).toBe(201);
  for (const copy of COPIES) {
    const { state: _state, ...original } = (await detail(copy.from)).item;
    const created = await call('POST', '/admin/targets', {
      ...original,
      id: copy.id,
      title: `${original.title}（端到端测试）`,
      department: DEPARTMENT,
      kind: 'cumulative',
      periodStart: '2025-01-01',
      deadline: '2027-12-31',
      headline: null,
      demo: true,
    });
    expect(created.status).toBe(201);
    const figure = await call('POST', `/targets/${copy.id}/reports`, { asOf: '2025-12-19', value: copy.figure });
    expect(figure.status).toBe(201);
  }
});

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

async function reporterPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: srv.url,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

async function signInThroughUi(page: Page, next: string) {
  await page.goto(next);
  await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  await page.getByLabel('用户名').fill(REPORTER);
  await page.getByLabel('密码').fill('not the password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('用户名或密码不正确').waitFor();
  await page.getByLabel('密码').fill(REPORTER_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

/** "225 项目标 · 已完成 82 · 正常 82 · 滞后 23 …", as a person reads it: the count per status word (0 when left out). */
async function statusCountsOnOverview(page: Page): Promise<{ total: number; counts: Record<Status, number> }> {
  const line = page.getByRole('navigation', { name: zhCN.overview.byStatus });
  await line.waitFor();
  const parts = ((await line.textContent()) ?? '').split('·').map((p) => p.trim());
  const number = (s: string) => Number(s.replace(/,/g, ''));
  const total = number(/^([\d,]+)\s*项目标$/.exec(parts[0] ?? '')?.[1] ?? 'NaN');
  const counts = Object.fromEntries(Object.keys(zhCN.status).map((s) => [s, 0])) as Record<Status, number>;
  for (const part of parts.slice(1)) {
    const m = /^(\S+)\s*([\d,]+)$/.exec(part);
    const status = (Object.keys(zhCN.status) as Status[]).find((s) => zhCN.status[s] === m?.[1]);
    if (!m || !status) throw new Error(`unreadable count "${part}" in "${parts.join(' · ')}"`);
    counts[status] = number(m[2] ?? '');
  }
  return { total, counts };
}

// Runs first: it needs the demo's default date (the newest figure, 12-26) before anyone reports.
describe('one figure dated after everyone else’s (issue 18)', () => {
  it('a reporter saves a figure dated 12-31 and the other targets’ status counts on the overview do not jump', async () => {
    const NEW_DATE = '2025-12-31';
    const api = async <T>(p: string) => (await (await fetch(`${srv.url}/api/v1${p}`)).json()) as T;
    const before = await api<TargetsResponse>('/targets');
    expect(before.asOf).toBe('2025-12-26');
    // Targets whose latest figure is fresh at 12-26 and older than their plan's cycle at 12-31: they
    // honestly become 未填报. None on the demo (its figures are dated 12-26, 12-19 and ≤ 09-26).
    const cycles = new Map((await api<PlansResponse>('/plans')).items.map((p) => [p.id, p.thresholds.cycleDays]));
    const age = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
    const goneStale = before.items.filter((t) => {
      const latest = t.state.latest?.asOf;
      const cycle = cycles.get(t.planId) ?? 14;
      const by = (d: string) => (d < t.deadline ? d : t.deadline);
      return (
        t.id !== FORM_TARGET &&
        latest !== undefined &&
        !['achieved', 'no_data', 'missed', 'not_started'].includes(t.state.status) &&
        age(latest, by(before.asOf)) <= cycle &&
        age(latest, by(NEW_DATE)) > cycle
      );
    });
    expect(goneStale.map((t) => t.id)).toEqual([]);

    const { context, page, errors } = await reporterPage();
    await page.goto('/');
    await page
      .getByText(`数据截至 ${formatDate(before.asOf)}`)
      .first()
      .waitFor();
    const shown = await statusCountsOnOverview(page);

    await signInThroughUi(page, '/report');
    await page.getByRole('heading', { level: 1, name: '进度填报' }).waitFor();
    const reportedBefore = before.items.find((t) => t.id === FORM_TARGET);
    if (!reportedBefore?.state.latest?.value) throw new Error(`${FORM_TARGET} has no figure on the demo`);
    await page
      .getByRole('navigation', { name: '我负责的目标' })
      .getByRole('link', { name: new RegExp(reportedBefore.title) })
      .click();
    const form = page.getByRole('form', { name: '填报本期进度' });
    await form.getByLabel('本期数值').fill(String(reportedBefore.state.latest.value + 7));
    await form.getByLabel('截至日期').fill(NEW_DATE);
    await form.getByRole('button', { name: '保存填报' }).click();
    await form.getByText(/已保存：截至/).waitFor();

    await page.goto('/');
    await page
      .getByText(`数据截至 ${formatDate(NEW_DATE)}`)
      .first()
      .waitFor();
    const after = await statusCountsOnOverview(page);
    const reportedAfter = (await detail(FORM_TARGET)).item;
    expect(reportedAfter.state.judgedAt).toBe(NEW_DATE);

    // Before, minus the reported target's old status and the stale ones', plus their new statuses.
    const expected = { ...shown.counts };
    const shift = (from: Status, to: Status) => {
      expected[from] -= 1;
      expected[to] += 1;
    };
    shift(reportedBefore.state.status, reportedAfter.state.status);
    for (const t of goneStale) shift(t.state.status, 'no_data');
    expect(after.total).toBe(shown.total);
    expect(after.counts).toEqual(expected);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('progress reporting', () => {
  it('a reporter signs in, submits a report, and the board shows the new progress and status', async () => {
    const before = await detail(FORM_TARGET);
    const today = shanghaiDate(new Date());
    const { context, page, errors } = await reporterPage();
    await signInThroughUi(page, '/report');
    await page.getByRole('heading', { level: 1, name: '进度填报' }).waitFor();
    await page.getByText('已登录：端到端填报员').waitFor();

    const list = page.getByRole('navigation', { name: '我负责的目标' });
    await list.getByRole('link', { name: new RegExp(before.item.title) }).click();
    const form = page.getByRole('form', { name: '填报本期进度' });
    await form.waitFor();
    // A future date is refused before anything is sent.
    await form.getByLabel('本期数值').fill('2000');
    await form.getByLabel('截至日期').fill(addDays(today, 3));
    await form.getByRole('button', { name: '保存填报' }).click();
    await form
      .getByRole('alert')
      .getByText(/截至日期不能晚于今天/)
      .waitFor();
    await form.getByLabel('截至日期').fill(today);
    const preview = form.getByRole('region', { name: '保存后的进度' });
    await preview
      .getByText(/完成率/)
      .first()
      .waitFor();
    const previewText = await preview.textContent();
    await page.screenshot({ path: path.join(shots, 'report-1440x900.png') });
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await form.getByLabel('说明').fill('端到端测试');
    await form.getByRole('button', { name: '保存填报' }).click();
    await form.getByText(/已保存：截至/).waitFor();

    const after = await detail(FORM_TARGET);
    expect(after.item.state.latest?.value).toBe(2000);
    expect(after.item.state.latest?.asOf).toBe(today);
    // 2000亿元 is the target (达到): whatever the board said before, it now says achieved.
    expect(before.item.state.status).not.toBe('achieved');
    expect(after.item.state.status).toBe('achieved');
    expect(after.item.reports.at(-1)).toMatchObject({ reportedBy: REPORTER, note: '端到端测试', value: 2000 });
    // The preview said before saving what the board now says.
    expect(previewText).toContain((await import('../../src/domain/format')).formatPercent(after.item.state.progress));

    await form.getByRole('link', { name: '在看板中查看' }).click();
    await page.getByRole('heading', { level: 1, name: before.item.title }).waitFor();
    const summary = page.getByRole('region', { name: '进度', exact: true });
    await summary.getByText(formatQuantity(2000, after.item.unit)).first().waitFor();
    await page.locator('.page-header__meta').getByText('已完成', { exact: true }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('imports the template with one bad row, shows the row error, and commits the fixed file', async () => {
    const today = shanghaiDate(new Date());
    const yesterday = addDays(today, -1);
    const { context, page, errors } = await reporterPage();
    await signInThroughUi(page, '/report/import');
    await page.getByRole('heading', { level: 1, name: '批量导入' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载 Excel 模板' }).click(),
    ]);
    const templatePath = path.join(shots, 'template.xlsx');
    await download.saveAs(templatePath);
    expect(download.suggestedFilename()).toMatch(/^进度填报模板-.*\.xlsx$/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(templatePath);
    const ws = wb.getWorksheet('填报');
    if (!ws) throw new Error('no 填报 sheet');
    const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const col = (name: string) => header.indexOf(name);
    const rowOf = (id: string) => {
      // Found by its header, as the importer finds it (the id is the last column, not printed).
      const idCol = col('目标编号');
      for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(idCol).value === id) return ws.getRow(r);
      throw new Error(`template has no row for ${id}`);
    };
    expect(ws.rowCount).toBe(3); // header + the department's two targets
    const bad = rowOf(FORM_TARGET);
    const good = rowOf(IMPORT_TARGET);
    bad.getCell(col('本期数值')).value = '一千九百六';
    bad.getCell(col('截至日期')).value = yesterday;
    good.getCell(col('本期数值')).value = 4100;
    good.getCell(col('截至日期')).value = today;
    good.getCell(col('说明')).value = '批量导入';
    const badPath = path.join(shots, 'filled-bad.xlsx');
    await wb.xlsx.writeFile(badPath);

    const file = page.getByLabel('选择要上传的文件（.xlsx 或 .csv）');
    await file.setInputFiles(badPath);
    const alert = page.getByRole('alert');
    await alert.getByText(`第${bad.number}行 “本期数值”：不是数字`).waitFor();
    const commit = page.getByRole('button', { name: /提交导入/ });
    expect(await commit.isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(shots, 'import-error-1440x900.png') });

    bad.getCell(col('本期数值')).value = 1960;
    const fixedPath = path.join(shots, 'filled-fixed.xlsx');
    await wb.xlsx.writeFile(fixedPath);
    await file.setInputFiles(fixedPath);
    await page.getByText('没有发现错误。').waitFor();
    await page.getByRole('button', { name: '提交导入（2 条）' }).click();
    await page.getByText('已导入 2 条填报。').waitFor();

    const formTarget = await detail(FORM_TARGET);
    expect(formTarget.item.reports.some((r) => r.asOf === yesterday && r.value === 1960)).toBe(true);
    const importTarget = await detail(IMPORT_TARGET);
    expect(importTarget.item.reports.at(-1)).toMatchObject({
      asOf: today,
      value: 4100,
      note: '批量导入',
      reportedBy: REPORTER,
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an admin sees users and the audit log of what happened', async () => {
    const context = await browser.newContext({
      baseURL: srv.url,
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    await page.goto('/admin');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { level: 1, name: '系统管理' }).waitFor();
    const users = page.getByRole('table', { name: '用户列表' });
    await users.getByRole('cell', { name: REPORTER, exact: true }).waitFor();
    await page.screenshot({ path: path.join(shots, 'admin-1440x900.png') });
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.getByRole('navigation', { name: '管理功能' }).getByRole('link', { name: '审计日志' }).click();
    const audit = page.getByRole('table', { name: '审计日志' });
    await audit.getByRole('cell', { name: 'import.commit' }).first().waitFor();
    await audit.getByRole('cell', { name: 'report.create' }).first().waitFor();
    await page.screenshot({ path: path.join(shots, 'admin-audit-1440x900.png') });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^审计日志-.*\.csv$/);
    await context.close();
  });
});
