import pg from 'pg';
import { connect } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { addDays } from '../../src/domain/dates';
import type { RunningServer } from '../e2e/server-process';
import { DEADLINE, FIRST_WEEK, generateScaleData, NATIONAL, type ScaleSize } from '../scale/generate';
import { type Figure, percentile } from './report';
import { dropDatabase, markSeeded, rssMb, signIn, startBenchServer, withPostgres } from './scale-helpers';

/**
 * A national rehearsal (issue 26): every prefecture-level city's plans, 300 cities, 200,000 targets,
 * 10,000,000 weekly reports and 500,000 key projects (tests/scale/generate.ts, NATIONAL) on one
 * PostgreSQL database (a throwaway cluster, or BENCH_DATABASE_URL), served by several server
 * processes at once (NATIONAL_INSTANCES, default 3) with the requests spread across them.
 *
 * Too big for CI: `npm run bench -- --only national` runs it, a plain `npm run bench` does not.
 * NATIONAL_FRACTION=0.25 runs a quarter of the nation (cities, targets and projects; 50 weeks
 * always). A fresh database is generated and dropped at the end; NATIONAL_DATABASE=<name> keeps it
 * under that name instead, and a later run reuses it (its writes stay: drop it by hand when done).
 *
 * Figures beside their budgets: generation time and database size (no budget), cached /summary p95
 * ≤ 50 ms, /summary after a write ≤ 100 ms (written on one instance, read on another: each such read
 * must show the write), a city's /review p95 ≤ 500 ms, and each instance's memory.
 */
const BUDGET = { cached: 50, afterWrite: 100, review: 500 } as const;

function sizeOf(fraction: number): ScaleSize {
  if (!(fraction > 0 && fraction <= 1)) throw new Error(`NATIONAL_FRACTION must be in (0, 1]: ${fraction}`);
  return {
    cities: Math.max(1, Math.round(NATIONAL.cities * fraction)),
    districts: NATIONAL.districts,
    targets: Math.round(NATIONAL.targets * fraction),
    weeks: NATIONAL.weeks,
    projects: Math.round(NATIONAL.projects * fraction),
  };
}

const thousands = (n: number) => n.toLocaleString('en-US');

async function time(url: string, init?: RequestInit): Promise<{ ms: number; body: string }> {
  const t0 = performance.now();
  const r = await fetch(url, init);
  const body = await r.text();
  if (!r.ok) throw new Error(`${url}: ${r.status} ${body.slice(0, 300)}`);
  return { ms: performance.now() - t0, body };
}

const latestRecordedAt = (summaryBody: string): string | null =>
  (JSON.parse(summaryBody) as { freshness: { latestRecordedAt: string | null } }).freshness.latestRecordedAt;

/** A database of its own on the server at `url`: generated (and dropped at the end) or reused. */
async function prepare(
  url: string,
  size: ScaleSize,
): Promise<{ databaseUrl: string; generatedMs: number | null; cleanup: () => Promise<void> }> {
  const keep = process.env.NATIONAL_DATABASE;
  if (keep !== undefined && !/^[a-z_][a-z0-9_]*$/.test(keep))
    throw new Error(`NATIONAL_DATABASE: not a plain name: ${keep}`);
  const name = keep ?? `tb_national_${Date.now()}`;
  const u = new URL(url);
  u.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (keep && exists) return { databaseUrl: u.toString(), generatedMs: null, cleanup: async () => {} };
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const drop = () => dropDatabase(url, name);
  try {
    const t0 = performance.now();
    const h = await connect({ databaseUrl: u.toString() });
    try {
      await migrateToLatest(h.db);
      await generateScaleData(
        h.db,
        (s) => console.error(`  national: ${s} (${((performance.now() - t0) / 1000).toFixed(0)} s)`),
        size,
      );
      await markSeeded(h.db); // only the generated nation
    } finally {
      await h.close();
    }
    return { databaseUrl: u.toString(), generatedMs: performance.now() - t0, cleanup: keep ? async () => {} : drop };
  } catch (e) {
    await drop(); // never a half-generated database to reuse
    throw e;
  }
}

/** The first row of one statement, on a connection of its own. */
async function firstRow<T extends pg.QueryResultRow>(databaseUrl: string, statement: string): Promise<T | undefined> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    return (await c.query<T>(statement)).rows[0];
  } finally {
    await c.end();
  }
}

