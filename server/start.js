// `npm start`: compiles the server (TypeScript, server/**) into one ES module with esbuild and runs it
// in this process with plain Node. Running the sources through the tsx loader instead costs about a
// second and a half at every start: its hooks sit in front of every import, the ~1,000 files of
// node_modules included. Packages stay external (loaded from node_modules as they are).
//
// Plain JavaScript on purpose: this file must run before anything can compile TypeScript.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, stop } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..');
// In dist-server/ so that the bundle finds the project root (and dist/, node_modules/) one level up,
// exactly as server/build.ts does from server/.
const OUT = path.join(ROOT, 'dist-server', 'main.js');

const result = await build({
  entryPoints: [path.join(ROOT, 'server', 'main.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  write: false,
  logLevel: 'warning',
  absWorkingDir: ROOT,
});
// esbuild answers from a helper process: ended here, not left beside the server for its lifetime.
await stop();
const code = result.outputFiles[0]?.contents;
if (!code) throw new Error('服务端构建失败 (esbuild produced no output)');
let current = null;
try {
  current = readFileSync(OUT);
} catch {
  // first start: no bundle yet
}
// Several servers may start at once (the end-to-end tests): a finished file is renamed into place,
// so none of them ever imports a half-written bundle, and an unchanged bundle is not rewritten.
if (!current?.equals(code)) {
  mkdirSync(path.dirname(OUT), { recursive: true });
  const tmp = `${OUT}.${process.pid}.tmp`;
  writeFileSync(tmp, code);
  renameSync(tmp, OUT);
}
await import(pathToFileURL(OUT).href);
