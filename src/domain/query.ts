import { z } from 'zod';
import type { Problem } from './api';
import { isIsoDate } from './dates';
import { projectStageSchema, sectorIdSchema, statusSchema } from './schemas';
import { PROJECT_SORTS } from './views';

/**
 * Query parameters of the read endpoints, parsed the same way by the server and the mock. A bad
 * parameter becomes a 400 problem naming it, in Chinese.
 */
const optionalText = (max: number) =>
  z
    .string()
    .max(max, { message: `不能超过 ${max} 个字符` })
    .transform((s) => s.trim())
    .optional();

const dateParam = z.string().refine(isIsoDate, { message: '不是有效日期（应为 YYYY-MM-DD）' }).optional();
const instantParam = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s), {
    message: '不是有效时间（应为 ISO 8601）',
  })
  .optional();

export const targetsQuerySchema = z.object({
  plan: optionalText(100),
  sector: sectorIdSchema.optional(),
  district: optionalText(100),
  department: optionalText(200),
  status: statusSchema.optional(),
  q: optionalText(200),
  asOf: dateParam,
  knownAt: instantParam,
});
export type TargetsQuery = z.infer<typeof targetsQuerySchema>;

export const summaryQuerySchema = targetsQuerySchema.pick({
  plan: true,
  district: true,
  department: true,
  asOf: true,
  knownAt: true,
});
export type SummaryQuery = z.infer<typeof summaryQuerySchema>;

export const detailQuerySchema = targetsQuerySchema.pick({ asOf: true, knownAt: true });

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
  previous: '上次会议日期',
  target: '目标',
  stage: '阶段',
  sort: '排序',
  page: '页码',
  pageSize: '每页条数',
};

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** Parse query parameters; unknown parameters are ignored, repeated ones take the first value. */
export function parseQuery<T>(schema: z.ZodType<T>, params: URLSearchParams): ParseResult<T> {
  const raw: Record<string, string> = {};
  for (const [k, v] of params) if (!(k in raw)) raw[k] = v;
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const param = String(issue?.path[0] ?? '');
  const name = PARAM_NAMES_ZH[param] ?? param;
  const detail =
    issue?.code === 'invalid_value'
      ? `参数“${param}”（${name}）的取值“${raw[param] ?? ''}”无效`
      : `参数“${param}”（${name}）${issue?.message ?? '无效'}`;
  return { ok: false, problem: badRequest(detail, param) };
}

/**
 * A plan filter must name a plan: `?plan=qd-2052` (a typo) answering an empty board would look like
 * a plan with no targets. 400, naming the parameter and the plans there are.
 */
export function knownPlan<T extends { plan?: string | undefined }>(
  parsed: ParseResult<T>,
  plans: readonly { id: string }[],
): ParseResult<T> {
  if (!parsed.ok || !parsed.value.plan || plans.some((p) => p.id === parsed.value.plan)) return parsed;
  const ids = plans
    .map((p) => p.id)
    .sort()
    .join('、');
  return {
    ok: false,
    problem: badRequest(`参数“plan”（规划）的取值“${parsed.value.plan}”不存在，可选：${ids}`, 'plan'),
  };
}

export function badRequest(detail: string, param?: string): Problem {
  return { type: 'about:blank', title: '请求参数错误', status: 400, detail, ...(param ? { param } : {}) };
}

export function notFound(detail: string): Problem {
  return { type: 'about:blank', title: '未找到', status: 404, detail };
}
