/**
 * Rejects when `work` has not settled within `ms`, naming `what`: a bench section on a starved machine
 * must report a failure, never hang the run. The work itself is not cancelled; callers clean up in `finally`.
 */
export async function withDeadline<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
