import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import { type ImportRequest, uploadImport } from '../../../api/upload-import';
import {
  type DepartmentInput,
  type DivisionRequest,
  departmentImportResponseSchema,
  departmentItemSchema,
  divisionImportResponseSchema,
  divisionResponseSchema,
  mergeDepartmentResponseSchema,
} from '../../../domain/department-admin';
import { adminDepartmentsResponseSchema } from '../../../domain/departments';
import { useAdminMutation } from './use-admin-mutation';

/**
 * The registry and the division of tasks change what many pages show: names of leads and
 * supporters, the reporters' own lists, the department pages and the league tables.
 */
export const AFTER_DIVISION_CHANGE = [
  queryKeys.departments(),
  queryKeys.registry(),
  queryKeys.users(),
  queryKeys.myTargets(),
  ['targets'],
  ['target'],
  ['summary'],
  ['department'],
  ['rankings'],
  ['review'],
] as const;

export const adminDepartmentsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.departments(),
    queryFn: ({ signal }) => request('GET /admin/departments', adminDepartmentsResponseSchema, { signal }),
  });

/** The registry as the admin sees it: every record (merged ones too) with its leads, supports and users. */
export const useAdminDepartments = () => useQuery(adminDepartmentsQueryOptions());

export const useCreateDepartment = () =>
  useAdminMutation(
    (body: DepartmentInput, csrfToken) => request('POST /admin/departments', departmentItemSchema, { body, csrfToken }),
    AFTER_DIVISION_CHANGE,
  );

export interface DepartmentPatch {
  id: string;
  name?: string;
  shortName?: string;
  kind?: DepartmentInput['kind'];
  district?: string | null;
  leader?: string | null;
  aliases?: string[];
  /** false: an admin checked a record the migration could not match. */
  unmatched?: false;
}

export const useUpdateDepartment = () =>
  useAdminMutation(
    ({ id, ...body }: DepartmentPatch, csrfToken) =>
      request('PATCH /admin/departments/:id', departmentItemSchema, { path: { id }, body, csrfToken }),
    AFTER_DIVISION_CHANGE,
  );

export const useMergeDepartment = () =>
  useAdminMutation(
    ({ id, into }: { id: string; into: string }, csrfToken) =>
      request('POST /admin/departments/:id/merge', mergeDepartmentResponseSchema, {
        path: { id },
        body: { into },
        csrfToken,
      }),
    AFTER_DIVISION_CHANGE,
  );

/** Many targets at once: a lead, supporting departments and/or whether supporters may report. */
export const useDivision = () =>
  useAdminMutation(
    (body: DivisionRequest, csrfToken) => request('POST /admin/division', divisionResponseSchema, { body, csrfToken }),
    AFTER_DIVISION_CHANGE,
  );

/** A 任务分解 sheet; a refused commit answers with the per-row result like a dry run. */
export const useDivisionImport = () =>
  useAdminMutation(
    (req: ImportRequest, csrfToken) =>
      uploadImport('POST /admin/division-imports', req, csrfToken, divisionImportResponseSchema),
    AFTER_DIVISION_CHANGE,
  );

/** A registry sheet (部门编号, 部门全称, 简称, 类别, 区市, 分管领导, 别名). */
export const useDepartmentImport = () =>
  useAdminMutation(
    (req: ImportRequest, csrfToken) =>
      uploadImport('POST /admin/department-imports', req, csrfToken, departmentImportResponseSchema),
    AFTER_DIVISION_CHANGE,
  );
