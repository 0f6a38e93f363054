import { screen, within } from '@testing-library/react';
import type { TargetDetailResponse } from '../../domain/target-api';
import { renderApp, setupMockApi } from '../../test/render-app';

const { server, write } = setupMockApi();
const base = () => `${window.location.origin}/api/v1`;
const paramsOf = (link: HTMLElement) => new URL(link.getAttribute('href') ?? '', window.location.origin).searchParams;

afterEach(() => server.events.removeAllListeners());

describe('a target’s page with 含待审核 (includePending=1)', () => {
  it('shows the figure waiting for review marked 初报, and keeps the switch on its links', async () => {
    const id = 'qd-key-projects';
    const before = (await (await fetch(`${base()}/targets/${id}`)).json()) as TargetDetailResponse;
    const value = (before.item.state.latest?.value ?? 0) + 1;
    write.signInAs('admin');
    const { csrfToken } = (await (await fetch(`${base()}/session`)).json()) as { csrfToken: string };
    const saved = await fetch(`${base()}/targets/${id}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ asOf: '2025-12-29', value }),
    });
    expect(saved.status).toBe(201);
    const asked: (string | null)[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith(`/targets/${id}`)) asked.push(url.searchParams.get('includePending'));
    });

    const { unmount } = renderApp(`/targets/${id}`);
    const approved = await screen.findByRole('region', { name: '进度' }, { timeout: 15_000 });
    expect(within(approved).queryByText('初报')).not.toBeInTheDocument();
    unmount();

    renderApp(`/targets/${id}?includePending=1`);
    const summary = await screen.findByRole('region', { name: '进度' }, { timeout: 15_000 });
    const figure = within(summary).getByText('初报').closest('dd') as HTMLElement;
    expect(figure).toHaveTextContent(String(value));
    expect(asked).toEqual([null, '1']);
    expect(screen.getByText('含待审核数据：标“初报”的数值尚未经审核')).toBeInTheDocument();
    const crumbs = screen.getByRole('navigation', { name: '当前位置' });
    for (const link of within(crumbs).getAllByRole('link')) expect(paramsOf(link).get('includePending')).toBe('1');
  });
});
