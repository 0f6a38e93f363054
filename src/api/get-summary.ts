import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { summaryResponseSchema } from '../domain/api';
import { apiGet } from './client';
import { queryKeys, type SummaryParams } from './query-keys';

export const getSummary = (params: SummaryParams, signal?: AbortSignal) =>
  apiGet('/summary', summaryResponseSchema, { ...params }, signal);

export const summaryQueryOptions = (params: SummaryParams) =>
  queryOptions({
    queryKey: queryKeys.summary(params),
    queryFn: ({ signal }) => getSummary(params, signal),
    placeholderData: keepPreviousData,
  });

export const useSummary = (params: SummaryParams) => useQuery(summaryQueryOptions(params));
