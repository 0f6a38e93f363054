import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import pg from 'pg';
import { inject } from 'vitest';
import { createApp } from '../../server/app';
import { type ConnectOptions, connect, type DbHandle } from '../../server/db/connect';
import { Store } from '../../server/repositories/store';
import { StateMemo } from '../../server/services/state-memo';
import type { SummaryResponse } from '../../src/domain/api';

export type Backend = 'pglite' | 'postgres';

/** The backends this run tests: PGlite always; PostgreSQL when TEST_DATABASE_URL is set (CI). */
export function backends(): Backend[] {
  return inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh copy of the template database, for one test file. */
export async function freshDb(
  backend: Backend = 'pglite',
  options: Pick<ConnectOptions, 'onQuery'> = {},
): Promise<DbHandle> {
  if (backend === 'pglite') {
    const tar = readFileSync(inject('pgliteTemplate'));
    return connect({ dataDir: 'memory://', loadDataDir: new Blob([tar]), ...options });
  }
  const url = inject('postgresUrl');
  const name = `target_board_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const handle = await connect({ databaseUrl: u.toString(), poolSize: 4, ...options });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** The fixed "now" of the API tests. */
export const TEST_NOW = new Date('2026-01-05T10:00:00+08:00');

export async function testApp(backend: Backend = 'pglite') {
  const db = await freshDb(backend);
  const store = new Store(db.db);
  const app = createApp({ store, now: () => TEST_NOW });
  return { app, store, db, close: () => db.close() };
}

/** An instance that has computed nothing yet on this database: its own store, state memo and response cache. */
export function freshInstance(db: DbHandle): Hono {
  return createApp({ store: new Store(db.db), memo: new StateMemo(new Store(db.db)), now: () => TEST_NOW });
}

/** A summary without the moment it was generated: two instances' answers compared. */
export const comparable = (s: SummaryResponse) => ({ ...s, freshness: { ...s.freshness, generatedAt: null } });

/**
 * One department report, written straight into the database (as another instance would): approved
 * unless `approval` says otherwise; with `supersedes`, a correction of that report (its reason 更正).
 */
export async function insertReport(
  db: DbHandle['db'],
  r: {
    id: string;
    targetId: string;
    asOf: string;
    value: number;
    unit: string;
    recordedAt?: string;
    supersedes?: string;
    approval?: 'pending' | 'approved' | 'returned';
  },
): Promise<void> {
  await db
    .insertInto('reports')
    .values({
      id: r.id,
      target_id: r.targetId,
      as_of: r.asOf,
      recorded_at: r.recordedAt ?? '2026-01-05T09:30:00+08:00',
      value: r.value,
      unit: r.unit,
      stages_done: null,
      note: '',
      evidence: null,
      source_document: null,
      source_quote: null,
      reported_by: 'test',
      supersedes: r.supersedes ?? null,
      correction_reason: r.supersedes ? '更正' : null,
      demo: false,
      approval: r.approval ?? 'approved',
    })
    .execute();
}
