import { type Actor, type Job, type JobSource, type RegenerateRequest, TERMINAL_JOB_STATUSES } from '../../shared/api-types.js';

export interface SubmitInput {
  source: JobSource;
  actor: Actor;
  request: RegenerateRequest;
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
  /** Most recent first. */
  list(limit?: number): Promise<Job[]>;
  /** Resolves with the job once it is done or failed (at once when it already is). */
  waitFor(id: string, signal?: AbortSignal): Promise<Job>;
}

export const isTerminal = (job: Pick<Job, 'status'>): boolean => TERMINAL_JOB_STATUSES.includes(job.status);

/** Most recent first: by creation time, then id (the order of every job list). */
export const byNewest = (a: Job, b: Job): number => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id);
