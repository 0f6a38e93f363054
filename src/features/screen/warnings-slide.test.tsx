import { QueryClient } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import { type SummaryResponse, summaryResponseSchema } from '../../domain/api';
import { renderInProviders, setupMockApi } from '../../test/render-app';
import { WarningsSlide } from './warnings-slide';

setupMockApi();

const PROBLEMS = '土地指标未下达，两个项目停工待批；<b>施工许可</b>仍在办理，预计下月…';

/** The test database's warnings, as the summary sends them, the first with its department's 存在问题. */
async function warnings(): Promise<SummaryResponse['warnings']> {
  const res = await fetch(`${window.location.origin}/api/v1/summary?asOf=2025-11-03`);
  const summary = summaryResponseSchema.parse(await res.json());
  const [first, ...rest] = summary.warnings;
  if (!first || rest.length === 0) throw new Error('fixture: the summary needs several warnings');
  return [{ ...first, problems: PROBLEMS }, ...rest.map(({ problems: _, ...w }) => w)];
}

function renderSlide(items: SummaryResponse['warnings']) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderInProviders(<WarningsSlide warnings={items} />, { queryClient, now: () => new Date() });
}

describe('the wall’s warning slide', () => {
  it('shows the 存在问题 of a warned target on one line under it, the whole short form in its title', async () => {
    const items = await warnings();
    renderSlide(items);
    const rows = screen.getAllByRole('listitem');
    expect(rows).toHaveLength(items.length);
    const first = rows[0] as HTMLElement;
    expect(within(first).getByRole('heading', { level: 3 })).toHaveTextContent(items[0]?.title ?? '');
    const line = within(first).getByText('存在问题').parentElement as HTMLElement;
    expect(line).toHaveTextContent(`存在问题${PROBLEMS}`);
    expect(line).toHaveAttribute('title', PROBLEMS);
    // Text as typed: the markup in it is not markup.
    expect(first.querySelector('b')).toBeNull();
    // A warned target whose report says nothing has no line, rather than an empty one.
    for (const row of rows.slice(1)) expect(within(row).queryByText('存在问题')).toBeNull();
  });
});
