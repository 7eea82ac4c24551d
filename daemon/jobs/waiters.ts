/** Promises keyed by id, settled together: everyone waiting for a job hears its outcome once. */
export function createWaiters<T>() {
  const pending = new Map<string, Set<{ resolve: (value: T) => void; reject: (reason: unknown) => void }>>();

  return {
    wait(id: string, signal?: AbortSignal): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const entry = {
          resolve: (value: T) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(value);
          },
          reject: (reason: unknown) => {
            signal?.removeEventListener('abort', onAbort);
            reject(reason);
          },
        };
        const onAbort = () => {
          pending.get(id)?.delete(entry);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        const set = pending.get(id) ?? new Set();
        set.add(entry);
        pending.set(id, set);
      });
    },
    settle(id: string, value: T): void {
      for (const entry of pending.get(id) ?? []) entry.resolve(value);
      pending.delete(id);
    },
    rejectAll(reason: unknown): void {
      for (const set of pending.values()) for (const entry of set) entry.reject(reason);
      pending.clear();
    },
  };
}
