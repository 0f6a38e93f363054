import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { PROGRESS_QUERY_ROOTS, useCsrfToken } from '../../../api/session';
import { type CorrectionInput, type ReportInput, reportResponseSchema } from '../../../domain/write-api';

export type ReportRequest =
  | { kind: 'new'; targetId: string; body: ReportInput }
  | { kind: 'correction'; reportId: string; body: CorrectionInput };

export const postReport = async (req: ReportRequest, csrfToken: string | null) =>
  req.kind === 'new'
    ? request('POST /targets/:id/reports', reportResponseSchema, {
        path: { id: req.targetId },
        body: req.body,
        csrfToken,
      })
    : request('POST /reports/:id/corrections', reportResponseSchema, {
        path: { id: req.reportId },
        body: req.body,
        csrfToken,
      });

/** Saves a report or a correction; afterwards every view of progress refreshes. */
export function usePostReport() {
  const client = useQueryClient();
  const csrf = useCsrfToken();
  return useMutation({
    mutationFn: async (req: ReportRequest) => postReport(req, await csrf()),
    onSuccess: () =>
      client.invalidateQueries({
        predicate: (q) => (PROGRESS_QUERY_ROOTS as readonly unknown[]).includes(q.queryKey[0]),
      }),
  });
}
