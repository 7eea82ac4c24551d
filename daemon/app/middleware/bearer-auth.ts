import type { MiddlewareHandler } from 'hono';
import { errorResponse } from '../error-response.js';

/** Methods that only read; they stay open so the web UI and `curl` can look without a token. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Compares in time that depends only on `expected`'s length, never on where the first difference is,
 * so response timing does not reveal the token one character at a time. (Web-standard only: no
 * `node:crypto`.)
 */
export function constantTimeEqual(expected: string, given: string): boolean {
  let difference = expected.length ^ given.length;
  for (let i = 0; i < expected.length; i++) {
    // Past the end of `given`, charCodeAt is NaN and `| 0` makes it 0: still one comparison per char.
    difference |= expected.charCodeAt(i) ^ (given.charCodeAt(i) | 0);
  }
  return difference === 0;
}

/** Whether an Authorization header is `Bearer <token>` (compared in constant time). */
export function hasBearerToken(authorization: string | undefined, token: string): boolean {
  const given = /^Bearer[ \t]+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  return given !== undefined && constantTimeEqual(token, given);
}

/**
 * Requires `Authorization: Bearer <token>` on mutating requests (POST, PUT, PATCH, DELETE).
 * @param token the configured API token; pass it only when one is set.
 */
export function bearerAuth(token: string): MiddlewareHandler {
  return async (c, next) => {
    if (READ_METHODS.has(c.req.method)) return next();
    if (!hasBearerToken(c.req.header('Authorization'), token)) {
      c.header('WWW-Authenticate', 'Bearer realm="posterframe"');
      return errorResponse(c, 'unauthorized', 'Expected an Authorization: Bearer <token> header with the API_TOKEN the daemon was started with');
    }
    return next();
  };
}
