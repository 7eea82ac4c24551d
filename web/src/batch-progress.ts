import type { BatchStatus, BatchSummary, BatchTotals, Job } from '../../shared/api-types.js';
import { batchPercent } from '../../shared/job-progress.js';

/** What a batch's bar and the text beside it show; the text's percent is the bar's value. */
export interface BatchProgress {
  percent: number;
  totals: BatchTotals;
  /** e.g. "43% · 12 of 30 done · 1 failed · 17 to go" */
  text: string;
  settled: boolean;
  /** The daemon's status, or once every held job has ended, the status it is about to report. */
  status: BatchStatus;
}

function countTotals(jobs: readonly Job[]): BatchTotals {
  const totals: BatchTotals = { total: jobs.length, queued: 0, running: 0, done: 0, failed: 0, cancelled: 0 };
  for (const job of jobs) totals[job.status] += 1;
  return totals;
}

/** "43% · 12 of 30 done · 1 failed · 2 cancelled · 15 to go", leaving out the counts that are zero. */
export function batchText(percent: number, totals: BatchTotals): string {
  const left = totals.queued + totals.running;
  const parts = [`${percent}%`, `${totals.done.toLocaleString()} of ${totals.total.toLocaleString()} done`];
  if (totals.failed) parts.push(`${totals.failed.toLocaleString()} failed`);
  if (totals.cancelled) parts.push(`${totals.cancelled.toLocaleString()} cancelled`);
  if (left) parts.push(`${left.toLocaleString()} to go`);
  return parts.join(' · ');
}

/**
 * A batch's progress. Live `job` events arrive on every progress tick while `batch` events are
 * coalesced, so when the page holds every job of the batch it counts them itself ({@link batchPercent},
 * the API's own definition) for a bar that moves smoothly; otherwise (a batch of thousands, or jobs
 * dropped from memory) it shows the summary as the daemon sent it.
 */
export function batchProgress(batch: BatchSummary, jobs: readonly Job[]): BatchProgress {
  const own = jobs.filter((job) => job.batch_id === batch.id);
  const complete = own.length > 0 && own.length === batch.totals.total;
  const percent = complete ? batchPercent(own) : batch.percent;
  const totals = complete ? countTotals(own) : batch.totals;
  const settled = batch.status !== 'running' || (complete && totals.queued + totals.running === 0);
  const status = batch.status !== 'running' || !settled ? batch.status : totals.failed ? 'failed' : totals.cancelled ? 'cancelled' : 'done';
  return { percent, totals, text: batchText(percent, totals), settled, status };
}
