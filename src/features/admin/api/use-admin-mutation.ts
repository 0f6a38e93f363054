import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCsrfToken } from '../../../api/session';

/** A write of the admin pages: sends the CSRF token, then refreshes the queries it names. */
export function useAdminMutation<V, R>(
  send: (vars: V, csrfToken: string | null) => Promise<R>,
  invalidate: readonly (readonly unknown[])[],
) {
  const client = useQueryClient();
  const csrf = useCsrfToken();
  return useMutation({
    mutationFn: async (vars: V) => send(vars, await csrf()),
    onSuccess: async () => {
      await Promise.all(invalidate.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}
