import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { summaryResponseSchema } from '../domain/api';
import { request } from './client';
import { queryKeys, type SummaryParams } from './query-keys';

export const getSummary = (query: SummaryParams, signal?: AbortSignal) =>
  request('GET /summary', summaryResponseSchema, { query, signal });

export const summaryQueryOptions = (params: SummaryParams) =>
  queryOptions({
    queryKey: queryKeys.summary(params),
    queryFn: ({ signal }) => getSummary(params, signal),
    placeholderData: keepPreviousData,
  });

export const useSummary = (params: SummaryParams) => useQuery(summaryQueryOptions(params));
