import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { PROGRESS_QUERY_ROOTS, useCsrfToken } from '../../../api/session';
import {
  decisionResponseSchema,
  importDecisionResponseSchema,
  type ReviewQueueResponse,
} from '../../../domain/approval-api';
import { reviewQueueQueryKey } from './get-review-queue';

/** Approve or return one report, or every report of one import at once. */
export type Decision =
  | { on: 'report' | 'import'; id: string; kind: 'approve' }
  | { on: 'report' | 'import'; id: string; kind: 'return'; reason: string };

async function send(d: Decision, csrfToken: string | null): Promise<void> {
  const path = { id: d.id };
  if (d.on === 'report') {
    if (d.kind === 'approve')
      await request('POST /reports/:id/approve', decisionResponseSchema, { path, body: {}, csrfToken });
    else
      await request('POST /reports/:id/return', decisionResponseSchema, {
        path,
        body: { reason: d.reason },
        csrfToken,
      });
    return;
  }
  if (d.kind === 'approve')
    await request('POST /imports/:id/approve', importDecisionResponseSchema, { path, body: {}, csrfToken });
  else
    await request('POST /imports/:id/return', importDecisionResponseSchema, {
      path,
      body: { reason: d.reason },
      csrfToken,
    });
}

/** The queue without what was just decided: the item, or the import's items and the import. */
export function withoutDecided(q: ReviewQueueResponse, d: Decision): ReviewQueueResponse {
  const gone = (i: ReviewQueueResponse['items'][number]) =>
    d.on === 'report' ? i.report.id === d.id : i.importId === d.id;
  const items = q.items.filter((i) => !gone(i));
  const removed = q.items.length - items.length;
  const imports = q.imports
    .map((imp) => ({ ...imp, pending: items.filter((i) => i.importId === imp.id).length }))
    .filter((imp) => imp.pending > 0);
  return { ...q, items, imports, total: Math.max(0, q.total - removed) };
}

/**
 * One decision. On success `onDecided` hears of it first (while the card deciding it is still on
 * screen), then the decided reports leave the queue at once (no wait for the refetch), and every view
 * of progress refreshes: an approved figure now counts on the board.
 */
export function useDecision(onDecided: (d: Decision) => void) {
  const client = useQueryClient();
  const csrf = useCsrfToken();
  return useMutation({
    mutationFn: async (d: Decision) => {
      await send(d, await csrf());
      return d;
    },
    onSuccess: (d) => {
      onDecided(d);
      client.setQueryData<ReviewQueueResponse>(reviewQueueQueryKey, (q) => (q ? withoutDecided(q, d) : q));
      void client.invalidateQueries({
        predicate: (q) =>
          q.queryKey[0] === reviewQueueQueryKey[0] ||
          (PROGRESS_QUERY_ROOTS as readonly unknown[]).includes(q.queryKey[0]),
      });
    },
  });
}
