import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './e2e/server-process';

/**
 * A throwaway PostgreSQL cluster for the benchmarks, the way .ci/run starts one: Debian's package
 * cannot start its own cluster here, so initdb and pg_ctl run as the postgres user on 127.0.0.1 and a
 * free port. Returns null when PostgreSQL is not installed (or we are not root to switch users).
 */
export interface PgCluster {
  url: string;
  stop(): void;
}

export async function startPgCluster(): Promise<PgCluster | null> {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root) || process.getuid?.() !== 0) return null;
  const version = readdirSync(root)
    .sort((a, b) => Number(a) - Number(b))
    .at(-1);
  if (!version) return null;
  const bin = path.join(root, version, 'bin');
  const dir = mkdtempSync(path.join(tmpdir(), 'tb-pg-'));
  chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0);
  const port = await freePort();
  const asPostgres = (cmd: string) => execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', cmd], { stdio: 'pipe' });
  asPostgres(`${bin}/initdb -D ${dir}/data -A trust -U postgres -E UTF8 --locale=C.UTF-8`);
  asPostgres(
    `${bin}/pg_ctl -D ${dir}/data -l ${dir}/log -w -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=256MB" start`,
  );
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        asPostgres(`${bin}/pg_ctl -D ${dir}/data -m immediate stop`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
