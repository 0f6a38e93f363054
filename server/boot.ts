import { buildDataset } from '../data/dataset';
import { ensureFirstAdmin } from './accounts/bootstrap';
import { type ConnectOptions, connect, type DbHandle } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { isSeeded, seedDatabase } from './db/seed';

export interface BootOptions extends ConnectOptions {
  /** Load generated demo progress on first start (default true). */
  demo: boolean;
  now?: () => Date;
  /** ADMIN_USERNAME / ADMIN_PASSWORD: the first admin, created when no user exists yet. */
  firstAdmin?: { ADMIN_USERNAME?: string | undefined; ADMIN_PASSWORD?: string | undefined };
}

export interface BootResult extends DbHandle {
  migrated: string[];
  seeded: boolean;
  /** Username of the admin created from the environment on this start, if any. */
  adminCreated: string | null;
}

/**
 * Opens the database (embedded PGlite or PostgreSQL), applies migrations and, on first start, loads
 * the catalog (and the demo). Later starts find it seeded and skip straight to serving.
 */
export async function openDatabase(options: BootOptions): Promise<BootResult> {
  const handle = await connect(options);
  try {
    const migrated = await migrateToLatest(handle.db);
    let seeded = false;
    if (!(await isSeeded(handle.db))) {
      const seededAt = (options.now ?? (() => new Date()))().toISOString();
      await seedDatabase(handle.db, buildDataset({ demo: options.demo }), { demo: options.demo, seededAt });
      seeded = true;
    }
    const adminCreated = options.firstAdmin
      ? await ensureFirstAdmin(handle.db, options.firstAdmin, (options.now ?? (() => new Date()))())
      : null;
    return { ...handle, migrated, seeded, adminCreated };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
