import { mkdir } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { Actor, Job } from '../../shared/api-types.js';
import type { Config } from '../config.js';
import { createCore, type Core } from '../create-core.js';
import { cliLockPath } from '../discovery/data-dir-files.js';
import { PipelineError } from '../errors.js';
import { copySampleActors } from '../sample-actors.js';
import { acquireFileLock } from '../fs/file-lock.js';
import { failedActorIds } from './failed-actors.js';
import { requestFor } from './job-request.js';
import type { CliArgs } from './parse-args.js';

/**
 * Runs the CLI's jobs in this process, when no daemon serves the DATA_DIR. Holds `DATA_DIR/cli.lock`
 * meanwhile: a daemon started during the run leaves this run's jobs to it (they name this process as
 * owner) and adopts whatever is left once the lock is released or its holder is gone. A second CLI
 * waits for the first.
 */
export async function runLocally(config: Config, args: CliArgs, logger: Logger, onProgress: (job: Job) => void): Promise<Job[]> {
  await mkdir(config.dataDir, { recursive: true });
  const lock = await acquireFileLock(cliLockPath(config.dataDir), {
    timeoutMs: Infinity,
    staleMs: Infinity,
    retryMs: 250,
    onWait: (holder) => process.stderr.write(`Waiting for another regenerate run on ${config.dataDir} (pid ${holder.pid}) to finish…\n`),
  });
  try {
    // A fresh checkout's first run may be this one rather than `npm start`.
    await copySampleActors(config.dataDir, config.actorsFile);
    const core = await createCore(config, logger);
    try {
      const keys = args.failed ? await failedActorIds((query) => core.jobs.list(query)) : args.actors;
      const actors = args.all ? await core.actors.list() : await Promise.all(keys.map((key) => findActor(core, key)));
      core.events.subscribe((event) => {
        if (event.type === 'job') onProgress(event.job);
      });
      return await Promise.all(
        actors.map(async (actor) => {
          const { job } = await core.jobs.submit({ source: 'cli', actor, request: requestFor(actor, args) });
          return core.jobs.waitFor(job.id);
        }),
      );
    } finally {
      await core.close(0);
    }
  } finally {
    await lock.release();
  }
}

async function findActor(core: Core, key: string): Promise<Actor> {
  const actor = await core.actors.find(key);
  if (!actor)
    throw new PipelineError('actor_not_found', `No actor with id or name ${JSON.stringify(key)}; list them with GET /api/actors or data/actorsData.json`);
  return actor;
}
