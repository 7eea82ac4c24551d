import { Hono, type MiddlewareHandler } from 'hono';
import type { AppLogger } from '../../daemon/app/app-logger.js';
import { createErrorHandler, notFoundHandler } from '../../daemon/app/error-handler.js';
import { errorResponse } from '../../daemon/app/error-response.js';
import { hasBearerToken } from '../../daemon/app/middleware/bearer-auth.js';
import { rawPathOf, safeRelativePath } from '../../daemon/app/safe-relative-path.js';
import { PipelineError } from '../../daemon/errors.js';
import type { DurableObjectStub, R2Bucket } from './bindings.js';

const OBJECTS = '/_daemon/objects/';

/**
 * What only the daemon may do at the edge, each request carrying the daemon's token: open its one
 * event connection to the hub (`GET /_daemon/hub`, a WebSocket), and write the bucket
 * (`/_daemon/objects/<key>`: PUT a body, PUT with `X-Copy-From: <key>`, DELETE, GET) — the daemon's
 * `STORAGE=edge` publishes posters and the actors snapshot through these.
 */
export function daemonRoutes(options: { token: string; bucket: R2Bucket; hub: DurableObjectStub; logger: AppLogger }): Hono {
  const { bucket, hub } = options;
  const app = new Hono();
  app.use(requireToken(options.token));
  app.notFound(notFoundHandler);
  app.onError(createErrorHandler(options.logger));

  app.get('/_daemon/hub', (c) => hub.fetch(c.req.raw));

  app.put(`${OBJECTS}*`, async (c) => {
    const key = keyOf(c.req.url);
    const from = c.req.header('X-Copy-From');
    if (from !== undefined) {
      const source = await bucket.get(requireKey(safeRelativePath(from)));
      if (!source) throw new PipelineError('not_found', `No object ${from} to copy to ${key}`);
      await bucket.put(key, source.body, { httpMetadata: { contentType: source.httpMetadata?.contentType } });
    } else {
      const contentType = c.req.header('Content-Type') ?? 'application/octet-stream';
      await bucket.put(key, await c.req.arrayBuffer(), { httpMetadata: { contentType } });
    }
    return c.body(null, 204);
  });

  app.delete(`${OBJECTS}*`, async (c) => {
    await bucket.delete(keyOf(c.req.url));
    return c.body(null, 204);
  });

  app.get(`${OBJECTS}*`, async (c) => {
    const object = await bucket.get(keyOf(c.req.url));
    if (!object) throw new PipelineError('not_found', `No object ${keyOf(c.req.url)}`);
    return new Response(object.body, { headers: { 'Content-Type': object.httpMetadata?.contentType ?? 'application/octet-stream' } });
  });

  return app;
}

function requireToken(token: string): MiddlewareHandler {
  return async (c, next) => {
    if (token && hasBearerToken(c.req.header('Authorization'), token)) return next();
    return errorResponse(c, 'unauthorized', "Expected Authorization: Bearer <the daemon's API_TOKEN, the edge's DAEMON_TOKEN> on /_daemon/ routes");
  };
}

function keyOf(url: string): string {
  return requireKey(safeRelativePath(rawPathOf(url).slice(OBJECTS.length)));
}

function requireKey(key: string | null): string {
  if (key === null)
    throw new PipelineError('invalid_request', 'Expected an object key of "/"-separated names without "..", "\\", empty segments or control characters');
  return key;
}
