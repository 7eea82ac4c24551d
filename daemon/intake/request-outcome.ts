import { join } from 'node:path';
import type { ErrorCode, Job, RegenerateResponse } from '../../shared/api-types.js';
import { isPipelineError, messageOf } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { moveUnique } from './move-unique.js';

/** What `*.error.json` holds. */
export interface RequestFailure {
  error: ErrorCode;
  message: string;
  details?: unknown;
}

export type RequestOutcome = { status: 'done'; result: RegenerateResponse } | { status: 'failed'; failure: RequestFailure };

export function outcomeOfJob(job: Job): RequestOutcome {
  if (job.status === 'done' && job.result) return { status: 'done', result: job.result };
  if (job.error) {
    const { error, message, details } = job.error;
    return { status: 'failed', failure: { error, message, details } };
  }
  return failed('internal_error', `Job ${job.id} ended as ${job.status} without a result or an error. This is a bug; please report it.`);
}

/** Expected failures keep their code and details; anything else is reported as an internal error. */
export function outcomeOfError(error: unknown): RequestOutcome {
  if (isPipelineError(error)) return { status: 'failed', failure: { error: error.code, message: error.message, details: error.details } };
  return failed('internal_error', `The request could not be processed: ${messageOf(error)}`);
}

const failed = (error: ErrorCode, message: string): RequestOutcome => ({ status: 'failed', failure: { error, message } });

/**
 * Writes `<stem>.result.json` into `done/` or `<stem>.error.json` into `failed/`, then moves the
 * request beside it. The outcome file is written first: a crash in between leaves the request in
 * `processing/`, where the next start finishes it. Returns the request's new path.
 */
export function finishRequest(dir: string, processingPath: string, name: string, outcome: RequestOutcome): Promise<string> {
  const [folder, suffix, body] =
    outcome.status === 'done'
      ? [join(dir, 'done'), '.result.json', outcome.result]
      : [join(dir, 'failed'), '.error.json', outcome.failure];
  return moveUnique(processingPath, folder, name, {
    companions: (stem) => [`${stem}${suffix}`],
    before: (stem) => writeFileAtomic(join(folder, `${stem}${suffix}`), `${JSON.stringify(body, null, 2)}\n`),
  });
}
