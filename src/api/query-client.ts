import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';

/** Refresh quietly every minute; a schema or 4xx error will not fix itself on retry, a network blip may. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchInterval: 60_000,
        retry: (count, error) => count < 1 && (!isApiError(error) || error.kind === 'network' || error.status >= 500),
        retryDelay: 1_000,
      },
    },
  });
}
