import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';

/**
 * Issue 12's stale lock in a container: a holder running as PID 1 is killed with SIGKILL, and the
 * restarted process is PID 1 again. It must take the lock over instead of waiting for "pid 1" (itself).
 * Each process runs in its own PID namespace (`unshare --pid --fork --mount-proc`), where the
 * machine allows it (root, or user namespaces).
 */

const LOCK_MODULE = path.resolve(import.meta.dirname, '../../daemon/fs/file-lock.ts');
const canUnshare = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true']).status === 0;

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => dir.remove());

/** `node -e script` as PID 1 of a fresh PID namespace; SIGKILL to the returned process kills that PID 1. */
function asPid1(script: string) {
  const args = ['--kill-child', '--pid', '--mount-proc', process.execPath, '--import', 'tsx', '--input-type=module', '-e', script];
  return spawn('unshare', args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: path.resolve(import.meta.dirname, '../..') });
}

describe('a lock held by PID 1 in a container', () => {
  // Never a silent skip: the suite runs as root here and in CI, where PID namespaces work.
  beforeAll(() => {
    if (!canUnshare)
      throw new Error('Expected `unshare --pid --fork --mount-proc` to work (run the reliability suite as root, as .ci/run does) but it was refused');
  });

  it('is taken over by the restarted PID 1 after the holder was killed', async () => {
    const lock = path.join(dir.path, 'actorsData.json.lock');
    const holder = asPid1(`
      import { acquireFileLock } from ${JSON.stringify(LOCK_MODULE)};
      await acquireFileLock(${JSON.stringify(lock)});
      process.stdout.write(String(process.pid));
      setInterval(() => {}, 1000);`);
    const [pid] = (await once(holder.stdout!, 'data')) as [Buffer];
    expect(pid.toString()).toBe('1');
    expect(JSON.parse(await readFile(lock, 'utf8'))).toMatchObject({ pid: 1 });
    holder.kill('SIGKILL');
    await once(holder, 'exit');

    const restarted = asPid1(`
      import { withFileLock } from ${JSON.stringify(LOCK_MODULE)};
      const ran = await withFileLock(${JSON.stringify(lock)}, async () => process.pid, { timeoutMs: 3000, staleMs: Infinity });
      process.stdout.write('took the lock as pid ' + ran);`);
    let stdout = '';
    let stderr = '';
    restarted.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    restarted.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(restarted, 'exit')) as [number];
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: 'took the lock as pid 1', stderr: '' });
  });
});
