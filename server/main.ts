import { serve } from '@hono/node-server';
import { createApp } from './app';
import { openDatabase } from './boot';
import { DIST, ensureClientBuild } from './build';
import { readConfig } from './config';
import { Store } from './store';

async function main() {
  const config = readConfig(process.env);
  const started = performance.now();
  if (!config.skipBuild) ensureClientBuild();
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    demo: config.demo,
    firstAdmin: process.env,
  });
  const app = createApp({
    store: new Store(db.db),
    staticDir: DIST,
    frameAncestors: config.frameAncestors,
    accounts: config.accounts,
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const ms = Math.round(performance.now() - started);
    const where = db.kind === 'pglite' ? `内置数据库 PGlite（${db.location}）` : `PostgreSQL（${db.location}）`;
    console.log(`目标进度看板已启动 · Target Board is running`);
    console.log(
      `  数据库: ${where}${db.seeded ? `，已载入目录${config.demo ? '和演示数据' : '（不含演示数据）'}` : ''}`,
    );
    if (db.adminCreated) console.log(`  已创建管理员账号：${db.adminCreated}`);
    console.log(`  启动用时 ${ms} ms`);
    console.log(`  ➜  http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}/`);
  });
  const shutdown = () => {
    server.close();
    void db.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
