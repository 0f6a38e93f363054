import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { behindBy } from '../../domain/aggregate';
import type { SummaryResponse, TargetsResponse } from '../../domain/api';
import { gapText } from '../../domain/figures';
import { formatQuantity } from '../../domain/format';
import type { Status } from '../../domain/schemas';
import { renderApp, setupMockApi } from '../../test/render-app';
import { wholeText } from '../../test/whole-text';

const { server } = setupMockApi();

async function get<T>(path: string): Promise<T> {
  return (await fetch(`${window.location.origin}/api/v1${path}`)).json() as Promise<T>;
}

/** The line's statuses as an official reads them out, in its order. */
const LINE: [Status, string][] = [
  ['achieved', '已完成'],
  ['on_track', '正常'],
  ['lagging', '滞后'],
  ['severe', '严重滞后'],
  ['missed', '未完成'],
  ['no_data', '未填报'],
  ['not_started', '未开始'],
];

const paramsOf = (link: HTMLElement) => new URL(link.getAttribute('href') ?? '', window.location.origin).searchParams;

describe('overview headline counts', () => {
  it('says in one line how many targets there are and how many are behind, each count a link', async () => {
    const { overall } = await get<SummaryResponse>('/summary');
    expect(overall.counts.lagging + overall.counts.severe).toBeGreaterThan(0);
    renderApp('/');
    const line = await screen.findByRole('navigation', { name: '按状态查看目标' });
    const said = LINE.filter(([s]) => overall.counts[s] > 0 || s === 'lagging' || s === 'severe');
    expect(line).toHaveTextContent(
      [`${overall.total} 项目标`, ...said.map(([s, label]) => `${label} ${overall.counts[s]}`)].join(' · '),
    );
    for (const [s, label] of said) {
      if (overall.counts[s] === 0) continue;
      expect(within(line).getByRole('link', { name: `${label} ${overall.counts[s]}` })).toHaveAttribute(
        'href',
        `/?status=${s}`,
      );
    }
    // A status with none is left out, except the two an official is asked about every week.
    for (const [s, label] of LINE) {
      if (overall.counts[s] === 0 && s !== 'lagging' && s !== 'severe') expect(line).not.toHaveTextContent(label);
    }
  });

  it('after every deadline in view, says the year’s result: 完成 n · 未完成 m, no "滞后 0"', async () => {
    const path = '/summary?plan=qd-2025&asOf=2026-01-15';
    const { overall } = await get<SummaryResponse>(path);
    // Every target of the city's 2025 plan is past its deadline: none is on pace or behind any more.
    expect(overall.counts.on_track + overall.counts.lagging + overall.counts.severe).toBe(0);
    expect(overall.counts.missed).toBeGreaterThan(0);
    renderApp('/?plan=qd-2025&asOf=2026-01-15');
    const line = await screen.findByRole('navigation', { name: '按状态查看目标' });
    expect(line).toHaveTextContent(`完成情况： ${overall.total} 项目标`);
    expect(line).toHaveTextContent(`已完成 ${overall.counts.achieved}`);
    expect(within(line).getByRole('link', { name: `未完成 ${overall.counts.missed}` })).toHaveAttribute(
      'href',
      '/?plan=qd-2025&status=missed&asOf=2026-01-15',
    );
    expect(line).not.toHaveTextContent('滞后');
  });

  it('keeps the filters on its links, so a count opens the same slice', async () => {
    renderApp('/?district=崂山区&asOf=2025-12-19');
    const line = await screen.findByRole('navigation', { name: '按状态查看目标' });
    const links = within(line).getAllByRole('link');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(paramsOf(link).get('district')).toBe('崂山区');
      expect(paramsOf(link).get('asOf')).toBe('2025-12-19');
    }
  });

  it('opens the lagging targets furthest behind first, each with value, target, gap and department', async () => {
    const { overall } = await get<SummaryResponse>('/summary');
    const lagging = await get<TargetsResponse>('/targets?status=lagging');
    // Furthest behind by the domain's one rule (a milestone by its overdue days).
    const worst = [...lagging.items].sort(
      (a, b) => behindBy(a.state) - behindBy(b.state) || a.id.localeCompare(b.id),
    )[0];
    if (!worst) throw new Error('the demo data has lagging targets');
    // A lead department from the registry, in the demo division of tasks: named, linked and marked.
    const withDepartment = { ...worst, department: 'fgw', departmentName: '市发展和改革委员会', divisionDemo: true };
    server.use(
      http.get(`${window.location.origin}/api/v1/targets`, ({ request }) =>
        new URL(request.url).searchParams.get('status') === 'lagging'
          ? HttpResponse.json({ ...lagging, items: lagging.items.map((i) => (i.id === worst.id ? withDepartment : i)) })
          : undefined,
      ),
    );
    const { user } = renderApp('/');
    const line = await screen.findByRole('navigation', { name: '按状态查看目标' });
    await user.click(within(line).getByRole('link', { name: `滞后 ${overall.counts.lagging}` }));
    const list = await screen.findByRole('region', { name: '状态为“滞后”的目标' });
    expect(list).toHaveTextContent(`共 ${overall.counts.lagging} 项，落后最多的在前`);
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(overall.counts.lagging);
    const first = rows[0] as HTMLElement;
    expect(within(first).getByRole('link', { name: worst.title })).toHaveAttribute('href', `/targets/${worst.id}`);
    if (worst.kind !== 'milestone') {
      expect(first).toHaveTextContent(
        `${formatQuantity(worst.state.latest?.value ?? null, worst.unit)} / 目标 ${formatQuantity(worst.target, worst.unit)}`,
      );
    }
    expect(first).toHaveTextContent(gapText(worst, worst.state));
    expect(within(first).getByRole('link', { name: '市发展和改革委员会' })).toHaveAttribute('href', '/departments/fgw');
    expect(first).toHaveTextContent('市发展和改革委员会演示分工');
    expect(within(line).getByRole('link', { name: `滞后 ${overall.counts.lagging}` })).toHaveAttribute(
      'aria-current',
      'true',
    );
  });

  it('lets the warnings panel open every lagging, severe and missed target', async () => {
    const { overall, warnings } = await get<SummaryResponse>('/summary');
    const all = overall.counts.lagging + overall.counts.severe + overall.counts.missed;
    expect(all).toBeGreaterThan(warnings.length);
    const { user } = renderApp('/');
    const panel = await screen.findByRole('region', { name: '进度预警' });
    // How many the list leaves out is said in its head too, which is printed (the link is not).
    expect(panel).toHaveTextContent(`落后序时进度最多的 ${warnings.length} 项（共 ${all} 项预警）`);
    const viewAll = within(panel).getByRole('link', { name: `查看全部 ${all} 项` });
    expect(paramsOf(viewAll).get('status')).toBe('lagging,severe,missed');
    await user.click(viewAll);
    const list = await screen.findByRole('region', { name: '状态为“滞后、严重滞后、未完成”的目标' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(all));
    // Worst status first: every severe (or missed) target before the first merely lagging one.
    const statuses = within(list)
      .getAllByRole('listitem')
      .map((li) =>
        li.textContent?.includes('严重滞后') ? 'severe' : li.textContent?.includes('未完成') ? 'missed' : 'lagging',
      );
    expect(statuses.indexOf('lagging')).toBeGreaterThanOrEqual(statuses.lastIndexOf('severe'));
    expect(screen.getByRole('combobox', { name: '状态' })).toHaveDisplayValue('全部预警');
  });

  it('links each sector’s status count to that sector’s list of those targets, furthest behind first', async () => {
    const { sectors } = await get<SummaryResponse>('/summary');
    const sector = sectors.find((s) => s.counts.lagging > 0);
    if (!sector) throw new Error('the demo data has a sector with lagging targets');
    const { user } = renderApp('/');
    const panel = await screen.findByRole('region', { name: '十大领域进度' });
    const link = within(panel).getByRole('link', { name: `${sector.name}：滞后 ${sector.counts.lagging} 项` });
    expect(link).toHaveAttribute('href', `/sectors/${sector.id}?status=lagging&sort=gap&dir=asc`);
    await user.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: sector.name })).toBeInTheDocument();
    const rows = await screen.findAllByRole('row');
    // The header row, then one row per lagging target.
    expect(rows).toHaveLength(sector.counts.lagging + 1);
  });
});

describe('overview data date', () => {
  it('says what date the data describes apart from when the page refreshed', async () => {
    renderApp('/');
    expect(await screen.findByText(wholeText('数据截至 2025年12月26日'))).toBeInTheDocument();
    expect(screen.getByText(/^页面刷新于 \d{2}:\d{2}$/)).toBeInTheDocument();
    expect(screen.queryByText(/未更新/)).not.toBeInTheDocument();
  });

  it('says in words how long the data has gone without an update once older than a reporting cycle', async () => {
    renderApp('/', { now: new Date('2026-12-04T02:30:00Z') });
    expect(await screen.findByText(wholeText('数据截至 2025年12月26日 · 已 343 天未更新'))).toBeInTheDocument();
    expect(screen.getByText(/^页面刷新于 \d{2}:\d{2}$/)).toBeInTheDocument();
  });
});
