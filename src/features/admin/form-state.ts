import { useState } from 'react';
import type { z } from 'zod';
import { type ApiError, isApiError } from '../../api/api-error';
import type { FieldError } from '../../ui/form-errors';

/**
 * The little state every admin form needs: per-field messages from the domain schema (checked
 * before sending) and from the server (after), and the server's message for the whole request.
 */
export function useFieldErrors(prefix: string, labels: Record<string, string>) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const summary: FieldError[] = Object.entries(errors).map(([field, message]) => ({
    id: `${prefix}-${field}`,
    label: labels[field] ?? field,
    message,
  }));
  return {
    errors,
    failure,
    summary,
    error: (field: string) => errors[field],
    set: (field: string, message: string) => setErrors((all) => ({ ...all, [field]: message })),
    clear: (field: string) => setErrors(({ [field]: _gone, ...rest }) => rest),
    /** Checks `value` with `schema`; true when it passes. */
    validate<S extends z.ZodType>(schema: S, value: unknown): value is z.infer<S> {
      const parsed = schema.safeParse(value);
      setFailure(null);
      if (parsed.success) {
        setErrors({});
        return true;
      }
      const found: Record<string, string> = {};
      for (const i of parsed.error.issues) found[String(i.path[0] ?? '')] ??= i.message;
      setErrors(found);
      return false;
    },
    fromServer(e: unknown) {
      if (!isApiError(e)) throw e;
      setFailure(e);
      const found: Record<string, string> = {};
      for (const fe of e.problem?.errors ?? []) found[fe.field.split('.')[0] ?? fe.field] ??= fe.message;
      setErrors(found);
    },
    reset() {
      setErrors({});
      setFailure(null);
    },
  };
}
