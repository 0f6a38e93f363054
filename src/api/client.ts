import type { z } from 'zod';
import type { ENDPOINTS } from '../domain/contract';
import type { Problem } from '../domain/problem';
import { ApiError, NOT_JSON_DETAIL } from './api-error';

/**
 * The one way the browser calls the API: `request('GET /targets/:id', schema, { path: { id } })`.
 * The route names an entry of the contract table (src/domain/contract.ts), whose types check the
 * path parameters, the query, the body and the response schema at compile time; only the types are
 * imported, so the table and its schemas cost the first load nothing (each caller brings the response
 * schema it parses with, the one the table names). Every answer is parsed before anything renders it;
 * every failure becomes an `ApiError` carrying the server's problem document.
 */
type Table = typeof ENDPOINTS;
type Name = keyof Table;
type RouteOf<N extends Name> = `${Table[N]['method']} ${Table[N]['path']}`;
/** Every endpoint as `METHOD /path`, the way the contract table and the OpenAPI document name it. */
export type Route = { [N in Name]: RouteOf<N> }[Name];
type EndpointOf<R extends Route> = { [N in Name]: RouteOf<N> extends R ? Table[N] : never }[Name];

type ParamNames<P extends string> = P extends `${string}:${infer K}/${infer Rest}`
  ? K | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer K}`
    ? K
    : never;
type PathParams<R extends Route> = ParamNames<EndpointOf<R>['path']>;
/** A query as the client sends it: the values the server's query schema yields, each optional. */
export type QueryOf<R extends Route> =
  EndpointOf<R> extends { query: infer Q extends z.ZodType } ? { [K in keyof z.output<Q>]?: z.output<Q>[K] } : never;
type BodyOf<R extends Route> =
  EndpointOf<R> extends { body: 'multipart' }
    ? FormData
    : EndpointOf<R> extends { body: infer B extends z.ZodType }
      ? z.input<B>
      : never;
/** The response schema the contract names for the route; null for an answer without a body. */
export type ResponseSchemaOf<R extends Route> =
  EndpointOf<R> extends { response: infer S extends z.ZodType } ? S : null;
export type ResponseOf<R extends Route> = ResponseSchemaOf<R> extends z.ZodType ? z.infer<ResponseSchemaOf<R>> : null;

export type RequestOptions<R extends Route> = {
  signal?: AbortSignal | undefined;
  /** The session's token, sent as `X-CSRF-Token` by every write; sign-in itself has none. */
  csrfToken?: string | null | undefined;
} & ([PathParams<R>] extends [never] ? { path?: undefined } : { path: Record<PathParams<R>, string> }) &
  ([QueryOf<R>] extends [never] ? { query?: undefined } : { query?: QueryOf<R> | undefined }) &
  ([BodyOf<R>] extends [never] ? { body?: undefined } : { body: BodyOf<R> });
type OptionsArg<R extends Route> = [PathParams<R> | BodyOf<R>] extends [never]
  ? [options?: RequestOptions<R>]
  : [options: RequestOptions<R>];

export type QueryParams = Record<string, string | number | boolean | undefined | null>;

/** `/api/v1/…` resolved against the page's own origin: the same code runs in the browser, jsdom and e2e. */
export function apiUrl(path: string, params: QueryParams = {}): URL {
  const url = new URL(`/api/v1${path}`, window.location.origin);
  for (const [k, v] of Object.entries(params)) {
    // A switch that is on travels as `1`, as the page's own URL has it (`includePending=1`).
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v === true ? '1' : String(v));
  }
  return url;
}

/**
 * A link to a file the API serves (an export, a template), typed by the contract like a request:
 * relative, so it works behind any proxy; a plain download, the session cookie goes along.
 */
export function fileUrl<R extends Route>(route: R, query?: QueryOf<R>): string {
  const url = apiUrl(route.slice(route.indexOf(' ') + 1), query as QueryParams);
  return `${url.pathname}${url.search}`;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(根)'}：${i.message}`)
    .join('；');
}

async function problemOf(res: Response): Promise<ApiError> {
  let problem: Problem | undefined;
  try {
    // The problem schema loads with the first failure, not with every page's first load.
    const [body, { problemSchema }] = await Promise.all([res.json(), import('../domain/problem')]);
    const parsed = problemSchema.safeParse(body);
    if (parsed.success) problem = parsed.data;
  } catch {
    // Not a problem document (a proxy's HTML page, say): the status alone has to do.
  }
  const detail = problem?.detail || undefined;
  const message =
    res.status >= 500
      ? `服务器出错（${res.status}），请稍后重试`
      : (detail ??
        (res.status === 404
          ? '请求的内容不存在'
          : res.status === 413
            ? '上传的内容过大'
            : `请求失败（${res.status}）`));
  return new ApiError('http', res.status, message, detail, problem);
}

export async function request<R extends Route>(
  route: R,
  schema: ResponseSchemaOf<R>,
  ...[options = {} as RequestOptions<R>]: OptionsArg<R>
): Promise<ResponseOf<R>> {
  const space = route.indexOf(' ');
  const method = route.slice(0, space);
  const pathParams: Record<string, string> = options.path ?? {};
  const path = route.slice(space + 1).replace(/:(\w+)/g, (_, k: string) => encodeURIComponent(pathParams[k] ?? ''));
  const write = method !== 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query as QueryParams | undefined), {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (e) {
    if (options.signal?.aborted) throw e;
    const unsaved = write ? '，内容尚未保存' : '';
    throw new ApiError(
      'network',
      0,
      `无法连接到服务器${unsaved}，请检查网络后重试`,
      e instanceof Error ? e.message : undefined,
    );
  }
  if (!res.ok) throw await problemOf(res);
  if (schema === null || res.status === 204) return null as ResponseOf<R>;
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new ApiError('schema', res.status, '服务器返回的数据无法解析，已拒绝显示', NOT_JSON_DETAIL);
  }
  const parsed = (schema as z.ZodType).safeParse(json);
  if (!parsed.success) {
    throw new ApiError('schema', res.status, '服务器返回的数据格式不正确，已拒绝显示', describeIssues(parsed.error));
  }
  return parsed.data as ResponseOf<R>;
}
