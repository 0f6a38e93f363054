import type { z } from 'zod';
import { type Problem, problemSchema } from '../domain/api';
import { ApiError, NOT_JSON_DETAIL } from './api-error';

export type QueryParams = Record<string, string | number | undefined | null>;

/** `/api/v1/…` resolved against the page's own origin: the same code runs in the browser, jsdom and e2e. */
export function apiUrl(path: string, params: QueryParams = {}): URL {
  const url = new URL(`/api/v1${path}`, window.location.origin);
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  return url;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(根)'}：${i.message}`)
    .join('；');
}

async function httpError(res: Response): Promise<ApiError> {
  let problem: Problem | undefined;
  try {
    const parsed = problemSchema.safeParse(await res.json());
    if (parsed.success) problem = parsed.data;
  } catch {
    // Not a problem document (a proxy's HTML page, say): the status alone has to do.
  }
  const detail = problem?.detail;
  if (res.status === 404) return new ApiError('http', 404, detail ?? '请求的内容不存在', detail);
  if (res.status >= 500) return new ApiError('http', res.status, `服务器出错（${res.status}），请稍后重试`, detail);
  // A bad parameter keeps its name, value and valid values: an unknown filter value is shown as such.
  const named = problem?.param
    ? { detail: problem.detail, param: problem.param, value: problem.value, allowed: problem.allowed }
    : undefined;
  return new ApiError('http', res.status, detail ?? `请求失败（${res.status}）`, detail, named);
}

/** The one fetch wrapper: every response is parsed with its domain schema before anything renders it. */
export async function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  params: QueryParams = {},
  signal?: AbortSignal,
): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, params), { signal, headers: { accept: 'application/json' } });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError('network', 0, '无法连接到服务器，请检查网络后重试', e instanceof Error ? e.message : undefined);
  }
  if (!res.ok) throw await httpError(res);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiError('schema', res.status, '服务器返回的数据无法解析，已拒绝显示', NOT_JSON_DETAIL);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError('schema', res.status, '服务器返回的数据格式不正确，已拒绝显示', describeIssues(parsed.error));
  }
  return parsed.data;
}
