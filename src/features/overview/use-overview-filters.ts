import { WARNING_STATUSES } from '../../domain/aggregate';
import type { UnknownFilter } from '../../domain/query';
import { STATUSES, type Status } from '../../domain/schemas';
import { includePendingOf, oneOf, unknownFilterIn, useUrlState } from '../../stores/url-state';

/** `status=lagging,severe,missed`: every target that raises a warning (the warnings list's "查看全部"). */
export const WARNING_FILTER = [...WARNING_STATUSES].join(',');

const KEYS = ['plan', 'district', 'department', 'status', 'asOf', 'compare', 'includePending'] as const;

export interface OverviewFilters {
  plan: string | undefined;
  district: string | undefined;
  department: string | undefined;
  /** The one status chosen, if one is. */
  status: Status | undefined;
  /** Every status chosen: the one, or all three of `WARNING_FILTER`. */
  statuses: Status[];
  asOf: string | undefined;
  /** ▲/▼ since last week; on unless `compare=0`. */
  compare: boolean;
  /** "含待审核": figures waiting for review count too, marked 初报 (`includePending=1`). */
  includePending: true | undefined;
  /** A status in the link that is none of the statuses (the other filters are checked by the API). */
  unknownStatus: UnknownFilter | null;
}

/** The overview's view state, read from and written to the URL so a link reproduces the view. */
export function useOverviewFilters() {
  const [raw, update] = useUrlState(KEYS);
  const status = oneOf(raw.status, STATUSES);
  const filters: OverviewFilters = {
    plan: raw.plan,
    district: raw.district,
    department: raw.department,
    status,
    statuses: raw.status === WARNING_FILTER ? [...WARNING_STATUSES] : status ? [status] : [],
    asOf: raw.asOf && /^\d{4}-\d{2}-\d{2}$/.test(raw.asOf) ? raw.asOf : undefined,
    compare: raw.compare !== '0',
    includePending: includePendingOf(raw.includePending),
    unknownStatus: raw.status === WARNING_FILTER ? null : unknownFilterIn('status', raw.status, STATUSES),
  };
  return [filters, update] as const;
}
