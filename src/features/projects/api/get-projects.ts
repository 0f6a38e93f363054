import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { type ProjectsParams, queryKeys } from '../../../api/query-keys';
import { projectsResponseSchema } from '../../../domain/projects-api';

/** Rows per request: large pages keep thousands of projects to a handful of requests. */
export const PROJECTS_PAGE_SIZE = 200;

export const getProjects = (params: ProjectsParams, page: number, signal?: AbortSignal) =>
  request('GET /projects', projectsResponseSchema, {
    query: { ...params, page, pageSize: PROJECTS_PAGE_SIZE },
    signal,
  });

export const projectsQueryOptions = (params: ProjectsParams) =>
  infiniteQueryOptions({
    queryKey: queryKeys.projects(params),
    queryFn: ({ pageParam, signal }) => getProjects(params, pageParam, signal),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    placeholderData: keepPreviousData,
    // Re-fetching every loaded page each minute is wasteful for a list; refresh on demand instead.
    refetchInterval: false,
  });

export const useProjects = (params: ProjectsParams) => useInfiniteQuery(projectsQueryOptions(params));
