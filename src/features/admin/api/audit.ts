import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiUrl } from '../../../api/client';
import { auditResponseSchema } from '../../../domain/write-api';

export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
}

export const useAudit = (f: AuditFilter) =>
  useQuery({
    queryKey: ['admin', 'audit', f] as const,
    queryFn: ({ signal }) => apiGet('/admin/audit', auditResponseSchema, { ...f, pageSize: 50 }, signal),
    placeholderData: keepPreviousData,
  });

/** The export is a plain download (the session cookie goes along); same filters as the table. */
export const auditExportHref = (f: AuditFilter, format: 'csv' | 'xlsx') => {
  const { page: _page, ...rest } = f;
  const url = apiUrl('/admin/audit/export', { ...rest, format });
  return `${url.pathname}${url.search}`;
};
