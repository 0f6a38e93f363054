import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import { projectDetailResponseSchema } from '../../../domain/projects-api';

export const getProject = (id: string, signal?: AbortSignal) =>
  request('GET /projects/:id', projectDetailResponseSchema, { path: { id }, signal });

export const projectQueryOptions = (id: string) =>
  queryOptions({ queryKey: queryKeys.project(id), queryFn: ({ signal }) => getProject(id, signal) });

export const useProject = (id: string) => useQuery(projectQueryOptions(id));
