import type { Hono } from 'hono';
import { errorResponse } from './error-response.js';

const answered = new WeakMap<Hono, Set<string>>();

/**
 * Gives every path routed so far an answer for the methods it has no handler for: `405` with an
 * `Allow` header (and `204` with `Allow` for `OPTIONS`), instead of falling through to a 404 that says
 * the route does not exist. Call it after a group of routes and before any catch-all that would
 * answer first (Hono tries handlers in the order they were added); paths already given this answer
 * are skipped, so calling it again later covers only the routes added since.
 *
 * @example app.route('/api/jobs', jobRoutes(deps)); answerWrongMethods(app); app.all('/api/*', notFound);
 */
export function answerWrongMethods(app: Hono): void {
  const done = answered.get(app) ?? new Set<string>();
  answered.set(app, done);
  const methodsByPath = new Map<string, Set<string>>();
  for (const { method, path } of app.routes) {
    if (method === 'ALL' || done.has(path)) continue;
    const methods = methodsByPath.get(path) ?? new Set<string>();
    // Hono answers HEAD with the GET handler.
    for (const allowed of method === 'GET' ? ['GET', 'HEAD'] : [method]) methods.add(allowed);
    methodsByPath.set(path, methods);
  }
  for (const [path, methods] of methodsByPath) {
    done.add(path);
    const allow = [...methods].sort().join(', ');
    app.all(path, (c) => {
      c.header('Allow', allow);
      if (c.req.method === 'OPTIONS') return c.body(null, 204);
      return errorResponse(c, 'method_not_allowed', `Expected ${allow} for ${c.req.path} but received ${c.req.method}`);
    });
  }
}
