import { queryKeys } from '../../../api/query-keys';
import { type ImportRequest, uploadImport } from '../../../api/upload-import';
import { catalogImportResponseSchema } from '../../../domain/write-api';
import { useAdminMutation } from './use-admin-mutation';

/** Upload of a plan's targets; a refused commit answers with the per-row result like a dry run. */
export const useCatalogImport = () =>
  useAdminMutation(
    (request: ImportRequest, csrfToken) =>
      uploadImport('POST /admin/catalog-imports', request, csrfToken, catalogImportResponseSchema),
    [['targets'], ['summary'], queryKeys.plans(), queryKeys.departments()],
  );
