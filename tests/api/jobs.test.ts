import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { connect, type DbHandle } from '../../server/db/connect';
import { cronProblem, nextRun } from '../../server/jobs/cron';
import type { JobDefinition } from '../../server/jobs/registry';
import { Scheduler } from '../../server/jobs/scheduler';
import type { OutgoingMessage } from '../../server/notify/message';
import { configureNotify } from '../../server/notify/runtime';
import { jobRunResponseSchema, jobSchema, jobsResponseSchema } from '../../src/domain/notify-api';
import { startReceiver } from './fixtures/notify-receivers';
import { type Backend, backends, TEST_NOW, testApp } from './test-db';
import { call, seedAccounts, signIn, type Who } from './write-helpers';

const postgres = Boolean(inject('postgresUrl'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const officeMessage = (key: string): OutgoingMessage => ({
  kind: 'reminder',
  key,
  audience: { kind: 'office' },
  title: `催报 ${key}`,
  markdown: `**催报** ${key}`,
  text: `催报 ${key}`,
});

describe('schedules are read in Asia/Shanghai', () => {
  it('finds the next Monday 09:00 and Friday 17:00 in Shanghai, whatever the server’s zone', () => {
    // Monday 2026-01-05 09:00 in Shanghai is 01:00 UTC: strictly after it, the next Monday.
    expect(nextRun('0 9 * * 1', new Date('2026-01-05T01:00:00Z')).toISOString()).toBe('2026-01-12T01:00:00.000Z');
    // Sunday 23:00 in Shanghai (15:00 UTC) is already Monday's eve: nine hours and one minute later... 10 hours.
    expect(nextRun('0 9 * * 1', new Date('2026-01-04T15:00:00Z')).toISOString()).toBe('2026-01-05T01:00:00.000Z');
    // Sunday 20:00 UTC is Monday 04:00 in Shanghai: the same Monday's 09:00, not the UTC Monday's.
    expect(nextRun('0 9 * * 1', new Date('2026-01-04T20:00:00Z')).toISOString()).toBe('2026-01-05T01:00:00.000Z');
    expect(nextRun('0 17 * * 5', new Date('2026-01-05T02:00:00Z')).toISOString()).toBe('2026-01-09T09:00:00.000Z');
  });

  it.each([
    ['0 25 * * *', /无效/],
    ['0 9 * * 8', /无效/],
    ['0 0 9 * * 1', /五段式.*收到 6 段/],
    ['every monday', /五段式/],
  ])('refuses %s with a Chinese reason', (cron, message) => {
    expect(cronProblem(cron)).toMatch(message);
  });
  it('accepts a valid five-field schedule', () => {
    expect(cronProblem('30 8 * * 1-5')).toBeNull();
  });
});

describe.each(backends())('jobs on %s', (backend: Backend) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let admin: Who;
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  let produce: () => Promise<{ summary: string; messages: OutgoingMessage[] }> = async () => ({
    summary: '无',
    messages: [],
  });
  const jobs: Record<string, JobDefinition> = {
    reminders: { title: '催报提醒', defaultCron: '0 9 * * 1', handler: () => produce() },
    'weekly-brief': { title: '督查通报', defaultCron: '0 17 * * 5', handler: () => produce() },
  };
  const notify = () => ({ backoffMs: [20], timeoutMs: 5000 });

  beforeAll(async () => {
    ctx = await testApp(backend);
    await seedAccounts(ctx.db.db, TEST_NOW);
    admin = await signIn(ctx.app, 'admin');
    rx = await startReceiver();
    configureNotify(ctx.db.db, { jobs, settings: notify() });
    for (const name of ['one', 'two'])
      expect(
        (
          await call(ctx.app, 'POST', '/admin/channels', admin, {
            kind: 'webhook',
            name: `目标办 ${name}`,
            audience: 'office',
            url: `${rx.base}/hook/${name}`,
          })
        ).status,
      ).toBe(201);
  });
  afterAll(async () => {
    await ctx?.close();
    await rx?.close();
  });

  it('lists both jobs with their Shanghai schedule and next run', async () => {
    const res = await call(ctx.app, 'GET', '/admin/jobs', admin);
    const body = jobsResponseSchema.parse(await res.json());
    expect(body.items.map((j) => [j.name, j.title, j.cron, j.timezone, j.enabled])).toEqual([
      ['reminders', '催报提醒', '0 9 * * 1', 'Asia/Shanghai', true],
      ['weekly-brief', '督查通报', '0 17 * * 5', 'Asia/Shanghai', true],
    ]);
    // TEST_NOW is Monday 2026-01-05 10:00 in Shanghai: next Monday 09:00, and this Friday 17:00.
    expect(body.items.map((j) => j.nextRunAt)).toEqual(['2026-01-12T01:00:00.000Z', '2026-01-09T09:00:00.000Z']);
  });

  it('changes a schedule, refuses a bad one in Chinese, and pauses a job', async () => {
    const ok = await call(ctx.app, 'PATCH', '/admin/jobs/reminders', admin, { cron: '30 8 * * 1-5' });
    expect(ok.status).toBe(200);
    expect(z.object({ item: jobSchema }).parse(await ok.json()).item).toMatchObject({
      cron: '30 8 * * 1-5',
      nextRunAt: '2026-01-06T00:30:00.000Z',
    });
    for (const cron of ['0 25 * * *', '0 0 9 * * 1', 'every monday']) {
      const bad = await call(ctx.app, 'PATCH', '/admin/jobs/reminders', admin, { cron });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { detail: string }).detail).toMatch(/时间表.*五段式/);
    }
    const off = await call(ctx.app, 'PATCH', '/admin/jobs/reminders', admin, { enabled: false });
    expect(((await off.json()) as { item: { enabled: boolean; nextRunAt: string | null } }).item).toMatchObject({
      enabled: false,
      nextRunAt: null,
    });
    const on = await call(ctx.app, 'PATCH', '/admin/jobs/reminders', admin, { enabled: true, cron: '0 9 * * 1' });
    expect(((await on.json()) as { item: { nextRunAt: string } }).item.nextRunAt).toBe('2026-01-12T01:00:00.000Z');
    expect((await call(ctx.app, 'PATCH', '/admin/jobs/no-such-job', admin, { enabled: false })).status).toBe(404);
    const audits = await ctx.db.db.selectFrom('audit_log').select('action').where('entity', '=', 'job').execute();
    expect(audits.filter((a) => a.action === 'job.update')).toHaveLength(3);
  });

  it('runs a job now and answers the run truthfully', async () => {
    produce = async () => ({ summary: '向 2 个部门发送催报', messages: [officeMessage('a'), officeMessage('b')] });
    const res = await call(ctx.app, 'POST', '/admin/jobs/reminders/run', admin);
    expect(res.status).toBe(200);
    const { run } = jobRunResponseSchema.parse(await res.json());
    expect(run).toMatchObject({ job: 'reminders', manual: true, state: 'done', attempts: 1, deliveries: 4 });
    expect(run.summary).toBe('向 2 个部门发送催报');
    const pending = await ctx.db.db.selectFrom('deliveries').selectAll().where('run_id', '=', run.id).execute();
    expect(pending.map((d) => d.state)).toEqual(['pending', 'pending', 'pending', 'pending']);
    const listed = jobsResponseSchema.parse(await (await call(ctx.app, 'GET', '/admin/jobs', admin)).json());
    expect(listed.items.find((j) => j.name === 'reminders')?.lastRun?.id).toBe(run.id);
    expect(listed.runs[0]?.id).toBe(run.id);
    expect((await call(ctx.app, 'POST', '/admin/jobs/no-such-job/run', admin)).status).toBe(404);
    // The scheduler's sender delivers them, once.
    // At the tests' fixed now no scheduled run is due: the tick only sends.
    const s = new Scheduler({ db: ctx.db.db, jobs, notify: notify(), clock: () => TEST_NOW });
    await s.tick();
    expect(
      rx
        .got('/hook/one')
        .map((r) => r.body.title)
        .sort(),
    ).toEqual(['催报 a', '催报 b']);
    expect(rx.got('/hook/two')).toHaveLength(2);
  });

  it('a manual run that throws fails at once with its error, and no scheduler runs it again', async () => {
    let calls = 0;
    produce = async () => {
      calls++;
      throw new Error('数据库查询失败（测试）');
    };
    const { run } = jobRunResponseSchema.parse(
      await (await call(ctx.app, 'POST', '/admin/jobs/weekly-brief/run', admin)).json(),
    );
    // One-shot: failed (not left running for a retry), with its error, though attempts were left.
    expect(run).toMatchObject({ state: 'failed', attempts: 1, deliveries: 0, error: '数据库查询失败（测试）' });
    expect(run.finishedAt).not.toBeNull();
    expect(calls).toBe(1);
    // A scheduler, even long after, does not take a manual run up again.
    const later = new Date(TEST_NOW.getTime() + 3_600_000);
    await new Scheduler({ db: ctx.db.db, jobs, notify: notify(), clock: () => later }).tick();
    expect(calls).toBe(1);
    const stored = await ctx.db.db
      .selectFrom('job_runs')
      .selectAll()
      .where('id', '=', run.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ state: 'failed', attempts: 1, locked_by: null });
  });

  it('refuses a second run while one of the job is running (409, in Chinese), then allows it', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    produce = async () => {
      await gate;
      return { summary: '慢任务完成', messages: [] };
    };
    const first = call(ctx.app, 'POST', '/admin/jobs/weekly-brief/run', admin);
    const running = async () =>
      ctx.db.db
        .selectFrom('job_runs')
        .select('id')
        .where('job', '=', 'weekly-brief')
        .where('state', '=', 'running')
        .executeTakeFirst();
    for (let i = 0; i < 400 && !(await running()); i++) await sleep(25);
    expect(await running()).toBeTruthy();
    const second = await call(ctx.app, 'POST', '/admin/jobs/weekly-brief/run', admin);
    expect(second.status).toBe(409);
    expect(((await second.json()) as { detail: string }).detail).toMatch(/该任务正在运行/);
    release();
    const done = jobRunResponseSchema.parse(await (await first).json());
    expect(done.run).toMatchObject({ state: 'done', summary: '慢任务完成' });
    produce = async () => ({ summary: '再次运行', messages: [] });
    const again = await call(ctx.app, 'POST', '/admin/jobs/weekly-brief/run', admin);
    expect(again.status).toBe(200);
    expect(jobRunResponseSchema.parse(await again.json()).run).toMatchObject({ state: 'done', summary: '再次运行' });
  });

  it('two schedulers ticking at once run a due job once, and its messages go out once', async () => {
    produce = async () => {
      await sleep(200);
      return { summary: '到点运行', messages: [officeMessage('due')] };
    };
    const due = new Date(Date.now() - 1000).toISOString();
    await ctx.db.db.updateTable('jobs').set({ next_run_at: due }).where('name', '=', 'weekly-brief').execute();
    await ctx.db.db
      .updateTable('jobs')
      .set({ next_run_at: '2099-01-05T01:00:00Z' })
      .where('name', '=', 'reminders')
      .execute();
    const make = (id: string) =>
      new Scheduler({ db: ctx.db.db, jobs, notify: notify(), instanceId: id, run: { leaseMs: 5000 } });
    const [a, b] = [make('a'), make('b')];
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    await Promise.all([a.tick(), b.tick()]);
    const runs = await ctx.db.db.selectFrom('job_runs').selectAll().where('scheduled_for', '=', due).execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ state: 'done', attempts: 1, manual: false });
    expect(rx.got('/hook/one').filter((r) => r.body.title === '催报 due')).toHaveLength(1);
    expect(rx.got('/hook/two').filter((r) => r.body.title === '催报 due')).toHaveLength(1);
    const job = await ctx.db.db
      .selectFrom('jobs')
      .selectAll()
      .where('name', '=', 'weekly-brief')
      .executeTakeFirstOrThrow();
    expect(new Date(job.next_run_at ?? 0).getTime()).toBeGreaterThan(Date.now());
  });

  it('a run whose instance died (lease expired) is run again by another, and delivered once', async () => {
    produce = async () => ({ summary: '接手完成', messages: [officeMessage('orphan')] });
    const id = 'orphan-run';
    await ctx.db.db
      .insertInto('job_runs')
      .values({
        id,
        job: 'reminders',
        scheduled_for: '2020-01-06T01:00:00.000Z',
        manual: false,
        state: 'running',
        attempts: 1,
        locked_by: 'instance-that-died',
        lease_until: new Date(Date.now() - 1000).toISOString(),
        started_at: new Date(Date.now() - 60_000).toISOString(),
        created_at: new Date(Date.now() - 60_000).toISOString(),
      })
      .execute();
    const s = new Scheduler({ db: ctx.db.db, jobs, notify: notify(), instanceId: 'survivor' });
    await s.tick();
    await s.tick();
    const run = await ctx.db.db.selectFrom('job_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ state: 'done', attempts: 2, summary: '接手完成', locked_by: null });
    expect(rx.got('/hook/one').filter((r) => r.body.title === '催报 orphan')).toHaveLength(1);
    expect(rx.got('/hook/two').filter((r) => r.body.title === '催报 orphan')).toHaveLength(1);
  });

  it('skips a scheduled run missed by more than 12 hours (the service was down), recording why', async () => {
    let calls = 0;
    produce = async () => {
      calls++;
      return { summary: '不应运行', messages: [officeMessage('stale')] };
    };
    const missed = new Date(Date.now() - 13 * 3_600_000).toISOString();
    await ctx.db.db.updateTable('jobs').set({ next_run_at: missed }).where('name', '=', 'weekly-brief').execute();
    await ctx.db.db
      .updateTable('jobs')
      .set({ next_run_at: '2099-01-05T01:00:00Z' })
      .where('name', '=', 'reminders')
      .execute();
    await new Scheduler({ db: ctx.db.db, jobs, notify: notify(), instanceId: 'after-downtime' }).tick();
    expect(calls).toBe(0);
    const [run] = await ctx.db.db.selectFrom('job_runs').selectAll().where('scheduled_for', '=', missed).execute();
    expect(run).toMatchObject({ state: 'failed', attempts: 0, manual: false });
    expect(run?.error).toMatch(/错过了运行时间.*已跳过/);
    const job = await ctx.db.db
      .selectFrom('jobs')
      .selectAll()
      .where('name', '=', 'weekly-brief')
      .executeTakeFirstOrThrow();
    expect(new Date(job.next_run_at ?? 0).getTime()).toBeGreaterThan(Date.now());
    expect(rx.got('/hook/one').filter((r) => r.body.title === '催报 stale')).toHaveLength(0);
  });

  it('abandons a hung job after its maximum duration, and keeps sending meanwhile', async () => {
    // The first run asked for (the scheduled weekly brief) never returns; any later one (the manual
    // reminders below) finishes with a message to send.
    let hanging = false;
    produce = () => {
      if (hanging) return Promise.resolve({ summary: '先完成', messages: [officeMessage('while-hung')] });
      hanging = true;
      return new Promise(() => {});
    };
    const due = new Date(Date.now() - 1000).toISOString();
    await ctx.db.db.updateTable('jobs').set({ next_run_at: due }).where('name', '=', 'weekly-brief').execute();
    const s = new Scheduler({
      db: ctx.db.db,
      jobs,
      notify: notify(),
      instanceId: 'hung',
      run: { leaseMs: 600, maxRunMs: 4000, maxAttempts: 1 },
      intervals: { tickMs: 50, firstTickMs: 0 },
    });
    const runOf = () =>
      ctx.db.db.selectFrom('job_runs').selectAll().where('scheduled_for', '=', due).executeTakeFirst();
    const sent = () => rx.got('/hook/one').filter((r) => r.body.title === '催报 while-hung').length;
    s.start();
    try {
      // The job hangs: its handler was called (a run is made 'running' before it is claimed, so the
      // state alone would not say the handler has the promise that never returns).
      for (let i = 0; i < 400 && !hanging; i++) await sleep(25);
      expect(hanging).toBe(true);
      expect((await runOf())?.state).toBe('running');
      // Messages made while it hangs are sent all the same, before it is given up.
      expect((await call(ctx.app, 'POST', '/admin/jobs/reminders/run', admin)).status).toBe(200);
      for (let i = 0; i < 400 && sent() === 0; i++) await sleep(25);
      expect(sent()).toBe(1);
      expect((await runOf())?.state).toBe('running');
      // Past its maximum duration: given up, its lease no longer renewed.
      for (let i = 0; i < 600 && (await runOf())?.state === 'running'; i++) await sleep(25);
      const run = await runOf();
      expect(run).toMatchObject({ state: 'failed', attempts: 1, locked_by: null, lease_until: null });
      expect(run?.error).toMatch(/运行超过.*已中止/);
    } finally {
      await s.stop();
    }
    expect(rx.got('/hook/two').filter((r) => r.body.title === '催报 while-hung')).toHaveLength(1);
  });
});

