import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { targetsResponseSchema } from '../domain/api';
import { apiGet } from './client';
import { queryKeys, type TargetsParams } from './query-keys';

export const getTargets = (params: TargetsParams, signal?: AbortSignal) =>
  apiGet('/targets', targetsResponseSchema, { ...params }, signal);

export const targetsQueryOptions = (params: TargetsParams) =>
  queryOptions({
    queryKey: queryKeys.targets(params),
    queryFn: ({ signal }) => getTargets(params, signal),
    placeholderData: keepPreviousData,
  });

export const useTargets = (params: TargetsParams) => useQuery(targetsQueryOptions(params));
