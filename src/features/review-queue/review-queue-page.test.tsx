import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import type { TestUsername } from '../../../mock/fixtures';
import type { ProgressReport } from '../../domain/schemas';
import type { TargetDetailResponse } from '../../domain/target-api';
import type { MyTargetsResponse } from '../../domain/write-api';
import { useUiStore } from '../../stores/ui-store';
import { withNodeUploads } from '../../test/node-uploads';
import { renderApp, setupMockApi } from '../../test/render-app';

const { write, server } = setupMockApi();
withNodeUploads();
const base = `${window.location.origin}/api/v1`;
const HAN = /[\u4e00-\u9fff]/;

/** Signs `username` in and gives the session's CSRF token. */
async function signedIn(username: string): Promise<string> {
  write.signInAs(username as TestUsername);
  const { csrfToken } = (await (await fetch(`${base}/session`)).json()) as { csrfToken: string };
  return csrfToken;
}

async function post(path: string, csrf: string, body: unknown): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    body: JSON.stringify(body),
  });
}

/** A reviewer of the whole city plan (the city's target office), created by the administrator. */
async function createCityReviewer(): Promise<void> {
  const res = await post('/admin/users', await signedIn('admin'), {
    username: 'rev-city',
    displayName: '市目标办审核员',
    password: 'long enough password',
    role: 'reviewer',
    departments: [],
    plans: ['qd-2025'],
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

/**
 * The reporter (市工信局) reports on one of their targets in the city plan, which wants review: the
 * report waits (待审核). Its date is one the target has no report for yet.
 */
async function reportAsReporter(): Promise<{ report: ProgressReport; title: string }> {
  const csrf = await signedIn('rep');
  const mine = (await (await fetch(`${base}/my/targets`)).json()) as MyTargetsResponse;
  const target = mine.items.find((t) => t.planId === 'qd-2025' && t.kind === 'cumulative');
  if (!target) throw new Error('the reporter leads a cumulative target of the city plan');
  const detail = ((await (await fetch(`${base}/targets/${target.id}`)).json()) as TargetDetailResponse).item;
  const used = new Set(detail.reports.map((r) => r.asOf));
  const asOf = ['2025-12-29', '2025-12-28', '2025-12-27', '2025-12-26'].find((d) => !used.has(d));
  const res = await post(`/targets/${target.id}/reports`, csrf, {
    asOf,
    value: (detail.state.latest?.value ?? 0) + 1,
    confirmReason: '审核测试',
    narrative: { problems: '土地指标审批滞后', nextSteps: '周五前报市政府协调' },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return { report: ((await res.json()) as { item: ProgressReport }).item, title: target.title };
}

async function approvalOfReport(r: ProgressReport) {
  const detail = ((await (await fetch(`${base}/targets/${r.targetId}`)).json()) as TargetDetailResponse).item;
  return detail.reports.find((x) => x.id === r.id)?.approval;
}

describe('the reviewer’s queue', () => {
  it('shows a waiting report beside the board’s figure, with its narrative; approving it removes it', async () => {
    await createCityReviewer();
    const { report, title } = await reportAsReporter();
    await signedIn('rev-city');
    const { user } = renderApp('/review-queue');
    const list = await screen.findByRole('list', { name: '待审核的填报列表' }, { timeout: 5_000 });
    expect(screen.getByText(/审核范围：.*（全部）/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: /待审核 1 条/ })).toBeInTheDocument();
    const item = within(list).getByRole('article', { name: title });
    expect(within(item).getByRole('link', { name: title })).toHaveAttribute('href', `/targets/${report.targetId}`);
    // Who reported it, by name, never the login; the figure beside the one approved before, and the pace.
    expect(item).toHaveTextContent('填报员甲');
    expect(item).toHaveTextContent('市工业和信息化局');
    for (const words of ['本次填报', '上次已审核', '变化', '完成率', '应完成率', '差距', '通过后状态'])
      expect(within(item).getByText(words)).toBeInTheDocument();
    expect(within(item).getByText('存在问题')).toBeInTheDocument();
    expect(item).toHaveTextContent('土地指标审批滞后');
    expect(within(item).queryByText('需协调事项')).toBeNull();
    // The nav shows the queue to a reviewer.
    expect(
      within(screen.getByRole('navigation', { name: '主导航' })).getByRole('link', { name: '审核' }),
    ).toHaveAttribute('href', '/review-queue');

    await user.click(within(item).getByRole('button', { name: `通过：${title}（截至 ${formatAsOf(report.asOf)}）` }));
    expect(
      await screen.findByText(`已通过：${title}（截至 ${formatAsOf(report.asOf)}）。`, {}, { timeout: 5_000 }),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('article', { name: title })).toBeNull());
    expect(screen.getByRole('heading', { level: 2, name: '没有待审核的填报。' })).toHaveFocus();
    expect(await approvalOfReport(report)).toMatchObject({ state: 'approved', by: 'rev-city' });
  }, 60_000);

  it('returns a report only with a reason, which the reporter will read', async () => {
    await createCityReviewer();
    const { report, title } = await reportAsReporter();
    await signedIn('rev-city');
    const sent: string[] = [];
    const record = ({ request }: { request: Request }) => {
      if (request.method === 'POST') sent.push(new URL(request.url).pathname);
    };
    server.events.on('request:start', record);
    try {
      const { user } = renderApp('/review-queue');
      const item = await screen.findByRole('article', { name: title }, { timeout: 5_000 });
      await user.click(within(item).getByRole('button', { name: `退回：${title}（截至 ${formatAsOf(report.asOf)}）` }));
      const reason = within(item).getByRole('textbox', { name: '退回理由' });
      expect(reason).toHaveFocus();
      await user.click(within(item).getByRole('button', { name: '确认退回' }));
      expect(within(item).getByText('请填写退回理由')).toBeInTheDocument();
      expect(reason).toHaveAttribute('aria-invalid', 'true');
      expect(reason).toHaveFocus();
      expect(sent).toEqual([]);
      // Esc closes the field; 退回 opens it again.
      await user.keyboard('{Escape}');
      expect(within(item).queryByRole('textbox', { name: '退回理由' })).toBeNull();
      await user.click(within(item).getByRole('button', { name: `退回：${title}（截至 ${formatAsOf(report.asOf)}）` }));
      await user.type(within(item).getByRole('textbox', { name: '退回理由' }), '数值与统计口径不一致，请核对');
      await user.click(within(item).getByRole('button', { name: '确认退回' }));
      expect(await screen.findByText(`已退回：${title}（截至 ${formatAsOf(report.asOf)}）。`)).toBeInTheDocument();
      await waitFor(() => expect(screen.queryByRole('article', { name: title })).toBeNull());
      expect(sent).toEqual([`/api/v1/reports/${report.id}/return`]);
      expect(await approvalOfReport(report)).toMatchObject({
        state: 'returned',
        by: 'rev-city',
        reason: '数值与统计口径不一致，请核对',
      });
    } finally {
      server.events.removeListener('request:start', record);
    }
  }, 60_000);

  it.each([
    ['zh-CN', '不能审核自己提交的填报，请由其他审核员审核'],
    ['en', 'You cannot review your own report: another reviewer must'],
  ] as const)(
    'says why a decision was refused (own_report), in %s',
    async (locale, words) => {
      await createCityReviewer();
      const { title } = await reportAsReporter();
      await signedIn('rev-city');
      server.use(
        http.post(`${window.location.origin}/api/v1/reports/:id/approve`, () =>
          HttpResponse.json(
            {
              type: 'about:blank',
              title: '无权操作',
              status: 403,
              detail: '不能审核自己提交的填报，请由其他审核员审核',
              code: 'own_report',
            },
            { status: 403 },
          ),
        ),
      );
      useUiStore.setState({ locale });
      const { user } = renderApp('/review-queue');
      const item = await screen.findByRole('article', { name: title }, { timeout: 5_000 });
      const approve = locale === 'en' ? /^Approve: / : /^通过：/;
      // English arrives a moment after the page (its own chunk).
      await user.click(await within(item).findByRole('button', { name: approve }));
      const alert = await within(item).findByRole('alert');
      expect(alert).toHaveTextContent(words);
      if (locale === 'en') expect(alert).not.toHaveTextContent(HAN);
      // The report stays in the queue: nothing was decided.
      expect(screen.getByRole('article', { name: title })).toBeInTheDocument();
    },
    60_000,
  );

  it('approves a whole import at once', async () => {
    await createCityReviewer();
    const csrf = await signedIn('rep');
    const mine = (await (await fetch(`${base}/my/targets`)).json()) as MyTargetsResponse;
    const targets = mine.items.filter((t) => t.planId === 'qd-2025' && t.kind === 'cumulative').slice(0, 2);
    expect(targets).toHaveLength(2);
    const rows: string[] = [];
    for (const t of targets) {
      const detail = ((await (await fetch(`${base}/targets/${t.id}`)).json()) as TargetDetailResponse).item;
      const used = new Set(detail.reports.map((r) => r.asOf));
      const asOf = ['2025-12-29', '2025-12-28', '2025-12-27'].find((d) => !used.has(d));
      rows.push(`${t.id},${(detail.state.latest?.value ?? 0) + 1},${asOf},导入审核测试`);
    }
    const form = new FormData();
    form.append(
      'file',
      new File([['目标编号,本期数值,截至日期,原因', ...rows].join('\n')], '十二月周报.csv', { type: 'text/csv' }),
    );
    const res = await fetch(`${base}/imports?mode=commit`, {
      method: 'POST',
      headers: { 'x-csrf-token': csrf },
      body: form,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    await signedIn('rev-city');
    const { user } = renderApp('/review-queue');
    const imports = await screen.findByRole('region', { name: '批量导入' }, { timeout: 5_000 });
    expect(within(imports).getByRole('heading', { name: '批量：十二月周报.csv（2 条）' })).toBeInTheDocument();
    expect(imports).toHaveTextContent('填报员甲 导入于');
    for (const t of targets)
      expect(screen.getByRole('article', { name: t.title })).toHaveTextContent('来自批量导入：十二月周报.csv');
    await user.click(within(imports).getByRole('button', { name: '全部通过：十二月周报.csv（2 条）' }));
    expect(await screen.findByText('已全部通过：十二月周报.csv（2 条）。', {}, { timeout: 5_000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('region', { name: '批量导入' })).toBeNull());
    for (const t of targets) expect(screen.queryByRole('article', { name: t.title })).toBeNull();
  }, 60_000);

  it('says so when nothing waits, and is for reviewers and administrators only', async () => {
    await createCityReviewer();
    await signedIn('rev-city');
    renderApp('/review-queue');
    expect(
      await screen.findByRole('heading', { level: 2, name: '没有待审核的填报。' }, { timeout: 5_000 }),
    ).toBeInTheDocument();
  });

  it('tells a reporter the page needs a reviewer', async () => {
    await signedIn('rep');
    renderApp('/review-queue');
    expect(
      await screen.findByRole('heading', { level: 1, name: '需要审核员权限' }, { timeout: 5_000 }),
    ).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: '主导航' })).queryByRole('link', { name: '审核' })).toBeNull();
  });

  it('shows what went wrong when the queue cannot be read', async () => {
    await createCityReviewer();
    await signedIn('rev-city');
    server.use(http.get(`${window.location.origin}/api/v1/review-queue`, () => HttpResponse.error()));
    renderApp('/review-queue');
    expect(await screen.findByRole('alert', {}, { timeout: 5_000 })).toHaveTextContent('无法连接到服务器');
  });
});

function formatAsOf(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
