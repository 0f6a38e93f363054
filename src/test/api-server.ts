import type { Upstream } from '../../mock/handlers';
import type { Store } from '../../server/repositories/store';
import type { ProgressReport } from '../domain/schemas';
import type { SessionCookie, StoreRead } from './api-worker';

/** The real server a test file talks to (src/test/api-worker.ts), at `base`. */
export interface ApiServer extends Upstream {
  /** Puts the database back as the template has it (only what the last test changed). */
  reset(): Promise<void>;
  /** A session for a test account (mock/fixtures.ts): the cookie that carries it. */
  signIn(username: string): Promise<SessionCookie>;
  /** The reports the server saved since the last reset, in the order it saved them. */
  reportsWritten(): Promise<ProgressReport[]>;
  /** The server store's reads, for a test to compare the page with. */
  store: Pick<Store, StoreRead>;
}

/**
 * The server for this test worker: one per worker (`VITEST_POOL_ID`, 1 to maxWorkers), so two
 * files that run at the same time never share one, and the files a worker runs one after another
 * each start from the database the template has (setupMockApi resets it before every test).
 */
export function apiServerOfThisWorker(bases: readonly string[]): ApiServer {
  const id = Number(process.env.VITEST_POOL_ID);
  const base = bases[id - 1];
  if (!base) throw new Error(`no test server for worker ${process.env.VITEST_POOL_ID} (${bases.length} started)`);
  return connectApiServer(base);
}

/**
 * Node's own fetch, taken before MSW replaces it (setupServer's listen, in beforeAll): the requests
 * MSW hands on to the server neither come back to MSW nor show among the requests a test listens to.
 */
const nativeFetch = globalThis.fetch;

export function connectApiServer(base: string): ApiServer {
  const send = (path: string, init: RequestInit = {}) => nativeFetch(`${base}${path}`, init);
  async function control<T>(path: string, body?: unknown): Promise<T> {
    const res = await send(`/__test/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body ?? null),
    });
    if (!res.ok) throw new Error(`test server /__test/${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
  const store = new Proxy({} as Pick<Store, StoreRead>, {
    get:
      (_, method) =>
      (...args: unknown[]) =>
        control(`store/${String(method)}`, args),
  });

  return {
    async fetch(request) {
      const { pathname, search } = new URL(request.url);
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
      const headers: [string, string][] = [...request.headers];
      const res = await send(`${pathname}${search}`, {
        method: request.method,
        // Uncompressed: this fetch would decompress a compressed answer, which MSW then hands on
        // still marked as compressed.
        headers: [...headers.filter(([k]) => k.toLowerCase() !== 'accept-encoding'), ['accept-encoding', 'identity']],
        ...(hasBody ? { body: await request.arrayBuffer() } : {}),
      });
      return res;
    },
    reset: () => control('reset'),
    signIn: (username) => control('sign-in', { username }),
    reportsWritten: () => control('reports-written'),
    store,
  };
}
