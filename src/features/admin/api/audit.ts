import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fileUrl, request } from '../../../api/client';
import { type AuditParams, queryKeys } from '../../../api/query-keys';
import { auditResponseSchema } from '../../../domain/write-api';

export type AuditFilter = AuditParams;

export const useAudit = (f: AuditFilter) =>
  useQuery({
    queryKey: queryKeys.audit(f),
    queryFn: ({ signal }) =>
      request('GET /admin/audit', auditResponseSchema, { query: { ...f, pageSize: 50 }, signal }),
    placeholderData: keepPreviousData,
  });

/** The export is a plain download (the session cookie goes along); same filters as the table. */
export const auditExportHref = (f: AuditFilter, format: 'csv' | 'xlsx') => {
  const { page: _page, ...rest } = f;
  return fileUrl('GET /admin/audit/export', { ...rest, format });
};
