import { execFile, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireFileLock, liveHolderOf, withFileLock } from './file-lock.js';
import { currentProcess } from './process-identity.js';

const run = promisify(execFile);
const LOCK_MODULE = fileURLToPath(new URL('./file-lock.ts', import.meta.url));
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
    const script = `
      import { readFile, writeFile } from 'node:fs/promises';
      import { withFileLock } from ${JSON.stringify(LOCK_MODULE)};
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

  it('breaks a lock naming a live pid whose start time differs (the pid was reused, e.g. PID 1 in a restarted container)', async () => {
    const me = currentProcess();
    const reused = { ...me, start_time: String(Number(me.start_time ?? 0) + 1), token: 'earlier', acquired_at: '2026-01-01T00:00:00Z' };
    await writeFile(lock, JSON.stringify(reused));
    expect(await liveHolderOf(lock)).toBeUndefined();
    expect(await withFileLock(lock, async () => 'ran', { timeoutMs: 2000, staleMs: Infinity })).toBe('ran');
  });

  it('breaks a lock written during an earlier boot', async () => {
    await writeFile(lock, JSON.stringify({ ...currentProcess(), boot_id: 'another-boot', token: 'x', acquired_at: '' }));
    expect(await withFileLock(lock, async () => 'ran', { timeoutMs: 2000, staleMs: Infinity })).toBe('ran');
  });

  it.each([
    ['empty', ''],
    ['half-written', '{"pid":12'],
    ['garbage', 'held by pid undefined'],
  ])('recovers an %s lock file (left by a process killed while writing it)', async (_, content) => {
    await writeFile(lock, content);
    expect(await withFileLock(lock, async () => 'ran', { timeoutMs: 2000, staleMs: Infinity })).toBe('ran');
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over the lock of a holder killed with SIGKILL', async () => {
    const script = `
      import { acquireFileLock } from ${JSON.stringify(LOCK_MODULE)};
      await acquireFileLock(${JSON.stringify(lock)});
      process.stdout.write('held\\n');
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await once(child.stdout!, 'data');
    expect((await liveHolderOf(lock))?.pid).toBe(child.pid);
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(await withFileLock(lock, async () => 'ran', { timeoutMs: 5000, staleMs: Infinity })).toBe('ran');
  });

  it('never shows a reader an empty or partial lock while processes contend for it', async () => {
    const script = `
      import { withFileLock } from ${JSON.stringify(LOCK_MODULE)};
      for (let i = 0; i < 40; i++) await withFileLock(${JSON.stringify(lock)}, async () => {}, { retryMs: 1 });`;
    const children = [1, 2].map(() => run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]));
    let done = false;
    const finished = Promise.all(children).finally(() => {
      done = true;
    });
    const seen: string[] = [];
    while (!done) {
      const text = await readFile(lock, 'utf8').catch(() => undefined);
      if (text !== undefined) seen.push(text);
      await sleep(0);
    }
    await finished;
    for (const text of seen) expect(JSON.parse(text)).toMatchObject({ pid: expect.any(Number), token: expect.any(String) });
    expect(await readdir(dir)).toEqual([]);
  });

  it('does not remove a lock that was broken and taken by another holder meanwhile', async () => {
    const first = await acquireFileLock(lock);
    await rm(lock);
    const second = await acquireFileLock(lock);
    await first.release();
    expect(await liveHolderOf(lock)).toMatchObject({ token: second.holder.token });
    await second.release();
    expect(await liveHolderOf(lock)).toBeUndefined();
  });

  it('breaks a lock older than the stale limit even when its pid is alive', async () => {
    await writeFile(lock, String(process.pid));
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    expect(await withFileLock(lock, async () => 'ran', { staleMs: 10_000 })).toBe('ran');
  });

  it('times out with a message naming the lock and its holder', async () => {
    await writeFile(lock, String(process.pid));
    await expect(withFileLock(lock, async () => 'ran', { timeoutMs: 100 })).rejects.toThrow(`waiting for the lock ${lock} (held by pid ${process.pid})`);
    expect(await readFile(lock, 'utf8')).toBe(String(process.pid));
  });

  it('releases the lock when fn throws', async () => {
    await expect(withFileLock(lock, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await readdir(dir)).toEqual([]);
  });
});
