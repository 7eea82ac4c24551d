import type { Logger } from 'pino';
import { liveHolderOf } from '../fs/file-lock.js';

export interface AdoptOrphansOptions {
  /** The lock a CLI holds while it runs jobs without a daemon (`DATA_DIR/cli.lock`). */
  lockPath: string;
  /** Loads and resumes the jobs whose owner is gone (InProcessJobService.resume). */
  resume: () => Promise<number>;
  logger: Logger;
  /** How often the lock is looked at, in ms. Default 500. */
  intervalMs?: number;
}

/**
 * While a CLI runs jobs on its own, the daemon leaves them to it. Once its lock is released (or its
 * holder died), the daemon loads what that CLI left: its finished jobs for the jobs list, and its
 * unfinished ones (a killed CLI) to resume. Polls the lock: it is one small file, and a watcher would
 * miss a holder that dies without touching it.
 *
 * @returns stops watching
 */
export function adoptOrphansWhenCliLockFrees(options: AdoptOrphansOptions): () => Promise<void> {
  const { lockPath, resume, logger, intervalMs = 500 } = options;
  // Start as if held: the start-up resume skipped any live CLI's jobs, and that CLI may end before the first look.
  let held = true;
  let pass = Promise.resolve();
  const check = async () => {
    const holder = await liveHolderOf(lockPath);
    if (holder || !held) {
      held = Boolean(holder);
      return;
    }
    held = false;
    const resumed = await resume();
    logger.info({ resumed }, 'a CLI run on this DATA_DIR ended; adopted its jobs');
  };
  const timer = setInterval(() => {
    pass = pass.then(check).catch((error: unknown) => logger.warn({ err: error }, 'could not check the CLI lock'));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await pass;
  };
}
