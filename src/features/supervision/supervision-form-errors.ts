import type { ApiError } from '../../api/api-error';
import type { Worded } from '../../i18n/validation';

/** A server's field issues by field (the first per field), the rest for the form's alert. */
export function serverFieldIssues(
  error: ApiError | null,
  fields: readonly string[],
): { byField: Record<string, Worded>; rest: Worded[] } {
  const byField: Record<string, Worded> = {};
  const rest: Worded[] = [];
  for (const issue of error?.problem?.errors ?? []) {
    const field = fields.find((f) => issue.field === f || issue.field.startsWith(`${f}.`));
    if (field && !byField[field]) byField[field] = issue;
    else rest.push(issue);
  }
  return { byField, rest };
}
