import { parentPort, workerData } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import { createApp } from '../../server/app';
import { createSession, SESSION_COOKIE } from '../../server/repositories/sessions';
import { Store } from '../../server/repositories/store';
import { findUserByUsername } from '../../server/repositories/users';
import { openTestDb } from './test-db';

/**
 * The real server of the component tests: `createApp` over a copy of the test database, in a thread
 * of the test run's main process (src/test/global-setup.ts starts one per test worker, so files that
 * run at the same time never share one). Apart from the page, as in production: the fake clocks
 * and timers a test installs on the page are not the server's (PGlite's PostgreSQL sets timers too).
 *
 * Besides the API it answers `/__test/…`: put the database back as the template has it, sign a
 * test account in, the reports written since, and the store's reads.
 */
export interface ApiWorkerData {
  template: string;
  /** The server's clock (ISO instant). */
  now: string;
}

/** The store's reads a test may compare the page with. */
export const STORE_READS = ['plans', 'targets', 'target', 'reports'] as const;
export type StoreRead = (typeof STORE_READS)[number];

export interface SessionCookie {
  name: string;
  value: string;
}

const port = parentPort;
if (!port) throw new Error('src/test/api-worker.ts runs in a worker thread');
const { template, now: nowIso } = workerData as ApiWorkerData;
const NOW = new Date(nowIso);

/** Opened while the test workers start: a request waits for it. */
const opened = (async () => {
  const testDb = await openTestDb(template);
  const store = new Store(testDb.db);
  const newApp = () => createApp({ store, now: () => NOW });
  return { testDb, store, newApp, app: newApp() };
})();

/** `env`: the Node request (@hono/node-server), for the client's address as in production. */
async function answer(request: Request, env: unknown): Promise<Response> {
  const s = await opened;
  const { pathname } = new URL(request.url);
  if (!pathname.startsWith('/__test/')) return s.app.fetch(request, env);
  const route = pathname.slice('/__test/'.length);
  if (route === 'reset') {
    // A server that has only seen the data as it is now keeps what it cached; one that saw a
    // test's writes is replaced (its caches and state memo belong to data that is gone).
    if (await s.testDb.reset()) s.app = s.newApp();
    return Response.json(null);
  }
  if (route === 'sign-in') {
    const { username } = (await request.json()) as { username: string };
    const user = await findUserByUsername(s.testDb.db, username);
    if (!user) return Response.json(`no test account “${username}” (mock/fixtures.ts)`, { status: 404 });
    const { token } = await createSession(s.testDb.db, user.id, NOW, null);
    return Response.json({ name: SESSION_COOKIE, value: token } satisfies SessionCookie);
  }
  if (route === 'reports-written') return Response.json(await s.testDb.reportsWritten());
  const method = route.replace(/^store\//, '') as StoreRead;
  if (route.startsWith('store/') && STORE_READS.includes(method)) {
    const args = (await request.json()) as unknown[];
    const read = s.store[method] as (...a: unknown[]) => Promise<unknown>;
    return Response.json(await read.apply(s.store, args));
  }
  return Response.json(`no test route ${pathname}`, { status: 404 });
}

const server = serve({ fetch: answer, hostname: '127.0.0.1', port: 0 }, (info) =>
  port.postMessage({ port: info.port }),
);
// The tests' fetch keeps connections open between requests: a server that closes an idle one after
// Node's default 5 s races the next request on it ("other side closed"). Idle connections stay.
if ('keepAliveTimeout' in server) {
  server.keepAliveTimeout = 10 * 60_000;
  server.headersTimeout = 10 * 60_000 + 1000;
}
opened.catch((e: unknown) => {
  console.error('the test server could not open its database:', e);
  process.exit(1);
});
