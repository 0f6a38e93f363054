import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SummaryResponse } from '../../domain/api';
import { renderApp, setupMockApi } from '../../test/render-app';
import { parseScreenConfig } from './screen-config';

const { server, write } = setupMockApi();
const base = () => `${window.location.origin}/api/v1`;

async function summary(query = ''): Promise<SummaryResponse> {
  return (await fetch(`${base()}/summary${query}`)).json() as Promise<SummaryResponse>;
}

afterEach(() => server.events.removeAllListeners());

describe('the wall with 含待审核 (includePending=1)', () => {
  it('reads the switch from its bookmark, off unless asked for', () => {
    const parse = (q: string) => parseScreenConfig(new URLSearchParams(q)).includePending;
    expect(parse('')).toBeUndefined();
    expect(parse('includePending=0')).toBeUndefined();
    expect(parse('includePending=yes')).toBeUndefined();
    expect(parse('includePending=1')).toBe(true);
    expect(parse('rotate=30&includePending=true')).toBe(true);
  });

  it('asks for the pending figures, says 含初报 in its header and marks the figure 初报', async () => {
    const warning = (await summary()).warnings.find(
      (w) => w.planId === 'qd-2025' && w.kind !== 'milestone' && w.state.latest?.value != null,
    );
    if (!warning) throw new Error('the city plan has a lagging target with a figure');
    write.signInAs('admin');
    const { csrfToken } = (await (await fetch(`${base()}/session`)).json()) as { csrfToken: string };
    const saved = await fetch(`${base()}/targets/${warning.id}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      // The same figure three days on: still behind its pace, so still among the warnings.
      body: JSON.stringify({ asOf: '2025-12-29', value: warning.state.latest?.value }),
    });
    expect(saved.status).toBe(201);
    const pending = await summary('?includePending=1');
    const shown = pending.warnings.slice(0, 8).find((w) => w.id === warning.id);
    expect(shown?.state.latest?.provisional).toBe(true);

    const asked: (string | null)[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/summary')) asked.push(url.searchParams.get('includePending'));
    });
    renderApp('/screen?includePending=1&sectors=marine&rotate=600');
    expect(await screen.findByText('含初报')).toBeInTheDocument();
    await screen.findByRole('article', { name: '城镇新增就业35万人以上' }, { timeout: 15_000 });
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((v) => v === '1')).toBe(true);
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('进度预警');
    const title = await screen.findByRole('heading', { level: 3, name: warning.title });
    const row = title.closest('li') as HTMLElement;
    expect(within(row).getByText('初报')).toBeInTheDocument();
  });

  it('shows approved figures only, and says nothing, without the switch', async () => {
    const asked: (string | null)[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/summary')) asked.push(url.searchParams.get('includePending'));
    });
    renderApp('/screen?sectors=marine&rotate=600');
    await screen.findByRole('article', { name: '城镇新增就业35万人以上' }, { timeout: 15_000 });
    await waitFor(() => expect(asked.length).toBeGreaterThan(0));
    expect(asked.every((v) => v === null)).toBe(true);
    expect(screen.queryByText('含初报')).not.toBeInTheDocument();
  });
});
