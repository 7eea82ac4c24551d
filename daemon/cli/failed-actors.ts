import type { JobsPage, JobsQuery } from '../../shared/api-types.js';

/**
 * The ids of the actors whose latest job failed or was cancelled (`--failed`), newest first: walks the
 * job records page by page, newest first, and takes each actor's first job seen.
 *
 * @param listJobs a page of `GET /api/jobs` (the daemon's, or the local job service's)
 */
export async function failedActorIds(listJobs: (query: JobsQuery) => Promise<JobsPage>): Promise<string[]> {
  const latest = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await listJobs({ limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const job of page.jobs) if (!latest.has(job.actor_id)) latest.set(job.actor_id, job.status);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return [...latest].filter(([, status]) => status === 'failed' || status === 'cancelled').map(([actorId]) => actorId);
}
