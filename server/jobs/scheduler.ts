import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Job, JobRun } from '../../src/domain/notify-api';
import type { Database, JobRunsTable } from '../db/schema';
import { DEFAULT_NOTIFY_SETTINGS, deliverDue, enqueueRouted, type NotifySettings } from '../notify/outbox';
import { DEFAULT_RUN_SETTINGS, type NotifyRuntime, type RunSettings } from '../notify/runtime';
import { nextRun } from './cron';
import type { JobDefinition } from './registry';

type RunRow = Selectable<JobRunsTable>;
const iso = (d: Date) => d.toISOString();
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms).toISOString();
const duration = (ms: number) => (ms >= 60_000 ? `${Math.round(ms / 60_000)} 分钟` : `${Math.round(ms / 1000)} 秒`);
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500);

/** A row for every job of the registry (a job added in code gets its default schedule). */
export async function ensureJobs(db: Kysely<Database>, jobs: Record<string, JobDefinition>): Promise<void> {
  const rows = Object.entries(jobs).map(([name, j]) => ({ name, cron: j.defaultCron, enabled: true }));
  if (rows.length)
    await db
      .insertInto('jobs')
      .values(rows)
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
}

/**
 * For each enabled job that is due: its run for the instant it was due, and its next instant. Both
 * in one transaction on the job's row (`for update skip locked`: an instance doing the same at the
 * same moment skips it); the unique (job, scheduled_for) index makes a second run for the same
 * instant impossible even so. Instants missed while no instance ran collapse into one run, and one
 * missed by more than `staleAfterMs` is recorded as skipped (failed, with the reason) instead of run late.
 */
export async function scheduleDue(
  db: Kysely<Database>,
  jobs: Record<string, JobDefinition>,
  now: Date,
  staleAfterMs: number = DEFAULT_RUN_SETTINGS.staleAfterMs,
): Promise<number> {
  const names = Object.keys(jobs);
  if (names.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('jobs')
      .selectAll()
      .where('name', 'in', names)
      .where('enabled', '=', true)
      .where((eb) => eb.or([eb('next_run_at', 'is', null), eb('next_run_at', '<=', iso(now))]))
      .forUpdate()
      .skipLocked()
      .execute();
    let created = 0;
    for (const job of due) {
      let next: Date;
      try {
        next = nextRun(job.cron, now);
      } catch (e) {
        console.error(`定时任务 ${job.name} 的时间表无效：${errorText(e)}`);
        continue;
      }
      if (job.next_run_at !== null) {
        // Missed by more than staleAfterMs (no instance ran): recorded as skipped, not run late. A
        // Monday reminder sent on Thursday would chase what has been reported since.
        const stale = now.getTime() - new Date(job.next_run_at).getTime() > staleAfterMs;
        const r = await trx
          .insertInto('job_runs')
          .values({
            id: randomUUID(),
            job: job.name,
            scheduled_for: job.next_run_at,
            manual: false,
            state: stale ? 'failed' : 'running',
            attempts: 0,
            created_at: iso(now),
            ...(stale
              ? {
                  finished_at: iso(now),
                  error: `错过了运行时间（${Math.round(staleAfterMs / 3_600_000)} 小时以上，服务未运行），已跳过；下次按时运行`,
                }
              : {}),
          })
          .onConflict((oc) => oc.columns(['job', 'scheduled_for']).where(sql<boolean>`not manual`).doNothing())
          .executeTakeFirst();
        created += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
      await trx
        .updateTable('jobs')
        .set({ next_run_at: iso(next) })
        .where('name', '=', job.name)
        .execute();
    }
    return created;
  });
}

/**
 * Claims one run to execute: a run not yet started, or one whose holder's lease ran out (its instance
 * died or hung). `for update skip locked`: two instances never claim the same run at once. Runs out
 * of attempts are given up first.
 */
