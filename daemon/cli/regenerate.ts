import { ConfigError, configFromEnvironment } from '../config.js';
import { isPipelineError, messageOf } from '../errors.js';
import { createLogger } from '../logger.js';
import { findLiveDaemon } from './find-daemon.js';
import { outcomeOf } from './job-request.js';
import { parseCliArgs, USAGE, UsageError } from './parse-args.js';
import { createProgressPrinter } from './progress-printer.js';
import { runLocally } from './run-locally.js';
import { runViaDaemon } from './run-via-daemon.js';

/**
 * `npm run -s regenerate -- <actorId|name>…` / `-- --all`: submitted to the daemon serving the same
 * DATA_DIR when one runs, else run in this process. Progress goes to stderr, the JSON result (or
 * error) to stdout and nothing else; exit code 1 on any failure.
 */
async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = configFromEnvironment();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const progress = createProgressPrinter(args.all || args.failed ? Infinity : args.actors.length);
  const daemon = await findLiveDaemon(config.dataDir, config.apiToken);
  if (daemon) process.stderr.write(`Submitting to the daemon at ${daemon.url}\n`);
  const jobs = daemon ? await runViaDaemon(daemon, args, progress.print) : await runLocally(config, args, logger, progress.print);
  progress.end();
  const outcomes = jobs.map(outcomeOf);
  process.stdout.write(`${JSON.stringify(args.all || args.failed || outcomes.length > 1 ? outcomes : outcomes[0], null, 2)}\n`);
  return jobs.every((job) => job.status === 'done') ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const code = isPipelineError(error) ? error.code : error instanceof ConfigError || error instanceof UsageError ? 'invalid_request' : 'internal_error';
    process.stdout.write(`${JSON.stringify({ success: false, error: code, message: messageOf(error) }, null, 2)}\n`);
    process.exit(1);
  },
);
