import type { ErrorCode, JobStage } from '../shared/api-types.js';

/**
 * An expected failure of a job or request: it carries the wire error code, a message meant for the
 * user (what happened and what to do), and optional details. Anything else thrown is a bug.
 */
export class PipelineError extends Error {
  override readonly name = 'PipelineError';
  readonly code: ErrorCode;
  readonly details?: unknown;
  /** Set by the pipeline to the stage that failed. */
  stage?: JobStage;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; details?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.details = options.details;
  }
}

export const isPipelineError = (error: unknown): error is PipelineError => error instanceof PipelineError;

/** The message of anything thrown, for logs and error bodies. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
