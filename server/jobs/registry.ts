import type { JobHandler } from '../notify/message';

export interface JobDefinition {
  /** As people read it (GET /admin/jobs). */
  title: string;
  /** Five-field cron in Asia/Shanghai, used when the job has no row yet (migration 0010 seeds these two). */
  defaultCron: string;
  handler: JobHandler;
}

/**
 * The jobs the server runs (issue 24); the scheduler and the admin routes take them from here. The
 * handlers are loaded when first run, not at start: the weekly brief brings a Word writer along,
 * which the server's warm start should not pay for.
 */
export const JOBS: Record<string, JobDefinition> = {
  reminders: {
    title: '催报提醒',
    defaultCron: '0 9 * * 1',
    handler: async (ctx) => (await import('./reminders')).remindersJob(ctx),
  },
  'weekly-brief': {
    title: '督查通报',
    defaultCron: '0 17 * * 5',
    handler: async (ctx) => (await import('./weekly-brief')).weeklyBriefJob(ctx),
  },
};
