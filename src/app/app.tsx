import { useLayoutEffect, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from '../api/query-client';
import { queryKeys } from '../api/query-keys';
import type { SummaryResponse } from '../domain/api';
import { Providers } from './providers';
import { AppRoutes } from './routes';

export function App({ initialSummary }: { initialSummary?: SummaryResponse | undefined } = {}) {
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    // The summary the server rendered the landing page from (server/http/landing.ts): no second fetch.
    if (initialSummary) client.setQueryData(queryKeys.summary({}), initialSummary);
    return client;
  });
  // The server-rendered first paint goes the moment the live page has rendered, before it is painted.
  useLayoutEffect(() => {
    document.getElementById('ssr')?.remove();
  }, []);
  return (
    <Providers queryClient={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </Providers>
  );
}
