import { spawn } from 'node:child_process';
import path from 'node:path';
import { createServer } from 'vite';

/**
 * `npm run dev`: the API under `node --watch` (restarts when server, domain or data code changes) on
 * API_PORT, and Vite's dev server with hot module replacement on PORT, proxying /api to the API.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const apiPort = process.env.API_PORT ?? '5174';
process.env.API_PORT = apiPort;

const api = spawn(process.execPath, ['--watch', '--import', 'tsx', 'server/main.ts'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, PORT: apiPort, SKIP_BUILD: '1' },
});

const vite = await createServer({ root: ROOT, server: { port: Number(process.env.PORT ?? 5173), strictPort: false } });
await vite.listen();
vite.printUrls();

const stop = async () => {
  api.kill('SIGTERM');
  await vite.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
