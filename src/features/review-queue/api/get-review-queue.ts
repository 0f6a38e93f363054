import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { reviewQueueResponseSchema } from '../../../domain/approval-api';

/**
 * The reviewer's queue. Its key lives here rather than in src/api/query-keys.ts: only this page
 * reads it, and a decision here updates it in place (see decide.ts).
 */
export const reviewQueueQueryKey = ['review-queue'] as const;

export const reviewQueueQueryOptions = () =>
  queryOptions({
    queryKey: reviewQueueQueryKey,
    queryFn: ({ signal }) => request('GET /review-queue', reviewQueueResponseSchema, { signal }),
    placeholderData: keepPreviousData,
  });

export const useReviewQueue = (enabled = true) => useQuery({ ...reviewQueueQueryOptions(), enabled });
