import { lstat, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { signalReaches } from '../fs/process-identity.js';
import { tempFileOwner } from '../fs/temp-name.js';

export interface TempLitterOptions {
  /** A temp file this old is litter whoever named it. Default 1 hour. */
  maxAgeMs?: number;
  /** Whether a pid is a running process. Default: signal 0 reaches it. */
  isAlive?: (pid: number) => boolean;
  now?: number;
}

/** Temp names of earlier versions (`.<name>.<uuid>.tmp`), which carry no pid: judged by age alone. */
const UNOWNED_TEMP = /^\..+\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.tmp$/;

/** Started before this moment, a temp file named with our own pid was left by an earlier process with that pid (PID 1 in a container). */
const startedAt = Date.now() - process.uptime() * 1000;

/**
 * Removes the temp files of atomic writes that a killed process left under `dirs` (recursively):
 * only our own names (see tempPathFor), and only when their writer is gone — its pid is not running,
 * or is ours but the file predates this process — or the file is older than `maxAgeMs`. A live
 * writer's temp file (a CLI working beside the daemon) is never touched. Returns the paths removed.
 */
export async function removeTempLitter(dirs: string[], options: TempLitterOptions = {}): Promise<string[]> {
  const { maxAgeMs = 60 * 60 * 1000, isAlive = signalReaches, now = Date.now() } = options;
  const removed: string[] = [];
  const isLitter = async (file: string, name: string) => {
    const owner = tempFileOwner(name);
    if (owner === undefined && !UNOWNED_TEMP.test(name)) return false;
    const { mtimeMs } = await lstat(file);
    if (now - mtimeMs > maxAgeMs) return true;
    if (owner === undefined) return false;
    return owner === process.pid ? mtimeMs < startedAt : !isAlive(owner);
  };
  async function sweep(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) await sweep(file);
      else if (entry.isFile() && (await isLitter(file, entry.name).catch(() => false))) {
        await rm(file, { force: true });
        removed.push(file);
      }
    }
  }
  for (const dir of dirs) await sweep(dir);
  return removed;
}
