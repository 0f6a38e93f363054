import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { connect } from '../../server/db/connect';

/**
 * Crash safety: a server process killed (SIGKILL, no cleanup) in the middle of committing a large
 * import leaves no partial rows. The commit is one transaction; PostgreSQL's (and PGlite's) WAL
 * recovery discards it on the next start.
 */
describe('an import killed mid-commit', () => {
  it('leaves no partial rows after the database is reopened', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'target-board-crash-'));
    const dataDir = path.join(dir, 'db');
    try {
      const seed = await connect({ dataDir, loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
      const count = async (h: typeof seed) => {
        const all = await h.db
          .selectFrom('reports')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst();
        const imported = await h.db
          .selectFrom('reports')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('import_id', 'is not', null)
          .executeTakeFirst();
        const receipts = await h.db
          .selectFrom('imports')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst();
        return { all: Number(all?.n), imported: Number(imported?.n), receipts: Number(receipts?.n) };
      };
      const before = await count(seed);
      await seed.close();

      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures/import-crash-child.ts'), dataDir],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let out = '';
      let err = '';
      child.stderr.on('data', (d) => {
        err += String(d);
      });
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
        child.on('exit', (code, signal) => resolve(signal ?? code)),
      );
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`child never reached the commit: ${out} ${err}`)), 90_000);
        child.stdout.on('data', (d) => {
          out += String(d);
          if (out.includes('MID-COMMIT')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.on('exit', () => {
          clearTimeout(timer);
          if (!out.includes('MID-COMMIT')) reject(new Error(`child exited early: ${out} ${err}`));
        });
      });
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect(out).not.toContain('COMMITTED');

      const reopened = await connect({ dataDir });
      try {
        const after = await count(reopened);
        expect(after).toEqual(before);
        // The user the child created before the import was committed on its own, so the database did
        // accept writes from that process: only the import's transaction vanished.
        const u = await reopened.db
          .selectFrom('users')
          .select('username')
          .where('username', '=', 'crash')
          .executeTakeFirst();
        expect(u?.username).toBe('crash');
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
