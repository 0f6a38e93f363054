import { z } from 'zod';
import { plansResponseSchema, sectorsResponseSchema, summaryResponseSchema, targetsResponseSchema } from './api';
import {
  departmentImportResponseSchema,
  departmentInputSchema,
  departmentItemSchema,
  departmentPatchSchema,
  divisionImportResponseSchema,
  divisionRequestSchema,
  divisionResponseSchema,
  mergeDepartmentResponseSchema,
  mergeDepartmentSchema,
} from './department-admin';
import {
  departmentViewQuerySchema,
  departmentViewResponseSchema,
  rankingsQuerySchema,
  rankingsResponseSchema,
} from './department-api';
import { adminDepartmentsResponseSchema, departmentsResponseSchema as registryResponseSchema } from './departments';
import { projectDetailResponseSchema, projectsResponseSchema } from './projects-api';
import { detailQuerySchema, projectsQuerySchema, summaryQuerySchema, targetsQuerySchema } from './query';
import { reviewQuerySchema } from './review';
import { reviewResponseSchema } from './review-api';
import { planSchema } from './schemas';
import { sessionResponseSchema } from './session-schema';
import { targetDetailResponseSchema } from './target-api';
import {
  auditQuerySchema,
  auditResponseSchema,
  catalogImportResponseSchema,
  changePasswordRequestSchema,
  correctionInputSchema,
  createUserRequestSchema,
  importResponseSchema,
  myTargetsResponseSchema,
  planItemSchema,
  reportInputSchema,
  reportResponseSchema,
  signInRequestSchema,
  targetCreateSchema,
  targetItemSchema,
  targetPatchSchema,
  updateUserRequestSchema,
  userItemSchema,
  usersResponseSchema,
} from './write-api';

/**
 * The API in one table: every endpoint of `/api/v1` with its method, path, who may call it, its query,
 * body and response schemas. The server's routes, the client's calls and the tests take their types
 * from here, and `GET /api/v1/openapi.json` is generated from it (server/http/openapi.ts), so a city's IT
 * department can integrate or generate a client. A test checks that the server answers exactly
 * these routes and that its answers validate.
 */
export const healthResponseSchema = z.object({ ok: z.boolean(), time: z.string() });
/** Which file an export or template is: `format=csv|xlsx`. */
export const fileFormatQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).optional() });
const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(500).optional(),
});
export const importModeQuerySchema = z.object({ mode: z.enum(['dry-run', 'commit']) });

/** Who may call an endpoint: anyone (even when reading needs a sign-in), readers, or a role. */
export type Access = 'public' | 'read' | 'signed-in' | 'reporter' | 'admin';
/** What the response body is: JSON of `response`, a file, or nothing (204). */
export type Body = 'json' | 'csv' | 'xlsx' | 'csv-or-xlsx' | 'none';

export interface Endpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Hono's form, `/targets/:id`. */
  path: string;
  summary: string;
  access: Access;
  query?: z.ZodType;
  /** JSON body; `multipart` for a file upload (form field `file`). */
  body?: z.ZodType | 'multipart';
  /** The success status and its JSON schema. */
  status: 200 | 201 | 204;
  returns: Body;
  response?: z.ZodType;
}

/** Keeps each entry's own types (its response schema), checked against Endpoint. */
const e = <const T extends Endpoint>(x: T): T => x;

