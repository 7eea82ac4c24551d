import type { MiddlewareHandler } from 'hono';
import type { AppLogger } from '../app-logger.js';

/** Logs every request at debug once it is answered (status included). */
export function requestLogger(logger: AppLogger): MiddlewareHandler {
  return async (c, next) => {
    const startedAt = Date.now();
    await next();
    logger.debug({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Date.now() - startedAt }, 'http request');
  };
}