async function databaseSize(databaseUrl: string): Promise<{ total: number; reports: number }> {
  const row = await firstRow<{ total: string; reports: string }>(
    databaseUrl,
    `select pg_database_size(current_database()) as total, pg_total_relation_size('reports') as reports`,
  );
  return { total: Number(row?.total) / 2 ** 20, reports: Number(row?.reports) / 2 ** 20 };
}

async function newestReport(databaseUrl: string): Promise<string | null> {
  return (await firstRow<{ d: string | null }>(databaseUrl, `select max(as_of)::text as d from reports`))?.d ?? null;
}

const maxDate = (a: string, b: string | null) => (b !== null && b > a ? b : a);

async function benchOn(url: string): Promise<Figure[]> {
  const fraction = Number(process.env.NATIONAL_FRACTION ?? '1');
  const size = sizeOf(fraction);
  const instances = Math.max(1, Number(process.env.NATIONAL_INSTANCES ?? '3'));
  const label = 'national';
  const what = `${thousands(size.cities)} cities, ${thousands(size.targets)} targets, ${thousands(size.targets * size.weeks)} reports`;
  const lastWeek = addDays(FIRST_WEEK, 7 * (size.weeks - 1));
  const { databaseUrl, generatedMs, cleanup } = await prepare(url, size);
  // A kept database (NATIONAL_DATABASE) holds the writes of its earlier runs, a new week's among
  // them: this run's new date comes after the newest report, or its writes would repeat them; a
  // week later when the targets' deadline allows, else the next day (a new date all the same).
  const newest = maxDate(lastWeek, await newestReport(databaseUrl));
  if (newest >= DEADLINE) throw new Error(`NATIONAL_DATABASE: reports reach ${DEADLINE} already; drop it`);
  const newWeek = addDays(newest, 7) <= DEADLINE ? addDays(newest, 7) : addDays(newest, 1);
  const figures: Figure[] = [];
  if (generatedMs !== null)
    figures.push({ name: `${label}: generate ${what}`, value: generatedMs, unit: 'ms', budget: null });
  const db = await databaseSize(databaseUrl);
  figures.push(
    { name: `${label}: database size`, value: db.total, unit: 'MB', budget: null, note: what },
    { name: `${label}: reports table with its indexes`, value: db.reports, unit: 'MB', budget: null },
  );
  const servers: RunningServer[] = [];
  try {
    // One after another: each runs the migrations check and the admin bootstrap on start.
    for (let i = 0; i < instances; i++) servers.push(await startBenchServer({ DATABASE_URL: databaseUrl }));
    const api = (i: number) => `${(servers[i % instances] as RunningServer).url}/api/v1`;

    const progress = (s: string) => console.error(`  national: ${s}`);
    progress(`${instances} instances started; each one's first /summary…`);
    // Each instance's first /summary: the status engine over every target (its memo is its own).
    const firsts: number[] = [];
    for (let i = 0; i < instances; i++) firsts.push((await time(`${api(i)}/summary`)).ms);
    figures.push({
      name: `${label}: /summary, first (uncached) per instance, max`,
      value: Math.max(...firsts),
      unit: 'ms',
      budget: null,
      note: firsts.map((t) => `${(t / 1000).toFixed(1)} s`).join(', '),
    });

    progress('cached /summary…');
    // Cached: the same data version, requests spread round-robin over the instances.
    const warm: number[] = [];
    for (let i = 0; i < 150; i++) warm.push((await time(`${api(i)}/summary`)).ms);
    warm.sort((a, b) => a - b);
    figures.push(
      { name: `${label}: /summary p50 (cached)`, value: percentile(warm, 50), unit: 'ms', budget: null },
      {
        name: `${label}: /summary p95 (cached)`,
        value: percentile(warm, 95),
        unit: 'ms',
        budget: BUDGET.cached,
        note: `${instances} instances, round-robin`,
      },
    );

    progress("a city's /review at weeks not asked for before…");
    // A city's weekly review, each on another instance and another week (never cached before).
    const reviews: number[] = [];
    for (let i = 0; i < 8; i++) {
      const city = 1 + ((1 + i * 37) % size.cities);
      reviews.push((await time(`${api(i)}/review?plan=scale-city-${city}&asOf=${addDays(lastWeek, -7 * i)}`)).ms);
    }
    const firstReview = reviews[0] ?? Number.NaN;
    // Each one, in the order asked: which of them is the slow one (an instance's first, or any).
    const eachReview = reviews.map((ms) => ms.toFixed(0)).join(', ');
    reviews.sort((a, b) => a - b);
    figures.push(
      { name: `${label}: a city's /review, first`, value: firstReview, unit: 'ms', budget: null },
      {
        name: `${label}: a city's /review p95, uncached`,
        value: percentile(reviews, 95),
        unit: 'ms',
        budget: BUDGET.review,
        note: `8 cities × weeks over the instances: ${eachReview} ms`,
      },
    );

    // Writes: each on one instance, the next /summary on another, which must show it.
    const who = await Promise.all(servers.map((s) => signIn(s)));
    const write = async (on: number, k: number, asOf: string) => {
      const n = size.targets - 10 * (k + 1); // cumulative (kinds repeat every 10 ids), near the end
      const s = who[on % instances] as { cookie: string; csrf: string };
      const r = await fetch(`${api(on)}/targets/scale-${n}/reports`, {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ asOf, value: 100 + (n % 900), confirmReason: '基准测试' }),
      });
      if (!r.ok) throw new Error(`report scale-${n}: ${r.status} ${(await r.text()).slice(0, 300)}`);
    };
    const seen = async (i: number, before: string | null, what: string) => {
      const t = await time(`${api(i)}/summary`);
      const now = latestRecordedAt(t.body);
      if (now === null || (before !== null && Date.parse(now) <= Date.parse(before)))
        throw new Error(
          `instance ${(i % instances) + 1} does not show ${what}: latest recorded ${now} (before ${before})`,
        );
      return { ms: t.ms, latest: now };
    };
    progress('the first report of a new week, then writes…');
    // The first report of a new week moves the present: every instance recomputes every target.
    let latest = latestRecordedAt((await time(`${api(0)}/summary`)).body);
    await write(0, 0, newWeek);
    const newDate: number[] = [];
    for (let i = 0; i < instances; i++) {
      const r = await seen(i + 1, latest, 'the new week');
      newDate.push(r.ms);
    }
    latest = (await seen(1, null, 'the new week')).latest;
    figures.push({
      name: `${label}: /summary after the first report of a new week, max`,
      value: Math.max(...newDate),
      unit: 'ms',
      budget: null,
      note: `every target recomputed, per instance: ${newDate.map((t) => `${(t / 1000).toFixed(1)} s`).join(', ')}`,
    });
    const after: number[] = [];
    for (let k = 1; k <= 12; k++) {
      await write(k, k, newWeek);
      const r = await seen(k + 1, latest, `the write made on instance ${(k % instances) + 1}`);
      after.push(r.ms);
      latest = r.latest;
    }
    after.sort((a, b) => a - b);
    figures.push(
      { name: `${label}: /summary after a write p50`, value: percentile(after, 50), unit: 'ms', budget: null },
      {
        name: `${label}: /summary after a write p95`,
        value: percentile(after, 95),
        unit: 'ms',
        budget: BUDGET.afterWrite,
        note: instances > 1 ? 'written on one instance, read (and seen) on the next' : 'one instance',
      },
    );
    servers.forEach((s, i) => {
      figures.push({
        name: `${label}: server RSS, instance ${i + 1}`,
        value: rssMb(s.process.pid),
        unit: 'MB',
        budget: null,
      });
    });
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await cleanup();
  }
  return figures;
}

export function benchNational(): Promise<Figure[]> {
  return withPostgres(async (url, failure) => {
    if (url) return await benchOn(url);
    // No PostgreSQL: the budgeted figures fail, never skip.
    const note = `PostgreSQL not available: ${failure}`.slice(0, 120);
    return [
      { name: 'national: /summary p95 (cached)', value: Number.NaN, unit: 'ms', budget: BUDGET.cached, note },
      { name: 'national: /summary after a write p95', value: Number.NaN, unit: 'ms', budget: BUDGET.afterWrite, note },
      { name: "national: a city's /review p95, uncached", value: Number.NaN, unit: 'ms', budget: BUDGET.review, note },
    ];
  });
}