export async function claimRun(
  db: Kysely<Database>,
  names: readonly string[],
  now: Date,
  instanceId: string,
  s: RunSettings,
): Promise<RunRow | null> {
  if (names.length === 0) return null;
  // A manual run is one-shot: its request ran it; one whose lease ran out (the instance died) failed.
  await db
    .updateTable('job_runs')
    .set({
      state: 'failed',
      finished_at: iso(now),
      locked_by: null,
      lease_until: null,
      error: sql`coalesce(error, ${'手动运行中断（实例停止），未完成'})`,
    })
    .where('state', '=', 'running')
    .where('manual', '=', true)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', iso(now))]))
    .execute();
  await db
    .updateTable('job_runs')
    .set({
      state: 'failed',
      finished_at: iso(now),
      locked_by: null,
      lease_until: null,
      error: sql`coalesce(error, ${'运行多次未完成（实例中断），已放弃'})`,
    })
    .where('state', '=', 'running')
    .where('attempts', '>=', s.maxAttempts)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', iso(now))]))
    .execute();
  const row = await db
    .updateTable('job_runs')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      locked_by: instanceId,
      lease_until: plus(now, s.leaseMs),
      started_at: sql`coalesce(started_at, ${iso(now)}::timestamptz)`,
    }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('job_runs')
        .select('id')
        .where('state', '=', 'running')
        .where('manual', '=', false)
        .where('job', 'in', names)
        .where('attempts', '<', s.maxAttempts)
        .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', iso(now))]))
        .orderBy('scheduled_for')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Runs a claimed run's handler, renewing its lease meanwhile; then, in ONE transaction and only if
 * this instance still holds the run, inserts its deliveries and marks it done. A crash before that
 * commit leaves no delivery and the run is run again after its lease; a crash after it leaves the
 * deliveries pending for the sender. So each message reaches each channel once, never zero or twice.
 */
export async function executeRun(
  db: Kysely<Database>,
  run: RunRow,
  job: JobDefinition,
  runtime: Pick<NotifyRuntime, 'settings' | 'run'>,
  clock: () => Date,
  instanceId: string,
): Promise<RunRow> {
  const renew = setInterval(
    () => {
      void db
        .updateTable('job_runs')
        .set({ lease_until: plus(clock(), runtime.run.leaseMs) })
        .where('id', '=', run.id)
        .where('locked_by', '=', instanceId)
        .where('state', '=', 'running')
        .execute()
        .catch(() => {});
    },
    Math.max(50, Math.floor(runtime.run.leaseMs / 3)),
  );
  renew.unref();
  let result: Awaited<ReturnType<JobDefinition['handler']>> | null = null;
  let failure: string | null = null;
  // A handler that hangs must not hold its run (renewing the lease) forever: past maxRunMs it is
  // abandoned, its result ignored, and the attempt recorded as failed.
  let overrun: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    overrun = setTimeout(
      () => reject(new Error(`运行超过 ${duration(runtime.run.maxRunMs)}仍未完成，已中止`)),
      runtime.run.maxRunMs,
    );
    overrun.unref();
  });
  try {
    result = await Promise.race([
      job.handler({
        db,
        now: clock(),
        scheduledFor: new Date(run.scheduled_for),
        baseUrl: runtime.settings.baseUrl,
      }),
      limit,
    ]);
  } catch (e) {
    failure = errorText(e);
  } finally {
    clearInterval(renew);
    clearTimeout(overrun);
  }
  const at = clock();
  await db.transaction().execute(async (trx) => {
    const held = await trx
      .selectFrom('job_runs')
      .select(['state', 'locked_by', 'attempts'])
      .where('id', '=', run.id)
      .forUpdate()
      .executeTakeFirst();
    // Another instance took the run over (our lease ran out): its result is the one that counts.
    if (held?.state !== 'running' || held.locked_by !== instanceId) return;
    if (result) {
      await enqueueRouted(trx, runtime.settings, run.id, result.messages, at);
      await trx
        .updateTable('job_runs')
        .set({
          state: 'done',
          summary: result.summary.slice(0, 1000),
          error: null,
          finished_at: iso(at),
          locked_by: null,
          lease_until: null,
        })
        .where('id', '=', run.id)
        .execute();
      return;
    }
    // A manual run is one-shot: a failure is final (the administrator sees it and may run it again).
    const final = run.manual || held.attempts >= runtime.run.maxAttempts;
    await trx
      .updateTable('job_runs')
      .set({
        state: final ? 'failed' : 'running',
        error: failure,
        finished_at: final ? iso(at) : null,
        locked_by: null,
        lease_until: final ? null : plus(at, runtime.run.retryMs),
      })
      .where('id', '=', run.id)
      .execute();
  });
  if (failure) console.error(`定时任务 ${run.job} 运行失败（第 ${run.attempts} 次）：${failure}`);
  return db.selectFrom('job_runs').selectAll().where('id', '=', run.id).executeTakeFirstOrThrow();
}

/**
 * A run asked for by an administrator: created claimed by this request, and run now (once: a
 * failure is final, no scheduler retries it). 'busy' when a run of the job holds a live lease.
 */
