import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet } from '../../../api/client';
import { apiSend } from '../../../api/send';
import { type Role, userSchema, usersResponseSchema } from '../../../domain/write-api';
import { useAdminMutation } from './use-admin-mutation';

export const usersQueryKey = ['admin', 'users'] as const;
export const departmentsQueryKey = ['admin', 'departments'] as const;

export const usersQueryOptions = () =>
  queryOptions({
    queryKey: usersQueryKey,
    queryFn: ({ signal }) => apiGet('/admin/users', usersResponseSchema, {}, signal),
  });
export const useUsers = () => useQuery(usersQueryOptions());

const departmentsResponseSchema = z.object({
  items: z.array(z.object({ department: z.string(), targets: z.number(), users: z.number() })),
  unassignedTargets: z.number(),
});
export const useDepartments = () =>
  useQuery({
    queryKey: departmentsQueryKey,
    queryFn: ({ signal }) => apiGet('/admin/departments', departmentsResponseSchema, {}, signal),
  });

const itemSchema = z.object({ item: userSchema });

export interface NewUser {
  username: string;
  displayName?: string;
  password: string;
  role: Role;
  departments: string[];
}

export const useCreateUser = () =>
  useAdminMutation(
    (body: NewUser, csrfToken) => apiSend('/admin/users', { json: body, csrfToken, schema: itemSchema }),
    [usersQueryKey, departmentsQueryKey],
  );

export interface UserPatch {
  id: string;
  displayName?: string;
  role?: Role;
  departments?: string[];
  disabled?: boolean;
  password?: string;
}

export const useUpdateUser = () =>
  useAdminMutation(
    ({ id, ...body }: UserPatch, csrfToken) =>
      apiSend(`/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', json: body, csrfToken, schema: itemSchema }),
    [usersQueryKey, departmentsQueryKey],
  );

/** 部门 lists as people type them: commas, 顿号, semicolons or new lines. */
export function splitDepartments(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、;；\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