export const ENDPOINTS = {
  health: e({
    method: 'GET',
    path: '/health',
    summary: '服务状态',
    access: 'public',
    status: 200,
    returns: 'json',
    response: healthResponseSchema,
  }),
  openapi: e({
    method: 'GET',
    path: '/openapi.json',
    summary: '本接口的 OpenAPI 3.1 描述',
    access: 'public',
    status: 200,
    returns: 'json',
    response: z.record(z.string(), z.unknown()),
  }),
  plans: e({
    method: 'GET',
    path: '/plans',
    summary: '规划列表',
    access: 'read',
    status: 200,
    returns: 'json',
    response: plansResponseSchema,
  }),
  sectors: e({
    method: 'GET',
    path: '/sectors',
    summary: '十大领域',
    access: 'read',
    status: 200,
    returns: 'json',
    response: sectorsResponseSchema,
  }),
  summary: e({
    method: 'GET',
    path: '/summary',
    summary: '总览：各领域进度、重点指标、预警',
    access: 'read',
    query: summaryQuerySchema,
    status: 200,
    returns: 'json',
    response: summaryResponseSchema,
  }),
  targets: e({
    method: 'GET',
    path: '/targets',
    summary: '目标列表（含状态）',
    access: 'read',
    query: targetsQuerySchema,
    status: 200,
    returns: 'json',
    response: targetsResponseSchema,
  }),
  target: e({
    method: 'GET',
    path: '/targets/:id',
    summary: '一个目标：状态、填报历史、来源',
    access: 'read',
    query: detailQuerySchema,
    status: 200,
    returns: 'json',
    response: targetDetailResponseSchema,
  }),
  targetsCsv: e({
    method: 'GET',
    path: '/targets.csv',
    summary: '目标列表导出（CSV）',
    access: 'read',
    query: targetsQuerySchema,
    status: 200,
    returns: 'csv',
  }),
  projects: e({
    method: 'GET',
    path: '/projects',
    summary: '重点项目列表',
    access: 'read',
    query: projectsQuerySchema,
    status: 200,
    returns: 'json',
    response: projectsResponseSchema,
  }),
  project: e({
    method: 'GET',
    path: '/projects/:id',
    summary: '一个重点项目',
    access: 'read',
    status: 200,
    returns: 'json',
    response: projectDetailResponseSchema,
  }),
  review: e({
    method: 'GET',
    path: '/review',
    summary: '周调度会：本周与上周对比',
    access: 'read',
    query: reviewQuerySchema,
    status: 200,
    returns: 'json',
    response: reviewResponseSchema,
  }),
  reviewXlsx: e({
    method: 'GET',
    path: '/review.xlsx',
    summary: '周调度会导出（Excel）',
    access: 'read',
    query: reviewQuerySchema,
    status: 200,
    returns: 'xlsx',
  }),
  departmentList: e({
    method: 'GET',
    path: '/departments',
    summary: '部门名录（含牵头、配合目标数）',
    access: 'read',
    status: 200,
    returns: 'json',
    response: registryResponseSchema,
  }),
  department: e({
    method: 'GET',
    path: '/departments/:id',
    summary: '一个部门：牵头与配合的目标、排名、趋势',
    access: 'read',
    query: departmentViewQuerySchema,
    status: 200,
    returns: 'json',
    response: departmentViewResponseSchema,
  }),
  rankings: e({
    method: 'GET',
    path: '/rankings',
    summary: '部门或区市排名（达标率、完成率对序时进度、按时填报率）',
    access: 'read',
    query: rankingsQuerySchema,
    status: 200,
    returns: 'json',
    response: rankingsResponseSchema,
  }),
  rankingsXlsx: e({
    method: 'GET',
    path: '/rankings.xlsx',
    summary: '排名导出（Excel）',
    access: 'read',
    query: rankingsQuerySchema,
    status: 200,
    returns: 'xlsx',
  }),
  session: e({
    method: 'GET',
    path: '/session',
    summary: '当前登录状态',
    access: 'public',
    status: 200,
    returns: 'json',
    response: sessionResponseSchema,
  }),
  signIn: e({
    method: 'POST',
    path: '/session',
    summary: '登录',
    access: 'public',
    body: signInRequestSchema,
    status: 200,
    returns: 'json',
    response: sessionResponseSchema,
  }),
  signOut: e({
    method: 'DELETE',
    path: '/session',
    summary: '退出登录',
    access: 'signed-in',
    status: 204,
    returns: 'none',
  }),
  changePassword: e({
    method: 'POST',
    path: '/session/password',
    summary: '修改密码',
    access: 'signed-in',
    body: changePasswordRequestSchema,
    status: 204,
    returns: 'none',
  }),
  myTargets: e({
    method: 'GET',
    path: '/my/targets',
    summary: '我负责填报的目标',
    access: 'reporter',
    status: 200,
    returns: 'json',
    response: myTargetsResponseSchema,
  }),
  report: e({
    method: 'POST',
    path: '/targets/:id/reports',
    summary: '填报一个目标的进度（dryRun 只预览）',
    access: 'reporter',
    body: reportInputSchema,
    status: 201,
    returns: 'json',
    response: reportResponseSchema,
  }),
  correct: e({
    method: 'POST',
    path: '/reports/:id/corrections',
    summary: '更正一条填报',
    access: 'reporter',
    body: correctionInputSchema,
    status: 201,
    returns: 'json',
    response: reportResponseSchema,
  }),
  importTemplate: e({
    method: 'GET',
    path: '/imports/template',
    summary: '填报模板（预填我的目标）',
    access: 'reporter',
    query: fileFormatQuerySchema,
    status: 200,
    returns: 'csv-or-xlsx',
  }),
  importReports: e({
    method: 'POST',
    path: '/imports',
    summary: '导入填报表（先 dry-run 预览，再 commit）',
    access: 'reporter',
    query: importModeQuerySchema,
    body: 'multipart',
    status: 201,
    returns: 'json',
    response: importResponseSchema,
  }),
  users: e({
    method: 'GET',
    path: '/admin/users',
    summary: '用户列表',
    access: 'admin',
    status: 200,
    returns: 'json',
    response: usersResponseSchema,
  }),
  createUser: e({
    method: 'POST',
    path: '/admin/users',
    summary: '新建用户',
    access: 'admin',
    body: createUserRequestSchema,
    status: 201,
    returns: 'json',
    response: userItemSchema,
  }),
  updateUser: e({
    method: 'PATCH',
    path: '/admin/users/:id',
    summary: '修改用户',
    access: 'admin',
    body: updateUserRequestSchema,
    status: 200,
    returns: 'json',
    response: userItemSchema,
  }),
  adminDepartments: e({
    method: 'GET',
    path: '/admin/departments',
    summary: '部门登记表（含牵头、配合目标数和用户数）',
    access: 'admin',
    status: 200,
    returns: 'json',
    response: adminDepartmentsResponseSchema,
  }),
  createDepartment: e({
    method: 'POST',
    path: '/admin/departments',
    summary: '登记一个部门',
    access: 'admin',
    body: departmentInputSchema,
    status: 201,
    returns: 'json',
    response: departmentItemSchema,
  }),
  updateDepartment: e({
    method: 'PATCH',
    path: '/admin/departments/:id',
    summary: '修改部门（更名、简称、类别、区市、分管领导、别名；核对未匹配的记录）',
    access: 'admin',
    body: departmentPatchSchema,
    status: 200,
    returns: 'json',
    response: departmentItemSchema,
  }),
  mergeDepartment: e({
    method: 'POST',
    path: '/admin/departments/:id/merge',
    summary: '部门并入另一部门（机构改革）：牵头、配合目标和用户随之转移',
    access: 'admin',
    body: mergeDepartmentSchema,
    status: 200,
    returns: 'json',
    response: mergeDepartmentResponseSchema,
  }),
  division: e({
    method: 'POST',
    path: '/admin/division',
    summary: '批量分工：为多个目标指定牵头、配合部门和配合部门填报权限',
    access: 'admin',
    body: divisionRequestSchema,
    status: 200,
    returns: 'json',
    response: divisionResponseSchema,
  }),
  importDivision: e({
    method: 'POST',
    path: '/admin/division-imports',
    summary: '导入任务分解表（先 dry-run，再 commit）',
    access: 'admin',
    query: importModeQuerySchema,
    body: 'multipart',
    status: 201,
    returns: 'json',
    response: divisionImportResponseSchema,
  }),
  importDepartments: e({
    method: 'POST',
    path: '/admin/department-imports',
    summary: '导入部门登记表（先 dry-run，再 commit）',
    access: 'admin',
    query: importModeQuerySchema,
    body: 'multipart',
    status: 201,
    returns: 'json',
    response: departmentImportResponseSchema,
  }),
  savePlan: e({
    method: 'POST',
    path: '/admin/plans',
    summary: '新建或修改规划',
    access: 'admin',
    body: planSchema,
    status: 201,
    returns: 'json',
    response: planItemSchema,
  }),
  createTarget: e({
    method: 'POST',
    path: '/admin/targets',
    summary: '新建目标',
    access: 'admin',
    body: targetCreateSchema,
    status: 201,
    returns: 'json',
    response: targetItemSchema,
  }),
  updateTarget: e({
    method: 'PATCH',
    path: '/admin/targets/:id',
    summary: '修改目标（如牵头部门）',
    access: 'admin',
    body: targetPatchSchema,
    status: 200,
    returns: 'json',
    response: targetItemSchema,
  }),
  catalogTemplate: e({
    method: 'GET',
    path: '/admin/catalog-imports/template',
    summary: '规划目标导入模板',
    access: 'admin',
    status: 200,
    returns: 'xlsx',
  }),
  importCatalog: e({
    method: 'POST',
    path: '/admin/catalog-imports',
    summary: '导入规划目标表（先 dry-run，再 commit）',
    access: 'admin',
    query: importModeQuerySchema,
    body: 'multipart',
    status: 201,
    returns: 'json',
    response: catalogImportResponseSchema,
  }),
  audit: e({
    method: 'GET',
    path: '/admin/audit',
    summary: '审计日志',
    access: 'admin',
    query: auditQuerySchema.extend(pageQuerySchema.shape),
    status: 200,
    returns: 'json',
    response: auditResponseSchema,
  }),
  auditExport: e({
    method: 'GET',
    path: '/admin/audit/export',
    summary: '审计日志导出',
    access: 'admin',
    query: auditQuerySchema.extend(fileFormatQuerySchema.shape),
    status: 200,
    returns: 'csv-or-xlsx',
  }),
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;
