import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { rankingsResponseSchema } from '../domain/department-api';
import { fileUrl, request } from './client';
import { queryKeys, type RankingsParams } from './query-keys';

export type { RankingsParams };

/** The league tables (排名): the rankings page and the wall's ranking slide. */
export const getRankings = (query: RankingsParams, signal?: AbortSignal) =>
  request('GET /rankings', rankingsResponseSchema, { query, signal });

export const rankingsQueryOptions = (params: RankingsParams) =>
  queryOptions({
    queryKey: queryKeys.rankings(params),
    queryFn: ({ signal }) => getRankings(params, signal),
    placeholderData: keepPreviousData,
  });

export const useRankings = (params: RankingsParams) => useQuery(rankingsQueryOptions(params));

/** The same table as a workbook, for exactly the query on screen. */
export const rankingsXlsxHref = (query: RankingsParams) => fileUrl('GET /rankings.xlsx', query);
