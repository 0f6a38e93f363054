import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { targetsResponseSchema } from '../domain/api';
import { request } from './client';
import { queryKeys, type TargetsParams } from './query-keys';

export const getTargets = (query: TargetsParams, signal?: AbortSignal) =>
  request('GET /targets', targetsResponseSchema, { query, signal });

export const targetsQueryOptions = (params: TargetsParams) =>
  queryOptions({
    queryKey: queryKeys.targets(params),
    queryFn: ({ signal }) => getTargets(params, signal),
    placeholderData: keepPreviousData,
  });

export const useTargets = (params: TargetsParams) => useQuery(targetsQueryOptions(params));
