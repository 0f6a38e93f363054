import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, apiUrl } from '../../../api/client';
import { reviewResponseSchema } from '../../../domain/review-api';

/** The meeting as the client asks for it (names are the API's, see src/domain/review.ts). */
export interface ReviewParams {
  asOf?: string | undefined;
  /** What the meeting knew: reports recorded after this instant are left out (default: the day's end). */
  knownAt?: string | undefined;
  previous?: string | undefined;
  plan?: string | undefined;
  district?: string | undefined;
}

export const reviewQueryKey = (p: ReviewParams) => ['review', p] as const;

export const getReview = (params: ReviewParams, signal?: AbortSignal) =>
  apiGet('/review', reviewResponseSchema, { ...params }, signal);

export const reviewQueryOptions = (params: ReviewParams) =>
  queryOptions({
    queryKey: reviewQueryKey(params),
    queryFn: ({ signal }) => getReview(params, signal),
    placeholderData: keepPreviousData,
  });

export const useReview = (params: ReviewParams) => useQuery(reviewQueryOptions(params));

/** Download links: same origin, relative, so they work behind any proxy. */
export function exportHref(path: '/review.xlsx' | '/targets.csv', params: Record<string, string | undefined>): string {
  const url = apiUrl(path, params);
  return `${url.pathname}${url.search}`;
}
