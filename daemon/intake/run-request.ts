import { basename } from 'node:path';
import type pLimit from 'p-limit';
import type { Logger } from 'pino';
import type { Job } from '../../shared/api-types.js';
import { isPipelineError, messageOf, PipelineError } from '../errors.js';
import type { JobService } from '../jobs/job-service.js';
import type { ActorsStore } from '../pipeline/5-save/actors-store.js';
import { readJobMarker, removeJobMarker, writeJobMarker } from './job-marker.js';
import { readRequestJson, resolveRequest } from './request-file.js';
import { type RequestOutcome, finishRequest, outcomeOfError, outcomeOfJob } from './request-outcome.js';

export interface RequestRunnerOptions {
  /** The requests folder. */
  dir: string;
  jobs: JobService;
  actors: ActorsStore;
  logger: Logger;
  maxFileBytes: number;
  /** Bounds how many files are read and submitted at once. */
  limit: ReturnType<typeof pLimit>;
}

/**
 * Runs one claimed request file (in `processing/`) to its end: submitted as a job — or, when an
 * earlier run already submitted it, that job followed — then moved to `done/` or `failed/` with its
 * outcome. A file whose outcome cannot be written is moved to `failed/` saying so; it never runs twice.
 */
export function createRequestRunner(options: RequestRunnerOptions): (path: string) => Promise<void> {
  const { dir, jobs, actors, logger, maxFileBytes, limit } = options;

  async function jobFor(path: string, log: Logger): Promise<Job> {
    const recorded = await readJobMarker(path);
    if (recorded) {
      const known = await jobs.get(recorded);
      if (known) return known;
      throw new PipelineError(
        'internal_error',
        `This request already ran as job ${recorded}, whose record is gone, so it is not run again. Check the actor's poster (GET /api/actors) and drop the file again to regenerate.`,
      );
    }
    const { job, joined } = await limit(async () => {
      const { actor, request } = await resolveRequest(await readRequestJson(path, maxFileBytes), actors);
      return jobs.submit({ source: 'folder', actor, request });
    });
    log.info({ jobId: job.id, joined }, 'request file submitted');
    // Without the marker a crash before the move would run the request again; the job itself still runs.
    await writeJobMarker(path, job.id).catch((error: unknown) => log.warn({ err: error }, "could not record the request's job id"));
    return job;
  }

  async function settle(path: string, log: Logger): Promise<RequestOutcome | undefined> {
    try {
      return outcomeOfJob(await jobs.waitFor((await jobFor(path, log)).id));
    } catch (error) {
      if (isPipelineError(error) && error.code === 'shutting_down') {
        log.info('daemon is stopping; the request stays in processing/ for the next start');
        return undefined;
      }
      if (!isPipelineError(error)) log.error({ err: error }, 'request file failed unexpectedly');
      return outcomeOfError(error);
    }
  }

  /** Moves the file with its outcome; when that cannot be written, to `failed/` with the reason instead. */
  async function finish(path: string, outcome: RequestOutcome): Promise<string> {
    const name = basename(path);
    try {
      return await finishRequest(dir, path, name, outcome);
    } catch (error) {
      const ended = outcome.status === 'done' ? 'succeeded' : `failed (${outcome.failure.message})`;
      const message = `The request ${ended}, but its outcome file could not be written: ${messageOf(error)}`;
      return finishRequest(dir, path, name, { status: 'failed', failure: { error: 'internal_error', message } });
    }
  }

  return async function run(path) {
    const log = logger.child({ requestFile: basename(path) });
    try {
      const outcome = await settle(path, log);
      if (!outcome) return;
      const movedTo = await finish(path, outcome);
      await removeJobMarker(path);
      const reason = outcome.status === 'failed' ? outcome.failure.message : undefined;
      log.info({ status: outcome.status, movedTo, reason }, 'request file finished');
    } catch (error) {
      log.error({ err: error }, 'request file could not be finished; it stays in processing/ and the next start completes its move');
    }
  };
}
