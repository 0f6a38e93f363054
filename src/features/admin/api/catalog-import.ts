import { isApiError } from '../../../api/api-error';
import { apiSend } from '../../../api/send';
import { type CatalogImportResponse, catalogImportResponseSchema } from '../../../domain/write-api';
import { useAdminMutation } from './use-admin-mutation';

/** Upload of a plan's targets; a refused commit answers with the per-row result like a dry run. */
export const useCatalogImport = () =>
  useAdminMutation(
    async ({ file, mode }: { file: File; mode: 'dry-run' | 'commit' }, csrfToken): Promise<CatalogImportResponse> => {
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        return await apiSend('/admin/catalog-imports', {
          form,
          params: { mode },
          csrfToken,
          schema: catalogImportResponseSchema,
        });
      } catch (e) {
        const result = isApiError(e) ? catalogImportResponseSchema.safeParse(e.problem?.result) : null;
        if (result?.success) return result.data;
        throw e;
      }
    },
    [['targets'], ['summary'], ['plans'], ['admin', 'departments']],
  );
