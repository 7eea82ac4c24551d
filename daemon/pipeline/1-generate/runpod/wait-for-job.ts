import { setTimeout as sleep } from 'node:timers/promises';
import type { JobDuration } from './job-duration.js';
import type { RunpodApi, RunpodJob } from './runpod-api.js';

/** runpod-python's `is_completed`: the states a job never leaves. */
export const TERMINAL_STATES = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'TIMED_OUT']);

/**
 * The steady interval once a job is due. RunPod allows 2,000 `/status` calls per 10 s per endpoint
 * (operation reference, rate limits): 10 calls a second per due job leaves room for 20 jobs due at once.
 */
export const DUE_POLL_MS = 100;

export interface WaitOptions {
  /** The interval while the job is far from its expected end, or its duration is not known (RUNPOD_POLL_INTERVAL_MS). */
  pollIntervalMs: number;
  /** Aborted by the caller's cancel or its deadline; polling stops at once. */
  signal: AbortSignal;
  /** Called with every status seen, the initial one included. */
  onStatus: (job: RunpodJob) => void;
  /** What earlier jobs took; this job's execution time is recorded into it. */
  duration: JobDuration;
  /** When the job was submitted by this process (ms since the epoch); undefined for a job re-attached after a restart. */
  submittedAt?: number;
}

/**
 * Polls `GET /status/{id}` until the job reaches a terminal state and returns that status. RunPod's
 * `/status` has no long-poll, so the timing is ours: while the job is far from its expected end it
 * polls every `pollIntervalMs`; from the expected end on (the worker's start plus the typical
 * execution time of earlier jobs) it polls every DUE_POLL_MS, so a finished job is noticed within a
 * tenth of a second instead of sitting unnoticed behind a growing backoff.
 * Throws the signal's reason when aborted; the caller cancels the job remotely.
 */
export async function waitForJob(api: RunpodApi, first: RunpodJob, options: WaitOptions): Promise<RunpodJob> {
  let job = first;
  // The latest moment the job was seen waiting: it cannot have started before it (a conservative start).
  let queuedAt = options.submittedAt;
  options.onStatus(job);
  while (!TERMINAL_STATES.has(job.status)) {
    const now = Date.now();
    if (job.status === 'IN_QUEUE') queuedAt = now;
    await sleep(nextPollDelay(job, now, queuedAt, options), undefined, { signal: options.signal }).catch(() => options.signal.throwIfAborted());
    job = await api.status(first.id, options.signal);
    options.onStatus(job);
  }
  if (job.executionTime !== undefined) options.duration.record(job.executionTime);
  return job;
}

/** How long to sleep before the next `/status` call (exported for its tests). */
export function nextPollDelay(job: RunpodJob, now: number, queuedAt: number | undefined, options: WaitOptions): number {
  const due = Math.min(DUE_POLL_MS, options.pollIntervalMs);
  const expected = options.duration.expected();
  if (expected === undefined) return options.pollIntervalMs;
  let remaining: number;
  if (job.status === 'IN_QUEUE') {
    remaining = expected;
  } else {
    // RunPod reports the queue wait (delayTime) once a worker has the job; else the last queued sighting bounds the start.
    const startedAt = options.submittedAt !== undefined && job.delayTime !== undefined ? options.submittedAt + job.delayTime : queuedAt;
    if (startedAt === undefined) return options.pollIntervalMs;
    remaining = startedAt + expected - now;
  }
  return Math.min(options.pollIntervalMs, Math.max(due, remaining));
}
