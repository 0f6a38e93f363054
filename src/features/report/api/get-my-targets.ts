import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../api/client';
import { myTargetsResponseSchema } from '../../../domain/write-api';

export const myTargetsQueryKey = ['my-targets'] as const;

export const myTargetsQueryOptions = () =>
  queryOptions({
    queryKey: myTargetsQueryKey,
    queryFn: ({ signal }) => apiGet('/my/targets', myTargetsResponseSchema, {}, signal),
    placeholderData: keepPreviousData,
  });

export const useMyTargets = (enabled = true) => useQuery({ ...myTargetsQueryOptions(), enabled });
