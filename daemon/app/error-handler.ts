import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isPipelineError } from '../errors.js';
import type { AppLogger } from './app-logger.js';
import { codeForStatus, errorBody, errorResponse } from './error-response.js';

/**
 * The app's one error handler. Expected failures (`PipelineError`, `HTTPException`) become their JSON
 * error body; anything else is a bug: it is logged with its stack and the client gets a bare 500,
 * because a stack trace tells an outsider about our internals and tells the user nothing useful.
 */
export function createErrorHandler(logger: AppLogger): ErrorHandler {
  return (error, c) => {
    if (isPipelineError(error)) return errorResponse(c, error.code, error.message, error.details);
    if (error instanceof HTTPException) {
      const status = error.status;
      return c.json(errorBody(codeForStatus(status), error.message || `HTTP ${status}`), status);
    }
    // A client that hung up while we waited is not a server fault; nobody will read this response.
    if (c.req.raw.signal.aborted) {
      logger.debug({ method: c.req.method, path: c.req.path }, 'client closed the request early');
    } else {
      logger.error({ err: error, method: c.req.method, path: c.req.path }, 'unhandled error in request');
    }
    return errorResponse(c, 'internal_error', 'Internal error; the daemon log has the details');
  };
}

export const notFoundHandler: NotFoundHandler = (c) => errorResponse(c, 'not_found', `Nothing at ${c.req.method} ${c.req.path}; the API lives under /api`);
