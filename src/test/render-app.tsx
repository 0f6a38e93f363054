import { QueryClient } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createMockApi } from '../../mock/handlers';
import { createWriteMockApi } from '../../mock/write-handlers';
import { Providers } from '../app/providers';
import { AppRoutes } from '../app/routes';
import { useUiStore } from '../stores/ui-store';

// Two workers share two cores with the API tests; lazy route chunks can take over a second to import cold.
configure({ asyncUtilTimeout: 4_000 });

/** A fixed clock for every component test (Asia/Shanghai 2025-12-29 10:30). */
export const NOW = new Date('2025-12-29T02:30:00Z');

/**
 * One MSW server per test file, answering from the same catalog and domain code as the real API,
 * with failure modes that can be switched per test.
 */
export function setupMockApi() {
  const api = createMockApi({ baseUrl: window.location.origin, now: () => NOW, slowMs: 2_500 });
  // Sign-in, reports, imports and admin (issue 7): the layout asks who is signed in on every page.
  const write = createWriteMockApi(api, { baseUrl: window.location.origin, now: () => NOW });
  const server = setupServer(...api.handlers, ...write.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    api.setFailure('none');
    write.reset();
    localStorage.clear();
    useUiStore.setState({ theme: null, locale: 'zh-CN', localeOverride: null });
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return { api, write, server };
}

/**
 * Renders the whole app (layout, routes) at `url` with a fresh QueryClient: the app's own, answers
 * kept fresh for as long as there, without retries and timed refreshes (tests that need them set them).
 * `now`: the UI's clock (the API's stays at `NOW`), e.g. a day long after the newest figure.
 */
export function renderApp(url: string, { now = NOW }: { now?: Date } = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, retry: false, refetchInterval: false } },
  });
  const user = userEvent.setup();
  const utils = render(
    <Providers queryClient={queryClient} now={() => now}>
      <MemoryRouter initialEntries={[url]}>
        <AppRoutes />
      </MemoryRouter>
    </Providers>,
  );
  return { ...utils, user, queryClient };
}

/**
 * Renders `ui` inside the app's providers only (no layout, no app routes), with the caller's
 * QueryClient and clock: for a page given its own props, such as the screen's `reload`. Feature
 * tests reach the app's providers through here, since a feature does not import src/app.
 */
export function renderInProviders(ui: ReactNode, { queryClient, now }: { queryClient: QueryClient; now: () => Date }) {
  return render(
    <Providers queryClient={queryClient} now={now}>
      {ui}
    </Providers>,
  );
}
