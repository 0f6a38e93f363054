import { behindBy, STATUS_SEVERITY } from '../../domain/aggregate';
import type { TargetWithStateDto } from '../../domain/api';
import { STATUSES } from '../../domain/schemas';
import { includePendingOf, oneOf, unknownFilterIn, useUrlState } from '../../stores/url-state';

export const SORT_KEYS = ['title', 'progress', 'gap', 'status', 'projection', 'latest'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
const KEYS = ['q', 'status', 'sub', 'sort', 'dir', 'plan', 'district', 'department', 'asOf', 'includePending'] as const;

/** The sector view's state, all in the URL: search, status, sub-section, sort. */
export function useSectorView() {
  const [raw, update] = useUrlState(KEYS);
  const view = {
    q: raw.q ?? '',
    status: oneOf(raw.status, STATUSES),
    sub: raw.sub,
    sort: oneOf(raw.sort, SORT_KEYS),
    dir: raw.dir === 'desc' ? ('desc' as const) : ('asc' as const),
    plan: raw.plan,
    district: raw.district,
    department: raw.department,
    asOf: raw.asOf,
    includePending: includePendingOf(raw.includePending),
    /** A status in the link that is none of the statuses (the other filters are checked by the API). */
    unknownStatus: unknownFilterIn('status', raw.status, STATUSES),
  };
  return [view, update] as const;
}

/** Nulls sort last whichever the direction: an unknown value is never "the best". */
function sortValue(t: TargetWithStateDto, key: SortKey): number | string | null {
  switch (key) {
    case 'title':
      return t.title;
    case 'progress':
      return t.state.progress;
    case 'gap':
      // A milestone without a pp gap sorts by its overdue days, beside the gaps it compares with.
      return t.state.latest === null ? null : behindBy(t.state);
    case 'status':
      return STATUS_SEVERITY[t.state.status];
    case 'projection':
      return t.state.projection?.progress ?? null;
    case 'latest':
      return t.state.latest?.asOf ?? null;
  }
}

export function filterAndSort(
  items: TargetWithStateDto[],
  view: {
    q: string;
    status?: string | undefined;
    sub?: string | undefined;
    sort?: SortKey | undefined;
    dir: 'asc' | 'desc';
  },
): TargetWithStateDto[] {
  const q = view.q.trim().toLowerCase();
  const rows = items.filter(
    (t) =>
      (!q || t.title.toLowerCase().includes(q)) &&
      (!view.status || t.state.status === view.status) &&
      (!view.sub || t.subsection === view.sub),
  );
  const { sort } = view;
  if (!sort) return rows;
  const sign = view.dir === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort);
    const y = sortValue(b, sort);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const c = typeof x === 'string' ? x.localeCompare(String(y), 'zh-CN') : x - (y as number);
    return sign * c;
  });
}
