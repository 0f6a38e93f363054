import { screen, waitFor, within } from '@testing-library/react';
import type { SummaryResponse } from '../../domain/api';
import type { TargetDetailResponse } from '../../domain/target-api';
import { renderApp, setupMockApi } from '../../test/render-app';

const { server, write } = setupMockApi();
const base = () => `${window.location.origin}/api/v1`;

async function summary(query = ''): Promise<SummaryResponse> {
  return (await fetch(`${base()}/summary${query}`)).json() as Promise<SummaryResponse>;
}

/** A report on the city plan (qd-2025, approval on) waits for review, whoever sends it. */
async function reportPending(id: string): Promise<void> {
  const before = (await (await fetch(`${base()}/targets/${id}`)).json()) as TargetDetailResponse;
  write.signInAs('admin');
  const { csrfToken } = (await (await fetch(`${base()}/session`)).json()) as { csrfToken: string };
  const saved = await fetch(`${base()}/targets/${id}/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify({ asOf: '2025-12-29', value: (before.item.state.latest?.value ?? 0) + 1 }),
  });
  expect(saved.status).toBe(201);
  expect(((await saved.json()) as { item: { approval?: { state: string } } }).item.approval?.state).toBe('pending');
}

/** The summary requests the page made, by their `includePending`. */
function recordSummaries() {
  const asked: (string | null)[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/summary')) asked.push(url.searchParams.get('includePending'));
  });
  return asked;
}

afterEach(() => server.events.removeAllListeners());

describe('overview: the 含待审核 switch', () => {
  it('puts the switch in the URL, asks for pending figures and carries the switch on every link', async () => {
    const asked = recordSummaries();
    const { user } = renderApp('/');
    const box = await screen.findByRole('checkbox', { name: '含待审核' });
    expect(box).not.toBeChecked();
    await screen.findByRole('region', { name: '十大领域进度' });
    expect(asked.every((v) => v === null)).toBe(true);
    expect(screen.queryByText('含待审核数据：标“初报”的数值尚未经审核')).not.toBeInTheDocument();

    await user.click(box);
    expect(box).toBeChecked();
    await waitFor(() => expect(asked).toContain('1'));
    expect(await screen.findByText('含待审核数据：标“初报”的数值尚未经审核')).toBeInTheDocument();
    // Every link to another view keeps the switch, as it keeps the as-of date.
    const sectors = screen.getByRole('region', { name: '十大领域进度' });
    const sector = within(sectors).getByRole('link', { name: '扩大内需' });
    expect(new URL(sector.getAttribute('href') ?? '', window.location.origin).searchParams.get('includePending')).toBe(
      '1',
    );
    const warnings = screen.getByRole('region', { name: '进度预警' });
    for (const link of within(warnings).getAllByRole('link')) {
      expect(link.getAttribute('href')).toMatch(/[?&]includePending=1(&|$)/);
    }
    const tiles = screen.getByRole('region', { name: '重点指标' });
    for (const link of within(tiles).getAllByRole('link')) {
      expect(link.getAttribute('href')).toMatch(/[?&]includePending=1(&|$)/);
    }

    await user.click(box);
    expect(box).not.toBeChecked();
    await waitFor(() =>
      expect(within(sectors).getByRole('link', { name: '扩大内需' })).toHaveAttribute('href', '/sectors/demand'),
    );
    expect(screen.queryByText('含待审核数据：标“初报”的数值尚未经审核')).not.toBeInTheDocument();
  });

  it('opens switched on from a link, and marks a figure waiting for review 初报 only then', async () => {
    const approved = await summary();
    const tile = approved.headlines.find((h) => h.target.planId === 'qd-2025' && h.target.kind !== 'milestone');
    if (!tile) throw new Error('the city plan has headline targets');
    await reportPending(tile.target.id);
    // Without the switch the board is unchanged: the figure is not counted, nothing is marked.
    expect((await summary()).headlines.find((h) => h.key === tile.key)?.target.state.latest).toEqual(
      tile.target.state.latest,
    );
    const { unmount } = renderApp('/');
    const off = await screen.findByRole('article', { name: tile.target.title });
    expect(within(off).queryByText('初报')).not.toBeInTheDocument();
    unmount();

    renderApp('/?includePending=1');
    expect(await screen.findByRole('checkbox', { name: '含待审核' })).toBeChecked();
    expect(screen.getByText('含待审核数据：标“初报”的数值尚未经审核')).toBeInTheDocument();
    const on = await screen.findByRole('article', { name: tile.target.title });
    expect(await within(on).findByText('初报')).toHaveAttribute('title', '初报：尚未经审核的数值');
  });
});
