import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import { type Role, userItemSchema, usersResponseSchema } from '../../../domain/write-api';
import { useAdminMutation } from './use-admin-mutation';

export const usersQueryKey = queryKeys.users();
export const departmentsQueryKey = queryKeys.departments();

export const usersQueryOptions = () =>
  queryOptions({
    queryKey: usersQueryKey,
    queryFn: ({ signal }) => request('GET /admin/users', usersResponseSchema, { signal }),
  });
export const useUsers = () => useQuery(usersQueryOptions());

export interface NewUser {
  username: string;
  displayName?: string;
  password: string;
  role: Role;
  /** Registry ids (the department picker's). */
  departments: string[];
  /** Plans a reviewer reviews whole (plan ids). */
  plans: string[];
}

export const useCreateUser = () =>
  useAdminMutation(
    (body: NewUser, csrfToken) => request('POST /admin/users', userItemSchema, { body, csrfToken }),
    [usersQueryKey, departmentsQueryKey],
  );

export interface UserPatch {
  id: string;
  displayName?: string;
  role?: Role;
  departments?: string[];
  plans?: string[];
  disabled?: boolean;
  password?: string;
}

export const useUpdateUser = () =>
  useAdminMutation(
    ({ id, ...body }: UserPatch, csrfToken) =>
      request('PATCH /admin/users/:id', userItemSchema, { path: { id }, body, csrfToken }),
    [usersQueryKey, departmentsQueryKey],
  );
