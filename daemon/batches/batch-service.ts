import type { Batch, BatchesPage, BatchRequest, BatchSummary, JobSource } from '../../shared/api-types.js';

export interface CreateBatchInput {
  request: BatchRequest;
  /** Where the batch came from (api, folder, cli); its jobs' source is `batch`. */
  source: JobSource;
  /** The batch this one retries. */
  retryOf?: string;
}

/**
 * Groups of jobs regenerated together: one job per actor, followed to the end, with one progress
 * figure (batchPercent). Implemented in-process by daemon/batches/in-process-batches.ts.
 */
export interface BatchService {
  /**
   * Records the batch and starts submitting its jobs; resolves once it is recorded (its jobs follow).
   * @throws PipelineError('invalid_request') naming actor ids that are not in the library
   */
  create(input: CreateBatchInput): Promise<BatchSummary>;
  get(id: string): Promise<Batch | undefined>;
  /** Newest first. */
  list(query: { limit?: number; cursor?: string }): Promise<BatchesPage>;
  /**
   * Drops its queued jobs before they reach the backend and cancels its running ones at the backend;
   * resolves with the batch once it has settled (nothing is published after).
   * @throws PipelineError('not_found'), ('conflict') for a batch that has already settled
   */
  cancel(id: string): Promise<Batch>;
  /**
   * A new batch (`retry_of` = id) of the actors whose jobs failed or were cancelled, with the same
   * parameters and mode. @throws PipelineError('conflict') while the batch runs, or when nothing failed
   */
  retry(id: string, source: JobSource): Promise<BatchSummary>;
  /** Resolves with the batch once every job has settled. */
  waitFor(id: string): Promise<Batch>;
}
