import { describe, expect, it } from 'vitest';
import { createJobDuration } from './job-duration.js';
import { DUE_POLL_MS, nextPollDelay } from './wait-for-job.js';

const POLL = 1000;
const options = (expectedMs?: number, submittedAt?: number) => {
  const duration = createJobDuration();
  if (expectedMs !== undefined) duration.record(expectedMs);
  return { pollIntervalMs: POLL, signal: new AbortController().signal, onStatus: () => {}, duration, submittedAt };
};
const job = (status: string, delayTime?: number) => ({ id: 'j', status, ...(delayTime === undefined ? {} : { delayTime }) });

describe('nextPollDelay: when to ask /status next', () => {
  it('polls at the steady interval while no job has shown how long jobs take', () => {
    expect(nextPollDelay(job('IN_PROGRESS'), 10_000, 0, options(undefined, 0))).toBe(POLL);
  });

  it('polls every DUE_POLL_MS once the job is due, however long it has been due (no backoff)', () => {
    // Started at 1,000 (submitted at 0, delayTime 1,000), jobs take 1,500: due at 2,500.
    for (const now of [2_500, 3_000, 60_000]) expect(nextPollDelay(job('IN_PROGRESS', 1_000), now, 0, options(1_500, 0))).toBe(DUE_POLL_MS);
  });

  it('sleeps until the expected end when it is nearer than the steady interval', () => {
    expect(nextPollDelay(job('IN_PROGRESS', 1_000), 2_000, 0, options(1_500, 0))).toBe(500);
  });

  it('keeps the steady interval while the expected end is far off', () => {
    expect(nextPollDelay(job('IN_PROGRESS', 0), 1_000, 0, options(30_000, 0))).toBe(POLL);
  });

  it('without delayTime, dates the start from the last time the job was seen queued (it cannot have started earlier)', () => {
    expect(nextPollDelay(job('IN_PROGRESS'), 2_000, 1_200, options(1_500, 0))).toBe(700);
  });

  it('polls a queued job one typical execution time ahead, within the bounds', () => {
    expect(nextPollDelay(job('IN_QUEUE'), 0, 0, options(400, 0))).toBe(400);
    expect(nextPollDelay(job('IN_QUEUE'), 0, 0, options(30, 0))).toBe(DUE_POLL_MS);
  });

  it('polls a re-attached job (start unknown) at the steady interval', () => {
    expect(nextPollDelay(job('IN_PROGRESS'), 5_000, undefined, options(1_500))).toBe(POLL);
  });
});
