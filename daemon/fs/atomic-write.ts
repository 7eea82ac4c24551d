import { type FileHandle, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { tempPathFor } from './temp-name.js';

/**
 * Replaces `path` with `data` so that a reader (or a crash) sees either the old file or the new one,
 * never a partial write: the bytes go to a unique temp file in the same directory (same filesystem,
 * so the rename is atomic; see tempPathFor), are fsynced, renamed over the target, and the directory is fsynced so the
 * rename itself survives a power loss. The temp name starts with '.' so folder watchers ignore it.
 *
 * @example await writeFileAtomic('data/actorsData.json', JSON.stringify(actors, null, 2) + '\n');
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = await writeTempFile(path, data);
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

/**
 * The first half of an atomic replace: `data` in a fsynced temp file beside `path`, whose name is
 * returned. The caller renames it over `path` (then calls `syncDirectory`) or removes it; split out for
 * a writer that must decide at the last moment, under a lock, whether its copy is still the newest.
 * `data` may come in parts (one writev, no joined copy of a large file).
 */
export async function writeTempFile(path: string, data: string | Uint8Array | readonly Uint8Array[]): Promise<string> {
  const temp = tempPathFor(path);
  try {
    const handle = await open(temp, 'wx');
    try {
      if (Array.isArray(data)) await writeParts(handle, data);
      else await handle.writeFile(data as string | Uint8Array);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temp;
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Makes a rename in `dir` survive a power loss. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some filesystems (and Windows) refuse fsync on a directory; the rename has happened regardless.
    if (!isErrno(error, 'EINVAL', 'EPERM', 'EISDIR')) throw error;
  } finally {
    await handle.close();
  }
}

/** Reads and parses a JSON file; returns `undefined` when the file does not exist. */
export async function readJsonFile<T = unknown>(path: string): Promise<T | undefined> {
  const text = await unlessMissing(readFile(path, 'utf8'));
  return text === undefined ? undefined : (JSON.parse(text) as T);
}

/**
 * What a file operation resolves to, or `undefined` when the file is not there (ENOENT); any other
 * failure is rethrown.
 *
 * @example const stats = await unlessMissing(stat(file)); // undefined: no such file
 */
export async function unlessMissing<T>(operation: Promise<T>): Promise<T | undefined> {
  try {
    return await operation;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
}

/** True when `error` is a Node system error with one of the given codes. */
export function isErrno(error: unknown, ...codes: string[]): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && codes.includes((error as NodeJS.ErrnoException).code!);
}

/** libuv writes every part (it loops over short writes); the count is checked all the same. */
async function writeParts(handle: FileHandle, parts: readonly Uint8Array[]): Promise<void> {
  const expected = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const { bytesWritten } = await handle.writev(parts);
  if (bytesWritten !== expected) throw new Error(`Expected ${expected} bytes written to ${handle.fd} but received ${bytesWritten}`);
}
