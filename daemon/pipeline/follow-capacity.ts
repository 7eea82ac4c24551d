import type { LimitFunction } from 'p-limit';
import { messageOf } from '../errors.js';

/** The backend is asked again at most this often, and only while jobs arrive. */
const REFRESH_MS = 15_000;
const CAPACITY_TIMEOUT_MS = 10_000;
/**
 * Two jobs per worker: one running and one queued behind it on the backend, so a worker that finishes
 * starts its next job at once and our noticing the finished one (a status poll away) is off the GPU's
 * critical path.
 */
export const JOBS_PER_WORKER = 2;
/**
 * Never fewer slots than this: an endpoint scaled to zero reports no workers, and it only scales up
 * when it sees jobs waiting (the old fixed GENERATE_CONCURRENCY default).
 */
export const MIN_SLOTS = 4;

export type Limit = <T>(work: () => Promise<T>) => Promise<T>;

export interface CapacityReport {
  workers?: number;
  slots: number;
  error?: string;
}

/**
 * A generate limit that follows the backend's capacity (e.g. a RunPod endpoint's workers from
 * `/health`): `limit`'s concurrency becomes max(MIN_SLOTS, JOBS_PER_WORKER × workers), refreshed when
 * a job asks for a slot and the last answer is older than REFRESH_MS. A failed look-up keeps the
 * current concurrency; the job never waits for the look-up.
 */
export function followCapacity(
  limit: LimitFunction,
  capacity: (signal: AbortSignal) => Promise<number>,
  onReport: (report: CapacityReport) => void = () => {},
): Limit {
  let refreshedAt = Number.NEGATIVE_INFINITY;
  const refresh = async () => {
    try {
      const workers = await capacity(AbortSignal.timeout(CAPACITY_TIMEOUT_MS));
      limit.concurrency = Math.max(MIN_SLOTS, JOBS_PER_WORKER * Math.floor(workers));
      onReport({ workers, slots: limit.concurrency });
    } catch (error) {
      onReport({ slots: limit.concurrency, error: messageOf(error) });
    }
  };
  return (work) => {
    if (Date.now() - refreshedAt > REFRESH_MS) {
      refreshedAt = Date.now();
      void refresh();
    }
    return limit(work);
  };
}
