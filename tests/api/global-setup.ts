import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../server/boot';
import type { Database } from '../../server/db/schema';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresUrl: string;
    /** This run's PostgreSQL template database (one per run: concurrent runs on one server do not clash). */
    postgresTemplate: string;
  }
}

/** A fixed clock for seeding, so every run's template is the same. */
const SEEDED_AT = new Date('2026-01-05T09:00:00+08:00');

/**
 * A PGlite template: migrated and loaded with the catalog and the demo, then `fixture` (accounts a
 * test suite expects), dumped to a tar file that each test file loads into memory (see freshDb).
 * Shared by the API tests and the component tests (src/test/global-setup.ts).
 */
export async function buildPgliteTemplate(
  options: { seededAt: Date; fixture?: (db: Kysely<Database>) => Promise<void> } = { seededAt: SEEDED_AT },
): Promise<{ file: string; remove: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'target-board-template-'));
  const dataDir = path.join(dir, 'template');
  const onDisk = await openDatabase({ dataDir, demo: true, now: () => options.seededAt });
  try {
    await options.fixture?.(onDisk.db);
  } finally {
    await onDisk.close();
  }
  const client = await PGlite.create({ dataDir });
  const dump = await client.dumpDataDir('none');
  await client.close();
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * One template database per run: migrated and loaded with the catalog and the demo once, then every
 * test file starts from a copy (PGlite: a dump loaded into memory; PostgreSQL: CREATE DATABASE …
 * TEMPLATE). initdb per test would cost ~5 s each.
 */
export default async function setup(project: TestProject) {
  const template = await buildPgliteTemplate();
  project.provide('pgliteTemplate', template.file);

  const url = process.env.TEST_DATABASE_URL ?? '';
  project.provide('postgresUrl', url);
  const TEMPLATE_DB = `target_board_template_${process.pid}`;
  project.provide('postgresTemplate', TEMPLATE_DB);
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await admin.query(`create database ${TEMPLATE_DB}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${TEMPLATE_DB}`;
    const h = await openDatabase({ databaseUrl: u.toString(), demo: true, now: () => SEEDED_AT });
    await h.close();
  }
  return async () => {
    template.remove();
    if (!url) return;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await admin.end();
  };
}
