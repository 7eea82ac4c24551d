import { createServer, type Server } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../daemon/config.js';
import { startDaemon } from '../../daemon/start-daemon.js';
import { tempDir } from '../support/temp-dir.js';

const listenOn = (port: number): Promise<Server> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });

const closeServer = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('startDaemon when start-up fails after it began listening', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('rejects with the configuration error and frees the port', async () => {
    const dir = await tempDir();
    cleanups.push(dir.remove);
    const probe = await listenOn(0);
    const port = (probe.address() as { port: number }).port;
    await closeServer(probe);
    const config = loadConfig({
      DATA_DIR: path.join(dir.path, 'data'),
      REQUESTS_DIR: path.join(dir.path, 'requests'),
      PORT: String(port),
      GENERATOR: 'runpod',
      RUNPOD_API_KEY: 'key',
      RUNPOD_ENDPOINT_ID: 'endpoint',
      RUNPOD_INPUT_TEMPLATE: path.join(dir.path, 'missing-template.json'),
    });

    await expect(startDaemon(config, { logger: pino({ level: 'silent' }) })).rejects.toThrow(ConfigError);

    const again = await listenOn(port);
    cleanups.push(() => closeServer(again));
  });
});
