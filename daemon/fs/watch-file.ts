import { watch } from 'chokidar';
import { dirname, resolve } from 'node:path';

/**
 * Calls `onChange` whenever `file` is created, edited in place or replaced by a rename. The parent
 * directory is watched (filtered to the one name) rather than the file, because an atomic replace
 * swaps the inode a file watch would be attached to. Resolves once the watcher is ready.
 */
export async function watchFile(file: string, onChange: () => void, onError: (error: unknown) => void): Promise<{ close(): Promise<void> }> {
  const target = resolve(file);
  const dir = dirname(target);
  const watcher = watch(dir, {
    depth: 0,
    ignoreInitial: true,
    ignored: (path) => resolve(path) !== dir && resolve(path) !== target,
    // Another program may write in place; wait until its size settles before reading.
    awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 25 },
  });
  watcher.on('add', onChange).on('change', onChange).on('unlink', onChange).on('error', onError);
  await new Promise<void>((ready) => watcher.once('ready', ready));
  return { close: () => watcher.close() };
}
