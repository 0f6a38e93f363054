import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse, User } from '../domain/session-schema';
import { request } from './client';
import type { SUPERVISION_ROOT } from './get-supervision';
import { queryKeys } from './query-keys';

/**
 * Who is signed in, and the CSRF token every write sends back. Server state like any other: it lives
 * in TanStack Query under `['session']`, never in a store.
 */
export const sessionQueryKey = queryKeys.session();

/**
 * The root of every 督办 list's key (get-supervision.ts): named here by type only, so the session's
 * chunk does not load the supervision schemas.
 */
const supervisionRoot: typeof SUPERVISION_ROOT = 'supervision';

/**
 * The session schema loads with the first session check, not with the overview's entry chunk; the
 * rest of the write side (write-api.ts, with the report checks) only with a page that writes.
 */
const sessionSchema = async () => (await import('../domain/session-schema')).sessionResponseSchema;

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionQueryKey,
    queryFn: async ({ signal }) => request('GET /session', await sessionSchema(), { signal }),
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
      request('POST /session', await sessionSchema(), { body }),
    onSuccess: (session: SessionResponse) => {
      // Someone else signing in must not see the previous person's 督办 list (`mine=1`) from the cache.
      const before = client.getQueryData<SessionResponse>(sessionQueryKey)?.user?.id;
      if (before !== session.user?.id) client.removeQueries({ queryKey: [supervisionRoot] });
      client.setQueryData(sessionQueryKey, session);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  const csrf = useCsrfToken();
  return useMutation({
    mutationFn: async () => request('DELETE /session', null, { csrfToken: await csrf() }),
    onSettled: () => {
      client.setQueryData<SessionResponse>(sessionQueryKey, (s) => (s ? { ...s, user: null, csrfToken: null } : s));
      // What a signed-in person saw (their targets, the user list) is not for the next person.
      client.removeQueries({ queryKey: queryKeys.myTargets() });
      client.removeQueries({ queryKey: ['admin'] });
      // 督办 lists: `mine=1` is this person's departments' items.
      client.removeQueries({ queryKey: [supervisionRoot] });
    },
  });
}

/** After a report or an import: everything that shows progress refreshes. */
export const PROGRESS_QUERY_ROOTS = [
  'summary',
  'targets',
  'target',
  'my-targets',
  'review',
  'projects',
  'department',
  'rankings',
] as const;
