import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import { myTargetsResponseSchema } from '../../../domain/write-api';

export const myTargetsQueryKey = queryKeys.myTargets();

export const myTargetsQueryOptions = () =>
  queryOptions({
    queryKey: myTargetsQueryKey,
    queryFn: ({ signal }) => request('GET /my/targets', myTargetsResponseSchema, { signal }),
    placeholderData: keepPreviousData,
  });

export const useMyTargets = (enabled = true) => useQuery({ ...myTargetsQueryOptions(), enabled });
