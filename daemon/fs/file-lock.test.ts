import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from './file-lock.js';

const run = promisify(execFile);
let dir: string;
let lock: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-lock-'));
  lock = join(dir, 'x.lock');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Read-modify-write of a counter with a yield in between: without the lock, increments get lost. */
async function increment(counter: string): Promise<void> {
  const value = Number(await readFile(counter, 'utf8'));
  await sleep(1);
  await writeFile(counter, String(value + 1));
}

describe('withFileLock', () => {
  it('serializes two in-process users so no increment is lost', async () => {
    const counter = join(dir, 'counter');
    await writeFile(counter, '0');
    const worker = async () => {
      for (let i = 0; i < 10; i++) await withFileLock(lock, () => increment(counter));
    };
    await Promise.all([worker(), worker()]);
    expect(await readFile(counter, 'utf8')).toBe('20');
    expect(await readdir(dir)).toEqual(['counter']);
  });

  it('serializes two processes so no increment is lost', async () => {
    const counter = join(dir, 'counter');
    await writeFile(counter, '0');
    const lockModule = fileURLToPath(new URL('./file-lock.ts', import.meta.url));
    const script = `
      import { readFile, writeFile } from 'node:fs/promises';
      import { withFileLock } from ${JSON.stringify(lockModule)};
      for (let i = 0; i < 15; i++) {
        await withFileLock(${JSON.stringify(lock)}, async () => {
          const value = Number(await readFile(${JSON.stringify(counter)}, 'utf8'));
          await new Promise((r) => setTimeout(r, 1));
          await writeFile(${JSON.stringify(counter)}, String(value + 1));
        });
      }`;
    const child = () => run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    await Promise.all([child(), child()]);
    expect(await readFile(counter, 'utf8')).toBe('30');
  });

  it('breaks a lock left by a dead process', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    await writeFile(lock, String(dead));
    expect(await withFileLock(lock, async () => 'ran', { timeoutMs: 2000 })).toBe('ran');
  });

  it('breaks a lock older than the stale limit even when its pid is alive', async () => {
    await writeFile(lock, String(process.pid));
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    expect(await withFileLock(lock, async () => 'ran', { staleMs: 10_000 })).toBe('ran');
  });

  it('times out with a message naming the lock and its holder', async () => {
    await writeFile(lock, String(process.pid));
    await expect(withFileLock(lock, async () => 'ran', { timeoutMs: 100 })).rejects.toThrow(
      `waiting for the lock ${lock} (held by pid ${process.pid})`,
    );
    expect(await readFile(lock, 'utf8')).toBe(String(process.pid));
  });

  it('releases the lock when fn throws', async () => {
    await expect(withFileLock(lock, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await readdir(dir)).toEqual([]);
  });
});
