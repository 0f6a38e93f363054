import http from 'node:http';
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
 * Node's own http.request, taken before MSW wraps it (setupServer's listen, in beforeAll): what MSW
 * hands on to the server neither comes back to MSW nor shows among the requests a test listens to.
 * Not fetch: its connection timers are the global setTimeout, which a test's fake timers replace
 * (and count); http's are Node's own.
 */
const nativeRequest = http.request;

/** The connection's own headers, not the answer's. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding']);
/** Responses with one of these statuses have no body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 204, 205, 304]);

interface Sent {
  method?: string;
  headers?: [string, string][];
  body?: ArrayBuffer | string | undefined;
}

function send(base: string, path: string, { method = 'GET', headers = [], body }: Sent = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = nativeRequest(`${base}${path}`, { method, headers: Object.fromEntries(headers) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const status = res.statusCode ?? 500;
        const answer = new Headers();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i] as string;
          if (!HOP_BY_HOP.has(name.toLowerCase())) answer.append(name, res.rawHeaders[i + 1] as string);
        }
        resolve(new Response(NULL_BODY.has(status) ? null : Buffer.concat(chunks), { status, headers: answer }));
      });
    });
    request.on('error', reject);
    request.end(typeof body === 'string' ? body : body ? Buffer.from(body) : undefined);
  });
}

export function connectApiServer(base: string): ApiServer {
  async function control<T>(path: string, body?: unknown): Promise<T> {
    const res = await send(base, `/__test/${path}`, {
      method: 'POST',
      headers: [['content-type', 'application/json']],
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
      return send(base, `${pathname}${search}`, {
        method: request.method,
        headers: [...request.headers],
        body: hasBody ? await request.arrayBuffer() : undefined,
      });
    },
    reset: () => control('reset'),
    signIn: (username) => control('sign-in', { username }),
    reportsWritten: () => control('reports-written'),
    store,
  };
}
