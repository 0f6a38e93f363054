import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { Kysely } from 'kysely';
import type { TestProject } from 'vitest/node';
import { LOCKED_USERNAME, NOW, TEST_ACCOUNTS, TEST_PASSWORD } from '../../mock/fixtures';
import type { Database } from '../../server/db/schema';
import { createUser } from '../../server/repositories/users';
import { DEFAULT_RATE_LIMIT, recordFailure, sourceOf } from '../../server/services/rate-limit';
import { buildPgliteTemplate } from '../../tests/api/global-setup';
import type { ApiWorkerData } from './api-worker';

/** The accounts of mock/fixtures.ts, and a source that has guessed at `locked` long enough to wait 15 minutes. */
async function seedTestAccounts(db: Kysely<Database>): Promise<void> {
  for (const a of TEST_ACCOUNTS) await createUser(db, { ...a, password: TEST_PASSWORD }, NOW);
  // 4 failures are free, then the waits double from 5 s: the 13th reaches the 15-minute cap. The
  // source is the tests' address: they reach the server over the loopback.
  const source = sourceOf('127.0.0.1');
  for (let i = 0; i < 13; i++) await recordFailure(db, LOCKED_USERNAME, source, NOW, DEFAULT_RATE_LIMIT);
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The component tests' servers (src/test/api-worker.ts), one per test worker: their base URLs. */
    apiServers: string[];
  }
}

/**
 * The server thread's code in one file, built once per run: a thread loads it in ~0.7 s instead of
 * ~2 s through a TypeScript loader. Packages stay outside (PGlite finds its files next to its own),
 * so the file sits under node_modules, where Node resolves them from.
 */
async function bundleApiWorker(): Promise<{ file: string; remove: () => void }> {
  const dir = path.resolve(import.meta.dirname, '../../node_modules/.cache/target-board-tests');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `api-worker-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [path.join(import.meta.dirname, 'api-worker.ts')],
    outfile: file,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return { file, remove: () => rmSync(file, { force: true }) };
}

/** Starts a server thread; resolves with its base URL once it listens (its database still opening). */
function startApiServer(file: string, data: ApiWorkerData): Promise<{ base: string; worker: Worker }> {
  const worker = new Worker(file, { workerData: data });
  return new Promise((resolve, reject) => {
    worker.once('message', ({ port }: { port: number }) => resolve({ base: `http://127.0.0.1:${port}`, worker }));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the test server thread exited (${code})`)));
  });
}

/**
 * The component tests' database, built once per run as the API tests' is (catalog and demo from
 * the same seed code) with the accounts the tests sign in with, and the real server that answers
 * them: one thread per test worker, each over its own copy of the database, loading it while the
 * test workers start.
 */
export default async function setup(project: TestProject) {
  const [template, bundle] = await Promise.all([
    buildPgliteTemplate({ seededAt: NOW, fixture: seedTestAccounts }),
    bundleApiWorker(),
  ]);
  const workers = Math.max(1, Number(project.config.maxWorkers) || 1);
  const servers = await Promise.all(
    Array.from({ length: workers }, () =>
      startApiServer(bundle.file, { template: template.file, now: NOW.toISOString() }),
    ),
  );
  project.provide(
    'apiServers',
    servers.map((s) => s.base),
  );
  return async () => {
    await Promise.all(servers.map((s) => s.worker.terminate()));
    template.remove();
    bundle.remove();
  };
}
