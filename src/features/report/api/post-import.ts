import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../api/api-error';
import { apiSend } from '../../../api/send';
import { PROGRESS_QUERY_ROOTS, useCsrfToken } from '../../../api/session';
import { type ImportResponse, importResponseSchema } from '../../../domain/write-api';

export interface ImportRequest {
  file: File;
  mode: 'dry-run' | 'commit';
}

/**
 * Uploads a filled-in template. A refused commit (422/403) carries the full per-row result, which is
 * returned like a dry run's so the table shows why; other failures throw.
 */
export function usePostImport() {
  const client = useQueryClient();
  const csrf = useCsrfToken();
  return useMutation({
    mutationFn: async ({ file, mode }: ImportRequest): Promise<ImportResponse> => {
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        return await apiSend('/imports', {
          form,
          params: { mode },
          csrfToken: await csrf(),
          schema: importResponseSchema,
        });
      } catch (e) {
        const result = isApiError(e) ? importResponseSchema.safeParse(e.problem?.result) : null;
        if (result?.success) return result.data;
        throw e;
      }
    },
    onSuccess: (body) => {
      if (body.committed)
        void client.invalidateQueries({
          predicate: (q) => (PROGRESS_QUERY_ROOTS as readonly unknown[]).includes(q.queryKey[0]),
        });
    },
  });
}
