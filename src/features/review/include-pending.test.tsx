import { screen, waitFor, within } from '@testing-library/react';
import type { TargetsResponse, TargetWithStateDto } from '../../domain/api';
import { renderApp, setupMockApi } from '../../test/render-app';

const { server, write } = setupMockApi();
const base = () => `${window.location.origin}/api/v1`;

async function cityTarget(): Promise<TargetWithStateDto> {
  const list = (await (await fetch(`${base()}/targets?plan=qd-2025`)).json()) as TargetsResponse;
  const item = list.items.find((i) => i.kind !== 'milestone' && i.state.latest?.value != null);
  if (!item) throw new Error('the city plan has reported targets');
  return item;
}

/** On the city plan (approval on) the report waits for review. */
async function reportPending(item: TargetWithStateDto): Promise<void> {
  write.signInAs('admin');
  const { csrfToken } = (await (await fetch(`${base()}/session`)).json()) as { csrfToken: string };
  const saved = await fetch(`${base()}/targets/${item.id}/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify({ asOf: '2025-12-29', value: (item.state.latest?.value ?? 0) + 1 }),
  });
  expect(saved.status).toBe(201);
}

const paramsOf = (link: HTMLElement) => new URL(link.getAttribute('href') ?? '', window.location.origin).searchParams;

afterEach(() => server.events.removeAllListeners());

describe('weekly review: the 含待审核 switch', () => {
  it('asks for the meeting with pending figures and exports exactly that', async () => {
    const asked: (string | null)[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/review')) asked.push(url.searchParams.get('includePending'));
    });
    const { user } = renderApp('/review?plan=qd-2025');
    // The first meeting the server computes in this file: it may take a while.
    await screen.findByRole('region', { name: '各领域进展' }, { timeout: 15_000 });
    expect(paramsOf(screen.getByRole('link', { name: '导出 Excel' })).get('includePending')).toBeNull();
    expect(paramsOf(screen.getByRole('link', { name: '导出 CSV' })).get('includePending')).toBeNull();
    expect(asked.every((v) => v === null)).toBe(true);

    const toolbar = screen.getByRole('region', { name: '会议设置' });
    await user.click(within(toolbar).getByRole('checkbox', { name: '含待审核' }));
    await waitFor(() => expect(asked).toContain('1'), { timeout: 15_000 });
    expect(await screen.findByText('含待审核数据：标“初报”的数值尚未经审核')).toBeInTheDocument();
    await waitFor(() =>
      expect(paramsOf(screen.getByRole('link', { name: '导出 Excel' })).get('includePending')).toBe('1'),
    );
    const csv = paramsOf(screen.getByRole('link', { name: '导出 CSV' }));
    expect(csv.get('includePending')).toBe('1');
    expect(csv.get('plan')).toBe('qd-2025');
    // The targets the meeting names open with the same figures.
    await waitFor(() => {
      const targets = screen.getAllByRole('link').filter((a) => a.getAttribute('href')?.startsWith('/targets/'));
      expect(targets.length).toBeGreaterThan(0);
      for (const link of targets) expect(paramsOf(link).get('includePending')).toBe('1');
    });
  });

  it('marks a figure waiting for review 初报 in the meeting’s tables, only with the switch on', async () => {
    const item = await cityTarget();
    await reportPending(item);
    const { unmount } = renderApp('/review?plan=qd-2025');
    await screen.findByRole('region', { name: '各领域进展' }, { timeout: 15_000 });
    await screen.findAllByRole('link', { name: item.title });
    expect(screen.queryByText('初报')).not.toBeInTheDocument();
    unmount();

    renderApp('/review?plan=qd-2025&includePending=1');
    const links = await screen.findAllByRole('link', { name: item.title }, { timeout: 15_000 });
    expect(
      within(screen.getByRole('region', { name: '会议设置' })).getByRole('checkbox', { name: '含待审核' }),
    ).toBeChecked();
    for (const link of links) {
      expect(within(link.parentElement as HTMLElement).getByText('初报')).toBeInTheDocument();
      expect(paramsOf(link).get('includePending')).toBe('1');
    }
  });
});
