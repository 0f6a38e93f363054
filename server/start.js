// `npm start`: compiles the server (TypeScript, server/**) into one ES module with esbuild and runs it
// in this process with plain Node. Running the sources through the tsx loader instead costs about a
// second and a half at every start: its hooks sit in front of every import, the ~1,000 files of
// node_modules included. Packages stay external (loaded from node_modules as they are).
//
// Plain JavaScript on purpose: this file must run before anything can compile TypeScript.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { build, stop } from 'esbuild';

// The JavaScript heap grows to 1.5 × what survived the last full collection before the next one
// (issue 26: server RSS ≤ 500 MB at province scale). V8's own factor reaches 4 × on a machine with
// memory to spare: at a province (~125 MB live once the memo's columns and facts are loaded) the heap
// stood at 340–710 MB between collections, mostly garbage of finished requests, and the server's RSS
// at the end of the scale bench at 517–625 MB on PostgreSQL; with 1.5 × at 428–464 MB, for ~4 major
// collections where there were 1 (process CPU over the bench +12–20 %; 1.3 × gave 382 MB for +30 %).
// Read at every collection, so it takes effect when set here; a heap-growing flag given to node
// itself is left as it is. With the embedded database, server/main.ts lowers it to 1.3 × once the
// database is open (PGlite's own memory is in this process).
if (!process.execArgv.some((a) => a.startsWith('--heap-growing-percent') || a.startsWith('--heap_growing_percent')))
  v8.setFlagsFromString('--heap-growing-percent=50');

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
