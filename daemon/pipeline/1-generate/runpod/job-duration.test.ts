import { describe, expect, it } from 'vitest';
import { createJobDuration } from './job-duration.js';

describe('createJobDuration', () => {
  it('knows nothing until a job has finished', () => {
    expect(createJobDuration().expected()).toBeUndefined();
  });

  it('leans short: the lower quartile of recent jobs, ignoring nonsense values', () => {
    const duration = createJobDuration();
    for (const ms of [1500, 1600, 1400, 9000, 0, Number.NaN, 1550]) duration.record(ms);
    expect(duration.expected()).toBe(1500);
  });

  it('follows a changed workload: only the last 16 jobs count', () => {
    const duration = createJobDuration();
    for (let i = 0; i < 16; i++) duration.record(30_000);
    for (let i = 0; i < 16; i++) duration.record(2_000);
    expect(duration.expected()).toBe(2_000);
  });
});
