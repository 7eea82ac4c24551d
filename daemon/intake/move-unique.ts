import { lstat, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { unlessMissing } from '../fs/atomic-write.js';

/** Target paths chosen but not yet moved to, so two moves in flight never pick the same name. */
const reserved = new Set<string>();

export interface MoveOptions {
  /** Other files that will sit beside the moved one, by stem (e.g. `${stem}.result.json`); they must be free too. */
  companions?: (stem: string) => string[];
  /** Runs once the name is chosen and before the move, e.g. to write the companion file. */
  before?: (stem: string) => Promise<void>;
}

/**
 * Moves `from` into `folder` as `name` (`x.json`), or `x-1.json`, `x-2.json`… when that name or one
 * of its companions is taken. Never overwrites. Returns the path moved to.
 *
 * @example await moveUnique('requests/processing/a.json', 'requests/done', 'a.json', {
 *   companions: (stem) => [`${stem}.result.json`],
 *   before: (stem) => writeFileAtomic(`requests/done/${stem}.result.json`, body),
 * });
 */
export async function moveUnique(from: string, folder: string, name: string, options: MoveOptions = {}): Promise<string> {
  const { companions = () => [], before } = options;
  await mkdir(folder, { recursive: true });
  const base = name.replace(/\.json$/, '');
  for (let attempt = 0; ; attempt++) {
    const stem = attempt === 0 ? base : `${base}-${attempt}`;
    const paths = [`${stem}.json`, ...companions(stem)].map((file) => join(folder, file));
    // Reserve before the first await, so a concurrent move cannot check the same names meanwhile.
    if (paths.some((path) => reserved.has(path))) continue;
    paths.forEach((path) => reserved.add(path));
    try {
      if (!(await noneExist(paths))) continue;
      await before?.(stem);
      await rename(from, paths[0]!);
      return paths[0]!;
    } finally {
      paths.forEach((path) => reserved.delete(path));
    }
  }
}

async function noneExist(paths: string[]): Promise<boolean> {
  for (const path of paths) {
    if ((await unlessMissing(lstat(path))) !== undefined) return false;
  }
  return true;
}
