import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { JOBS, type JobDefinition } from '../jobs/registry';
import { DEFAULT_NOTIFY_SETTINGS, type NotifySettings } from './outbox';

/** How jobs are run (leases, retries): shared by the scheduler and POST /admin/jobs/:name/run. */
export interface RunSettings {
  /** A running job holds its run this long, renewed every third of it; an instance that died lets it expire. */
  leaseMs: number;
  /** Wait before a failed run is tried again. */
  retryMs: number;
  /** Attempts before a run is given up (failed). */
  maxAttempts: number;
  /** A run's handler longer than this is abandoned: its lease is no longer renewed and the attempt fails. */
  maxRunMs: number;
  /** A scheduled run due longer ago than this (the service was down) is skipped, not run late. */
  staleAfterMs: number;
}

export const DEFAULT_RUN_SETTINGS: RunSettings = {
  leaseMs: 120_000,
  retryMs: 60_000,
  maxAttempts: 5,
  maxRunMs: 10 * 60_000,
  staleAfterMs: 12 * 3_600_000,
};

export interface NotifyRuntime {
  settings: NotifySettings;
  jobs: Record<string, JobDefinition>;
  run: RunSettings;
}

const byDb = new WeakMap<object, NotifyRuntime>();

/**
 * The settings of notifications and jobs for one database (main.ts from the environment; tests their
 * own): the admin routes find them by their database, so no route signature had to change.
 */
export function configureNotify(
  db: Kysely<Database>,
  o: { settings?: Partial<NotifySettings>; jobs?: Record<string, JobDefinition>; run?: Partial<RunSettings> },
): NotifyRuntime {
  const runtime: NotifyRuntime = {
    settings: { ...DEFAULT_NOTIFY_SETTINGS, ...o.settings },
    jobs: o.jobs ?? JOBS,
    run: { ...DEFAULT_RUN_SETTINGS, ...o.run },
  };
  byDb.set(db, runtime);
  return runtime;
}

export function notifyRuntime(db: Kysely<Database>): NotifyRuntime {
  return byDb.get(db) ?? { settings: DEFAULT_NOTIFY_SETTINGS, jobs: JOBS, run: DEFAULT_RUN_SETTINGS };
}
