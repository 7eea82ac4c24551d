import type { Job } from '../../shared/api-types.js';
import type { DaemonClient } from './daemon-client.js';
import { followJobs } from './follow-jobs.js';
import { failedActorIds } from './failed-actors.js';
import { requestFor } from './job-request.js';
import type { CliArgs } from './parse-args.js';

/**
 * Runs the CLI's jobs on the daemon that serves the same DATA_DIR: they show in its jobs list and UI,
 * and the pipeline runs once, in one place. Actors are resolved by the daemon (an unknown one fails
 * the run before anything is submitted); progress comes from its SSE feed.
 */
export async function runViaDaemon(daemon: { url: string; client: DaemonClient }, args: CliArgs, onProgress: (job: Job) => void): Promise<Job[]> {
  const { client, url } = daemon;
  const keys = args.failed ? await failedActorIds((query) => client.jobs(query)) : args.actors;
  const actors = args.all ? await client.actors() : await Promise.all(keys.map((key) => client.actor(key)));
  const follower = followJobs(client, url, onProgress);
  try {
    await follower.connected;
    const ids = await Promise.all(actors.map((actor) => client.submit(String(actor.id), requestFor(actor, args))));
    return await follower.finished(ids);
  } finally {
    follower.close();
  }
}
