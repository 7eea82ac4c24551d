import { open, readFile, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { isErrno, unlessMissing } from './atomic-write.js';

export interface FileLockOptions {
  /** How long to wait for another holder, in ms. Default 10 000. */
  timeoutMs?: number;
  /** A lock file older than this is taken to be left by a hung or crashed holder, in ms. Default 30 000. */
  staleMs?: number;
  /** Delay between attempts, in ms. Default 25. */
  retryMs?: number;
}

/**
 * Runs `fn` while holding an exclusive lock shared between processes (the daemon and the CLI both
 * write actorsData.json). The lock is a file created with `O_EXCL` holding the owner's pid; a lock
 * whose owner is dead, or that is older than `staleMs`, is broken so a crash never wedges writers.
 *
 * @example await withFileLock(`${file}.lock`, () => rewrite(file), { timeoutMs: 5000 });
 */
export async function withFileLock<T>(lockPath: string, fn: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const { timeoutMs = 10_000, staleMs = 30_000, retryMs = 25 } = options;
  const deadline = Date.now() + timeoutMs;
  while (!(await tryAcquire(lockPath))) {
    const stale = await staleLock(lockPath, staleMs);
    // Another waiter may have broken the same stale lock and taken a fresh one meanwhile: only remove
    // the file we judged (same inode), so a live holder's lock is not deleted.
    if (stale !== undefined && (await inodeOf(lockPath)) === stale) {
      await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for the lock ${lockPath} (held by pid ${await ownerOf(lockPath)}). ` +
          'If no other posterframe process is running, delete the lock file.',
      );
    }
    await sleep(retryMs);
  }
  try {
    return await fn();
  } finally {
    await rm(lockPath, { force: true });
  }
}

async function tryAcquire(lockPath: string): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx');
    try {
      await handle.writeFile(String(process.pid));
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw error;
  }
}

/** The inode of the lock file when its holder is dead or it is older than `staleMs`. */
async function staleLock(lockPath: string, staleMs: number): Promise<number | undefined> {
  const before = await unlessMissing(stat(lockPath));
  if (!before) return undefined; // released meanwhile; the next attempt takes it
  const pid = await ownerOf(lockPath);
  const dead = pid !== undefined && !isAlive(pid);
  return dead || Date.now() - before.mtimeMs > staleMs ? before.ino : undefined;
}

async function inodeOf(lockPath: string): Promise<number | undefined> {
  return (await unlessMissing(stat(lockPath)))?.ino;
}

async function ownerOf(lockPath: string): Promise<number | undefined> {
  const text = await unlessMissing(readFile(lockPath, 'utf8'));
  const pid = text === undefined ? NaN : Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return !isErrno(error, 'ESRCH');
  }
}
