import { screen, within } from '@testing-library/react';
import type { TestUsername } from '../../../mock/fixtures';
import { paths } from '../../domain/paths';
import type { ProgressReport } from '../../domain/schemas';
import type { TargetDetailResponse } from '../../domain/target-api';
import type { MyTargetsResponse } from '../../domain/write-api';
import { renderApp, setupMockApi } from '../../test/render-app';

const { write } = setupMockApi();
const base = `${window.location.origin}/api/v1`;

async function signedIn(username: TestUsername): Promise<string> {
  write.signInAs(username);
  const { csrfToken } = (await (await fetch(`${base}/session`)).json()) as { csrfToken: string };
  return csrfToken;
}

async function post(path: string, csrf: string, body: unknown): Promise<ProgressReport> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return ((await res.json()) as { item: ProgressReport }).item;
}

const detail = async (id: string) =>
  ((await (await fetch(`${base}/targets/${id}`)).json()) as TargetDetailResponse).item;

/**
 * The reporter (市工信局) reports with a narrative on a target of the city plan, which wants review;
 * the administrator returns it with a reason; the reporter revises it (a correction of it, waiting
 * for review again).
 */
async function returnedAndRevised() {
  const rep = await signedIn('rep');
  const mine = (await (await fetch(`${base}/my/targets`)).json()) as MyTargetsResponse;
  const target = mine.items.find((t) => t.planId === 'qd-2025' && t.kind === 'cumulative');
  if (!target) throw new Error('the reporter leads a cumulative target of the city plan');
  const before = await detail(target.id);
  const used = new Set(before.reports.map((r) => r.asOf));
  const asOf = ['2025-12-29', '2025-12-28', '2025-12-27', '2025-12-26'].find((d) => !used.has(d));
  const value = (before.state.latest?.value ?? 0) + 1;
  const first = await post(`/targets/${target.id}/reports`, rep, {
    asOf,
    value: value + 5,
    confirmReason: '审核测试',
    narrative: { problems: '原因待查' },
  });
  await post(`/reports/${first.id}/return`, await signedIn('admin'), { reason: '数值与统计口径不一致，请核对' });
  const revision = await post(`/reports/${first.id}/corrections`, await signedIn('rep'), {
    value,
    reason: '按统计口径修改',
    confirmReason: '审核测试',
    narrative: {
      progress: `完成技术中心认定 2 家。${'组织企业申报材料审核，'.repeat(12)}`,
      problems: '土地指标审批滞后',
      nextSteps: '周五前报市政府协调',
      coordination: '需市自然资源局加快用地审批',
    },
  });
  return { target, first, revision };
}

describe('the target page’s history of versions', () => {
  it('shows a returned report with its reason, struck through, and the revision that replaced it, waiting for review', async () => {
    const { target, first, revision } = await returnedAndRevised();
    renderApp(`/targets/${target.id}`);
    const history = await screen.findByRole('table', { name: '填报记录' }, { timeout: 5_000 });
    const rowOf = (r: ProgressReport) =>
      within(history)
        .getAllByRole('row')
        .find((row) =>
          row.textContent?.includes(r.note === '' ? (r.narrative?.problems ?? '') : r.note),
        ) as HTMLElement;
    const returned = rowOf(first);
    expect(returned).toHaveTextContent('退回');
    expect(returned).toHaveTextContent('系统管理员');
    expect(returned).toHaveTextContent('退回理由：数值与统计口径不一致，请核对');
    expect(within(returned).getByText('已修改')).toBeInTheDocument();
    expect(returned.querySelector('del')).not.toBeNull();
    const revised = rowOf(revision);
    expect(within(revised).getByText('修改')).toBeInTheDocument();
    expect(revised).toHaveTextContent('修改被退回的版本');
    expect(revised).toHaveTextContent('待审核');
    expect(revised).toHaveTextContent('审核通过后计入看板');
    expect(revised).toHaveTextContent('更正原因：按统计口径修改');
    // 填报人 by name, never the login.
    expect(within(revised).getByText('填报员甲')).toBeInTheDocument();
    // A long narrative folds away behind its summary, keyboard operable (a native disclosure).
    const fold = within(revised).getByText('情况说明（4 项）');
    expect(fold.tagName).toBe('SUMMARY');
    expect(revised).toHaveTextContent('需市自然资源局加快用地审批');

    // The board does not count the revision yet: the panel says it waits rather than showing it.
    const latest = screen.getByRole('region', { name: '最新情况说明' });
    expect(latest).toHaveAttribute('id', 'narrative');
    expect(latest).not.toHaveTextContent('土地指标审批滞后');
    expect(latest).toHaveTextContent(/的填报（填报员甲）待审核，审核通过后在此显示/);
  }, 60_000);

  it('shows the latest narrative once approved, with its date and who, at #narrative; pending ones with 含待审核', async () => {
    const { target, revision } = await returnedAndRevised();
    const pending = renderApp(`${paths.target(target.id, { includePending: true, hash: 'narrative' })}`);
    let latest = await screen.findByRole('region', { name: '最新情况说明' }, { timeout: 5_000 });
    expect(latest).toHaveTextContent('土地指标审批滞后');
    expect(within(latest).getByText('初报')).toBeInTheDocument();
    pending.unmount();

    await post(`/reports/${revision.id}/approve`, await signedIn('admin'), {});
    renderApp(paths.target(target.id, { hash: 'narrative' }));
    latest = await screen.findByRole('region', { name: '最新情况说明' }, { timeout: 5_000 });
    for (const [label, text] of [
      ['进展情况', '组织企业申报材料审核'],
      ['存在问题', '土地指标审批滞后'],
      ['下步措施', '周五前报市政府协调'],
      ['需协调事项', '需市自然资源局加快用地审批'],
    ] as const)
      expect(within(latest).getByText(label).nextElementSibling).toHaveTextContent(text);
    expect(latest).toHaveTextContent(/截至 .* 的填报 · 填报人 填报员甲 · 提交于/);
    expect(within(latest).queryByText('初报')).toBeNull();
    expect(within(latest).queryByText('演示')).toBeNull();
    // Linked to it, the page opens there.
    await new Promise((r) => setTimeout(r, 100));
    expect(latest).toHaveFocus();
    const history = screen.getByRole('table', { name: '填报记录' });
    expect(history).toHaveTextContent('已审核');
  }, 60_000);

  it('marks the latest narrative 演示 when the report it comes from is generated demo data', async () => {
    const detail = (await (await fetch(`${base}/targets/ls-childcare-points`)).json()) as TargetDetailResponse;
    const withWords = detail.item.reports
      .filter((r) => r.narrative && !r.superseded)
      .sort((a, b) => b.asOf.localeCompare(a.asOf))[0];
    expect(withWords?.demo).toBe(true);
    renderApp(paths.target('ls-childcare-points'));
    const latest = await screen.findByRole('region', { name: '最新情况说明' }, { timeout: 5_000 });
    const meta = latest.querySelector('.latest-narrative__meta');
    expect(meta).not.toBeNull();
    expect(within(meta as HTMLElement).getByText('演示')).toHaveAttribute('title');
  }, 60_000);
});
