import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { type DepartmentParams, queryKeys } from '../../../api/query-keys';
import { departmentViewResponseSchema } from '../../../domain/department-api';

export const getDepartment = ({ id, ...query }: DepartmentParams, signal?: AbortSignal) =>
  request('GET /departments/:id', departmentViewResponseSchema, { path: { id }, query, signal });

export const departmentQueryOptions = (params: DepartmentParams) =>
  queryOptions({
    queryKey: queryKeys.department(params),
    queryFn: ({ signal }) => getDepartment(params, signal),
    // Keep the previous as-of date's view while another loads, but never another department's.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1].id === params.id ? keepPreviousData(previous) : undefined,
  });

export const useDepartmentView = (params: DepartmentParams) => useQuery(departmentQueryOptions(params));
