import type { ErrorCode, JobStage } from '../../shared/api-types.js';
import { isPipelineError, messageOf, PipelineError } from '../errors.js';

/**
 * Runs one stage's work so that whatever it throws comes out as a PipelineError tagged with the stage:
 * expected failures keep their code, anything else gets the stage's `fallback` code. An abort is
 * rethrown untouched so the job runner can tell a shutdown from a failure.
 */
export async function inStage<T>(stage: JobStage, fallback: ErrorCode, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  signal.throwIfAborted();
  try {
    return await work();
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    const failure = isPipelineError(error) ? error : new PipelineError(fallback, `${stage} failed: ${messageOf(error)}`, { cause: error });
    failure.stage ??= stage;
    throw failure;
  }
}
