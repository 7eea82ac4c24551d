import type { Actor, ErrorBody, Job } from '../../shared/api-types.js';
import { ConfigError, configFromEnvironment } from '../config.js';
import { createCore } from '../create-core.js';
import { isPipelineError, messageOf, PipelineError } from '../errors.js';
import { createLogger } from '../logger.js';
import { parseCliArgs, UsageError } from './parse-args.js';
import { progressLine } from './progress-line.js';

/**
 * `npm run regenerate -- <actorId|name>` / `-- --all`: the same pipeline as the daemon, in this
 * process. Progress goes to stderr, the JSON result (or error) to stdout; exit code 1 on any failure.
 */
async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2));
  const config = configFromEnvironment();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const core = createCore(config, logger);
  try {
    const actors = args.all ? await core.actors.list() : await Promise.all(args.actors.map((key) => findActor(core, key)));
    const lines = new Map<string, string>();
    core.events.subscribe((event) => {
      if (event.type !== 'job') return;
      const line = progressLine(event.job);
      if (lines.get(event.job.id) === line) return;
      lines.set(event.job.id, line);
      process.stderr.write(process.stderr.isTTY && actors.length === 1 ? `\r\x1b[2K${line}` : `${line}\n`);
    });
    const jobs = await Promise.all(actors.map((actor) => runOne(core, actor, args.seed)));
    if (process.stderr.isTTY && actors.length === 1) process.stderr.write('\n');
    const outcomes = jobs.map((job) => job.result ?? errorOf(job));
    process.stdout.write(`${JSON.stringify(args.all ? outcomes : outcomes[0], null, 2)}\n`);
    return jobs.every((job) => job.status === 'done') ? 0 : 1;
  } finally {
    await core.close(0);
  }
}

async function findActor(core: ReturnType<typeof createCore>, key: string): Promise<Actor> {
  const actor = await core.actors.find(key);
  if (!actor) throw new PipelineError('actor_not_found', `No actor with id or name ${JSON.stringify(key)}; list them with GET /api/actors or data/actorsData.json`);
  return actor;
}

async function runOne(core: ReturnType<typeof createCore>, actor: Actor, seed?: number): Promise<Job> {
  const request = {
    actor_name: actor.name,
    lora_model_url: String(actor.lora_model_url ?? ''),
    actor_description: typeof actor.description === 'string' ? actor.description : undefined,
    params: seed === undefined ? undefined : { seed },
  };
  const { job } = await core.jobs.submit({ source: 'cli', actor, request });
  return core.jobs.waitFor(job.id);
}

const errorOf = (job: Job): ErrorBody => ({
  success: false,
  error: job.error?.error ?? 'internal_error',
  message: job.error?.message ?? 'unknown failure',
  details: job.error?.details,
});

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const code = isPipelineError(error) ? error.code : error instanceof ConfigError || error instanceof UsageError ? 'invalid_request' : 'internal_error';
    process.stdout.write(`${JSON.stringify({ success: false, error: code, message: messageOf(error) }, null, 2)}\n`);
    process.exit(1);
  },
);
