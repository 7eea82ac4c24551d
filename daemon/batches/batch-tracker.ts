import type { BatchEntry, Job, JobError } from '../../shared/api-types.js';
import { isTerminal } from '../jobs/job-service.js';
import { type BatchRecord, type JobProgress, statusOf } from './summarize-batch.js';

/** A batch being run: its record, its jobs' live progress, and what is still to publish and save. */
export interface LiveBatch {
  record: BatchRecord;
  progress: JobProgress;
  /** Entries by the id of the job that runs them. */
  byJob: Map<string, BatchEntry>;
  /** Job ids the job service has (submitted by this run, or found at resume). */
  submitted: Set<string>;
  /** Jobs the batch joined that another request started: a batch cancel leaves them to their owner. */
  joined: Set<string>;
  /** The submission loop, while it runs. */
  submitting?: Promise<void>;
  /** Entries not settled yet: the batch settles at 0 (counted, as a 10,000-actor batch must not be scanned per event). */
  unsettled: number;
  /** A `batch` event is due. */
  dirty: boolean;
  /** The record has changed since it was last saved. */
  unsaved: boolean;
  savedAt: number;
}

export function liveBatch(record: BatchRecord): LiveBatch {
  return {
    record,
    progress: new Map(),
    byJob: new Map(record.jobs.map((entry) => [entry.job_id, entry])),
    submitted: new Set(),
    joined: new Set(),
    unsettled: record.jobs.filter((entry) => !isTerminal(entry)).length,
    dirty: true,
    unsaved: false,
    savedAt: Date.now(),
  };
}

/**
 * Takes a job's latest state into its entry; returns whether the batch may have settled. A state that
 * is not newer (a snapshot racing a live event) is ignored, and a settled entry never changes again.
 */
export function applyJob(batch: LiveBatch, job: Job): boolean {
  const entry = batch.byJob.get(job.id);
  if (!entry || isTerminal(entry)) return false;
  const seen = batch.progress.get(job.id);
  if (seen && job.status === 'queued' && seen.status !== 'queued') return false;
  batch.progress.set(job.id, { status: job.status, stage: job.stage, percent: job.percent });
  batch.dirty = true;
  if (entry.status === job.status) return false;
  setEntry(batch, entry, job.status, job.error);
  return isTerminal(entry);
}

/** Settles or moves an entry by hand (a failed submit, a cancel before submitting). */
export function setEntry(batch: LiveBatch, entry: BatchEntry, status: BatchEntry['status'], error?: JobError): void {
  if (!isTerminal(entry) && isTerminal({ status })) batch.unsettled -= 1;
  entry.status = status;
  if (error) entry.error = error;
  batch.dirty = true;
  batch.unsaved = true;
}

/** Points an entry at the job that runs it when that is not the id chosen in advance (it joined a running job). */
export function rekey(batch: LiveBatch, entry: BatchEntry, jobId: string): void {
  batch.byJob.delete(entry.job_id);
  entry.job_id = jobId;
  batch.byJob.set(jobId, entry);
  batch.joined.add(jobId);
  batch.unsaved = true;
}

/** Marks the record settled when every entry is; returns whether it did. */
export function settleIfDone(batch: LiveBatch): boolean {
  if (batch.unsettled > 0 || batch.record.status !== 'running') return false;
  const status = statusOf(batch.record);
  const now = new Date().toISOString();
  Object.assign(batch.record, { status, finished_at: now, updated_at: now });
  return true;
}
