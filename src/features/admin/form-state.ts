import { useState } from 'react';
import type { z } from 'zod';
import { type ApiError, isApiError } from '../../api/api-error';
import { issueOfZod } from '../../domain/issues';
import { useIssueText } from '../../i18n/use-issue-text';
import type { Worded } from '../../i18n/validation';
import type { FieldError } from '../../ui/form-errors';

/**
 * The little state every admin form needs: per-field issues from the domain schema (checked
 * before sending) and from the server (after), and the server's message for the whole request.
 * Issues are kept as codes and worded when shown, in the person's language at that moment.
 */
export function useFieldErrors(prefix: string, labels: Record<string, string>) {
  const [errors, setErrors] = useState<Record<string, Worded>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const words = useIssueText();
  const summary: FieldError[] = Object.entries(errors).map(([field, issue]) => ({
    id: `${prefix}-${field}`,
    label: labels[field] ?? field,
    message: words(issue),
  }));
  return {
    errors,
    failure,
    summary,
    error: (field: string) => {
      const issue = errors[field];
      return issue ? words(issue) : undefined;
    },
    set: (field: string, issue: Worded) => setErrors((all) => ({ ...all, [field]: issue })),
    clear: (field: string) => setErrors(({ [field]: _gone, ...rest }) => rest),
    /** Checks `value` with `schema`; true when it passes. */
    validate<S extends z.ZodType>(schema: S, value: unknown): value is z.infer<S> {
      const parsed = schema.safeParse(value);
      setFailure(null);
      if (parsed.success) {
        setErrors({});
        return true;
      }
      const found: Record<string, Worded> = {};
      for (const i of parsed.error.issues) found[String(i.path[0] ?? '')] ??= issueOfZod(i);
      setErrors(found);
      return false;
    },
    fromServer(e: unknown) {
      if (!isApiError(e)) throw e;
      setFailure(e);
      const found: Record<string, Worded> = {};
      for (const fe of e.problem?.errors ?? []) found[fe.field.split('.')[0] ?? fe.field] ??= fe;
      setErrors(found);
    },
    reset() {
      setErrors({});
      setFailure(null);
    },
  };
}
