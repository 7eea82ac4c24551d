import { watch } from 'chokidar';
import { mkdir, readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import { isPipelineError } from '../errors.js';
import { isErrno } from '../fs/atomic-write.js';
import type { JobService } from '../jobs/job-service.js';
import type { ActorsStore } from '../pipeline/5-save/actors-store.js';
import { moveUnique } from './move-unique.js';
import { MAX_REQUEST_FILE_BYTES, readRequestJson, resolveRequest } from './request-file.js';
import { type RequestOutcome, finishRequest, outcomeOfError, outcomeOfJob } from './request-outcome.js';

export interface RequestsFolderOptions {
  /** The folder users drop `*.json` request files into; `processing/`, `done/` and `failed/` live inside it. */
  dir: string;
  jobs: JobService;
  actors: ActorsStore;
  logger: Logger;
  /** Larger files are failed unread. Default 1 MiB. */
  maxFileBytes?: number;
}

/**
 * Only `*.json` whose name does not start with '.', so dotfiles and the partial names that editors,
 * browsers and copy tools write first (`.tmp`, `.part`, `~`, `.swp`, `.crdownload`) are left alone
 * until they are renamed to their final name.
 */
export const isRequestFileName = (name: string): boolean => name.endsWith('.json') && !name.startsWith('.');

/** Claiming and parsing are cheap but a flood of files should not open them all at once. */
const INTAKE_CONCURRENCY = 8;

/**
 * Watches the requests folder: each request file is claimed by moving it to `processing/`, run as a
 * job, and moved to `done/` (with `<name>.result.json`) or `failed/` (with `<name>.error.json`).
 * Files already in the folder and files a crash left in `processing/` are handled at start.
 */
export async function startRequestsFolder(options: RequestsFolderOptions): Promise<{ close(): Promise<void> }> {
  const { jobs, actors, logger, maxFileBytes = MAX_REQUEST_FILE_BYTES } = options;
  const dir = resolve(options.dir);
  const processing = join(dir, 'processing');
  await Promise.all(['processing', 'done', 'failed'].map((sub) => mkdir(join(dir, sub), { recursive: true })));
  const limit = pLimit(INTAKE_CONCURRENCY);
  let closed = false;

  async function settle(path: string, log: Logger): Promise<RequestOutcome | undefined> {
    try {
      const { job, joined } = await limit(async () => {
        const { actor, request } = await resolveRequest(await readRequestJson(path, maxFileBytes), actors);
        return jobs.submit({ source: 'folder', actor, request });
      });
      log.info({ jobId: job.id, joined }, 'request file submitted');
      return outcomeOfJob(await jobs.waitFor(job.id));
    } catch (error) {
      if (isPipelineError(error) && error.code === 'shutting_down') {
        log.info('daemon is stopping; the request stays in processing/ for the next start');
        return undefined;
      }
      if (!isPipelineError(error)) log.error({ err: error }, 'request file failed unexpectedly');
      return outcomeOfError(error);
    }
  }

  async function run(path: string): Promise<void> {
    const name = basename(path);
    const log = logger.child({ requestFile: name });
    try {
      const outcome = await settle(path, log);
      if (!outcome) return;
      const movedTo = await finishRequest(dir, path, name, outcome);
      const reason = outcome.status === 'failed' ? outcome.failure.message : undefined;
      log.info({ status: outcome.status, movedTo, reason }, 'request file finished');
    } catch (error) {
      log.error({ err: error }, 'request file could not be finished; it stays in processing/ until the next start');
    }
  }

  async function claim(path: string): Promise<void> {
    if (closed) return;
    const name = basename(path);
    let claimed: string;
    try {
      claimed = await moveUnique(path, processing, name);
    } catch (error) {
      // A file deleted or renamed away before we claimed it is simply no longer a request.
      if (isErrno(error, 'ENOENT')) logger.info({ requestFile: name }, 'request file vanished before it was read');
      else logger.error({ err: error, requestFile: name }, 'request file could not be claimed');
      return;
    }
    await run(claimed);
  }

  const interrupted = (await readdir(processing)).filter(isRequestFileName);
  if (interrupted.length) logger.info({ files: interrupted }, 'resuming request files left in processing/');
  for (const name of interrupted) void run(join(processing, name));

  const watcher = watch(dir, {
    depth: 0,
    ignoreInitial: false,
    ignored: (path) => resolve(path) !== dir && !isRequestFileName(basename(path)),
    awaitWriteFinish: { stabilityThreshold: 200, pollInterval: 50 },
  });
  watcher.on('add', (path) => void claim(path));
  watcher.on('error', (error) => logger.error({ err: error, dir }, 'requests folder watcher failed'));
  await new Promise<void>((ready) => watcher.once('ready', ready));
  logger.info({ dir }, 'watching the requests folder');

  return {
    async close() {
      closed = true;
      await watcher.close();
    },
  };
}
