import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse, User } from '../domain/session-schema';
import { apiGet } from './client';

/**
 * Who is signed in, and the CSRF token every write sends back. Server state like any other: it lives
 * in TanStack Query under `['session']`, never in a store.
 */
export const sessionQueryKey = ['session'] as const;

/**
 * The session schema loads with the first session check, not with the overview's entry chunk; the
 * rest of the write side (write-api.ts, with the report checks) only with a page that writes.
 */
const sessionSchema = () => import('../domain/session-schema');
/** The write wrapper (and its problem schemas) loads with the first write, not with every page. */
const send = () => import('./send').then((m) => m.apiSend);

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionQueryKey,
    queryFn: async ({ signal }) => apiGet('/session', (await sessionSchema()).sessionResponseSchema, {}, signal),
    staleTime: 5 * 60_000,
    refetchInterval: false,
  });

export const useSession = () => useQuery(sessionQueryOptions());

export function useSessionUser(): User | null {
  return useSession().data?.user ?? null;
}

/** Resolves the current CSRF token (asking the server when the session is not loaded yet). */
export function useCsrfToken(): () => Promise<string | null> {
  const client = useQueryClient();
  return async () => (await client.ensureQueryData(sessionQueryOptions())).csrfToken;
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { username: string; password: string }) =>
      (await send())('/session', { json: body, schema: (await sessionSchema()).sessionResponseSchema }),
    onSuccess: (session: SessionResponse) => {
      client.setQueryData(sessionQueryKey, session);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  const csrf = useCsrfToken();
  return useMutation({
    mutationFn: async () => (await send())('/session', { method: 'DELETE', csrfToken: await csrf(), schema: null }),
    onSettled: () => {
      client.setQueryData<SessionResponse>(sessionQueryKey, (s) => (s ? { ...s, user: null, csrfToken: null } : s));
      // What a signed-in person saw (their targets, the user list) is not for the next person.
      client.removeQueries({ predicate: (q) => q.queryKey[0] === 'my-targets' || q.queryKey[0] === 'admin' });
    },
  });
}

/** After a report or an import: everything that shows progress refreshes. */
export const PROGRESS_QUERY_ROOTS = ['summary', 'targets', 'target', 'my-targets', 'review', 'projects'] as const;
