import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../server/boot';
import { TEMPLATE_DB } from './test-db';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresUrl: string;
  }
}

/** A fixed clock for seeding, so every run's template is the same. */
const SEEDED_AT = new Date('2026-01-05T09:00:00+08:00');

/**
 * One template database per run: migrated and loaded with the catalog and the demo once, then every
 * test file starts from a copy (PGlite: a dump loaded into memory; PostgreSQL: CREATE DATABASE …
 * TEMPLATE). initdb per test would cost ~5 s each.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'target-board-api-'));
  const dataDir = path.join(dir, 'template');
  const onDisk = await openDatabase({ dataDir, demo: true, now: () => SEEDED_AT });
  await onDisk.close();
  const client = await PGlite.create({ dataDir });
  const dump = await client.dumpDataDir('none');
  await client.close();
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);

  const url = process.env.TEST_DATABASE_URL ?? '';
  project.provide('postgresUrl', url);
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
}
