import { type Job, TERMINAL_JOB_STATUSES } from '../../shared/api-types.js';

/** How many jobs a page keeps in memory besides the queued and running ones; the panel shows the newest. */
export const KEPT_JOBS = 50;

export const isActive = (job: Job): boolean => job.status === 'queued' || job.status === 'running';
export const isFinished = (job: Pick<Job, 'status'>): boolean => TERMINAL_JOB_STATUSES.includes(job.status);

/**
 * Adds or replaces a job in a most-recent-first list. A copy older than the one held is ignored, so a
 * slow `GET /api/jobs/:id` that lands after a newer live event cannot roll the job back.
 *
 * @returns a new array (the input is not changed): the newest `limit` jobs, plus every queued or
 *   running one (a batch of thousands keeps each of its cards busy until its job ends)
 */
export function upsertJob(jobs: readonly Job[], job: Job, limit = KEPT_JOBS): Job[] {
  const held = jobs.find((j) => j.id === job.id);
  if (held && held.updated_at > job.updated_at) return [...jobs];
  const others = jobs.filter((j) => j.id !== job.id);
  const sorted = [job, ...others].sort((a, b) => b.created_at.localeCompare(a.created_at));
  return sorted.filter((j, index) => index < limit || isActive(j));
}

/** Merges a fetched list into the held one, job by job, with the same newer-wins rule. */
export const mergeJobs = (held: readonly Job[], fetched: readonly Job[]): Job[] => fetched.reduce<Job[]>((list, job) => upsertJob(list, job), [...held]);

/**
 * The queued or running job of each actor (the newest when there are several), keyed by actor id.
 * Jobs of every source count: a regeneration started by the CLI or a request file shows on the card too.
 */
export function activeJobsByActor(jobs: readonly Job[]): Map<string, Job> {
  const active = new Map<string, Job>();
  // Most recent first, so the first active job seen for an actor is its newest.
  for (const job of jobs) if (isActive(job) && !active.has(job.actor_id)) active.set(job.actor_id, job);
  return active;
}

/**
 * The actors whose newest job failed, with that job: their cards show the failure and a Retry button
 * until a newer job (or a retry) replaces it. A cancelled or successful newer job clears it.
 */
export function failedJobsByActor(jobs: readonly Job[]): Map<string, Job> {
  const failed = new Map<string, Job>();
  const seen = new Set<string>();
  for (const job of jobs) {
    if (seen.has(job.actor_id)) continue;
    seen.add(job.actor_id);
    if (job.status === 'failed') failed.set(job.actor_id, job);
  }
  return failed;
}
