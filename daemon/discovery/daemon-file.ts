import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { writeFileAtomic, unlessMissing } from '../fs/atomic-write.js';
import { daemonFilePath } from './data-dir-files.js';

/** `DATA_DIR/daemon.json`: how a CLI finds the daemon serving the same DATA_DIR. */
export interface DaemonFile {
  pid: number;
  /** Where the daemon answers, e.g. http://127.0.0.1:8787. */
  url: string;
  /** Random per start; `GET /healthz` answers it, so a stale file naming a reused address is not believed. */
  instance_id: string;
  started_at: string;
}

export const newInstanceId = (): string => randomUUID();

/**
 * Writes the discovery file (atomically: a reader sees the old file or the new one) and returns its
 * removal, which leaves the file alone when another daemon has since replaced it.
 */
export async function announceDaemon(dataDir: string, daemon: Omit<DaemonFile, 'pid' | 'started_at'>): Promise<() => Promise<void>> {
  const file = daemonFilePath(dataDir);
  const content: DaemonFile = { pid: process.pid, ...daemon, started_at: new Date().toISOString() };
  await writeFileAtomic(file, `${JSON.stringify(content, null, 2)}\n`);
  return async () => {
    if ((await readDaemonFile(dataDir))?.instance_id === daemon.instance_id) await rm(file, { force: true });
  };
}

/** The discovery file's content; undefined when there is none or it is not a daemon file. */
export async function readDaemonFile(dataDir: string): Promise<DaemonFile | undefined> {
  const text = await unlessMissing(readFile(daemonFilePath(dataDir), 'utf8'));
  try {
    const value = text === undefined ? undefined : (JSON.parse(text) as Partial<DaemonFile>);
    return typeof value?.url === 'string' && typeof value.instance_id === 'string' ? (value as DaemonFile) : undefined;
  } catch {
    return undefined; // written atomically, so only damage from outside; treated as no daemon
  }
}
