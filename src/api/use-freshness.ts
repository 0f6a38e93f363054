import { useRef } from 'react';

export interface Freshness {
  /** When the data on screen arrived (ms since epoch); 0 before the first success. */
  updatedAt: number;
  /** Failed refreshes since the data on screen arrived. */
  failures: number;
  refreshing: boolean;
  refresh: () => void;
}

/**
 * How fresh a query's data is. TanStack Query counts failures per fetch, not in a row, so the count
 * of errors since the last success is kept here.
 */
export function useFreshness(query: {
  dataUpdatedAt: number;
  errorUpdateCount: number;
  isError: boolean;
  isFetching: boolean;
  refetch: () => Promise<unknown>;
}): Freshness {
  const baseline = useRef({ at: query.dataUpdatedAt, errors: query.errorUpdateCount });
  if (baseline.current.at !== query.dataUpdatedAt) {
    baseline.current = { at: query.dataUpdatedAt, errors: query.errorUpdateCount };
  }
  const since = query.errorUpdateCount - baseline.current.errors;
  const failures = query.isError ? Math.max(1, since) : 0;
  return {
    updatedAt: query.dataUpdatedAt,
    failures,
    refreshing: query.isFetching,
    refresh: () => void query.refetch(),
  };
}