/** A PostgreSQL database copied from this run's template, with its URL (for child processes). */
async function postgresDb(): Promise<{ url: string; handle: DbHandle; drop: () => Promise<void> }> {
  const base = inject('postgresUrl');
  const name = `target_board_jobs_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  const handle = await connect({ databaseUrl: u.toString(), poolSize: 2 });
  return {
    url: u.toString(),
    handle,
    drop: async () => {
      await handle.close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

interface Child {
  proc: ChildProcessWithoutNullStreams;
  out: () => string;
  pid: () => number;
  waitFor: (text: string, ms?: number) => Promise<void>;
  /** Asks it to stop (it finishes its sends first). */
  stop: () => void;
  exited: Promise<number | null>;
}

/** Every child started, killed in afterAll whatever happened. */
const children: Child[] = [];

/** One server instance's scheduler in its own process (its own connection pool), under `timeout`. */
function child(url: string, instanceId: string, mode: 'fast' | 'slow' | 'no-deliver', leaseMs: number): Child {
  const proc = spawn(
    'timeout',
    [
      '-s',
      'KILL',
      '110',
      process.execPath,
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'fixtures/scheduler-child.ts'),
      url,
      instanceId,
      mode,
      String(leaseMs),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  proc.stdout.on('data', (d) => {
    out += String(d);
  });
  proc.stderr.on('data', (d) => {
    err += String(d);
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const c: Child = {
    proc,
    out: () => out,
    pid: () => Number(/PID (\d+)/.exec(out)?.[1]),
    exited,
    stop: () => {
      if (proc.stdin.writable) proc.stdin.write('STOP\n');
    },
    waitFor: (text, ms = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          if (out.includes(text)) return resolve();
          if (proc.exitCode !== null || Date.now() - started > ms)
            return reject(new Error(`${instanceId} never said ${text}: ${out} ${err}`));
          setTimeout(check, 25);
        };
        check();
      }),
  };
  children.push(c);
  return c;
}

/** Kills a child and its `timeout` wrapper (the node process first: killing the wrapper leaves it running). */
function kill(c: Child): void {
  if (c.proc.exitCode !== null || c.proc.signalCode !== null) return;
  const pid = c.pid();
  if (pid)
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  c.proc.kill('SIGKILL');
}

/** Waits until `check` holds (polling), with a generous overall limit for a loaded machine. */
async function until(what: string, check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

describe('exactly once across server instances (PostgreSQL, separate processes)', () => {
  let db: Awaited<ReturnType<typeof postgresDb>>;
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  const title = '催报（只发一次）';

  beforeAll(async () => {
    if (!postgres) return;
    db = await postgresDb();
    rx = await startReceiver();
    const at = new Date().toISOString();
    await db.handle.db
      .insertInto('notify_channels')
      .values(
        ['one', 'two'].map((n) => ({
          id: `office-${n}`,
          kind: 'webhook' as const,
          name: `目标办 ${n}`,
          audience: 'office' as const,
          department: null,
          enabled: true,
          config: '{}',
          secrets: JSON.stringify({ url: `${rx.base}/hook/${n}` }),
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
  });
  afterAll(async () => {
    for (const c of children) kill(c);
    await Promise.all(children.map((c) => c.exited));
    await db?.drop();
    await rx?.close();
  });

  async function makeDue() {
    await db.handle.db.deleteFrom('deliveries').execute();
    await db.handle.db.deleteFrom('job_runs').execute();
    rx.received.length = 0;
    await db.handle.db
      .insertInto('jobs')
      .values({
        name: 'exactly-once',
        cron: '0 9 * * 1',
        enabled: true,
        next_run_at: new Date(Date.now() - 1000).toISOString(),
      })
      .onConflict((oc) => oc.column('name').doUpdateSet({ next_run_at: new Date(Date.now() - 1000).toISOString() }))
      .execute();
  }
  const delivered = (path: string) => rx.got(path).filter((r) => r.body.title === title).length;
  const states = async () =>
    (await db.handle.db.selectFrom('deliveries').select('state').execute()).map((d) => d.state).sort();
  const runsOf = () => db.handle.db.selectFrom('job_runs').selectAll().where('job', '=', 'exactly-once').execute();
  /** Stops the children and waits for them (each finishes its sends first). */
  async function stopAll(kids: Child[]): Promise<(number | null)[]> {
    for (const k of kids) k.stop();
    return Promise.all(kids.map((k) => k.exited));
  }

  it.skipIf(!postgres)(
    'two instances started at the same moment run the due job once; each channel gets one message',
    async () => {
      await makeDue();
      // A lease long enough that a stalled event loop on a loaded machine does not hand the run over.
      const kids = [child(db.url, 'instance-a', 'fast', 10_000), child(db.url, 'instance-b', 'fast', 10_000)];
      try {
        await Promise.all(kids.map((k) => k.waitFor('READY')));
        for (const k of kids) k.proc.stdin.write('GO\n');
        await until('the run is done and both deliveries sent', async () => {
          const runs = await runsOf();
          return runs[0]?.state === 'done' && (await states()).join() === 'sent,sent';
        });
        expect(await stopAll(kids)).toEqual([0, 0]);
      } finally {
        for (const k of kids) kill(k);
      }
      const starts = kids.map((k) => (k.out().match(/JOB-START/g) ?? []).length);
      expect(starts.reduce((a, b) => a + b, 0)).toBe(1);
      const runs = await runsOf();
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ state: 'done', attempts: 1 });
      expect(delivered('/hook/one')).toBe(1);
      expect(delivered('/hook/two')).toBe(1);
      const ds = await db.handle.db.selectFrom('deliveries').select(['state', 'attempts']).execute();
      expect(ds).toEqual([
        { state: 'sent', attempts: 1 },
        { state: 'sent', attempts: 1 },
      ]);
    },
    150_000,
  );

  it.skipIf(!postgres)(
    'an instance killed while the job runs: another finishes it after the lease, one delivery per channel',
    async () => {
      await makeDue();
      // Short leases here: the takeover after the kill is what is tested.
      const a = child(db.url, 'instance-killed', 'slow', 1500);
      try {
        await a.waitFor('READY');
        a.proc.stdin.write('GO\n');
        await a.waitFor('JOB-START instance-killed');
      } finally {
        kill(a);
      }
      await a.exited;
      const [held] = await runsOf();
      expect(held).toMatchObject({ state: 'running', attempts: 1, locked_by: 'instance-killed' });
      expect(await db.handle.db.selectFrom('deliveries').selectAll().execute()).toEqual([]);
      expect(rx.received).toEqual([]);

      const b = child(db.url, 'instance-restarted', 'fast', 1500);
      try {
        await b.waitFor('READY');
        b.proc.stdin.write('GO\n');
        await until('the run is done and both deliveries sent', async () => {
          const runs = await runsOf();
          return runs[0]?.state === 'done' && (await states()).join() === 'sent,sent';
        });
        expect(await stopAll([b])).toEqual([0]);
      } finally {
        kill(b);
      }
      expect(b.out()).toContain('JOB-START instance-restarted');
      const runs = await runsOf();
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ state: 'done', attempts: 2, summary: '由 instance-restarted 完成' });
      expect(delivered('/hook/one')).toBe(1);
      expect(delivered('/hook/two')).toBe(1);
    },
    150_000,
  );

  it.skipIf(!postgres)(
    'an instance gone after the run committed but before sending: another sends each delivery once',
    async () => {
      await makeDue();
      const a = child(db.url, 'instance-no-sender', 'no-deliver', 10_000);
      try {
        await a.waitFor('READY');
        a.proc.stdin.write('GO\n');
        await until('the run is done with two pending deliveries', async () => {
          const runs = await runsOf();
          return runs[0]?.state === 'done' && (await states()).join() === 'pending,pending';
        });
        expect(await stopAll([a])).toEqual([0]);
      } finally {
        kill(a);
      }
      expect(rx.received).toEqual([]);
      const kids = [child(db.url, 'sender-a', 'fast', 10_000), child(db.url, 'sender-b', 'fast', 10_000)];
      try {
        await Promise.all(kids.map((k) => k.waitFor('READY')));
        for (const k of kids) k.proc.stdin.write('GO\n');
        await until('both deliveries are sent', async () => (await states()).join() === 'sent,sent');
        expect(await stopAll(kids)).toEqual([0, 0]);
      } finally {
        for (const k of kids) kill(k);
      }
      expect(kids.every((k) => !k.out().includes('JOB-START'))).toBe(true);
      expect(delivered('/hook/one')).toBe(1);
      expect(delivered('/hook/two')).toBe(1);
    },
    150_000,
  );
});
