import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PROGRESS_QUERY_ROOTS, useCsrfToken } from '../../../api/session';
import { type ImportRequest, uploadImport } from '../../../api/upload-import';
import { type ImportResponse, importResponseSchema } from '../../../domain/write-api';

/**
 * Uploads a filled-in template. A refused commit (422/403) carries the full per-row result, which is
 * returned like a dry run's so the table shows why; other failures throw.
 */
export function usePostImport() {
  const client = useQueryClient();
  const csrf = useCsrfToken();
  return useMutation({
    mutationFn: async (request: ImportRequest): Promise<ImportResponse> =>
      uploadImport('POST /imports', request, await csrf(), importResponseSchema),
    onSuccess: (body) => {
      if (body.committed)
        void client.invalidateQueries({
          predicate: (q) => (PROGRESS_QUERY_ROOTS as readonly unknown[]).includes(q.queryKey[0]),
        });
    },
  });
}
