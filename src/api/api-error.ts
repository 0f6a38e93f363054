/**
 * Every failure of the API reaches the UI as one of three kinds, with a message in Chinese that can
 * be shown as is: the server could not be reached, it answered with an error, or it answered with
 * something the contract does not allow (rejected by the domain schema, never rendered).
 */
export type ApiErrorKind = 'network' | 'http' | 'schema';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  /** Technical detail for the "details" disclosure (schema issues, problem detail). */
  readonly detail: string | undefined;

  constructor(kind: ApiErrorKind, status: number, message: string, detail?: string) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.detail = detail;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export const isNotFound = (e: unknown): boolean => isApiError(e) && e.kind === 'http' && e.status === 404;
