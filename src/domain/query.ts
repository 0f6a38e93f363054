import { z } from 'zod';
import { isIsoDate, isIsoInstant } from './dates';
import type { Problem } from './problem';

/** A read's refusal: the parameter it names (and, for a value that names nothing, the values there are). */
export type ReadProblem = Omit<Problem, 'code' | 'params'>;

import { PROJECT_SORTS } from './project-sorts';
import { DISTRICT_CITY, projectStageSchema, sectorIdSchema, statusSchema } from './schemas';

/**
 * Query parameters of the read endpoints, parsed the same way by the server and the mock. A bad
 * parameter becomes a 400 problem naming it, in Chinese.
 */
export const optionalText = (max: number) =>
  z
    .string()
    .max(max, { message: `不能超过 ${max} 个字符` })
    .transform((s) => s.trim())
    .optional();

export const dateParam = z.string().refine(isIsoDate, { message: '不是有效日期（应为 YYYY-MM-DD）' }).optional();
const instantParam = z
  .string()
  .refine(isIsoInstant, { message: '不是有效时间（应为带时区的 ISO 8601，如 2025-06-30T18:00:00+08:00）' })
  .optional();

/**
 * `includePending=1`: the "含待审核" switch of every read (issue 23): reports waiting for review count
 * too, marked 初报. Absent or 0: approved reports only.
 */
export const includePendingParam = z
  .enum(['1', '0', 'true', 'false'], { message: '应为 1（含待审核）或 0' })
  .optional()
  .transform((v) => (v === '1' || v === 'true' ? true : undefined));

export const targetsQuerySchema = z.object({
  plan: optionalText(100),
  sector: sectorIdSchema.optional(),
  district: optionalText(100),
  department: optionalText(200),
  status: statusSchema.optional(),
  q: optionalText(200),
  asOf: dateParam,
  knownAt: instantParam,
  includePending: includePendingParam,
});
export type TargetsQuery = z.infer<typeof targetsQuerySchema>;

export const summaryQuerySchema = targetsQuerySchema.pick({
  plan: true,
  district: true,
  department: true,
  asOf: true,
  knownAt: true,
  includePending: true,
});
export type SummaryQuery = z.infer<typeof summaryQuerySchema>;

export const detailQuerySchema = targetsQuerySchema.pick({ asOf: true, knownAt: true, includePending: true });

const intParam = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^-?\d+$/, { message: '必须是整数' })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, { message: `不能小于 ${min}` })
        .max(max, { message: `不能大于 ${max}` }),
    )
    .optional()
    .transform((v) => v ?? fallback);

export const projectsQuerySchema = z.object({
  target: optionalText(100),
  district: optionalText(100),
  sector: sectorIdSchema.optional(),
  stage: projectStageSchema.optional(),
  q: optionalText(200),
  sort: z.enum(PROJECT_SORTS).optional(),
  page: intParam(1, 1_000_000, 1),
  pageSize: intParam(1, 500, 50),
});
export type ProjectsQuery = z.infer<typeof projectsQuerySchema>;

const PARAM_NAMES_ZH: Record<string, string> = {
  plan: '规划',
  sector: '领域',
  district: '区市',
  department: '部门',
  status: '状态',
  q: '搜索词',
  asOf: '截至日期',
  knownAt: '数据时点',
  includePending: '含待审核',
  previous: '上次会议日期',
  target: '目标',
  stage: '阶段',
  sort: '排序',
  page: '页码',
  pageSize: '每页条数',
  by: '排名对象',
  measure: '排名指标',
  mine: '本单位',
  targetId: '目标',
  limit: '条数',
};

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: ReadProblem };

/** Parse query parameters; unknown parameters are ignored, repeated ones take the first value. */
export function parseQuery<T>(schema: z.ZodType<T>, params: URLSearchParams): ParseResult<T> {
  const raw: Record<string, string> = {};
  for (const [k, v] of params) if (!(k in raw)) raw[k] = v;
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const param = String(issue?.path[0] ?? '');
  if (issue?.code === 'invalid_value') {
    // An enum (sector, status, stage, sort): name the value and the ones there are.
    return { ok: false, problem: unknownValue(param, raw[param] ?? '', issue.values.map(String)) };
  }
  const name = PARAM_NAMES_ZH[param] ?? param;
  return { ok: false, problem: badRequest(`参数“${param}”（${name}）${issue?.message ?? '无效'}`, param) };
}

