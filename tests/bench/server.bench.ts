import { mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../e2e/server-process';
import { type Figure, percentile } from './report';

function rssMb(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** The server's own start-up time, as it prints it ("启动用时 N ms"). */
function reportedStartMs(output: string): number {
  return Number(/启动用时 (\d+) ms/.exec(output)?.[1] ?? Number.NaN);
}

async function latency(url: string, n: number): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await (await fetch(url)).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await fetch(url);
    await r.arrayBuffer();
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

export async function benchServer(): Promise<Figure[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'target-board-bench-'));
  const figures: Figure[] = [];
  try {
    let t0 = performance.now();
    let server = await startServer({ dataDir });
    figures.push({
      name: 'server: first start (create database, load catalog + demo)',
      value: performance.now() - t0,
      unit: 'ms',
      budget: 20_000,
      note: 'spawn → first healthy answer',
    });
    await server.stop();
    t0 = performance.now();
    server = await startServer({ dataDir });
    figures.push({
      name: 'server: warm start (spawn → healthy)',
      value: performance.now() - t0,
      unit: 'ms',
      budget: 3000,
      note: 'as npm start: Node start, esbuild bundling of server/, loading it',
    });
    figures.push({
      name: 'server: warm start (open database → listening)',
      value: reportedStartMs(server.output()),
      unit: 'ms',
      budget: 1000,
    });
    figures.push({ name: 'server: RSS after start', value: rssMb(server.process.pid), unit: 'MB', budget: 500 });
    for (const [name, p] of [
      ['/summary', '/api/v1/summary'],
      ['/targets', '/api/v1/targets'],
      ['/targets?sector=demand&status=lagging', '/api/v1/targets?sector=demand&status=lagging'],
      ['/targets/:id', '/api/v1/targets/qd-key-projects'],
    ] as const) {
      const { p50, p95 } = await latency(`${server.url}${p}`, 200);
      figures.push({ name: `api ${name} p50 (default data, cached)`, value: p50, unit: 'ms', budget: null });
      figures.push({ name: `api ${name} p95 (default data, cached)`, value: p95, unit: 'ms', budget: 100 });
    }
    // Uncached: every request asks for another as-of week, so the engine computes each answer.
    const weeks = Array.from({ length: 40 }, (_, i) =>
      new Date(Date.UTC(2025, 0, 3 + i * 7)).toISOString().slice(0, 10),
    );
    const cold: number[] = [];
    for (const w of weeks) {
      const t0 = performance.now();
      await (await fetch(`${server.url}/api/v1/summary?asOf=${w}`)).arrayBuffer();
      cold.push(performance.now() - t0);
    }
    cold.sort((a, b) => a - b);
    figures.push({
      name: 'api /summary p50, uncached (40 as-of weeks)',
      value: percentile(cold, 50),
      unit: 'ms',
      budget: null,
    });
    figures.push({
      name: 'api /summary p95, uncached (40 as-of weeks)',
      value: percentile(cold, 95),
      unit: 'ms',
      budget: 250,
    });
    figures.push({ name: 'server: RSS after 840 requests', value: rssMb(server.process.pid), unit: 'MB', budget: 500 });
    await server.stop();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  return figures;
}
