import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import pg from 'pg';
import type { connect } from '../../server/db/connect';
import { type RunningServer, startServer } from '../e2e/server-process';
import { startPgCluster } from '../pg-cluster';

/**
 * What the benches on generated data share (scale.bench.ts, a province; national.bench.ts, the
 * nation): their PostgreSQL, the generated database marked seeded and dropped, a server started with
 * the bench's administrator, signing in as them, and a server's memory.
 */
export const BENCH_ADMIN = { username: 'bench-admin', password: 'bench-password-123' } as const;

/**
 * PostgreSQL for a bench: BENCH_DATABASE_URL, else a throwaway cluster, stopped when `run` is done.
 * Without either `run` gets null and why (its PostgreSQL figures then fail, never skip).
 */
export async function withPostgres<T>(run: (url: string | null, failure: string) => Promise<T>): Promise<T> {
  const external = process.env.BENCH_DATABASE_URL ?? null;
  let cluster: Awaited<ReturnType<typeof startPgCluster>> = null;
  let failure = 'not installed (/usr/lib/postgresql) or not root';
  if (!external) {
    try {
      cluster = await startPgCluster();
    } catch (e) {
      failure = `the cluster did not start (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
    }
  }
  try {
    return await run(external ?? cluster?.url ?? null, failure);
  } finally {
    cluster?.stop();
  }
}

/** A generated database holds only what was generated: no catalog or demo seeding on start. */
export async function markSeeded(db: Awaited<ReturnType<typeof connect>>['db']): Promise<void> {
  await sql`insert into meta (key, value) values ('seeded_at', now()::text), ('demo', '1') on conflict (key) do nothing`.execute(
    db,
  );
}

/** Drops the database `name` on the server at `url`, whoever is still connected to it. */
export async function dropDatabase(url: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`drop database if exists ${name} with (force)`);
  } finally {
    await c.end();
  }
}

/** A server on the generated data (`env`: its database), with the bench's administrator. */
export function startBenchServer(env: Record<string, string>): Promise<RunningServer> {
  return startServer({
    env: { ...env, ADMIN_USERNAME: BENCH_ADMIN.username, ADMIN_PASSWORD: BENCH_ADMIN.password },
  });
}

/** The bench's administrator signed in on `server`: the session cookie and its CSRF token, for writes. */
export async function signIn(server: RunningServer): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ADMIN),
  });
  if (!r.ok) throw new Error(`sign-in: ${r.status} ${await r.text()}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

/** A process's resident memory in MB (NaN without a process). */
export function rssMb(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
}
