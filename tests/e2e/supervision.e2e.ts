import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '../../src/domain/dates';
import type { ReviewResponse } from '../../src/domain/review-api';
import type { SupervisionListResponse } from '../../src/domain/supervision-api';
import { launchBrowser, serverApi, signInAt } from './harness';
import { type RunningServer, startServer } from './server-process';

/**
 * 督办事项 (issue 24), on a server of its own: at the weekly meeting of D the city's target office
 * records a decision on a lagging target for its lead department; that department's reporter finds
 * it on their page, reports progress and closes it with a note; the meeting a week later reads it as
 * 已办结 with the note.
 */
const ADMIN_PASSWORD = 'e2e admin password 2026';
const REVIEWER = { username: 'rev-sv', name: '督办端到端审核员', password: 'e2e supervision reviewer password' };
const REPORTER = { username: 'rep-sv', name: '督办端到端填报员', password: 'e2e supervision reporter password' };
/** A Monday meeting of the demo year, with lagging targets. */
const MEETING = '2025-11-03';
const NEXT_MEETING = addDays(MEETING, 7);
/** Today in Qingdao on the server's (real) clock: the closing below happens today. */
const TODAY = shanghaiDate(new Date());
const DECISION = '两周内拿出追赶方案，报市政府分管领导';
const NOTE = '追赶方案已报市政府，按周调度落实';

let srv: RunningServer;
let browser: Browser;
let target: { id: string; title: string; department: string; departmentName: string };

const { call, session, get: api } = serverApi(() => srv.url);

beforeAll(async () => {
  srv = await startServer({ env: { ADMIN_USERNAME: 'admin', ADMIN_PASSWORD } });
  browser = await launchBrowser();
  // The meeting's first lagging target with a lead department: the decision is for that department.
  const review = await api<ReviewResponse>(`/review?asOf=${MEETING}`);
  const laggard = review.laggards
    .filter((l) => l.status === 'lagging' || l.status === 'severe')
    .map((l) => review.targets.find((t) => t.id === l.id))
    .find((t) => t?.department && t.departmentName);
  if (!laggard?.department || !laggard.departmentName)
    throw new Error(`no lagging target led by a department at ${MEETING}`);
  target = {
    id: laggard.id,
    title: laggard.title,
    department: laggard.department,
    departmentName: laggard.departmentName,
  };
  const admin = await session('admin', ADMIN_PASSWORD);
  for (const [u, role, extra] of [
    [REVIEWER, 'reviewer', { plans: ['qd-2025'] }],
    [REPORTER, 'reporter', { departments: [target.department] }],
  ] as const) {
    const res = await call(
      'POST',
      '/admin/users',
      { username: u.username, displayName: u.name, password: u.password, role, ...extra },
      admin,
    );
    expect(res.status, await res.clone().text()).toBe(201);
  }
});

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

