import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { queryKeys, type TargetParams } from '../../../api/query-keys';
import { targetDetailResponseSchema } from '../../../domain/target-api';
import { takeInlineTarget } from '../inline-target';

export const getTarget = ({ id, ...query }: TargetParams, signal?: AbortSignal) =>
  request('GET /targets/:id', targetDetailResponseSchema, { path: { id }, query, signal });

export const targetQueryOptions = (params: TargetParams) =>
  queryOptions({
    queryKey: queryKeys.target(params),
    queryFn: ({ signal }) => getTarget(params, signal),
    // Keep the previous as-of date's view while another loads, but never another target's.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1].id === params.id ? keepPreviousData(previous) : undefined,
  });

/** The page's query; its first answer may have come with the page's HTML (inline-target.ts). */
export const useTarget = (params: TargetParams) =>
  useQuery({
    ...targetQueryOptions(params),
    // Read when the query is first made (a cache hit never reads it): the answer is as new as the page.
    initialData: () => takeInlineTarget(params),
    initialDataUpdatedAt: () => Date.now(),
  });
