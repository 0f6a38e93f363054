import { screen, waitFor, within } from '@testing-library/react';
import type { TargetsResponse, TargetWithStateDto } from '../../domain/api';
import { renderApp, setupMockApi } from '../../test/render-app';

const { server, write } = setupMockApi();
const base = () => `${window.location.origin}/api/v1`;

/** A target of the city plan (approval on) with a reported figure: its next report waits for review. */
async function cityTarget(): Promise<TargetWithStateDto> {
  const list = (await (await fetch(`${base()}/targets?plan=qd-2025`)).json()) as TargetsResponse;
  const item = list.items.find((i) => i.kind !== 'milestone' && i.state.latest?.value != null);
  if (!item) throw new Error('the city plan has reported targets');
  return item;
}

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

const rowOf = (title: string) => screen.getByRole('link', { name: title }).closest('tr') as HTMLElement;
const paramOf = (link: HTMLElement) =>
  new URL(link.getAttribute('href') ?? '', window.location.origin).searchParams.get('includePending');

afterEach(() => server.events.removeAllListeners());

describe('sector view: the 含待审核 switch', () => {
  it('marks the figure waiting for review 初报 beside it, only with the switch on', async () => {
    const item = await cityTarget();
    await reportPending(item);
    const { unmount } = renderApp(`/sectors/${item.sectorId}`);
    await screen.findByRole('table');
    expect(within(rowOf(item.title)).queryByText('初报')).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: '含待审核' })).not.toBeChecked();
    unmount();

    renderApp(`/sectors/${item.sectorId}?includePending=1`);
    await screen.findByRole('table');
    const row = rowOf(item.title);
    expect(await within(row).findByText('初报')).toBeInTheDocument();
    // Only the figure that waits: the other rows' figures are approved ones.
    expect(screen.getAllByText('初报')).toHaveLength(1);
    expect(screen.getByText('含待审核数据：标“初报”的数值尚未经审核')).toBeInTheDocument();
    expect(paramOf(within(row).getByRole('link', { name: item.title }))).toBe('1');
    const crumbs = screen.getByRole('navigation', { name: '当前位置' });
    expect(paramOf(within(crumbs).getByRole('link', { name: '总览' }))).toBe('1');
  });

  it('asks for the pending figures when switched on, by keyboard, and stops when switched off', async () => {
    const asked: (string | null)[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/targets') && url.searchParams.get('sector') === 'demand')
        asked.push(url.searchParams.get('includePending'));
    });
    const { user } = renderApp('/sectors/demand?asOf=2025-12-19');
    await screen.findByRole('table');
    expect(asked).toEqual([null]);
    const box = screen.getByRole('checkbox', { name: '含待审核' });
    box.focus();
    await user.keyboard(' ');
    expect(box).toBeChecked();
    await waitFor(() => expect(asked).toContain('1'));
    const first = within(screen.getByRole('table')).getAllByRole('link')[0] as HTMLElement;
    await waitFor(() => expect(paramOf(first)).toBe('1'));
    // The as-of date travels with it.
    expect(new URL(first.getAttribute('href') ?? '', window.location.origin).searchParams.get('asOf')).toBe(
      '2025-12-19',
    );
    await user.keyboard(' ');
    expect(box).not.toBeChecked();
    await waitFor(() =>
      expect(paramOf(within(screen.getByRole('table')).getAllByRole('link')[0] as HTMLElement)).toBeNull(),
    );
  });
});