async function newPage(width = 1366): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: srv.url,
    viewport: { width, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** Whether the page scrolls sideways (it must not, down to a 390 px phone). */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

describe('督办事项: decided at the meeting, closed by the department, read at the next meeting', () => {
  it('a reviewer adds one on a lagging target; its reporter closes it; the next review shows 已办结 with the note', async () => {
    // The meeting of D: 新增督办 on the target's row, the lead department prefilled.
    const rev = await newPage();
    await signInAt(rev.page, REVIEWER, `/review?asOf=${MEETING}`);
    await rev.page.getByRole('heading', { level: 1, name: '周调度会' }).waitFor();
    const laggards = rev.page.getByRole('region', { name: '滞后目标所需进度' });
    await laggards.getByRole('button', { name: `新增督办：${target.title}` }).click();
    const form = rev.page.getByRole('form', { name: '新增督办事项' });
    await form.waitFor();
    await form.getByText(`关联目标：${target.title}`).waitFor();
    expect(await form.getByLabel('牵头单位').inputValue()).toBe(target.department);
    expect(await form.getByLabel('办结期限').inputValue()).toBe(NEXT_MEETING);
    // Nothing typed: refused, in Chinese, and nothing saved.
    await form.getByRole('button', { name: '保存督办事项' }).click();
    await form.getByRole('alert').getByText('请填写督办事项').first().waitFor();
    expect((await api<SupervisionListResponse>('/supervision')).items).toHaveLength(0);
    await form.getByLabel('督办事项').fill(DECISION);
    const axe = await new AxeBuilder({ page: rev.page })
      .include('.sv-review')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await form.getByRole('button', { name: '保存督办事项' }).click();
    const section = rev.page.getByRole('region', { name: '督办事项', exact: true });
    await section.getByRole('status').getByText(`已新增督办事项：${DECISION}`).waitFor();
    const week = section.getByRole('region', { name: '本周到期（1 项）' });
    await week.getByRole('heading', { name: DECISION }).waitFor();
    await expect.poll(() => rev.page.evaluate(() => document.activeElement?.textContent)).toBe(DECISION);
    const [saved] = (await api<SupervisionListResponse>(`/supervision?asOf=${MEETING}`)).items;
    expect(saved).toMatchObject({
      title: DECISION,
      targetId: target.id,
      leadDepartment: target.department,
      meetingDate: MEETING,
      dueDate: NEXT_MEETING,
      status: 'open',
      createdByName: REVIEWER.name,
    });
    expect(rev.errors).toEqual([]);
    await rev.context.close();

    // The lead department's reporter, on a phone: the item on their page (overdue by now), 办结 with a note.
    const rep = await newPage(390);
    await signInAt(rep.page, REPORTER, '/report');
    await rep.page.getByRole('heading', { level: 1, name: '进度填报' }).waitFor();
    const mine = rep.page.getByRole('region', { name: '本单位督办事项' });
    const item = mine.getByRole('article', { name: DECISION });
    await item.getByText('⚑ 逾期').waitFor();
    await item.getByText(target.departmentName).waitFor();
    expect(await scrollsSideways(rep.page)).toBe(false);
    await item.getByRole('button', { name: `办结：${DECISION}` }).click();
    const close = mine.getByRole('form', { name: `办结：${DECISION}` });
    await close.getByRole('button', { name: '确认办结' }).click();
    await close.getByText('请填写办结说明').waitFor();
    expect(await close.getByLabel('办结说明').evaluate((el) => el === document.activeElement)).toBe(true);
    await close.getByLabel('办结说明').fill(NOTE);
    await close.getByRole('button', { name: '确认办结' }).click();
    await mine.getByRole('status').getByText(`已办结：${DECISION}`).waitFor();
    await item.getByText('✓ 已办结').waitFor();
    await item.getByText(new RegExp(`${REPORTER.name} 于 .* 办结`)).waitFor();
    expect(await scrollsSideways(rep.page)).toBe(false);
    expect(rep.errors).toEqual([]);
    await rep.context.close();

    // The next meeting (today's, the server's clock: an item closed today reads as 已办结 from today
    // on, not at a meeting before it): 已办结 with the note and who closed it.
    const next = await newPage();
    await next.page.goto(`/review?asOf=${TODAY}`);
    const read = next.page.getByRole('region', { name: '督办事项', exact: true });
    const done = read.getByRole('region', { name: '已办结（1 项）' });
    const closed = done.getByRole('article', { name: DECISION });
    await closed.getByText('✓ 已办结').waitFor();
    await closed.getByText(`办结说明：${NOTE}`).waitFor();
    await closed.getByText(new RegExp(`${REPORTER.name} 于`)).waitFor();
    await closed.getByRole('link', { name: target.title }).waitFor();
    // Read only: no 新增督办 for a visitor.
    expect(await next.page.getByRole('button', { name: /新增督办/ }).count()).toBe(0);
    // The brief of the same meeting, as Word, beside the Excel export.
    const word = next.page.getByRole('link', { name: '下载督查通报（Word）' });
    expect(await word.getAttribute('href')).toContain(`/api/v1/review.docx?asOf=${TODAY}`);
    expect(next.errors).toEqual([]);
    await next.context.close();
  });

  it('the wall shows the overdue items on their own slide when asked (supervision=1)', async () => {
    const admin = await session('admin', ADMIN_PASSWORD);
    const res = await call(
      'POST',
      '/supervision',
      {
        title: '逾期督办：大屏展示测试',
        leadDepartment: target.department,
        dueDate: '2025-12-01',
        meetingDate: '2025-11-24',
      },
      admin,
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const wall = await browser.newContext({
      baseURL: srv.url,
      viewport: { width: 1920, height: 1080 },
      locale: 'zh-CN',
    });
    const page = await wall.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/screen?sectors=marine&supervision=1&rotate=600');
    await page.getByText('1 / 4').waitFor();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.getByText('4 / 4').waitFor();
    const slide = page.getByRole('region', { name: /逾期 1 项/ });
    await slide.getByText('逾期督办：大屏展示测试').waitFor();
    await slide.getByText(/⚑ 已逾期 \d+ 天/).waitFor();
    await slide.getByText(target.departmentName).waitFor();
    expect(errors).toEqual([]);
    await wall.close();
  });
});
