import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import { targetDetailResponseSchema } from '../../../domain/target-api';

/**
 * The target's detail (with every report, corrections included): the history the form checks a new
 * figure against. Same key as the target view, so a save refreshes both.
 */
export const targetHistoryQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.target({ id, asOf: undefined }),
    queryFn: ({ signal }) => request('GET /targets/:id', targetDetailResponseSchema, { path: { id }, signal }),
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1].id === id ? keepPreviousData(previous) : undefined,
  });

export const useTargetHistory = (id: string | null) =>
  useQuery({ ...targetHistoryQueryOptions(id ?? ''), enabled: id !== null });
