import { constants } from 'node:fs';
import { copyFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isErrno, unlessMissing } from './fs/atomic-write.js';
import { LIBRARY_DB_FILE } from './library/open-library.js';

/** Where the repository keeps its sample actors, relative to the data folder (tracked, never written). */
export const SAMPLES_FILE = path.join('samples', 'actorsData.json');

/**
 * Copies `${dataDir}/samples/actorsData.json` to `actorsFile` when there is no actors file yet, so the
 * repository's own data folder starts with the sample actors while the tracked file stays untouched
 * (the copy is what gets written, and it is ignored by git). A data folder without samples keeps its
 * empty state. An existing actors file is never replaced, even by a concurrent first start; nor is an
 * existing library (library.db) whose export was deleted: that export is written again from the library.
 *
 * @returns whether the samples were copied
 */
export async function copySampleActors(dataDir: string, actorsFile: string): Promise<boolean> {
  if (await unlessMissing(stat(path.join(dataDir, LIBRARY_DB_FILE)))) return false;
  try {
    await copyFile(path.join(dataDir, SAMPLES_FILE), actorsFile, constants.COPYFILE_EXCL);
    return true;
  } catch (error) {
    if (isErrno(error, 'ENOENT', 'EEXIST')) return false;
    throw error;
  }
}
