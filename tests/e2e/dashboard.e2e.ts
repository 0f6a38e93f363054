import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SummaryResponse, TargetsResponse } from '../../src/domain/api';
import { gapText } from '../../src/domain/figures';
import { formatPercent, formatQuantity } from '../../src/domain/format';
import type { ProjectDetailResponse } from '../../src/domain/projects-api';
import type { TargetDetailResponse } from '../../src/domain/target-api';
import { api, axeViolations, launchBrowser, newPage } from './harness';

/**
 * The desk dashboard against the real server (built client, fresh PGlite database): the numbers on
 * screen are the API's, the drill-down works by clicking, and axe finds nothing on any route.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: { colorScheme?: 'light' | 'dark'; width?: number; height?: number } = {}) {
  const { context, page } = await newPage(browser, options);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(path);
  return { context, page, errors };
}

const ariaNow = (progress: number | null) => String(Math.round(Math.max(0, Math.min(1, progress ?? 0)) * 1000) / 10);

describe('desk dashboard', () => {
  it('drills down overview → sector → target → project, showing the API’s numbers', async () => {
    const summary = await api<SummaryResponse>('/summary');
    const { context, page, errors } = await open('/');

    // Overview: headline tiles and sector bars.
    await page.getByRole('heading', { level: 1, name: '总览' }).waitFor();
    const headlines = page.getByRole('region', { name: '重点指标' });
    for (const h of summary.headlines) {
      const tile = headlines.getByRole('article', { name: h.target.title, exact: true });
      await expect(tile.textContent()).resolves.toContain(
        formatQuantity(h.target.state.latest?.value ?? null, h.target.unit),
      );
    }
    const sectors = page.getByRole('region', { name: '十大领域进度' });
    for (const s of summary.sectors) {
      const bar = sectors.getByRole('progressbar', { name: `${s.name}进度` });
      expect(await bar.getAttribute('aria-valuenow')).toBe(ariaNow(s.progress));
    }

    // Sector: click the second sector's row.
    const sector = summary.sectors[1];
    if (!sector) throw new Error('ten sectors');
    await sectors.getByRole('link', { name: sector.name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: sector.name }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/sectors/${sector.id}`);
    const targets = await api<TargetsResponse>(`/targets?sector=${sector.id}`);
    await page
      .getByRole('table')
      .getByRole('link', { name: targets.items[0]?.title ?? '', exact: true })
      .first()
      .waitFor();
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(targets.items.length + 1);

    // Target: the one that counts key projects, reached from the demand sector.
    await page.goBack();
    await page
      .getByRole('region', { name: '十大领域进度' })
      .getByRole('link', { name: '扩大内需', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: '扩大内需' }).waitFor();
    const detail = await api<TargetDetailResponse>('/targets/qd-key-projects');
    await page.getByRole('link', { name: detail.item.title, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: detail.item.title }).waitFor();
    const summaryCard = page.getByRole('region', { name: '进度', exact: true });
    await expect(summaryCard.textContent()).resolves.toContain(
      formatQuantity(detail.item.state.latest?.value ?? null, detail.item.unit),
    );
    await expect(summaryCard.textContent()).resolves.toContain(gapText(detail.item, detail.item.state));
    const bar = summaryCard.getByRole('progressbar');
    expect(await bar.getAttribute('aria-valuetext')).toContain(formatPercent(detail.item.state.progress));
    await page
      .getByRole('figure', { name: `进度趋势：${detail.item.title}` })
      .locator('svg.recharts-surface')
      .first()
      .waitFor();
    await expect(page.getByRole('region', { name: '目标出处' }).textContent()).resolves.toContain(
      detail.item.source.quote,
    );

    // Project: the first key project in the target's list.
    const project = detail.item.projects[0];
    if (!project) throw new Error('the key-projects target lists projects');
    await page.getByRole('region', { name: '关联重点项目' }).getByRole('link', { name: project.name }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(project.name.replace(/[()（）]/g, '.')) }).waitFor();
    const projectDetail = await api<ProjectDetailResponse>(`/projects/${project.id}`);
    await expect(page.getByRole('main').textContent()).resolves.toContain(
      formatQuantity(projectDetail.item.totalInvestment, '亿元'),
    );

    // Back and forward work through the whole path.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: detail.item.title }).waitFor();
    await page.goForward();
    await page.getByRole('region', { name: '计入目标' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens deep links, including unknown ids as a 404 view', async () => {
    const { context, page } = await open('/sectors/innovation?status=severe');
    await page.getByRole('heading', { level: 1, name: '科技创新' }).waitFor();
    expect(await page.getByRole('combobox', { name: '状态' }).inputValue()).toBe('severe');
    await page.goto('/targets/does-not-exist');
    await page.getByText('目标“does-not-exist”不存在').waitFor();
    await page.goto('/some/unknown/path');
    await page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();
    await context.close();
  });

  const routes = [
    '/',
    '/sectors/demand',
    '/targets/qd-key-projects',
    '/targets/qd-dongjiakou-wulian-railway',
    '/projects',
    '/nope',
  ];
  for (const theme of ['light', 'dark'] as const) {
    it(`axe finds no WCAG 2.1 AA violations on any route (${theme})`, async () => {
      const { context, page } = await open('/', { colorScheme: theme });
      const projects = await api<{ items: { id: string }[] }>('/projects?pageSize=1');
      const all = [...routes, `/projects/${projects.items[0]?.id ?? 'x'}`];
      const found: Record<string, unknown> = {};
      for (const route of all) {
        await page.goto(route);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        const v = await axeViolations(page);
        if (v.length > 0) found[route] = v;
      }
      expect(found).toEqual({});
      await context.close();
    });
  }
});