/** A 400 for a value the parameter cannot take, with the values it can (`allowed`, for the UI to offer). */
export function unknownValue(param: string, value: string, allowed: readonly string[]): ReadProblem {
  const name = PARAM_NAMES_ZH[param] ?? param;
  return {
    ...badRequest(`参数“${param}”（${name}）的取值“${value}”不存在，可选：${allowed.join('、')}`, param),
    value,
    allowed: [...allowed],
  };
}

/**
 * What a filter may name beyond the fixed sets (sectors and statuses are enums of the schema): the
 * plans, and the districts and departments the targets have. Built once per catalog, so checking a
 * request is a Set lookup.
 */
export interface FilterValues {
  plans: ReadonlySet<string>;
  districts: ReadonlySet<string>;
  departments: ReadonlySet<string>;
}

export function filterValuesOf(
  plans: readonly { id: string }[],
  targets: readonly { district: string; department: string | null }[],
): FilterValues {
  const districts = new Set<string>();
  const departments = new Set<string>();
  for (const t of targets) {
    districts.add(t.district);
    if (t.department) departments.add(t.department);
  }
  return { plans: new Set(plans.map((p) => p.id)), districts, departments };
}

/** The filters a person sets in a URL; a value naming nothing in them is an unknown filter value. */
export const FILTER_PARAMS = ['plan', 'sector', 'district', 'department', 'status'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

/** A filter naming nothing (from a 400's `param`/`value`/`allowed`, or found by the page itself). */
export interface UnknownFilter {
  param: FilterParam;
  value: string;
  /** The values the filter can take, as the API lists them. */
  allowed: readonly string[];
}

export const isFilterParam = (s: string): s is FilterParam => (FILTER_PARAMS as readonly string[]).includes(s);

/** The query's filters whose values must be among the catalog's (`FilterValues`). */
export interface CatalogFilter {
  plan?: string | undefined;
  district?: string | undefined;
  department?: string | undefined;
}

export const hasCatalogFilter = (q: CatalogFilter): boolean => Boolean(q.plan || q.district || q.department);

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** 市级 first, then the districts in code-point order (as the project facets list them). */
const byDistrict = (a: string, b: string) =>
  Number(b === DISTRICT_CITY) - Number(a === DISTRICT_CITY) || byCodePoint(a, b);

/**
 * A filter naming nothing in the catalog (`?district=崂山`, the district being 崂山区) must not answer
 * an empty board that looks like all-clear: a 400 naming the parameter and the values there are.
 * Null when every filter names something.
 */
export function unknownFilterValue(q: CatalogFilter, known: FilterValues): ReadProblem | null {
  if (q.plan && !known.plans.has(q.plan)) return unknownValue('plan', q.plan, [...known.plans].sort(byCodePoint));
  if (q.district && !known.districts.has(q.district))
    return unknownValue('district', q.district, [...known.districts].sort(byDistrict));
  if (q.department && !known.departments.has(q.department))
    return unknownValue('department', q.department, [...known.departments].sort(byCodePoint));
  return null;
}

/** `parseQuery`'s result, failed when a filter names nothing in the catalog (`unknownFilterValue`). */
export function withKnownFilters<T extends CatalogFilter>(parsed: ParseResult<T>, known: FilterValues): ParseResult<T> {
  if (!parsed.ok) return parsed;
  const problem = unknownFilterValue(parsed.value, known);
  return problem ? { ok: false, problem } : parsed;
}

export function badRequest(detail: string, param?: string): ReadProblem {
  return { type: 'about:blank', title: '请求参数错误', status: 400, detail, ...(param ? { param } : {}) };
}

export function notFound(detail: string): ReadProblem {
  return { type: 'about:blank', title: '未找到', status: 404, detail };
}
