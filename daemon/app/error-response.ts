import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode } from '../../shared/api-types.js';

/**
 * The HTTP status of each wire error code. Failures of the remote backend (or of what it sent back)
 * are 502 so a client can tell "the GPU side failed" from "the daemon is broken" (500).
 */
export const STATUS_BY_CODE: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_request: 400,
  unauthorized: 401,
  not_found: 404,
  method_not_allowed: 405,
  actor_not_found: 404,
  payload_too_large: 413,
  generation_failed: 502,
  download_failed: 502,
  invalid_image: 502,
  storage_failed: 500,
  actors_file_corrupt: 500,
  shutting_down: 503,
  misdirected_request: 421,
  rate_limited: 429,
  too_many_connections: 503,
  daemon_unavailable: 503,
  conflict: 409,
  // A request that waited on a job someone cancelled: the state changed under it, as with a conflict.
  cancelled: 409,
  internal_error: 500,
};

/** The code for a bare HTTP status (from an `HTTPException` that carries no code of ours). */
export function codeForStatus(status: number): ErrorCode {
  const byStatus: Partial<Record<number, ErrorCode>> = {
    400: 'invalid_request',
    401: 'unauthorized',
    404: 'not_found',
    405: 'method_not_allowed',
    413: 'payload_too_large',
    409: 'conflict',
    421: 'misdirected_request',
    429: 'rate_limited',
    503: 'shutting_down',
  };
  return byStatus[status] ?? 'internal_error';
}

export function errorBody(error: ErrorCode, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { success: false, error, message } : { success: false, error, message, details };
}

/** Answers with the JSON error body and the status that belongs to `code`. */
export function errorResponse(c: Context, error: ErrorCode, message: string, details?: unknown): Response {
  return c.json(errorBody(error, message, details), STATUS_BY_CODE[error]);
}
