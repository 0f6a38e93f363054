import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import boundaries in biome.json (noRestrictedImports per folder) bite: probe files written into
 * each layer, linted by the same Biome that `npm run lint` runs, are refused exactly on the lines that
 * cross a boundary and accepted on the lines that do not.
 *
 * The probes re-export real modules, so a type check running meanwhile in the same tree still passes;
 * their names are unique to this run, and they are removed whatever happens.
 */

const root = join(import.meta.dirname, '..', '..');
const biome = join(root, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');
const RULE = 'lint/style/noRestrictedImports';

interface Probe {
  /** Folder, relative to the repository root. */
  dir: string;
  /** One import per line; `true`: Biome must refuse this line, `false`: it must accept it. */
  lines: [source: string, refused: boolean][];
}

/** `path:line` of every noRestrictedImports diagnostic, and the whole output for messages. */
function lint(files: string[]): { refused: Set<string>; output: string; status: number | null } {
  const run = spawnSync(
    process.execPath,
    [biome, 'lint', '--colors=off', '--max-diagnostics=500', ...files.map((f) => relative(root, f))],
    { cwd: root, encoding: 'utf8', timeout: 60_000 },
  );
  if (run.error) throw run.error;
  const output = `${run.stdout}\n${run.stderr}`;
  const refused = new Set<string>();
  for (const m of output.matchAll(/^(\S+):(\d+):\d+ (lint\/\S+)/gm)) {
    if (m[3] === RULE) refused.add(`${m[1]}:${m[2]}`);
  }
  return { refused, output, status: run.status };
}

/** Writes the probes, lints them in one run and removes them, even when Biome fails or times out. */
function lintProbes(probes: Probe[]) {
  const tag = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const files = probes.map((p) => join(root, p.dir, `__boundary_probe_${tag}.ts`));
  try {
    probes.forEach((p, i) => {
      writeFileSync(files[i] as string, `${p.lines.map(([source]) => source).join('\n')}\n`, { flag: 'wx' });
    });
    const result = lint(files);
    return { ...result, files: files.map((f) => relative(root, f)) };
  } finally {
    for (const f of files) rmSync(f, { force: true });
  }
}

function expectRefusals(probes: Probe[]) {
  const { refused, output, status, files } = lintProbes(probes);
  const expected = new Set<string>();
  const actual = new Set<string>();
  probes.forEach((p, i) => {
    p.lines.forEach(([, refuse], n) => {
      const key = `${files[i]}:${n + 1}`;
      if (refuse) expected.add(`${key} ${p.lines[n]?.[0]}`);
      if (refused.has(key)) actual.add(`${key} ${p.lines[n]?.[0]}`);
    });
  });
  expect([...actual].sort(), output).toEqual([...expected].sort());
  if (expected.size > 0) expect(status, output).not.toBe(0);
  return output;
}

describe('import boundaries (biome.json, noRestrictedImports)', () => {
  it('a feature imports no other feature and not src/app, at either folder depth', () => {
    const output = expectRefusals([
      {
        dir: 'src/features/overview',
        lines: [
          ["export { TargetPage } from '../target/target-page';", true],
          ["export { SectorPage } from '../../features/sector/sector-page';", true],
          ["export type { ReviewParams } from '../review/api/get-review';", true],
          ["export { Providers } from '../../app/providers';", true],
          ["export { ProgressBar } from '../../ui/progress-bar';", false],
          ["export { usePlans } from '../../api/get-plans';", false],
          ["export { useOverviewFilters } from './use-overview-filters';", false],
        ],
      },
      {
        dir: 'src/features/target/api',
        lines: [
          ["export { useReview } from '../../review/api/get-review';", true],
          ["export { Providers } from '../../../app/providers';", true],
          ["export { TargetPage } from '../target-page';", false],
          ["export { KpiTile } from '../../../ui/kpi-tile';", false],
        ],
      },
    ]);
    expect(output).toContain('must not import another feature');
    expect(output).toContain('A feature must not import src/app');
  });

  it('src/ui does not fetch and imports no feature or app', () => {
    const output = expectRefusals([
      {
        dir: 'src/ui',
        lines: [
          ["export { request } from '../api/client';", true],
          ["export { useQuery } from '@tanstack/react-query';", true],
          ["export type { UseQueryResult } from '@tanstack/react-query';", true],
          ["export { getPlans } from '../api/get-plans';", true],
          // Only the three components named in biome.json may read the plans list or the session.
          ["export { usePlans } from '../api/get-plans';", true],
          ["export { useSession } from '../api/session';", true],
          ["export { useFreshness } from '../api/use-freshness';", true],
          ["export { TargetPage } from '../features/target/target-page';", true],
          ["export { Providers } from '../app/providers';", true],
          ["export { ApiError, unknownFilterOf } from '../api/api-error';", false],
          ["export type { Freshness } from '../api/use-freshness';", false],
          ["export { useLocale } from '../stores/ui-store';", false],
          ["export { useTranslation } from '../i18n/use-translation';", false],
          ["export { progressOf } from '../domain/status';", false],
        ],
      },
    ]);
    expect(output).toContain('src/ui does not fetch');
  });

  it('server/ and mock/ import no client code but src/domain', () => {
    const output = expectRefusals([
      {
        dir: 'server',
        lines: [
          ["export { useOverviewFilters } from '../src/features/overview/use-overview-filters';", true],
          ["export { useLocale } from '../src/stores/ui-store';", true],
          ["export { ProgressBar } from '../src/ui/progress-bar';", true],
          ["export { Providers } from '../src/app/providers';", true],
          ["export { request } from '../src/api/client';", true],
          ["export { progressOf } from '../src/domain/status';", false],
        ],
      },
      {
        dir: 'server/db',
        lines: [
          ["export { TargetPage } from '../../src/features/target/target-page';", true],
          ["export { progressOf } from '../../src/domain/status';", false],
        ],
      },
      {
        dir: 'mock',
        lines: [
          ["export { KpiTile } from '../src/ui/kpi-tile';", true],
          ["export { progressOf } from '../src/domain/status';", false],
        ],
      },
    ]);
    expect(output).toContain('server/ and mock/ import src/domain only');
  });

  it('src/domain imports only src/domain; api, stores and i18n import no feature, app or ui', () => {
    const output = expectRefusals([
      {
        dir: 'src/domain',
        lines: [
          ["export { request } from '../api/client';", true],
          ["export { useLocale } from '../stores/ui-store';", true],
          ["export { useTranslation } from '../i18n/use-translation';", true],
          ["export { ProgressBar } from '../ui/progress-bar';", true],
          ["export { createMockApi } from '../../mock/handlers';", true],
          ["export { useState } from 'react';", true],
          ["export { progressOf } from './status';", false],
        ],
      },
      {
        dir: 'src/api',
        lines: [
          ["export { TargetPage } from '../features/target/target-page';", true],
          ["export { ProgressBar } from '../ui/progress-bar';", true],
          ["export { request } from './client';", false],
          ["export { useLocale } from '../stores/ui-store';", false],
        ],
      },
      {
        dir: 'src/stores',
        lines: [
          ["export { Providers } from '../app/providers';", true],
          ["export { progressOf } from '../domain/status';", false],
        ],
      },
    ]);
    expect(output).toContain('src/domain imports only src/domain');
    expect(output).toContain('src/api must not import');
  });

  it('every feature folder has its two overrides in biome.json', () => {
    const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8')) as {
      overrides: { includes: string[]; linter?: unknown }[];
    };
    const features = readdirSync(join(root, 'src', 'features'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(features.length).toBeGreaterThan(0);
    for (const x of features) {
      for (const glob of [`src/features/${x}/*`, `src/features/${x}/*/**`]) {
        const override = config.overrides.find((o) => o.includes.includes(glob));
        expect(override, `biome.json needs an override for ${glob} (copy another feature's pair)`).toBeDefined();
        expect(JSON.stringify(override)).toContain(`!**/features/${x}/**`);
      }
    }
  });
});
