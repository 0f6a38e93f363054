import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const DIST = path.join(ROOT, 'dist');
/** The server-side render of the overview (src/entry-server.tsx), built beside the client. */
export const DIST_SSR = path.join(ROOT, 'dist-ssr');

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Builds the client when there is no build or its sources are newer than it. */
export function ensureClientBuild(log: (msg: string) => void = console.log): void {
  const built = Math.min(
    newestMtime(path.join(DIST, 'index.html')),
    newestMtime(path.join(DIST_SSR, 'entry-server.js')),
  );
  const inputs = ['src', 'index.html', 'public', 'vite.config.ts', 'data', 'mock'].map((p) =>
    newestMtime(path.join(ROOT, p)),
  );
  if (built > 0 && built >= Math.max(...inputs)) return;
  log('正在构建前端… (building the client)');
  const vite = (args: string[]) =>
    spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', ...args],
      {
        cwd: ROOT,
        stdio: 'inherit',
        // Always a production build: started from a test runner (NODE_ENV=test) Vite bundles React's
        // development build, twice the size, and `npm start` would then serve it.
        env: { ...process.env, NODE_ENV: 'production' },
      },
    ).status === 0;
  if (!vite([])) throw new Error('前端构建失败 (vite build failed)');
  // The preview is an extra: without it the landing page is rendered by the browser alone.
  if (!vite(['--ssr', 'src/entry-server.tsx', '--outDir', DIST_SSR]))
    log('警告：总览的服务端渲染构建失败，首页将只在浏览器中渲染 (vite build --ssr failed: no server-rendered preview)');
}
