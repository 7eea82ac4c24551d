import { setTimeout as sleep } from 'node:timers/promises';
import type { RunpodApi, RunpodJob } from './runpod-api.js';

/** runpod-python's `is_completed`: the states a job never leaves. */
export const TERMINAL_STATES = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'TIMED_OUT']);

/** Polling slows down gently while a job waits, up to this multiple of the base interval. */
const MAX_INTERVAL_FACTOR = 4;
const INTERVAL_GROWTH = 1.25;

export interface WaitOptions {
  /** The first interval between polls (RUNPOD_POLL_INTERVAL_MS). */
  pollIntervalMs: number;
  /** Aborted by the caller's cancel or its deadline; polling stops at once. */
  signal: AbortSignal;
  /** Called with every status seen, the initial one included. */
  onStatus: (job: RunpodJob) => void;
}

/**
 * Polls `GET /status/{id}` until the job reaches a terminal state and returns that status.
 * Throws the signal's reason when aborted; the caller cancels the job remotely.
 */
export async function waitForJob(api: RunpodApi, submitted: RunpodJob, options: WaitOptions): Promise<RunpodJob> {
  let job = submitted;
  let interval = options.pollIntervalMs;
  options.onStatus(job);
  while (!TERMINAL_STATES.has(job.status)) {
    await sleep(interval, undefined, { signal: options.signal }).catch(() => options.signal.throwIfAborted());
    interval = Math.min(interval * INTERVAL_GROWTH, options.pollIntervalMs * MAX_INTERVAL_FACTOR);
    job = await api.status(submitted.id, options.signal);
    options.onStatus(job);
  }
  return job;
}
