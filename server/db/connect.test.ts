import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './connect';

describe('the embedded database folder lock', () => {
  const dir = () => mkdtempSync(path.join(tmpdir(), 'tb-lock-'));

  it('refuses a folder another running process holds, with a Chinese message', () => {
    const d = dir();
    // The parent of this test process is certainly alive.
    writeFileSync(path.join(d, 'target-board.lock'), String(process.ppid));
    expect(() => lockDataDir(d)).toThrow(/正被另一个进程（PID \d+）使用/);
  });

  it('takes over a lock left by a process that no longer runs, and releases it', () => {
    const d = dir();
    const file = path.join(d, 'target-board.lock');
    writeFileSync(file, '2147483646');
    const release = lockDataDir(d);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(file)).toBe(false);
  });
});
