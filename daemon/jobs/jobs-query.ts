import { type Job, type JobsPage, type JobsQuery, type JobStatus, TERMINAL_JOB_STATUSES } from '../../shared/api-types.js';
import { byNewest } from './job-service.js';

export type { JobsQuery };

export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', ...TERMINAL_JOB_STATUSES];
export const DEFAULT_JOBS_LIMIT = 50;
export const MAX_JOBS_LIMIT = 1000;

/** Where a page ends: the last job's creation time and id (the list's sort key), opaque to clients. */
export interface JobsCursor {
  created_at: string;
  id: string;
}

export const encodeJobsCursor = (job: Pick<Job, 'created_at' | 'id'>): string => `${job.created_at}~${job.id}`;

/** @returns undefined for a cursor this module did not make */
export function decodeJobsCursor(cursor: string): JobsCursor | undefined {
  const match = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)~([A-Za-z0-9_-]{1,64})$/.exec(cursor);
  return match ? { created_at: match[1]!, id: match[2]! } : undefined;
}

/** Whether `job` comes after `cursor` in the newest-first order. */
export const isAfterCursor = (job: Pick<Job, 'created_at' | 'id'>, cursor: JobsCursor): boolean =>
  job.created_at < cursor.created_at || (job.created_at === cursor.created_at && job.id < cursor.id);

/**
 * One page of an in-memory job list (the edge's hub, tests): the same filters, order and cursors as the
 * daemon's database query.
 */
export function pageJobs(jobs: Iterable<Job>, query: JobsQuery = {}): JobsPage {
  const limit = query.limit ?? DEFAULT_JOBS_LIMIT;
  const after = query.cursor === undefined ? undefined : decodeJobsCursor(query.cursor);
  const matching = [...jobs]
    .filter(
      (job) =>
        (query.status === undefined || job.status === query.status) &&
        (query.actor === undefined || job.actor_id === query.actor) &&
        (query.batch === undefined || job.batch_id === query.batch) &&
        (after === undefined || isAfterCursor(job, after)),
    )
    .sort(byNewest);
  const page = matching.slice(0, limit);
  return { jobs: page, next_cursor: matching.length > limit ? encodeJobsCursor(page.at(-1)!) : null };
}
