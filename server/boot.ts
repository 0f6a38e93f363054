import { type Kysely, sql } from 'kysely';
import { buildDataset } from '../data/dataset';
import { type ConnectOptions, connect, type DbHandle } from './db/connect';
import { migrateToLatest } from './db/migrate';
import type { Database } from './db/schema';
import { isSeeded, seedDatabase } from './db/seed';
import { audit } from './repositories/audit';
import { ensureFirstAdmin } from './services/bootstrap';

export interface BootOptions extends ConnectOptions {
  /**
   * Load generated demo progress on first start (default true). `false` on a database that already
   * holds demo rows removes them (see `removeDemoData`).
   */
  demo: boolean;
  now?: () => Date;
  /** Where start-up notices go (default console.log): the removal of demo rows by DEMO=0. */
  log?: (line: string) => void;
  /** ADMIN_USERNAME / ADMIN_PASSWORD: the first admin, created when no user exists yet. */
  firstAdmin?: { ADMIN_USERNAME?: string | undefined; ADMIN_PASSWORD?: string | undefined };
}

export interface BootResult extends DbHandle {
  migrated: string[];
  seeded: boolean;
  /** Username of the admin created from the environment on this start, if any. */
  adminCreated: string | null;
  /** What `demo: false` removed from an existing database on this start (null: nothing to remove). */
  demoRemoved: DemoRemoval | null;
}

export interface DemoRemoval {
  reports: number;
  projects: number;
  /** Targets whose demo division of tasks was removed. */
  divisions: number;
}

/** Raised when the demo rows cannot be removed without touching real records; nothing is changed. */
export class DemoRemovalRefused extends Error {}

/**
 * `DEMO=0` on a database that already holds generated demo rows: removes the demo reports and demo
 * key projects (with their target links) in one transaction, marks the database as loaded without
 * demo, and records the removal in the audit log. Published and department-entered records stay.
 * Refuses, changing nothing, when a real report supersedes a demo report (a department corrected a
 * demo value): removing the demo would leave that correction pointing at nothing.
 */
export async function removeDemoData(db: Kysely<Database>, now: Date): Promise<DemoRemoval | null> {
  return db.transaction().execute(async (trx) => {
    const count = async (table: 'reports' | 'projects') =>
      Number(
        (
          await trx
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('demo', '=', true)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const reports = await count('reports');
    const projects = await count('projects');
    const divisions = Number(
      (
        await trx
          .selectFrom('targets')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('division_demo', '=', true)
          .executeTakeFirstOrThrow()
      ).n,
    );
    if (reports === 0 && projects === 0 && divisions === 0) return null;
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from reports r join reports d on d.id = r.supersedes
      where d.demo and not r.demo`.execute(trx);
    const corrections = Number(rows[0]?.n ?? 0);
    if (corrections > 0) {
      throw new DemoRemovalRefused(
        `DEMO=0：数据库中有 ${corrections} 条正式填报更正了演示数据，自动删除演示数据会破坏这些更正记录，未做任何改动。` +
          `请去掉 DEMO=0 启动（保留演示数据），或先导出正式填报，再删除数据目录（DATA_DIR）或清空数据库后以 DEMO=0 重新载入并重新填报。`,
      );
    }
    await trx
      .deleteFrom('project_targets')
      .where('project_id', 'in', trx.selectFrom('projects').select('id').where('demo', '=', true))
      .execute();
    await trx.deleteFrom('projects').where('demo', '=', true).execute();
    // One statement: a demo correction and the demo report it supersedes go together.
    await trx.deleteFrom('reports').where('demo', '=', true).execute();
    // The demo division of tasks: its targets have no lead department again.
    await trx
      .deleteFrom('target_departments')
      .where('target_id', 'in', trx.selectFrom('targets').select('id').where('division_demo', '=', true))
      .execute();
    await trx
      .updateTable('targets')
      .set({ department: null, division_demo: false })
      .where('division_demo', '=', true)
      .execute();
    await trx
      .insertInto('meta')
      .values({ key: 'demo', value: '0' })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: '0' }))
      .execute();
    await audit(
      trx,
      now,
      { id: null, username: 'system:DEMO=0', ip: null },
      {
        action: 'demo.remove',
        entity: 'dataset',
        after: { reports, projects, divisions },
      },
    );
    return { reports, projects, divisions };
  });
}

/**
 * Opens the database (embedded PGlite or PostgreSQL), applies migrations and, on first start, loads
 * the catalog (and the demo). Later starts find it seeded and skip straight to serving — except that
 * `demo: false` (DEMO=0) removes demo rows an earlier start loaded, so the flag means the same on a
 * new and an existing database.
 */
export async function openDatabase(options: BootOptions): Promise<BootResult> {
  const handle = await connect(options);
  try {
    const migrated = await migrateToLatest(handle.db);
    const now = options.now ?? (() => new Date());
    let seeded = false;
    let demoRemoved: DemoRemoval | null = null;
    if (!(await isSeeded(handle.db))) {
      const seededAt = now().toISOString();
      await seedDatabase(handle.db, buildDataset({ demo: options.demo }), { demo: options.demo, seededAt });
      seeded = true;
    } else if (!options.demo) {
      demoRemoved = await removeDemoData(handle.db, now());
      if (demoRemoved) {
        (options.log ?? console.log)(
          `  DEMO=0：已删除演示数据（${demoRemoved.reports} 条演示进度、${demoRemoved.projects} 个演示项目、${demoRemoved.divisions} 项演示分工），仅保留已公布和正式填报的数据`,
        );
      }
    }
    const adminCreated = options.firstAdmin ? await ensureFirstAdmin(handle.db, options.firstAdmin, now()) : null;
    return { ...handle, migrated, seeded, adminCreated, demoRemoved };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
