import { QueryClient } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { NOW, type TestUsername } from '../../mock/fixtures';
import { createMockApi } from '../../mock/handlers';
import { Providers } from '../app/providers';
import { AppRoutes } from '../app/routes';
import { useUiStore } from '../stores/ui-store';
import { apiServerOfThisWorker } from './api-server';

// Two workers share two cores with the API tests; lazy route chunks can take over a second to import cold.
configure({ asyncUtilTimeout: 4_000 });

/** The fixed clock of every component test, the server's included (Asia/Shanghai 2025-12-29 10:30). */
export { NOW };

/**
 * The data API for one test file: MSW hands every `/api/*` request to the real server (`createApp`
 * of server/app.ts over a copy of the test database, in a thread of the run's main process:
 * src/test/api-worker.ts), and the database is put back as the template has it before every test.
 * Failure modes and per-test overrides (`server.use`) are MSW's.
 */
export function setupMockApi() {
  const apiServer = apiServerOfThisWorker(inject('apiServers'));
  /** A sign-in a test asked for without awaiting it: requests wait for it. */
  let signingIn: Promise<void> = Promise.resolve();
  const mock = createMockApi({
    origin: window.location.origin,
    upstream: () => apiServer,
    ready: () => signingIn,
    slowMs: 2_500,
  });
  const server = setupServer(...mock.handlers);

  beforeAll(async () => {
    // Before the file's own beforeAll reads anything: the file run before it on this server may
    // have left its last test's writes.
    await apiServer.reset();
    server.listen({ onUnhandledRequest: 'error' });
  });
  beforeEach(async () => {
    await signingIn.catch(() => undefined);
    await apiServer.reset();
    mock.reset();
    localStorage.clear();
    useUiStore.setState({ theme: null, locale: 'zh-CN', localeOverride: null });
  });
  /** Requests MSW has taken and not yet answered, for a test's message when something never arrives. */
  const started = new Map<string, { label: string; at: number }>();
  beforeEach(() => {
    // Again each test: a file's afterEach may remove every listener (server.events.removeAllListeners).
    started.clear();
    server.events.on('request:start', ({ request, requestId }) => {
      const url = new URL(request.url);
      started.set(requestId, { label: `${request.method} ${url.pathname}${url.search}`, at: performance.now() });
    });
    server.events.on('request:end', ({ requestId }) => {
      started.delete(requestId);
    });
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const api = {
    setFailure: mock.setFailure,
    /** The server's store over the test database: what the server reads, for a test to compare with. */
    store: apiServer.store,
    /** The requests still waiting for their answer, each with how long it has waited. */
    waiting: (): string[] =>
      [...started.values()].map((r) => `${r.label} (${Math.round(performance.now() - r.at)} ms)`),
  };
  const write = {
    /** Signs a test account in (mock/fixtures.ts), as the sign-in form would, without typing its password. */
    signInAs(username: TestUsername) {
      signingIn = apiServer.signIn(username).then((cookie) => {
        mock.cookies.set(cookie.name, cookie.value);
      });
    },
    setWriteFailure: mock.setWriteFailure,
    /** The reports the server saved in this test, in the order it saved them. */
    reportsWritten: () => apiServer.reportsWritten(),
  };
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
