// First: configures zod before any schema module is evaluated (as in main.tsx).
import './app/zod-config';
import { renderToString } from 'react-dom/server';
import { Route, Routes, StaticRouter } from 'react-router';
import { createQueryClient } from './api/query-client';
import { queryKeys } from './api/query-keys';
import { AppLayout } from './app/app-layout';
import { Providers } from './app/providers';
import { AppRoutes } from './app/routes';
import { type SummaryResponse, summaryResponseSchema } from './domain/api';
import { type TargetDetailResponse, targetDetailResponseSchema } from './domain/target-api';
import { ScreenPage } from './features/screen/screen-page';
import { TargetPage } from './features/target/target-page';
import { loadApprovalMessages, loadMeetingMessages } from './i18n/messages';

export { SCREEN_PAGE_CSS } from './features/screen/preview-styles';
export { TARGET_PAGE_CSS } from './features/target/preview-styles';

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

/**
 * A target page as HTML (its plain address: the latest figures, approved only), rendered like the
 * overview from the API answer the page would fetch (server/http/landing.ts: targetShell). The page's
 * own code is a lazy chunk in the browser; here it is rendered directly. The trend chart's box is
 * drawn with its placeholder: the chart follows in the browser (trend-figure.tsx).
 */
export async function renderTarget(detail: TargetDetailResponse, now: Date): Promise<string> {
  // The words of report review (history versions, narratives) come with the page's chunk in the browser.
  await loadApprovalMessages();
  const queryClient = createQueryClient();
  const data = targetDetailResponseSchema.parse(detail);
  queryClient.setQueryData(queryKeys.target({ id: data.item.id }), data);
  const html = renderToString(
    <Providers queryClient={queryClient} now={() => now}>
      <StaticRouter location={`/targets/${encodeURIComponent(data.item.id)}`}>
        <Routes>
          <Route element={<AppLayout />}>
            <Route path="targets/:id" element={<TargetPage />} />
          </Route>
        </Routes>
      </StaticRouter>
    </Providers>,
  );
  queryClient.clear();
  return html;
}

/**
 * The wall (`/screen` with its URL's settings, for the summary without filters) as HTML: its first
 * slide, rendered like the overview from the summary the wall would fetch (server/http/landing.ts:
 * screenShell). Its code and words are a lazy chunk in the browser; here they are loaded first.
 */
export async function renderScreen(summary: SummaryResponse, search: string, now: Date): Promise<string> {
  await loadMeetingMessages();
  const queryClient = createQueryClient();
  queryClient.setQueryData(queryKeys.summary({}), summaryResponseSchema.parse(summary));
  const html = renderToString(
    <Providers queryClient={queryClient} now={() => now}>
      <StaticRouter location={`/screen${search}`}>
        <ScreenPage />
      </StaticRouter>
    </Providers>,
  );
  queryClient.clear();
  return html;
}
