import { describe, expect, it, vi } from 'vitest';
import type { Job } from '../../shared/api-types.js';
import { createPendingWrites } from './pending-writes.js';

const job = (id: string, status: Job['status'] = 'done') => ({ id, status }) as Job;

describe('createPendingWrites', () => {
  it('retries until the write succeeds, then stops', async () => {
    let diskFull = true;
    const written: string[] = [];
    const pending = createPendingWrites(
      async (j) => {
        if (diskFull) return false;
        written.push(j.id);
        return true;
      },
      { firstDelayMs: 5, maxDelayMs: 20 },
    );
    pending.add(job('a'));
    await vi.waitFor(() => expect(pending.size).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).toEqual([]);
    diskFull = false;
    await vi.waitFor(() => expect(pending.size).toBe(0));
    expect(written).toEqual(['a']);
    await pending.close();
  });

  it('writes only the newest state of a job and tries once more on close', async () => {
    const written: Job[] = [];
    let accept = false;
    const pending = createPendingWrites(async (j) => accept && written.push(j) > 0, { firstDelayMs: 60_000 });
    pending.add(job('a', 'failed'));
    pending.add(job('a', 'done'));
    accept = true;
    await pending.close();
    expect(written).toEqual([job('a', 'done')]);
    expect(pending.size).toBe(0);
  });
});
