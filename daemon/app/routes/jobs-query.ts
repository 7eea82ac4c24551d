import type { JobStatus } from '../../../shared/api-types.js';
import { decodeJobsCursor, JOB_STATUSES, type JobsQuery, MAX_JOBS_LIMIT } from '../../jobs/jobs-query.js';
import { invalid } from './actors-query.js';

/**
 * `?limit=&cursor=` of a paged list (jobs, batches): both lists page by creation time and id. A bad value
 * is a 400 naming the parameter, what it takes and what came.
 */
export function parsePageQuery(params: Record<string, string>): { limit?: number; cursor?: string } {
  const { limit, cursor } = params;
  const query: { limit?: number; cursor?: string } = {};
  if (limit !== undefined) {
    const count = /^\d+$/.test(limit) ? Number(limit) : NaN;
    if (!(count >= 1 && count <= MAX_JOBS_LIMIT))
      throw invalid(`Expected an integer from 1 to ${MAX_JOBS_LIMIT} for limit but received ${JSON.stringify(limit)}`);
    query.limit = count;
  }
  if (cursor !== undefined) {
    if (!decodeJobsCursor(cursor)) throw invalid(`Expected the next_cursor of an earlier page for cursor but received ${JSON.stringify(cursor)}`);
    query.cursor = cursor;
  }
  return query;
}

/** `?status=&actor=&batch=&limit=&cursor=` of `GET /api/jobs`. */
export function parseJobsQuery(params: Record<string, string>): JobsQuery {
  const { status, actor, batch } = params;
  const query: JobsQuery = parsePageQuery(params);
  if (status !== undefined) {
    if (!JOB_STATUSES.includes(status as JobStatus))
      throw invalid(`Expected one of ${JOB_STATUSES.join(', ')} for status but received ${JSON.stringify(status)}`);
    query.status = status as JobStatus;
  }
  if (actor !== undefined) query.actor = actor;
  if (batch !== undefined) query.batch = batch;
  return query;
}
