import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { fileUrl, type QueryOf, request } from '../../../api/client';
import { queryKeys, type ReviewParams } from '../../../api/query-keys';
import { reviewResponseSchema } from '../../../domain/review-api';

export type { ReviewParams };

export const getReview = (params: ReviewParams, signal?: AbortSignal) =>
  request('GET /review', reviewResponseSchema, { query: params, signal });

export const reviewQueryOptions = (params: ReviewParams) =>
  queryOptions({
    queryKey: queryKeys.review(params),
    queryFn: ({ signal }) => getReview(params, signal),
    placeholderData: keepPreviousData,
  });

export const useReview = (params: ReviewParams) => useQuery(reviewQueryOptions(params));

/** The meeting's downloads: the workbook, and the targets it lists as CSV. */
export const reviewXlsxHref = (query: QueryOf<'GET /review.xlsx'>) => fileUrl('GET /review.xlsx', query);
/** 督查通报 (issue 24): the same meeting as a Word document for every department. */
export const reviewDocxHref = (query: QueryOf<'GET /review.docx'>) => fileUrl('GET /review.docx', query);
export const targetsCsvHref = (query: QueryOf<'GET /targets.csv'>) => fileUrl('GET /targets.csv', query);
