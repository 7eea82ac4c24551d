import type { Batch, BatchEntry, BatchStatus, BatchSummary, BatchTotals, Job } from '../../shared/api-types.js';
import { batchPercent } from '../../shared/job-progress.js';
import { isTerminal } from '../jobs/job-service.js';

/** A batch as the daemon keeps it: the wire Batch plus whether a cancel was asked for. */
export interface BatchRecord extends Batch {
  cancel_requested?: boolean;
}

/** The live progress of a batch's jobs, by job id (entries hold only statuses). */
export type JobProgress = Map<string, Pick<Job, 'status' | 'stage' | 'percent'>>;

export function totalsOf(entries: readonly Pick<BatchEntry, 'status'>[]): BatchTotals {
  const totals: BatchTotals = { total: entries.length, queued: 0, running: 0, done: 0, failed: 0, cancelled: 0 };
  for (const entry of entries) totals[entry.status] += 1;
  return totals;
}

/**
 * What a settled batch is: `cancelled` when a cancel was asked for, else `failed` when any job failed,
 * else `cancelled` when any job was cancelled (one by one), else `done`. `running` while any job is unsettled.
 */
export function statusOf({ jobs, cancel_requested }: Pick<BatchRecord, 'jobs' | 'cancel_requested'>): BatchStatus {
  if (jobs.some((entry) => !isTerminal(entry))) return 'running';
  if (cancel_requested) return 'cancelled';
  if (jobs.some((entry) => entry.status === 'failed')) return 'failed';
  return jobs.some((entry) => entry.status === 'cancelled') ? 'cancelled' : 'done';
}

/** The summary lists and `batch` events carry: totals and the one progress figure, without the per-actor list. */
export function summarize(batch: BatchRecord, progress: JobProgress): BatchSummary {
  const { jobs, cancel_requested: _, ...summary } = batch;
  const percent = batchPercent(
    jobs.map((entry) => (!isTerminal(entry) && progress.get(entry.job_id)) || { status: entry.status, stage: 'queued' as const, percent: 0 }),
  );
  return { ...summary, totals: totalsOf(jobs), percent };
}

/** The wire Batch of `GET /api/batches/:id`. */
export function toBatch(batch: BatchRecord, progress: JobProgress): Batch {
  return { ...summarize(batch, progress), jobs: batch.jobs.map((entry) => ({ ...entry })) };
}
