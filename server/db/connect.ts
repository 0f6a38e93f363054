import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, type KyselyConfig, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { Database } from './schema';

/** PostgreSQL type OIDs whose default JS mapping we override, identically for PGlite and pg. */
const OID = { numeric: 1700, int8: 20, date: 1082, timestamptz: 1184, timestamp: 1114 } as const;
const asIsoInstant = (v: string) => new Date(v).toISOString();
const PARSERS = {
  [OID.numeric]: (v: string) => Number(v),
  [OID.int8]: (v: string) => Number(v),
  [OID.date]: (v: string) => v,
  [OID.timestamptz]: asIsoInstant,
  [OID.timestamp]: asIsoInstant,
};

/**
 * PGlite's buffer pool, out of PostgreSQL's default 128 MB (issue 26: server RSS ≤ 500 MB at province
 * scale). PGlite is WebAssembly: the pool is written in full when the database opens, so all of it is
 * resident from the start, and a WebAssembly memory never shrinks. The data files stay in the
 * operating system's page cache (shared, reclaimable), which serves what the smaller pool does not
 * hold. Measured opening the province's data folder (20,000 targets, 1,000,000 reports): 281 MB
 * resident with 128 MB, 176 MB with 32 MB, 161 MB with 16 MB; reading every target's state window
 * once more (warm; on a loaded machine) 2.9 s with 128 MB, 4.0 s with 32 MB, 6.3 s with 16 MB. The
 * memo's report columns (server/services/report-columns.ts) make such reads rare.
 */
const PGLITE_SHARED_BUFFERS = '32MB';
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`];

export interface DbHandle {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** Where the data lives (a folder for PGlite, the server for PostgreSQL), for logs. */
  location: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** PostgreSQL connection string; when absent the embedded database is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` for an in-memory database. */
  dataDir?: string | undefined;
  /** Start the embedded database from a dump (tests: one template per run). */
  loadDataDir?: Blob | undefined;
  poolSize?: number | undefined;
  /** Sees every query run (tests check the plans of the hot paths with EXPLAIN). */
  onQuery?: ((sql: string, parameters: readonly unknown[]) => void) | undefined;
}

function logger(options: ConnectOptions): KyselyConfig['log'] {
  const { onQuery } = options;
  if (!onQuery) return undefined;
  return (event) => {
    if (event.level === 'query') onQuery(event.query.sql, event.query.parameters);
  };
}

/**
 * PGlite is an embedded database: two processes opening one data folder would corrupt it. A lock
 * file with the owner's PID refuses the second one with a clear message; a lock left by a process
 * that no longer runs (a crash, a kill -9) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'target-board.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(`数据目录 ${dataDir} 正被另一个进程（PID ${owner}）使用：请先停止它，或设置另一个 DATA_DIR`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`无法锁定数据目录 ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function connect(options: ConnectOptions): Promise<DbHandle> {
  if (options.databaseUrl) {
    // Loaded only for PostgreSQL: an embedded database never needs the driver (~3 MB of heap).
    const { default: pg } = await import('pg');
    const types = {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        (PARSERS as Record<number, (v: string) => unknown>)[oid] ?? pg.types.getTypeParser(oid, format),
    };
    // Idle connections are kept five minutes, not pg's default ten seconds: a new connection is a new
    // PostgreSQL backend, whose first statements load its catalog caches and plans (issue 26: a
    // national city's first /review read its reports in 215 ms on new connections, 129 ms on kept
    // ones). They do not keep a script alive (allowExitOnIdle).
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      idleTimeoutMillis: 300_000,
      allowExitOnIdle: true,
      types,
    });
    // An idle connection the server drops (a restart, a failover, an administrator's terminate) is
    // an 'error' on the pool: unhandled, it would end the process. The pool replaces it on next use.
    pool.on('error', (e) => console.error('数据库连接中断，将重新连接 (idle database connection lost):', e.message));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: logger(options) });
    const url = new URL(options.databaseUrl);
    return {
      db,
      kind: 'postgres',
      location: `${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => db.destroy(),
    };
  }
  const dataDir = options.dataDir ?? './.data';
  const releaseLock = dataDir.startsWith('memory://') ? () => {} : lockDataDir(dataDir);
  const client = await PGlite.create({
    dataDir,
    parsers: PARSERS,
    startParams: PGLITE_START_PARAMS,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client), log: logger(options) });
  return {
    db,
    kind: 'pglite',
    location: dataDir,
    close: async () => {
      await db.destroy();
      if (!client.closed) await client.close();
      releaseLock();
    },
  };
}
