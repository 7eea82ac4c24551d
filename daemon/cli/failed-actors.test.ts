import { describe, expect, it } from 'vitest';
import type { Job, JobStatus } from '../../shared/api-types.js';
import { pageJobs } from '../jobs/jobs-query.js';
import { failedActorIds } from './failed-actors.js';

const job = (n: number, actor: string, status: JobStatus) =>
  ({ id: `job_${String(n).padStart(4, '0')}`, actor_id: actor, status, created_at: `2026-01-01T00:${String(n).padStart(2, '0')}:00.000Z` }) as Job;

describe('failedActorIds (--failed)', () => {
  it('takes the actors whose latest job failed or was cancelled, across pages, newest first', async () => {
    const jobs = [job(1, 'a', 'failed'), job(2, 'a', 'done'), job(3, 'b', 'done'), job(4, 'b', 'failed'), job(5, 'c', 'cancelled'), job(6, 'd', 'running')];
    const pages: Array<string | undefined> = [];
    const ids = await failedActorIds(async (query) => {
      pages.push(query.cursor);
      return pageJobs(jobs, { ...query, limit: 2 });
    });
    expect(ids).toEqual(['c', 'b']);
    expect(pages).toHaveLength(3);
  });
});
