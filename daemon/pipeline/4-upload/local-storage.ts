import { constants } from 'node:fs';
import { copyFile, link, mkdir, open, readFile, rename, rm, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { messageOf, PipelineError } from '../../errors.js';
import { isErrno } from '../../fs/atomic-write.js';
import { tempPathFor } from '../../fs/temp-name.js';
import type { Storage } from './storage.js';
import { contentTypeOf, encodeKey, keySegments } from './storage-key.js';

export interface LocalStorageOptions {
  /** The media folder, `${DATA_DIR}/media`; keys are paths below it. */
  root: string;
  /**
   * PUBLIC_BASE_URL, when set: URLs become `${publicBaseUrl}/media/…`. Unset, they are relative
   * (`/media/…`), so a poster keeps working whichever process wrote it and wherever the daemon listens.
   */
  publicBaseUrl?: string;
}

/** A new file with `body`, flushed to disk through the handle that wrote it. */
async function writeNew(file: string, body: Uint8Array): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(body);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * A second name for `from`'s bytes. Stored objects are never written in place (every write is a new
 * file renamed over the key), so two keys may share one file: publishing a version then moves no
 * bytes and needs no fsync (they were flushed when the version was stored). Where the filesystem has
 * no hard links, the bytes are copied and flushed.
 */
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if (!isErrno(error, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'EMLINK', 'ENOSYS')) throw error;
    await copyFile(from, to, constants.COPYFILE_EXCL);
    const handle = await open(to, 'r');
    await handle.sync().finally(() => handle.close());
  }
}

/**
 * Fills a temp file beside `file` (same folder, so the rename is atomic; the fill makes it durable;
 * `linked`: the fill gave it another file's name), then renames it over `file`: a reader sees the old
 * object or the new one, never a half-written file, even after a crash.
 */
async function replaceAtomically(file: string, fill: (temp: string) => Promise<void>, linked = false): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  try {
    await fill(temp);
    await rename(temp, file);
    // rename() between two names of one file does nothing: a version published again over itself keeps its temp name.
    if (linked) await unlink(temp).catch((error: unknown) => isErrno(error, 'ENOENT') || Promise.reject(error));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Storage in plain files under `root`, for running without a cloud account. Keys map to paths one
 * to one, and every key is checked so none can reach outside `root`.
 *
 * @example const storage = createLocalStorage({ root: path.join(config.dataDir, 'media'), publicBaseUrl: config.publicBaseUrl });
 *   storage.publicUrls('a/b.webp').standard; // '/media/a/b.webp' without PUBLIC_BASE_URL
 */
export function createLocalStorage(options: LocalStorageOptions): Storage {
  const root = path.resolve(options.root);
  const mediaBase = `${(options.publicBaseUrl ?? '').replace(/\/+$/, '')}/media`;
  const fileOf = (key: string) => path.join(root, ...keySegments(key));

  async function attempt<T>(operation: string, key: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      throw new PipelineError('storage_failed', `Local storage ${operation} of ${key} under ${root} failed: ${messageOf(error)}`, { cause: error });
    }
  }

  return {
    kind: 'local',
    async put(key, body) {
      const file = fileOf(key);
      await attempt('write', key, () => replaceAtomically(file, (temp) => writeNew(temp, body)));
    },
    async copy(fromKey, toKey) {
      const [from, to] = [fileOf(fromKey), fileOf(toKey)];
      await attempt('copy', `${fromKey} to ${toKey}`, () => replaceAtomically(to, (temp) => linkOrCopy(from, temp), true));
    },
    async delete(keys) {
      const files = keys.map((key) => [key, fileOf(key)] as const); // every key checked before any is deleted
      await Promise.all(files.map(([key, file]) => attempt('delete', key, () => rm(file, { force: true }))));
      await Promise.all([...new Set(files.map(([, file]) => path.dirname(file)))].map((dir) => removeEmptyParents(dir, root)));
    },
    async get(key) {
      const file = fileOf(key);
      const body = await readFile(file).catch((error: unknown) => {
        // A key whose folder is a file (ENOTDIR) or that names a folder (EISDIR) has no object either.
        if (isErrno(error, 'ENOENT', 'ENOTDIR', 'EISDIR')) return null;
        throw new PipelineError('storage_failed', `Local storage read of ${key} under ${root} failed: ${messageOf(error)}`, { cause: error });
      });
      return body && { body, size: body.byteLength, contentType: contentTypeOf(key) };
    },
    publicUrls(key) {
      const url = `${mediaBase}/${encodeKey(key)}`;
      return { accelerated: url, standard: url };
    },
  };
}

/**
 * Removes `dir` and its parents up to (not including) `root` while they are empty, so discarded versions
 * leave no empty folders behind. Stops quietly at the first folder that is not empty or not there.
 */
async function removeEmptyParents(dir: string, root: string): Promise<void> {
  for (let current = dir; current.startsWith(root + path.sep); current = path.dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
  }
}
