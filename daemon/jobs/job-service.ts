import { type Actor, type Job, type JobSource, type JobsPage, type RegenerateRequest, TERMINAL_JOB_STATUSES } from '../../shared/api-types.js';
import type { JobsQuery } from './jobs-query.js';

export interface SubmitInput {
  source: JobSource;
  actor: Actor;
  request: RegenerateRequest;
  /** The batch the job belongs to (recorded as `batch_id`). */
  batchId?: string;
  /**
   * The job's id, when the caller chose it in advance: a batch records its jobs' ids before submitting
   * them, so a restart can tell which were submitted. Default: a new id.
   */
  id?: string;
}

/**
 * Accepts regeneration requests and runs them through the pipeline. The in-process implementation is
 * the embedded default; a Redis-backed one can replace it behind this interface.
 */
export interface JobService {
  /**
   * Starts a job, or joins the queued/running job for the same actor and mode (`joined: true`) when it
   * asks for the same parameters; `PipelineError('conflict')` when it asks for others.
   * Throws `PipelineError('shutting_down')` once the daemon stops taking work.
   */
  submit(input: SubmitInput): Promise<{ job: Job; joined: boolean }>;
  /** Async because a service may answer from elsewhere (the edge asks its event hub). */
  get(id: string): Promise<Job | undefined>;
  /** One page, most recent first. */
  list(query?: JobsQuery): Promise<JobsPage>;
  /** Resolves with the job once it is done, failed or cancelled (at once when it already is). */
  waitFor(id: string, signal?: AbortSignal): Promise<Job>;
  /**
   * Cancels a queued or running job: a queued one never reaches the backend, a running one is cancelled
   * at the backend; nothing is published after it. Resolves with the job once it has settled (`cancelled`,
   * or `done` when it finished publishing first). Absent where jobs cannot be cancelled from.
   * @throws PipelineError('not_found') for an unknown job, ('conflict') for one already finished
   */
  cancel?(id: string): Promise<Job>;
}

export const isTerminal = (job: Pick<Job, 'status'>): boolean => TERMINAL_JOB_STATUSES.includes(job.status);

/** Most recent first: by creation time, then id (the order of every job list). */
export const byNewest = (a: Job, b: Job): number => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id);
