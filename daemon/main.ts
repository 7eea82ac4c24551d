import { type Config, ConfigError, configFromEnvironment } from './config.js';
import { startDaemon } from './start-daemon.js';

/** `npm start`: the long-running daemon. A second SIGINT/SIGTERM during shutdown exits at once. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = configFromEnvironment();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const daemon = await startDaemon(config);
  process.stderr.write(`\nPosterframe is running at ${daemon.url}  (requests folder: ${config.requestsDir})\n\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stderr.write(`${signal}: finishing running jobs (send again to exit now; unfinished jobs resume at next start)\n`);
    daemon.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
