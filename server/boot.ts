import { buildDataset } from '../data/dataset';
import { type ConnectOptions, connect, type DbHandle } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { isSeeded, seedDatabase } from './db/seed';

export interface BootOptions extends ConnectOptions {
  /** Load generated demo progress on first start (default true). */
  demo: boolean;
  now?: () => Date;
}

export interface BootResult extends DbHandle {
  migrated: string[];
  seeded: boolean;
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
    return { ...handle, migrated, seeded };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
