/** Runs the app on the MSW mock in the browser (`VITE_MOCK=1 npx vite`): no server, same catalog, same domain code. */
export async function startBrowserMock(): Promise<void> {
  const [{ setupWorker }, { createMockApi }] = await Promise.all([
    import('msw/browser'),
    import('../../mock/handlers'),
  ]);
  const mock = createMockApi({ baseUrl: window.location.origin });
  const worker = setupWorker(...mock.handlers);
  // `?mockFailure=server-error` etc. shows the designed failure states in the preview.
  const mode = new URLSearchParams(window.location.search).get('mockFailure');
  if (mode === 'server-error' || mode === 'network-error' || mode === 'slow' || mode === 'malformed')
    mock.setFailure(mode);
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
}