export async function runJobNow(
  db: Kysely<Database>,
  name: string,
  runtime: NotifyRuntime,
  clock: () => Date,
): Promise<JobRun | 'busy' | null> {
  const job = runtime.jobs[name];
  if (!job) return null;
  await ensureJobs(db, runtime.jobs);
  const now = clock();
  const holder = `manual:${randomUUID()}`;
  // On the job's row lock: two presses at once see each other's run.
  const run = await db.transaction().execute(async (trx) => {
    await trx.selectFrom('jobs').select('name').where('name', '=', name).forUpdate().executeTakeFirst();
    const live = await trx
      .selectFrom('job_runs')
      .select('id')
      .where('job', '=', name)
      .where('state', '=', 'running')
      .where('lease_until', '>=', iso(now))
      .executeTakeFirst();
    if (live) return null;
    return trx
      .insertInto('job_runs')
      .values({
        id: randomUUID(),
        job: name,
        scheduled_for: iso(now),
        manual: true,
        state: 'running',
        attempts: 1,
        locked_by: holder,
        lease_until: plus(now, runtime.run.leaseMs),
        started_at: iso(now),
        created_at: iso(now),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  if (!run) return 'busy';
  const done = await executeRun(db, run, job, runtime, clock, holder);
  return (await listRuns(db, { id: done.id }))[0] ?? null;
}

export async function listRuns(db: Kysely<Database>, q: { id?: string; limit?: number }): Promise<JobRun[]> {
  let query = db
    .selectFrom('job_runs as r')
    .selectAll('r')
    .select((eb) =>
      eb
        .selectFrom('deliveries as d')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('d.run_id', '=', 'r.id')
        .as('deliveries'),
    );
  if (q.id) query = query.where('r.id', '=', q.id);
  const rows = await query
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(q.limit ?? 20)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    job: r.job,
    scheduledFor: r.scheduled_for,
    manual: r.manual,
    state: r.state,
    attempts: r.attempts,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    summary: r.summary,
    error: r.error,
    deliveries: Number(r.deliveries ?? 0),
  }));
}

function safeNext(cron: string, now: Date): string | null {
  try {
    return nextRun(cron, now).toISOString();
  } catch {
    return null;
  }
}

/** The registry's jobs with their schedule, next run and last run. */
export async function listJobs(db: Kysely<Database>, jobs: Record<string, JobDefinition>, now: Date): Promise<Job[]> {
  await ensureJobs(db, jobs);
  const rows = await db.selectFrom('jobs').selectAll().where('name', 'in', Object.keys(jobs)).execute();
  const out: Job[] = [];
  for (const [name, def] of Object.entries(jobs)) {
    const row = rows.find((r) => r.name === name);
    const last = await db
      .selectFrom('job_runs')
      .select('id')
      .where('job', '=', name)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    out.push({
      name,
      title: def.title,
      cron: row?.cron ?? def.defaultCron,
      timezone: 'Asia/Shanghai',
      enabled: row?.enabled ?? true,
      // A job no scheduler has looked at yet (a fresh install, JOBS=off): when the schedule says.
      nextRunAt: row?.enabled ? (row.next_run_at ?? safeNext(row.cron, now)) : null,
      lastRun: last ? ((await listRuns(db, { id: last.id }))[0] ?? null) : null,
    });
  }
  return out;
}

export interface SchedulerOptions {
  db: Kysely<Database>;
  jobs: Record<string, JobDefinition>;
  /** NOTIFY_WEBHOOK_URL, PUBLIC_URL, timeouts and backoff of the sender. */
  notify?: Partial<NotifySettings>;
  run?: Partial<RunSettings>;
  clock?: () => Date;
  /** Names this instance in job_runs.locked_by (default host:pid:random). */
  instanceId?: string;
  intervals?: { tickMs?: number; firstTickMs?: number };
  /** Send deliveries (default true); off, this instance only schedules and runs jobs. */
  deliver?: boolean;
}

/**
 * Runs the jobs on their schedule and sends the outbox, on every instance at once: the database
 * (row locks, unique indexes, leases) decides who does what, so a job runs once per instant and
 * each delivery is sent once however many instances tick. Started by main.ts after the server
 * listens. Two loops on their own timers (unref'd): jobs, and sending, so that a slow job does not
 * hold up the messages. `stop()` takes no further delivery and waits for the sends in flight (each
 * bounded by the send timeout); a job in progress is waited for at most `jobGraceMs`, after which it
 * is left to its lease.
 */
export class Scheduler {
  readonly instanceId: string;
  private readonly db: Kysely<Database>;
  private readonly runtime: NotifyRuntime;
  private readonly clock: () => Date;
  private readonly tickMs: number;
  private readonly firstTickMs: number;
  private readonly deliver: boolean;
  private readonly timers = new Set<NodeJS.Timeout>();
  private jobsRound: Promise<void> | null = null;
  private sendRound: Promise<void> | null = null;
  private started = false;
  /** Set by stop(): no further job is claimed, no further delivery taken. */
  private stopped = false;
  private ensured = false;
  /** The database's clock minus this machine's, measured each round (no clock injected). */
  private skewMs = 0;
  private readonly dbClock: boolean;

  constructor(o: SchedulerOptions) {
    this.db = o.db;
    this.runtime = {
      jobs: o.jobs,
      settings: { ...DEFAULT_NOTIFY_SETTINGS, ...o.notify },
      run: { ...DEFAULT_RUN_SETTINGS, ...o.run },
    };
    // Leases are compared across instances: without an injected clock, times are the database's
    // (this machine's clock corrected by the skew measured each round), so one instance's clock
    // running ahead cannot take over another's run or delivery early.
    this.dbClock = o.clock === undefined;
    this.clock = o.clock ?? (() => new Date(Date.now() + this.skewMs));
    this.instanceId = o.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.tickMs = o.intervals?.tickMs ?? 15_000;
    this.firstTickMs = o.intervals?.firstTickMs ?? 2_000;
    this.deliver = o.deliver ?? true;
  }

  /** How long stop() may take at most: a job's grace, then the sends in flight (an SMTP send has three stages). */
  get stopBoundMs(): number {
    return JOB_GRACE_MS + 3 * this.runtime.settings.timeoutMs + 2_000;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopped = false;
    this.loop(this.firstTickMs, () => {
      this.jobsRound = this.runJobs().finally(() => {
        this.jobsRound = null;
      });
      return this.jobsRound;
    });
    if (this.deliver)
      this.loop(this.firstTickMs, () => {
        this.sendRound = this.sendDue().finally(() => {
          this.sendRound = null;
        });
        return this.sendRound;
      });
  }

  private loop(ms: number, round: () => Promise<void>): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void round().finally(() => this.loop(this.tickMs, round));
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.started = false;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const grace = new Promise<void>((resolve) => setTimeout(resolve, JOB_GRACE_MS).unref());
    await Promise.all([this.sendRound, this.jobsRound ? Promise.race([this.jobsRound, grace]) : null]);
  }

  /** One round: schedule what is due, run what is runnable, send what is due. Never throws. */
  async tick(): Promise<void> {
    await this.runJobs();
    if (this.deliver) await this.sendDue();
  }

  /** Measures the database's clock against this machine's (half the round trip either side). */
  private async syncClock(): Promise<void> {
    if (!this.dbClock) return;
    const before = Date.now();
    const r = await sql<{ t: Date | string }>`select now() as t`.execute(this.db);
    const after = Date.now();
    const t = r.rows[0]?.t;
    if (t !== undefined) this.skewMs = new Date(t).getTime() - (before + after) / 2;
  }

  /** Schedules what is due and runs up to three runnable runs. Never throws. */
  async runJobs(): Promise<void> {
    const { db, runtime } = this;
    const names = Object.keys(runtime.jobs);
    try {
      await this.syncClock();
      if (!this.ensured) {
        await ensureJobs(db, runtime.jobs);
        this.ensured = true;
      }
      await scheduleDue(db, runtime.jobs, this.clock(), runtime.run.staleAfterMs);
      for (let i = 0; i < 3 && !this.stopped; i++) {
        const run = await claimRun(db, names, this.clock(), this.instanceId, runtime.run);
        const job = run ? runtime.jobs[run.job] : undefined;
        if (!run || !job) break;
        await executeRun(db, run, job, runtime, this.clock, this.instanceId);
      }
    } catch (e) {
      console.error(`定时任务调度出错：${errorText(e)}`);
    }
  }

  /** Sends what is due until nothing is (or stop()). Never throws. */
  async sendDue(): Promise<void> {
    try {
      await this.syncClock();
      const o = { owner: this.instanceId, stopped: () => this.stopped };
      while (!this.stopped && (await deliverDue(this.db, this.runtime.settings, this.clock, o)) > 0);
    } catch (e) {
      console.error(`通知发送出错：${errorText(e)}`);
    }
  }
}

/** How long stop() waits for a job in progress before leaving it to its lease. */
const JOB_GRACE_MS = 5_000;
