import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Batch, ErrorCode, Job, RegenerateResponse } from '../../shared/api-types.js';
import { isPipelineError, messageOf } from '../errors.js';
import { unlessMissing, writeFileAtomic } from '../fs/atomic-write.js';
import { moveUnique } from './move-unique.js';

/** What `*.error.json` holds. */
export interface RequestFailure {
  error: ErrorCode;
  message: string;
  details?: unknown;
}

/** A request file's outcome: the seed's response (or, for a batch file, the settled batch), or a failure. */
export type RequestOutcome = { status: 'done'; result: RegenerateResponse | Batch } | { status: 'failed'; failure: RequestFailure };

export function outcomeOfJob(job: Job): RequestOutcome {
  if (job.status === 'done' && job.result) return { status: 'done', result: job.result };
  if (job.error) {
    const { error, message, details } = job.error;
    return { status: 'failed', failure: { error, message, details } };
  }
  return failed('internal_error', `Job ${job.id} ended as ${job.status} without a result or an error. This is a bug; please report it.`);
}

/** A settled batch: `done/` when every job succeeded, else `failed/` with the batch (each failure's reason) as details. */
export function outcomeOfBatch(batch: Batch): RequestOutcome {
  if (batch.status === 'done') return { status: 'done', result: batch };
  const { done, failed: failures, cancelled } = batch.totals;
  const message = `Batch ${batch.id} ended ${batch.status}: ${done} done, ${failures} failed, ${cancelled} cancelled; see details for each actor's reason`;
  return { status: 'failed', failure: { error: batch.status === 'cancelled' ? 'cancelled' : 'generation_failed', message, details: batch } };
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
 * `processing/`, and the next start moves it beside that same outcome file (recognised by its
 * content) rather than writing a second one. Returns the request's new path.
 */
export function finishRequest(dir: string, processingPath: string, name: string, outcome: RequestOutcome): Promise<string> {
  const [folder, suffix, body] =
    outcome.status === 'done' ? [join(dir, 'done'), '.result.json', outcome.result] : [join(dir, 'failed'), '.error.json', outcome.failure];
  const text = `${JSON.stringify(body, null, 2)}\n`;
  return moveUnique(processingPath, folder, name, {
    companions: [suffix],
    before: (stem) => writeFileAtomic(join(folder, `${stem}${suffix}`), text),
    isOwn: async ([outcomeFile]) => (await unlessMissing(readFile(outcomeFile!, 'utf8'))) === text,
  });
}
