import { queryKeys } from '../../../api/query-keys';
import { type ImportRequest, uploadImport } from '../../../api/upload-import';
import { catalogImportResponseSchema } from '../../../domain/write-api';
import { AFTER_DIVISION_CHANGE } from './departments';
import { useAdminMutation } from './use-admin-mutation';

/** Upload of a plan's targets; a refused commit answers with the per-row result like a dry run. */
export const useCatalogImport = () =>
  useAdminMutation(
    (request: ImportRequest, csrfToken) =>
      uploadImport('POST /admin/catalog-imports', request, csrfToken, catalogImportResponseSchema),
    // A sheet may name leads: everything a division change moves, as well as the plans.
    [...AFTER_DIVISION_CHANGE, queryKeys.plans()],
  );
