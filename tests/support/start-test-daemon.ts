import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import type { Actor } from '../../shared/api-types.js';
import { loadConfig } from '../../daemon/config.js';
import { startDaemon, type DaemonOverrides, type RunningDaemon } from '../../daemon/start-daemon.js';
import { writeActorsFile } from './sample-actors.js';
import { tempDir } from './temp-dir.js';

export interface TestDaemon extends RunningDaemon {
  dataDir: string;
  requestsDir: string;
  actorsFile: string;
  /** Stops the daemon and removes its directories. */
  dispose(): Promise<void>;
}

/**
 * A real daemon on 127.0.0.1 with a random port, its data and requests folders in a temp dir.
 * Its peers are on loopback, so downloads from 127.0.0.1 are allowed (DOWNLOAD_ALLOW_PRIVATE).
 * `env` adds variables; `root` reuses a directory (to restart a daemon over the same data).
 */
export async function startTestDaemon(
  options: { actors?: Actor[]; env?: Record<string, string>; root?: string; overrides?: DaemonOverrides } = {},
): Promise<TestDaemon> {
  const dir = options.root ? { path: options.root, remove: async () => {} } : await tempDir();
  const dataDir = path.join(dir.path, 'data');
  const requestsDir = path.join(dir.path, 'requests');
  const config = loadConfig({
    DATA_DIR: dataDir,
    REQUESTS_DIR: requestsDir,
    PORT: '0',
    LOG_LEVEL: 'silent',
    DOWNLOAD_ALLOW_PRIVATE: '127.0.0.1',
    ...options.env,
  });
  if (options.actors) {
    await mkdir(dataDir, { recursive: true });
    await writeActorsFile(dataDir, options.actors);
  }
  const daemon = await startDaemon(config, { logger: pino({ level: 'silent' }), shutdownGraceMs: 2000, ...options.overrides });
  return {
    ...daemon,
    dataDir,
    requestsDir,
    actorsFile: config.actorsFile,
    async dispose() {
      await daemon.close();
      await dir.remove();
    },
  };
}
