import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { supervisionListResponseSchema } from '../domain/supervision-api';
import { type QueryOf, request } from './client';

export type SupervisionParams = QueryOf<'GET /supervision'>;

/**
 * 督办事项 (issue 24), read by the review, the target page, /report and the wall. Every list's key
 * starts with `supervision`: a write refreshes them all.
 */
export const SUPERVISION_ROOT = 'supervision';
export const supervisionKey = (p: SupervisionParams) => [SUPERVISION_ROOT, p] as const;

export const getSupervision = (params: SupervisionParams, signal?: AbortSignal) =>
  request('GET /supervision', supervisionListResponseSchema, { query: params, signal });

export const supervisionQueryOptions = (params: SupervisionParams) =>
  queryOptions({
    queryKey: supervisionKey(params),
    queryFn: ({ signal }) => getSupervision(params, signal),
    placeholderData: keepPreviousData,
  });

export const useSupervision = (params: SupervisionParams) => useQuery(supervisionQueryOptions(params));
