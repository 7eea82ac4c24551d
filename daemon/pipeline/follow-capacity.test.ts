import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import { followCapacity, MIN_SLOTS, type CapacityReport } from './follow-capacity.js';

/** Resolves once `reports` has `count` entries (the look-up runs beside the job, not before it). */
const reported = async (reports: CapacityReport[], count: number) => {
  while (reports.length < count) await new Promise((resolve) => setImmediate(resolve));
};

describe("followCapacity: the generate limit follows the backend's workers", () => {
  it('allows two jobs per worker once the backend has answered', async () => {
    const limit = pLimit(MIN_SLOTS);
    const reports: CapacityReport[] = [];
    const generate = followCapacity(
      limit,
      async () => 8,
      (report) => reports.push(report),
    );
    expect(await generate(async () => 'ran')).toBe('ran');
    await reported(reports, 1);
    expect(limit.concurrency).toBe(16);
    expect(reports).toEqual([{ workers: 8, slots: 16 }]);
  });

  it('never goes below MIN_SLOTS, so an endpoint scaled to zero still sees jobs waiting and scales up', async () => {
    const limit = pLimit(MIN_SLOTS);
    const reports: CapacityReport[] = [];
    await followCapacity(
      limit,
      async () => 0,
      (report) => reports.push(report),
    )(async () => undefined);
    await reported(reports, 1);
    expect(limit.concurrency).toBe(MIN_SLOTS);
  });

  it('keeps the current concurrency and reports why when the look-up fails; the job still runs', async () => {
    const limit = pLimit(6);
    const reports: CapacityReport[] = [];
    const generate = followCapacity(
      limit,
      async () => Promise.reject(new Error('HTTP 503')),
      (report) => reports.push(report),
    );
    expect(await generate(async () => 'ran')).toBe('ran');
    await reported(reports, 1);
    expect(limit.concurrency).toBe(6);
    expect(reports[0]).toEqual({ slots: 6, error: 'HTTP 503' });
  });

  it('asks the backend once for a burst of jobs, not once per job', async () => {
    let lookups = 0;
    const generate = followCapacity(pLimit(MIN_SLOTS), async () => ++lookups);
    await Promise.all(Array.from({ length: 20 }, () => generate(async () => undefined)));
    expect(lookups).toBe(1);
  });
});
