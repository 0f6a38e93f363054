import { createServer } from 'node:net';
import v8 from 'node:v8';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { openDatabase } from './boot';
import { DIST, DIST_SSR, ensureClientBuild } from './build';
import { readConfig } from './config';
import { JOBS } from './jobs/registry';
import { Scheduler } from './jobs/scheduler';
import { configureNotify } from './notify/runtime';
import { Store } from './repositories/store';

/** Resolves to `port` when it is free, else (only when no PORT was asked for) to a free one. */
function choosePort(port: number, host: string, explicit: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EADDRINUSE') return reject(e);
      if (explicit)
        return reject(new Error(`端口 ${port} 已被占用（port in use）：请换一个 PORT，或先停止占用它的程序`));
      resolve(choosePort(0, host, true));
    });
    probe.listen(port, host, () => {
      const address = probe.address();
      const chosen = typeof address === 'object' && address ? address.port : port;
      probe.close(() => resolve(chosen));
    });
  });
}

async function main() {
  const config = readConfig(process.env);
  const port = await choosePort(config.port, config.host, process.env.PORT !== undefined);
  const started = performance.now();
  if (!config.skipBuild) ensureClientBuild();
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    demo: config.demo,
    firstAdmin: process.env,
  });
  const notify = { envWebhookUrl: config.notify.webhookUrl, baseUrl: config.notify.publicUrl };
  configureNotify(db.db, { settings: notify, jobs: JOBS });
  // Started once the server listens (a tick's first queries must not delay the warm start).
  const scheduler = config.notify.jobs ? new Scheduler({ db: db.db, jobs: JOBS, notify }) : null;
  const app = createApp({
    store: new Store(db.db),
    staticDir: DIST,
    ssrDir: DIST_SSR,
    frameAncestors: config.frameAncestors,
    accounts: config.accounts,
    publicUrl: config.notify.publicUrl,
    // A province on the embedded database: PGlite's ~130 MB (WebAssembly memory and compiled code)
    // share this process's RSS with the JavaScript heap and the memo's columns (issue 26: ≤ 500 MB).
    // From then on the heap grows to 1.3 × what survived the last full collection, not start.js's
    // 1.5 ×: after the province bench's requests and a 10,000-row import, RSS 418–433 MB against
    // 468–477 MB (four replays), for ~10 % more server CPU and a recomputed new date ~15 % slower
    // (~330 → ~390 ms). Not before: a city's heap is small, and the collections' extra work showed
    // as the browser's blocking time in the client bench (Lighthouse TBT 156 and 205 ms against 115)
    // on this 2-core machine. PostgreSQL keeps its memory in its own processes; a flag given to node
    // is kept.
    onColumns:
      db.kind === 'pglite' && !process.execArgv.some((a) => /^--heap[-_]growing[-_]percent/.test(a))
        ? () => v8.setFlagsFromString('--heap-growing-percent=30')
        : undefined,
  });
  const server = serve({ fetch: app.fetch, port, hostname: config.host }, (info) => {
    const ms = Math.round(performance.now() - started);
    const where = db.kind === 'pglite' ? `内置数据库 PGlite（${db.location}）` : `PostgreSQL（${db.location}）`;
    console.log(`目标进度看板已启动 · Target Board is running`);
    console.log(
      `  数据库: ${where}${db.seeded ? `，已载入目录${config.demo ? '和演示数据' : '（不含演示数据）'}` : ''}`,
    );
    if (db.adminCreated) console.log(`  已创建管理员账号：${db.adminCreated}`);
    console.log(`  启动用时 ${ms} ms`);
    console.log(`  ➜  http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}/`);
    scheduler?.start();
  });
  const shutdown = () => {
    server.close();
    // stop() takes no further delivery and waits for the sends in flight (each bounded by the send
    // timeout) and, briefly, for a job in progress (then left to its lease: another instance or the
    // next start runs it again); the bound below is a safety net only.
    const stopped = scheduler
      ? Promise.race([scheduler.stop(), new Promise((resolve) => setTimeout(resolve, scheduler.stopBoundMs).unref())])
      : Promise.resolve();
    void stopped.finally(() => db.close().finally(() => process.exit(0)));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
