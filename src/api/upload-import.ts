import { isApiError } from './api-error';
import { type RequestOptions, type ResponseOf, type ResponseSchemaOf, request } from './client';

export type ImportMode = 'dry-run' | 'commit';
export interface ImportRequest {
  file: File;
  mode: ImportMode;
}
type ImportRoute =
  | 'POST /imports'
  | 'POST /admin/catalog-imports'
  | 'POST /admin/division-imports'
  | 'POST /admin/department-imports';

/**
 * Uploads a spreadsheet to an import endpoint. A refused commit (422/403) carries the full per-row
 * result, which is returned like a dry run's so the table shows why; other failures throw.
 */
export async function uploadImport<R extends ImportRoute>(
  route: R,
  { file, mode }: ImportRequest,
  csrfToken: string | null,
  schema: ResponseSchemaOf<R>,
): Promise<ResponseOf<R>> {
  const body = new FormData();
  body.append('file', file, file.name);
  try {
    // Both imports take the same request (a file, the mode); only their answers differ.
    const options: RequestOptions<'POST /imports'> = { body, query: { mode }, csrfToken };
    return (await request(
      route as 'POST /imports',
      schema as ResponseSchemaOf<'POST /imports'>,
      options,
    )) as ResponseOf<R>;
  } catch (e) {
    const result = isApiError(e) && schema ? schema.safeParse(e.problem?.result) : null;
    if (result?.success) return result.data as ResponseOf<R>;
    throw e;
  }
}
