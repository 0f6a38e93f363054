import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchClient } from './client.bench';
import { benchDomain } from './domain.bench';
import { machineSpeed } from './machine';
import { benchNational } from './national.bench';
import { type Figure, passes, printTable } from './report';
import { benchScale } from './scale.bench';
import { benchScreen } from './screen.bench';
import { benchServer } from './server.bench';

/**
 * `npm run bench`: every figure beside its budget; `--json [file]` also writes them to a file.
 * Exits non-zero when a budget is missed. `--only domain,server` runs a subset.
 */
const args = process.argv.slice(2);
const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '').split(',') : null;
const suites: Record<string, () => Promise<Figure[]> | Figure[]> = {
  domain: benchDomain,
  server: benchServer,
  client: benchClient,
  screen: benchScreen,
  scale: benchScale,
  // 200,000 targets, 10,000,000 reports, several instances: too big for CI, only with `--only national`.
  national: benchNational,
};
const optIn = new Set(['national']);

const figures: Figure[] = [machineSpeed('start')];
for (const [name, suite] of Object.entries(suites)) {
  if (only ? !only.includes(name) : optIn.has(name)) continue;
  console.error(`· ${name}…`);
  figures.push(...(await suite()));
}
figures.push(machineSpeed('end'));
console.log();
printTable(figures);
if (args.includes('--json')) {
  const next = args[args.indexOf('--json') + 1];
  const file = next && !next.startsWith('--') ? next : 'bench-results/latest.json';
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    JSON.stringify({ at: new Date().toISOString(), figures: figures.map((f) => ({ ...f, pass: passes(f) })) }, null, 2),
  );
  console.log(`\nwritten to ${file}`);
}
const failed = figures.filter((f) => !passes(f));
if (failed.length > 0) {
  console.log(`\n${failed.length} figure(s) over budget`);
  process.exit(1);
}
