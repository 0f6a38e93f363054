import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Department, departmentsResponseSchema } from '../domain/departments';
import { request } from './client';
import { queryKeys } from './query-keys';

/** The department registry: the names behind the ids that targets, users and reports carry. */
export const getDepartments = (signal?: AbortSignal) =>
  request('GET /departments', departmentsResponseSchema, { signal });

export const departmentsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.registry(),
    queryFn: ({ signal }) => getDepartments(signal),
    // Renames are rare (机构改革): the names may be a few minutes old.
    staleTime: 10 * 60_000,
  });

export const useDepartments = () => useQuery(departmentsQueryOptions());

/**
 * A department's name by its id, from the registry once it has arrived; until then (or for an id the
 * registry lacks) the id itself, so nothing shows blank.
 */
export function useDepartmentNames(): (id: string) => string {
  const registry = useDepartments();
  const byId = new Map<string, Department>((registry.data?.items ?? []).map((d) => [d.id, d]));
  return (id) => byId.get(id)?.name ?? id;
}
