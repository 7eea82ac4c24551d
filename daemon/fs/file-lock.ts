import { randomBytes } from 'node:crypto';
import { link, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { isErrno, unlessMissing } from './atomic-write.js';
import { currentProcess, isProcessAlive, type ProcessIdentity } from './process-identity.js';

export interface FileLockOptions {
  /** How long to wait for another holder, in ms. Default 10 000; `Infinity` waits for as long as it takes. */
  timeoutMs?: number;
  /** A lock file older than this is taken to be left by a hung holder, in ms. Default 30 000; `Infinity` for a lock held for a whole run. */
  staleMs?: number;
  /** Delay between attempts, in ms. Default 25. */
  retryMs?: number;
  /** Called once when the lock is found held by a live holder, before waiting for it. */
  onWait?: (holder: LockHolder) => void;
  /** Stops waiting (rejecting with its reason), e.g. at shutdown. */
  signal?: AbortSignal;
}

/** What a lock file holds: its holder's identity, with a token of its own for this one acquisition. */
export interface LockHolder extends ProcessIdentity {
  acquired_at: string;
}

export interface HeldLock {
  readonly holder: LockHolder;
  /** Removes the lock file, unless it was broken as stale and someone else holds it now. */
  release(): Promise<void>;
}

/**
 * Takes an exclusive lock shared between processes (the daemon and the CLI). The lock file appears
 * with its content in one step (written to a temp file, then hard-linked into place, which fails if a
 * lock exists), so no reader ever sees an empty or half-written lock. Its holder is named by pid,
 * process start time and boot id: a lock whose holder is gone (even when a restarted container's PID 1
 * has the same pid), that cannot be read, or that is older than `staleMs` is broken, so a crash
 * never wedges the next run.
 *
 * @example const lock = await acquireFileLock(`${dataDir}/cli.lock`, { timeoutMs: Infinity, staleMs: Infinity });
 */
export async function acquireFileLock(lockPath: string, options: FileLockOptions = {}): Promise<HeldLock> {
  const { timeoutMs = 10_000, staleMs = 30_000, retryMs = 25, onWait, signal } = options;
  const deadline = Date.now() + timeoutMs;
  const holder: LockHolder = { ...currentProcess(), token: randomBytes(8).toString('hex'), acquired_at: new Date().toISOString() };
  let told = false;
  while (!(await tryCreate(lockPath, holder))) {
    const found = await inspect(lockPath, staleMs);
    // Another waiter may have broken the same stale lock and taken a fresh one meanwhile: only remove
    // the file we judged (same inode), so a live holder's lock is not deleted.
    if (found?.stale && (await inodeOf(lockPath)) === found.ino) {
      await rm(lockPath, { force: true });
      continue;
    }
    if (found?.holder && !told) {
      told = true;
      onWait?.(found.holder);
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for the lock ${lockPath} (held by ${describe(found?.holder)}). ` +
          'If that process is stuck, stop it; a lock whose holder has exited is taken over automatically.',
      );
    }
    signal?.throwIfAborted();
    await sleep(retryMs, undefined, { signal });
  }
  return { holder, release: () => release(lockPath, holder.token) };
}

/**
 * Runs `fn` while holding the lock at `lockPath` (see acquireFileLock).
 *
 * @example await withFileLock(`${file}.lock`, () => rewrite(file), { timeoutMs: 5000 });
 */
export async function withFileLock<T>(lockPath: string, fn: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const lock = await acquireFileLock(lockPath, options);
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}

/** The live holder of the lock at `lockPath`, or undefined when it is free or was left by a gone holder. */
export async function liveHolderOf(lockPath: string): Promise<LockHolder | undefined> {
  const found = await inspect(lockPath, Infinity);
  return found && !found.stale ? found.holder : undefined;
}

async function tryCreate(lockPath: string, holder: LockHolder): Promise<boolean> {
  const temp = `${lockPath}.${holder.token}.tmp`;
  await writeFile(temp, JSON.stringify(holder));
  try {
    await link(temp, lockPath);
    return true;
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}

async function release(lockPath: string, token: string): Promise<void> {
  const current = parseHolder(await unlessMissing(readFile(lockPath, 'utf8')));
  if (current?.token === token) await rm(lockPath, { force: true });
}

/** The lock's inode, holder and whether it is stale; undefined when there is no lock file. */
async function inspect(lockPath: string, staleMs: number): Promise<{ ino: number; holder?: LockHolder; stale: boolean } | undefined> {
  const before = await unlessMissing(stat(lockPath));
  const text = before && (await unlessMissing(readFile(lockPath, 'utf8')));
  if (!before || text === undefined) return undefined; // released meanwhile; the next attempt takes it
  const holder = parseHolder(text);
  const stale = !holder || !isProcessAlive(holder) || Date.now() - before.mtimeMs > staleMs;
  return { ino: before.ino, holder, stale };
}

/** Reads a lock's content; a bare pid is what earlier versions wrote. Anything else has no holder. */
function parseHolder(text: string | undefined): LockHolder | undefined {
  if (text === undefined) return undefined;
  if (/^\s*[1-9]\d*\s*$/.test(text)) return { pid: Number(text), token: '', acquired_at: '' };
  try {
    const value = JSON.parse(text) as Partial<LockHolder> | null;
    return Number.isInteger(value?.pid) && value!.pid! > 0 && typeof value?.token === 'string' ? (value as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}

async function inodeOf(lockPath: string): Promise<number | undefined> {
  return (await unlessMissing(stat(lockPath)))?.ino;
}

function describe(holder: LockHolder | undefined): string {
  return holder ? `pid ${holder.pid}${holder.acquired_at ? ` since ${holder.acquired_at}` : ''}` : 'an unknown holder';
}
