import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/**
 * A new id such as `job_mf3k2a1b0000_9f8e7d6c5b`: the time, a sequence within the millisecond, and a
 * random part. Ids sort in creation order within a process, also for ones created in the same
 * millisecond (lists break `created_at` ties by id).
 */
export function newId(prefix: 'job' | 'batch'): string {
  const now = Date.now();
  sequence = now === lastMs ? sequence + 1 : 0;
  lastMs = now;
  return `${prefix}_${now.toString(36)}${sequence.toString(36).padStart(4, '0')}_${randomBytes(5).toString('hex')}`;
}
