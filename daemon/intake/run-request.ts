import { basename } from 'node:path';
import type pLimit from 'p-limit';
import type { Logger } from 'pino';
import { parseBatchRequest } from '../../shared/request-schema.js';
import type { BatchService } from '../batches/batch-service.js';
import { isPipelineError, messageOf, PipelineError } from '../errors.js';
import type { JobService } from '../jobs/job-service.js';
import type { ActorsStore } from '../pipeline/5-save/actors-store.js';
import { readJobMarker, removeJobMarker, writeJobMarker } from './job-marker.js';
import { readRequestJson, resolveRequest } from './request-file.js';
import { type RequestOutcome, finishRequest, outcomeOfBatch, outcomeOfError, outcomeOfJob } from './request-outcome.js';

const isBatchId = (id: string) => id.startsWith('batch_');

export interface RequestRunnerOptions {
  /** The requests folder. */
  dir: string;
  jobs: JobService;
  /** Runs request files that name `actor_ids` (a batch); without it such a file fails saying so. */
  batches?: BatchService;
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
  const { dir, jobs, batches, actors, logger, maxFileBytes, limit } = options;

  /** Starts the file's batch; its outcome is the settled batch. */
  async function startBatch(data: unknown): Promise<string> {
    if (!batches) throw new PipelineError('invalid_request', 'This daemon runs no batches; drop one file per actor with actor_id instead of actor_ids.');
    const parsed = parseBatchRequest(data);
    if (!parsed.ok) {
      const problems = parsed.issues.map((issue) => issue.message).join('; ');
      throw new PipelineError('invalid_request', `The batch request file is not valid: ${problems}. Fix the file and drop it again.`, {
        details: parsed.issues,
      });
    }
    return (await batches.create({ request: parsed.value, source: 'folder' })).id;
  }

  /** The id of the file's job or batch (`batch_…`): recorded beside it by an earlier run, or submitted now. */
  async function workFor(path: string, log: Logger): Promise<string> {
    const recorded = await readJobMarker(path);
    if (recorded) {
      const known = isBatchId(recorded) ? await batches?.get(recorded) : await jobs.get(recorded);
      if (known) return recorded;
      throw new PipelineError(
        'internal_error',
        `This request already ran as job ${recorded}, whose record is gone, so it is not run again. Check the actor's poster (GET /api/actors) and drop the file again to regenerate.`,
      );
    }
    const id = await limit(async () => {
      const data = await readRequestJson(path, maxFileBytes);
      if (typeof data === 'object' && data !== null && 'actor_ids' in data) return startBatch(data);
      const { actor, request } = await resolveRequest(data, actors);
      const { job, joined } = await jobs.submit({ source: 'folder', actor, request });
      log.info({ jobId: job.id, joined }, 'request file submitted');
      return job.id;
    });
    // Without the marker a crash before the move would run the request again; the job itself still runs.
    await writeJobMarker(path, id).catch((error: unknown) => log.warn({ err: error }, "could not record the request's job id"));
    return id;
  }

  async function settle(path: string, log: Logger): Promise<RequestOutcome | undefined> {
    try {
      const id = await workFor(path, log);
      return isBatchId(id) ? outcomeOfBatch(await batches!.waitFor(id)) : outcomeOfJob(await jobs.waitFor(id));
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
