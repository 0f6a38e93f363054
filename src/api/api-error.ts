import type { Problem } from '../domain/problem';
import { isFilterParam, type UnknownFilter } from '../domain/query';

/**
 * Every failure of the API reaches the UI as one of three kinds, with a message in Chinese for logs
 * and forms (the error panel words it from kind and status in the person's language): the server could not be reached, it answered with an error, or it answered with
 * something the contract does not allow (rejected by the domain schema, never rendered).
 */
export type ApiErrorKind = 'network' | 'http' | 'schema';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  /** Technical detail for the "details" disclosure (schema issues, problem detail). */
  readonly detail: string | undefined;
  /** The parsed problem document of a failed write, when the server sent one. */
  readonly problem: Problem | undefined;

  constructor(kind: ApiErrorKind, status: number, message: string, detail?: string, problem?: Problem) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.detail = detail;
    this.problem = problem;
  }
}

/** The detail of a response that was not JSON at all (a proxy's HTML page), as opposed to JSON the schema rejects. */
export const NOT_JSON_DETAIL = '响应不是有效的 JSON';

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export const isNotFound = (e: unknown): boolean => isApiError(e) && e.kind === 'http' && e.status === 404;

/** The filter a 400 says names nothing (`?district=崂山`), or null for any other failure. */
export function unknownFilterOf(e: unknown): UnknownFilter | null {
  if (!isApiError(e) || e.kind !== 'http' || e.status !== 400) return null;
  const p = e.problem;
  if (!p?.param || p.value === undefined || !isFilterParam(p.param)) return null;
  return { param: p.param, value: p.value, allowed: p.allowed ?? [] };
}
