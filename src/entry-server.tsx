// First: configures zod before any schema module is evaluated (as in main.tsx).
import './app/zod-config';
import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { createQueryClient } from './api/query-client';
import { queryKeys } from './api/query-keys';
import { Providers } from './app/providers';
import { AppRoutes } from './app/routes';
import { type SummaryResponse, summaryResponseSchema } from './domain/api';

/**
 * The overview as HTML, rendered on the server by the same components the browser runs, from the
 * summary the page would fetch (server/http/landing.ts). It is painted before the JavaScript has run and
 * replaced by the live page once it has (src/main.tsx): the first numbers no longer wait for React,
 * the bundle and a round trip. Built by `vite build --ssr` (server/build.ts) into dist-ssr.
 */
export function renderOverview(summary: SummaryResponse, now: Date): string {
  const queryClient = createQueryClient();
  queryClient.setQueryData(queryKeys.summary({}), summaryResponseSchema.parse(summary));
  const html = renderToString(
    <Providers queryClient={queryClient} now={() => now}>
      <StaticRouter location="/">
        <AppRoutes />
      </StaticRouter>
    </Providers>,
  );
  queryClient.clear();
  return html;
}
