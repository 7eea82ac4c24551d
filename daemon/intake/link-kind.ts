import { stat } from 'node:fs/promises';
import { isErrno } from '../fs/atomic-write.js';

export const LINKS_REFUSED = 'Links are not followed (one could point the daemon at any file it can read); drop the file itself.';

/** What a refused symbolic link points at, for its error message (not where: the target is not the daemon's to reveal). */
export async function linkKind(path: string): Promise<string> {
  try {
    return (await stat(path)).isDirectory() ? 'a symbolic link to a folder' : 'a symbolic link to a file';
  } catch (error) {
    if (isErrno(error, 'ELOOP')) return 'a symbolic link loop';
    if (isErrno(error, 'ENOENT')) return 'a symbolic link to nothing';
    return 'a symbolic link';
  }
}
