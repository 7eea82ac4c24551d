import { Hono } from 'hono';
import type { AppDeps } from './app-deps.js';
import { createErrorHandler, notFoundHandler } from './error-handler.js';
import { bearerAuth } from './middleware/bearer-auth.js';
import { limitBody } from './middleware/body-limit.js';
import { connectionCap } from './middleware/connection-cap/index.js';
import { hostCheck } from './middleware/host-check/index.js';
import { rateLimit } from './middleware/rate-limit/index.js';
import { requestLogger } from './middleware/request-logger.js';
import { securityHeaders } from './middleware/security-headers/index.js';
import { actorRoutes } from './routes/actors.js';
import { assetRoutes } from './routes/assets.js';
import { batchRoutes } from './routes/batches.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { infoRoutes } from './routes/info.js';
import { jobRoutes } from './routes/jobs.js';
import { mediaRoutes } from './routes/media.js';
import { regenerateRoutes } from './routes/regenerate.js';
import { styleRoutes } from './routes/styles.js';
import { versionRoutes } from './routes/versions.js';
import { answerWrongMethods } from './wrong-method.js';

/**
 * The daemon's HTTP app: a Web-standard fetch handler (`app.fetch`). It imports nothing from `node:`;
 * `@hono/node-server` runs it in the daemon, and tests call `app.request()` on it directly.
 *
 * @example
 * const app = createApp({ actors, jobs, events, logger, bodyLimitBytes: 64 * 1024, sseHeartbeatMs: 15_000 });
 * const res = await app.request('/api/actors');
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();

  const security = deps.security ?? {};
  app.use(requestLogger(deps.logger));
  if (security.allowedHosts) app.use(hostCheck({ names: security.allowedHosts, anyIpAddress: security.anyIpAddressHost }));
  app.use(securityHeaders(security.imageOrigins));
  if (security.rateLimitPerMinute) app.use(rateLimit({ perMinute: security.rateLimitPerMinute, clientAddress: security.clientAddress }));
  if (deps.apiToken) app.use(bearerAuth(deps.apiToken));
  app.use(limitBody(deps.bodyLimitBytes));

  app.route('/', healthRoutes(deps));
  app.route('/api/actors', regenerateRoutes(deps));
  app.route('/api/actors', actorRoutes(deps));
  if (deps.versions) app.route('/api/actors', versionRoutes(deps.versions));
  app.route('/api/jobs', jobRoutes(deps));
  if (deps.batches) app.route('/api/batches', batchRoutes(deps.batches));
  if (deps.events)
    app.route(
      '/',
      eventRoutes({ events: deps.events, sseHeartbeatMs: deps.sseHeartbeatMs }, security.sseMaxClients ? connectionCap(security.sseMaxClients) : undefined),
    );
  if (deps.info) app.route('/', infoRoutes(deps.info));
  if (deps.styles) app.route('/', styleRoutes(deps.styles));
  answerWrongMethods(app);
  app.all('/api/*', notFoundHandler);
  if (deps.media) app.route('/', mediaRoutes(deps.media));
  if (deps.assets) app.route('/', assetRoutes(deps.assets));
  answerWrongMethods(app);

  app.notFound(notFoundHandler);
  app.onError(createErrorHandler(deps.logger));
  return app;
}
