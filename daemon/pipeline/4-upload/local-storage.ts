import { copyFile, mkdir, open, readFile, rename, rm, rmdir } from 'node:fs/promises';
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

async function fsyncFile(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeNew(file: string, body: Uint8Array): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(body);
  } finally {
    await handle.close();
  }
}

/**
 * Fills a temp file beside `file` (same folder, so the rename is atomic), flushes it to disk, then
 * renames it over `file`: a reader sees the old object or the new one, never a half-written file,
 * even after a crash.
 */
async function replaceAtomically(file: string, fill: (temp: string) => Promise<void>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  try {
    await fill(temp);
    await fsyncFile(temp);
    await rename(temp, file);
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
      await attempt('copy', `${fromKey} to ${toKey}`, () => replaceAtomically(to, (temp) => copyFile(from, temp)));
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
