import { screen, waitFor, within } from '@testing-library/react';
import type { DepartmentViewResponse } from '../../domain/department-api';
import { renderApp, setupMockApi } from '../../test/render-app';

const { server, write } = setupMockApi();
const base = () => `${window.location.origin}/api/v1`;

const paramsOf = (link: HTMLElement) => new URL(link.getAttribute('href') ?? '', window.location.origin).searchParams;

afterEach(() => server.events.removeAllListeners());

describe('a department’s page: the 含待审核 switch', () => {
  it('marks its target’s figure waiting for review 初报 with the switch on, and keeps the switch on its links', async () => {
    const d = (await (await fetch(`${base()}/departments/gxj`)).json()) as DepartmentViewResponse;
    const led = d.lead.find((x) => x.planId === 'qd-2025' && x.kind !== 'milestone' && x.state.latest?.value != null);
    if (!led) throw new Error('the department leads a reported target of the city plan');
    write.signInAs('admin');
    const { csrfToken } = (await (await fetch(`${base()}/session`)).json()) as { csrfToken: string };
    const saved = await fetch(`${base()}/targets/${led.id}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ asOf: '2025-12-29', value: (led.state.latest?.value ?? 0) + 1 }),
    });
    expect(saved.status).toBe(201);

    const asked: (string | null)[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/departments/gxj')) asked.push(url.searchParams.get('includePending'));
    });
    const { user } = renderApp('/departments/gxj');
    await screen.findByRole('table', { name: '牵头和配合的目标' }, { timeout: 15_000 });
    const rowOf = (title: string) =>
      within(screen.getByRole('table', { name: '牵头和配合的目标' }))
        .getByRole('link', { name: title })
        .closest('tr') as HTMLElement;
    expect(within(rowOf(led.title)).queryByText('初报')).not.toBeInTheDocument();
    expect(asked).toEqual([null]);

    await user.click(screen.getByRole('checkbox', { name: '含待审核' }));
    await waitFor(() => expect(asked).toContain('1'));
    expect(await within(rowOf(led.title)).findByText('初报')).toBeInTheDocument();
    expect(screen.getByText('含待审核数据：标“初报”的数值尚未经审核')).toBeInTheDocument();
    expect(paramsOf(within(rowOf(led.title)).getByRole('link', { name: led.title })).get('includePending')).toBe('1');
    const crumbs = screen.getByRole('navigation', { name: '当前位置' });
    for (const link of within(crumbs).getAllByRole('link')) expect(paramsOf(link).get('includePending')).toBe('1');
  });
});
