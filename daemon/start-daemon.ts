import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import type { Logger } from 'pino';
import { createApp } from './app/create-app.js';
import { listenUrl, type Config } from './config.js';
import { createCore, type Core, type CoreOverrides } from './create-core.js';
import { announceDaemon, newInstanceId } from './discovery/daemon-file.js';
import { cliLockPath } from './discovery/data-dir-files.js';
import { adoptOrphansWhenCliLockFrees } from './jobs/adopt-orphans.js';
import { startRequestsFolder } from './intake/requests-folder.js';
import { removeLegacyDrafts } from './recovery/legacy-drafts.js';
import { removeTempLitter } from './recovery/temp-litter.js';
import { startEdgeLink } from './edge/start-edge-link.js';
import { createLogger } from './logger.js';
import { appSecurity } from './node/app-security.js';
import { trackForGracefulClose } from './node/close-gracefully.js';
import { serveAssets } from './node/serve-assets.js';
import { serverInfo } from './node/server-info.js';
import { segmentedListBody } from './node/segmented-list-body.js';
import { copySampleActors } from './sample-actors.js';
import { STYLE_PRESETS } from '../shared/styles.js';

export interface DaemonOverrides extends CoreOverrides {
  logger?: Logger;
  /** How long shutdown lets running jobs finish before interrupting them (they resume at next start). Default 10 s. */
  shutdownGraceMs?: number;
}

export interface RunningDaemon {
  /** Where the daemon answers, e.g. http://127.0.0.1:8787. */
  url: string;
  config: Config;
  close(): Promise<void>;
}

const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

/**
 * Starts the daemon: the HTTP API and UI (Hono on @hono/node-server), the requests-folder watcher, and
 * the jobs a previous run left unfinished. This is the Node adapter around the Web-standard app.
 */
export async function startDaemon(config: Config, overrides: DaemonOverrides = {}): Promise<RunningDaemon> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  await mkdir(config.dataDir, { recursive: true });
  await mkdir(config.requestsDir, { recursive: true });
  const samplesCopied = await copySampleActors(config.dataDir, config.actorsFile);

  // Listen first, so a port in use fails start-up before anything else is taken; until ready, a 503.
  let handle: FetchHandler = () => new Response('starting', { status: 503 });
  const server = await listen(config, (request, env) => handle(request, env));
  const closeServer = trackForGracefulClose(server as Server);
  const url = listenUrl(config, (server.address() as AddressInfo).port);

  let core: Core | undefined;
  const instanceId = newInstanceId();
  try {
    core = await createCore(config, logger, overrides);
    const { storage } = core;
    await core.actors.ready();
    const info = serverInfo(config, core.actors);
    const app = createApp({
      actors: core.actors,
      listBody: segmentedListBody(),
      jobs: core.jobs,
      versions: core.versions,
      batches: core.batches,
      events: core.events,
      logger,
      media: storage.kind === 'local' ? (key) => storage.get(key) : undefined,
      info,
      styles: STYLE_PRESETS,
      assets: serveAssets(WEB_DIST),
      apiToken: config.apiToken,
      instanceId,
      bodyLimitBytes: config.limits.bodyBytes,
      sseHeartbeatMs: config.sseHeartbeatMs,
      security: appSecurity(config),
    });
    // env carries @hono/node-server's socket: the rate limit keys clients by its address.
    handle = (request, env) => app.fetch(request, env);

    // Before any job writes: what a killed process left is recognised by its pid and age (see removeTempLitter).
    const litter = await removeTempLitter([config.dataDir, config.requestsDir]);
    if (litter.length) logger.info({ files: litter.length }, 'removed temp files a crash left');
    const resumed = await core.jobs.resume();
    // After the jobs: a batch asks the job service which of its jobs it already has.
    await core.batches.resume();
    if (storage.kind === 'local') {
      void removeLegacyDrafts(path.join(config.dataDir, 'media')).then(
        (drafts) => drafts.length && logger.info({ drafts: drafts.length }, 'removed the drafts folders of a release before versions'),
        (error: unknown) => logger.warn({ err: error }, 'could not remove the legacy drafts folders'),
      );
    }
    const intake = await startRequestsFolder({ dir: config.requestsDir, jobs: core.jobs, batches: core.batches, actors: core.actors, logger });
    const stopExpiring = core.startPreviewExpiry((expired, error) => {
      if (error) logger.warn({ err: error }, 'could not expire undecided previews');
      else if (expired) logger.info({ expired }, 'discarded previews left undecided past PREVIEW_EXPIRY_HOURS');
    });
    const stopAdopting = adoptOrphansWhenCliLockFrees({ lockPath: cliLockPath(config.dataDir), resume: core.jobs.resume, logger });
    // Last: a CLI that finds this file submits its jobs here, so everything must be ready.
    const unannounce = await announceDaemon(config.dataDir, { url, instance_id: instanceId }).catch(async (error: unknown) => {
      await stopAdopting();
      await stopExpiring();
      await intake.close();
      throw error;
    });
    const edge = config.edgeUrl && config.apiToken ? startEdgeLink({ edgeUrl: config.edgeUrl, token: config.apiToken, core, info, logger }) : undefined;
    logger.info(
      { url, generator: config.generator, storage: storage.kind, dataDir: config.dataDir, requestsDir: config.requestsDir, resumed, samplesCopied },
      'posterframe daemon ready',
    );
    const running = core;
    return {
      url,
      config,
      async close() {
        // First: from now on a CLI runs its jobs itself instead of submitting them to a daemon that stops.
        await unannounce();
        await stopAdopting();
        await stopExpiring();
        await intake.close();
        await running.close(overrides.shutdownGraceMs ?? 10_000);
        edge?.close();
        await closeServer();
        logger.info('posterframe daemon stopped');
      },
    };
  } catch (error) {
    // A start that fails halfway must not leave the port bound, jobs running or the actors file watched.
    await core?.close(0).catch((closeError: unknown) => logger.warn({ err: closeError }, 'cleanup after a failed start failed'));
    await closeServer();
    throw error;
  }
}

type FetchHandler = (request: Request, env?: unknown) => Response | Promise<Response>;

function listen(config: Config, fetch: FetchHandler): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host }, () => resolve(server));
    server.once('error', reject);
  });
}
