import type { Job } from '../../shared/api-types.js';

export interface PendingWrites {
  /** Keeps `job` to write later; a newer state of the same job replaces an older one. */
  add(job: Job): void;
  /** Tries every pending write once more and stops retrying (shutdown). */
  close(): Promise<void>;
  readonly size: number;
}

/**
 * Terminal job states that could not be written (a full disk, a read-only remount): kept in memory
 * and retried with doubling delays until `write` succeeds, so the record catches up as soon as space
 * returns instead of leaving the job "queued" on disk to run again at the next start.
 *
 * @param write resolves true once the state is durably recorded, false to try again later.
 * @example const pending = createPendingWrites((job) => persist(job)); if (!(await persist(job))) pending.add(job);
 */
export function createPendingWrites(write: (job: Job) => Promise<boolean>, options: { firstDelayMs?: number; maxDelayMs?: number } = {}): PendingWrites {
  const { firstDelayMs = 250, maxDelayMs = 30_000 } = options;
  const pending = new Map<string, Job>();
  let delay = firstDelayMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  async function flush(): Promise<void> {
    for (const [id, job] of pending) {
      if (await write(job)) {
        if (pending.get(id) === job) pending.delete(id);
      }
    }
  }

  function schedule(): void {
    if (timer || closed || pending.size === 0) return;
    timer = setTimeout(async () => {
      await flush();
      timer = undefined;
      delay = pending.size ? Math.min(delay * 2, maxDelayMs) : firstDelayMs;
      schedule();
    }, delay);
    timer.unref();
  }

  return {
    add(job) {
      pending.set(job.id, job);
      schedule();
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await flush();
    },
    get size() {
      return pending.size;
    },
  };
}
