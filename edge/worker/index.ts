import { createApp } from '../../daemon/app/create-app.js';
import type { DurableObjectStub, EdgeEnv } from './bindings.js';
import { bucketMedia } from './bucket-media.js';
import { consoleLogger } from './console-logger.js';
import { createDaemonClient } from './daemon-client.js';
import { daemonRoutes } from './daemon-routes.js';
import { edgeInfo } from './edge-info.js';
import { createEdgeBatches } from './edge-batches.js';
import { createEdgeJobs } from './edge-jobs.js';
import { createEdgeVersions } from './edge-versions.js';
import { snapshotActors } from './snapshot-actors.js';
import { STYLE_PRESETS } from '../../shared/styles.js';

export { EventHub } from './event-hub.js';

/** The request body limit and SSE heartbeat, the daemon's defaults. */
const BODY_LIMIT_BYTES = 64 * 1024;
const SSE_HEARTBEAT_MS = 15_000;

/** Paths the event hub answers itself: browsers' event streams and its status. */
const HUB_PATHS = new Set(['/api/events', '/api/hub']);

/**
 * The edge Worker: the daemon's own Hono app over edge parts — actors from the snapshot the daemon
 * publishes to the bucket, posters from the bucket, jobs, versions and batches forwarded to the daemon, jobs followed through
 * the event hub, the UI from the assets binding. Live events go to the hub, and the daemon's own
 * routes (`/_daemon/…`) to the hub and the bucket, before the app sees a request.
 */
function createEdgeHandler(env: EdgeEnv): (request: Request) => Response | Promise<Response> {
  const hub = env.HUB.get(env.HUB.idFromName('hub'));
  const logger = consoleLogger(env.LOG_LEVEL);
  const daemonOnly = daemonRoutes({ token: env.DAEMON_TOKEN, bucket: env.BUCKET, hub, logger });
  const actors = snapshotActors(env.BUCKET);
  const daemon = createDaemonClient(env);
  const app = createApp({
    actors,
    jobs: createEdgeJobs(daemon, hub),
    // Versions and batches are the daemon's: the edge forwards, the daemon stays the one writer.
    versions: createEdgeVersions(daemon),
    batches: createEdgeBatches(daemon),
    logger,
    media: bucketMedia(env.BUCKET),
    info: edgeInfo({ hub, actors, apiTokenRequired: Boolean(env.API_TOKEN) }),
    // The presets are code shared with the daemon, which validates styles against the same list.
    styles: STYLE_PRESETS,
    assets: async (path) => {
      const response = await env.ASSETS.fetch(new URL(path, 'https://assets.local').toString());
      // A copy: the binding's headers are immutable, and the app's middleware adds security headers.
      return response.status === 404 ? null : new Response(response.body, response);
    },
    apiToken: env.API_TOKEN || undefined,
    bodyLimitBytes: BODY_LIMIT_BYTES,
    sseHeartbeatMs: SSE_HEARTBEAT_MS,
  });
  return (request) => {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/_daemon/')) return daemonOnly.fetch(request);
    if (request.method === 'GET' && HUB_PATHS.has(path)) return relayUntilAborted(request, hub);
    return app.fetch(withoutAcceptEncoding(request));
  };
}

/**
 * The hub's answer, relayed until the browser goes away. workerd does not cancel a Durable Object's
 * response stream when the client disconnects, so the hub would only notice at its next write; the
 * request's signal (the `enable_request_signal` flag) tells us at once, and cancelling the relayed
 * stream ends the hub's side of it.
 */
async function relayUntilAborted(request: Request, hub: DurableObjectStub): Promise<Response> {
  const response = await hub.fetch(request);
  if (!response.body) return response;
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  response.body.pipeTo(writable, { signal: request.signal }).catch(() => {});
  return new Response(readable, response);
}

/**
 * workerd compresses responses for the client itself and would gzip the app's own gzip again, so the
 * app is asked for identity bodies.
 */
function withoutAcceptEncoding(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.delete('accept-encoding');
  return new Request(request, { headers });
}

export default {
  // Built per request: a Durable Object stub is an I/O object that only the request that made it may use.
  fetch: (request: Request, env: EdgeEnv): Response | Promise<Response> => createEdgeHandler(env)(request),
};
