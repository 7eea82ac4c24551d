import { statSync } from 'node:fs';
import { isErrno } from '../fs/atomic-write.js';

/**
 * A cheap identity of a file's current content, or undefined when it does not exist: the inode changes
 * with each atomic replace, mtime and size with in-place edits. Synchronous (one stat) so it can be
 * checked inside a database transaction.
 */
export function fileIdentity(file: string): string | undefined {
  try {
    const stats = statSync(file);
    return `${stats.ino}:${stats.mtimeMs}:${stats.size}`;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
}
