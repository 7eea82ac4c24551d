import { lstat, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { unlessMissing } from '../fs/atomic-write.js';
import { fitStem } from '../fs/fit-name.js';

/** Target paths chosen but not yet moved to, so two moves in flight never pick the same name. */
const reserved = new Set<string>();

export interface MoveOptions {
  /** Suffixes of other files that will sit beside the moved one (e.g. `.result.json`); those names must be free too. */
  companions?: string[];
  /** Runs once the name is chosen and before the move, e.g. to write the companion file. */
  before?: (stem: string) => Promise<void>;
  /**
   * Asked when a name is taken: true when the taken companions are this move's own, written by a run
   * that crashed before its move, so the move completes there instead of picking a new name.
   */
  isOwn?: (companionPaths: string[]) => Promise<boolean>;
}

/**
 * Moves `from` into `folder` as `name` (`x.json`), or `x-1.json`, `x-2.json`… when that name or one
 * of its companions is taken. Never overwrites. Stems too long for the longest companion's name are
 * cut to fit (see fitStem). Returns the path moved to.
 *
 * @example await moveUnique('requests/processing/a.json', 'requests/done', 'a.json', {
 *   companions: ['.result.json'],
 *   before: (stem) => writeFileAtomic(`requests/done/${stem}.result.json`, body),
 * });
 */
export async function moveUnique(from: string, folder: string, name: string, options: MoveOptions = {}): Promise<string> {
  const { companions = [], before, isOwn } = options;
  await mkdir(folder, { recursive: true });
  const base = name.replace(/\.json$/, '');
  const longestSuffix = Math.max(...['.json', ...companions].map((suffix) => Buffer.byteLength(suffix)));
  for (let attempt = 0; ; attempt++) {
    const stem = fitStem(attempt === 0 ? base : `${base}-${attempt}`, longestSuffix);
    const paths = [`${stem}.json`, ...companions.map((suffix) => `${stem}${suffix}`)].map((file) => join(folder, file));
    // Reserve before the first await, so a concurrent move cannot check the same names meanwhile.
    if (paths.some((path) => reserved.has(path))) continue;
    for (const path of paths) reserved.add(path);
    try {
      if (await noneExist(paths)) await before?.(stem);
      else if (!(isOwn && (await noneExist(paths.slice(0, 1))) && (await isOwn(paths.slice(1))))) continue;
      await rename(from, paths[0]!);
      return paths[0]!;
    } finally {
      for (const path of paths) reserved.delete(path);
    }
  }
}

async function noneExist(paths: string[]): Promise<boolean> {
  for (const path of paths) {
    if ((await unlessMissing(lstat(path))) !== undefined) return false;
  }
  return true;
}
