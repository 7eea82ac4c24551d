export interface CoalescedExportOptions {
  /** Writes the file once; resolves with the revision the file now holds (ours or a newer process's). */
  exportOnce(): Promise<number>;
  /** The library's revision now. */
  revision(): number;
  /** How long a first change waits for others to join the same write, in ms. */
  delayMs: number;
  onError(error: unknown): void;
}

export interface CoalescedExport {
  /** Asks for an export soon; many calls before it runs make one write. */
  schedule(): void;
  /** Resolves once the file holds `revision` or newer; rejects when the export that should have written it failed. */
  exported(revision: number): Promise<void>;
}

/**
 * Runs the actorsData.json export off the callers' path: changes only schedule it, one export runs at
 * a time, and it repeats until the file has caught up with the library. Waiters are answered by
 * revision, so a job can answer only once its change is on disk.
 */
export function coalescedExport(options: CoalescedExportOptions): CoalescedExport {
  const waiters: { revision: number; resolve(): void; reject(error: unknown): void }[] = [];
  let onDisk = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;

  function settle(error?: unknown): void {
    for (const waiter of waiters.splice(0)) {
      if (waiter.revision <= onDisk) waiter.resolve();
      else if (error !== undefined) waiter.reject(error);
      else waiters.push(waiter);
    }
  }

  async function run(): Promise<void> {
    timer = undefined;
    running = true;
    try {
      while (options.revision() > onDisk) {
        onDisk = Math.max(onDisk, await options.exportOnce());
        settle();
      }
    } catch (error) {
      // No retry loop: the next change (or a fixed file being imported) schedules the next attempt.
      running = false;
      options.onError(error);
      settle(error);
      return;
    }
    running = false;
  }

  function schedule(): void {
    if (timer === undefined && !running) timer = setTimeout(() => void run(), options.delayMs);
  }

  return {
    schedule,
    exported(revision) {
      if (revision <= onDisk) return Promise.resolve();
      const done = new Promise<void>((resolve, reject) => waiters.push({ revision, resolve, reject }));
      schedule();
      return done;
    },
  };
}
