/** Runs the app on the MSW mock in the browser (`VITE_MOCK=1 npx vite`): no server, same catalog, same domain code. */
export async function startBrowserMock(): Promise<void> {
  const [{ setupWorker }, { createMockApi }, { createWriteMockApi }] = await Promise.all([
    import('msw/browser'),
    import('../../mock/handlers'),
    import('../../mock/write-handlers'),
  ]);
  const mock = createMockApi({ baseUrl: window.location.origin });
  // Sign-in (users admin / rep / viewer, see mock/write-handlers.ts), reporting and CSV import in memory.
  const write = createWriteMockApi(mock, { baseUrl: window.location.origin });
  const worker = setupWorker(...mock.handlers, ...write.handlers);
  // `?mockFailure=server-error` etc. shows the designed failure states in the preview.
  const mode = new URLSearchParams(window.location.search).get('mockFailure');
  if (mode === 'server-error' || mode === 'network-error' || mode === 'slow' || mode === 'malformed')
    mock.setFailure(mode);
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
}
