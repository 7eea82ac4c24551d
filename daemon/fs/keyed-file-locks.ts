import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { withFileLock, type FileLockOptions } from './file-lock.js';

/** Runs `fn` while holding the lock for `key`, excluding every other holder of that key in any process. */
export type KeyedLock = <T>(key: string, fn: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

const SAFE_NAME = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * One file lock per key under `dir` (created on first use). Keys that would not make a safe file
 * name are hashed.
 *
 * @example const publishLock = createKeyedFileLocks('data/locks', 'publish-'); await publishLock(actorName, publish);
 */
export function createKeyedFileLocks(dir: string, prefix: string, options: FileLockOptions = {}): KeyedLock {
  let ready: Promise<unknown> | undefined;
  return async (key, fn, signal) => {
    ready ??= mkdir(dir, { recursive: true });
    await ready;
    const name = SAFE_NAME.test(key) ? key : createHash('sha256').update(key).digest('hex').slice(0, 32);
    return withFileLock(path.join(dir, `${prefix}${name}.lock`), fn, { ...options, signal });
  };
}
