import type { z } from 'zod';
import { isApiError } from './api-error';
import { apiSend } from './send';

export type ImportMode = 'dry-run' | 'commit';
export interface ImportRequest {
  file: File;
  mode: ImportMode;
}

/**
 * Uploads a spreadsheet to an import endpoint. A refused commit (422/403) carries the full per-row
 * result, which is returned like a dry run's so the table shows why; other failures throw.
 */
export async function uploadImport<S extends z.ZodType>(
  path: string,
  { file, mode }: ImportRequest,
  csrfToken: string | null,
  schema: S,
): Promise<z.infer<S>> {
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    return (await apiSend(path, { form, params: { mode }, csrfToken, schema })) as z.infer<S>;
  } catch (e) {
    const result = isApiError(e) ? schema.safeParse(e.problem?.result) : null;
    if (result?.success) return result.data;
    throw e;
  }
}
