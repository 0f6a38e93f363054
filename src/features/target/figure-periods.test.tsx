import { screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import type { TargetDetailResponse } from '../../domain/target-api';
import { renderApp, setupMockApi } from '../../test/render-app';

const { server } = setupMockApi();

async function detail(id: string): Promise<TargetDetailResponse> {
  return (await (await fetch(`${window.location.origin}/api/v1/targets/${id}`)).json()) as TargetDetailResponse;
}

/** Answers the target's detail with `body` (the server's, changed by the test). */
function serve(id: string, body: TargetDetailResponse) {
  server.use(http.get(`${window.location.origin}/api/v1/targets/${id}`, () => HttpResponse.json(body)));
}

describe('a figure’s date as its source gives it (issue 21)', () => {
  it('shows a figure of 1—11月 as 1—11月, in the summary and in the history, not as a day', async () => {
    const id = 'qd-new-urban-jobs';
    const body = await detail(id);
    const { item } = body;
    const latest = item.reports.findLast((r) => !r.superseded && r.asOf === item.state.latest?.asOf);
    if (!latest || !item.state.latest) throw new Error('the demo target has a figure');
    // The newest figure becomes a published figure of 1—11月, dated at the span's end.
    const reports = item.reports.map((r) =>
      r.id === latest.id ? { ...r, asOf: '2025-11-30', period: { precision: 'ytd-month' as const } } : r,
    );
    const state = { ...item.state, judgedAt: '2025-11-30', latest: { ...item.state.latest, asOf: '2025-11-30' } };
    serve(id, { ...body, item: { ...item, reports, state } });
    renderApp(`/targets/${id}`);
    const summary = await screen.findByRole('region', { name: '进度' }, { timeout: 4_000 });
    expect(summary).toHaveTextContent('截至 2025年1—11月');
    expect(summary).not.toHaveTextContent('2025年11月30日');
    const history = screen.getByRole('table', { name: '填报记录' });
    expect(within(history).getByText('2025年1—11月')).toBeInTheDocument();
  });

  it('marks a stage date the source does not give as an estimate', async () => {
    const id = 'qd-guanlu-reservoir';
    const body = await detail(id);
    const { item } = body;
    expect(item.stages.map((s) => s.name)).toEqual(['建成主体工程', '开建配套工程']);
    expect(item.stages.map((s) => s.estimated ?? false)).toEqual([true, false]);
    // Nothing done yet, so both nodes show their dates.
    const reports = item.reports.map((r) => ({ ...r, stagesDone: 0 }));
    const latest = item.state.latest && { ...item.state.latest, stagesDone: 0 };
    serve(id, { ...body, item: { ...item, reports, state: { ...item.state, latest } } });
    renderApp(`/targets/${id}`);
    const stages = (await screen.findByRole('heading', { name: '节点' }, { timeout: 4_000 })).closest('section');
    if (!stages) throw new Error('the milestone lists its stages');
    const [first, second] = within(stages).getAllByRole('listitem');
    expect(first).toHaveTextContent('建成主体工程');
    expect(first).toHaveTextContent('预计 2025年6月30日（文件未定此日期）');
    expect(second).toHaveTextContent('计划 2025年12月31日');
    expect(second).not.toHaveTextContent('预计');
  });
});
