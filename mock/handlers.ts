import { delay, HttpResponse, http } from 'msw';
import type { Problem } from '../src/domain/problem';

/**
 * MSW in front of the real server: every `/api/*` request of the page is handed to the Hono app of
 * server/app.ts (over a test database), so what answers is the code that answers in production.
 * This module only adds what a browser would (its cookies) and what tests need to show what people
 * see when the API misbehaves: failure modes switched per test. Anything more specific is a
 * per-test override (`server.use(http.get(…))`), as in Grafana's tests.
 */
export type FailureMode = 'none' | 'server-error' | 'network-error' | 'slow' | 'malformed';

/** What answers: `createApp(…)` of server/app.ts. */
export interface Upstream {
  fetch(request: Request): Response | Promise<Response>;
}

export interface MockApiOptions {
  /** The page's origin: the handlers answer `${origin}/api/*`. */
  origin: string;
  /** The server answering, asked for per request. */
  upstream: () => Upstream;
  /** Awaited before a request is passed on: set-up a test started without awaiting it (a sign-in). */
  ready?: () => Promise<unknown>;
  /** Delay of the `slow` failure mode, ms. */
  slowMs?: number;
}

export interface MockApi {
  handlers: ReturnType<typeof http.all>[];
  /** Failure of the data reads (GET, except who is signed in: the layout asks that on every page). */
  setFailure(mode: FailureMode): void;
  /** Failure of the writes (POST, PATCH, DELETE), sign-in included. */
  setWriteFailure(mode: FailureMode): void;
  /** The browser's cookies for the origin (the server's session cookie is HttpOnly: no document.cookie). */
  readonly cookies: Map<string, string>;
  /** No failures, no cookies. */
  reset(): void;
}

const SESSION_PATH = '/api/v1/session';

const serverError = (): Problem => ({
  type: 'about:blank',
  title: '服务器内部错误',
  status: 500,
  detail: '模拟的服务器错误',
});

export function createMockApi(options: MockApiOptions): MockApi {
  let readFailure: FailureMode = 'none';
  let writeFailure: FailureMode = 'none';
  const cookies = new Map<string, string>();

  const failureOf = (request: Request): FailureMode => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return writeFailure;
    return new URL(request.url).pathname === SESSION_PATH ? 'none' : readFailure;
  };

  /** A response to send instead of the server's, or null to go on (after a delay, when slow). */
  async function injected(mode: FailureMode): Promise<Response | null> {
    if (mode === 'server-error')
      return HttpResponse.json(serverError(), {
        status: 500,
        headers: { 'content-type': 'application/problem+json; charset=utf-8' },
      });
    if (mode === 'network-error') return HttpResponse.error();
    if (mode === 'malformed') return HttpResponse.json({ unexpected: true, items: 'not-an-array' });
    if (mode === 'slow') await delay(options.slowMs ?? 3000);
    return null;
  }

  /**
   * The request as a browser sends it: with its cookies (MSW passes document.cookie on; the
   * HttpOnly ones are kept here), and without asking for compression (nothing here decompresses).
   */
  async function asSent(request: Request): Promise<Request> {
    // Copied entry by entry: `new Headers(request.headers)` keeps only some of a multipart request's.
    const headers = new Headers([...request.headers]);
    headers.delete('accept-encoding');
    const sent = new Map<string, string>();
    for (const pair of (headers.get('cookie') ?? '').split(';')) {
      const eq = pair.indexOf('=');
      if (eq > 0) sent.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    for (const [k, v] of cookies) sent.set(k, v);
    if (sent.size) headers.set('cookie', [...sent].map(([k, v]) => `${k}=${v}`).join('; '));
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    return new Request(request.url, {
      method: request.method,
      headers,
      ...(hasBody ? { body: await request.arrayBuffer() } : {}),
    });
  }

  function keepCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const removed = attributes.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a));
      if (removed) cookies.delete(name);
      else cookies.set(name, pair.slice(eq + 1).trim());
    }
  }

  const handler = http.all(`${options.origin}/api/*`, async ({ request }) => {
    await options.ready?.();
    const failed = await injected(failureOf(request));
    if (failed) return failed;
    const response = await options.upstream().fetch(await asSent(request));
    keepCookies(response);
    return response;
  });

  return {
    handlers: [handler],
    cookies,
    setFailure(mode) {
      readFailure = mode;
    },
    setWriteFailure(mode) {
      writeFailure = mode;
    },
    reset() {
      readFailure = 'none';
      writeFailure = 'none';
      cookies.clear();
    },
  };
}
