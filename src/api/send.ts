import { z } from 'zod';
import { issueParamsSchema } from '../domain/issue-params';
import { ApiError, type ApiProblem } from './api-error';
import { apiUrl, type QueryParams } from './client';

/**
 * Writes: JSON or multipart bodies, the session's CSRF token in `X-CSRF-Token`, and failures as
 * an `ApiError` carrying the server's problem document (field errors, confirmations, the report a
 * conflict refers to, an import's per-row result), so a form can show them beside its fields.
 */
export interface SendOptions<S extends z.ZodType | null> {
  method?: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  json?: unknown;
  form?: FormData;
  params?: QueryParams;
  /** The session's token; sign-in itself has none. */
  csrfToken?: string | null | undefined;
  /** Schema of the success body; null for 204 responses. */
  schema: S;
  signal?: AbortSignal;
}

const params = issueParamsSchema.optional();
const problemBodySchema = z.object({
  detail: z.string().optional(),
  title: z.string().optional(),
  code: z.string().optional(),
  // An issue's code and params let the form word it in the person's language (the message is Chinese).
  errors: z.array(z.object({ field: z.string(), message: z.string(), code: z.string().optional(), params })).optional(),
  confirmations: z.array(z.object({ code: z.string(), message: z.string(), params })).optional(),
  reportId: z.string().optional(),
  result: z.unknown().optional(),
});

async function problemOf(res: Response): Promise<ApiError> {
  let problem: ApiProblem | undefined;
  try {
    const parsed = problemBodySchema.safeParse(await res.json());
    if (parsed.success) {
      const p = parsed.data;
      problem = {
        code: p.code,
        detail: p.detail ?? p.title ?? '',
        errors: p.errors,
        confirmations: p.confirmations,
        reportId: p.reportId,
        result: p.result,
      };
    }
  } catch {
    // An HTML error page from a proxy: the status has to do.
  }
  const detail = problem?.detail || undefined;
  if (res.status >= 500)
    return new ApiError('http', res.status, `服务器出错（${res.status}），请稍后重试`, detail, problem);
  if (res.status === 413) return new ApiError('http', 413, detail ?? '上传的内容过大', detail, problem);
  return new ApiError('http', res.status, detail ?? `请求失败（${res.status}）`, detail, problem);
}

export async function apiSend<S extends z.ZodType | null>(
  path: string,
  options: SendOptions<S>,
): Promise<S extends z.ZodType ? z.infer<S> : null> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.params), {
      method: options.method ?? 'POST',
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (e) {
    if (options.signal?.aborted) throw e;
    throw new ApiError(
      'network',
      0,
      '无法连接到服务器，内容尚未保存，请检查网络后重试',
      e instanceof Error ? e.message : undefined,
    );
  }
  if (!res.ok) throw await problemOf(res);
  const schema = options.schema;
  if (schema === null || res.status === 204) return null as S extends z.ZodType ? z.infer<S> : null;
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new ApiError('schema', res.status, '服务器返回的数据无法解析', '响应不是有效的 JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new ApiError('schema', res.status, '服务器返回的数据格式不正确', parsed.error.issues[0]?.message);
  return parsed.data as S extends z.ZodType ? z.infer<S> : null;
}
