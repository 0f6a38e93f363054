import { queryOptions, useQuery } from '@tanstack/react-query';
import { plansResponseSchema } from '../domain/api';
import { request } from './client';
import { queryKeys } from './query-keys';

export const getPlans = (signal?: AbortSignal) => request('GET /plans', plansResponseSchema, { signal });

export const plansQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.plans(), queryFn: ({ signal }) => getPlans(signal), staleTime: 10 * 60_000 });

export const usePlans = () => useQuery(plansQueryOptions());
