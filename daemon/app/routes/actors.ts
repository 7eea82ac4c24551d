import { Hono } from 'hono';
import { PipelineError } from '../../errors.js';
import type { AppDeps } from '../app-deps.js';
import { invalid, parseActorsQuery } from './actors-query.js';
import { revisionBodyCache } from './cached-body.js';

/**
 * `GET /` and `GET /:id`, mounted under `/api/actors`. The plain list is the whole array, cached per
 * library revision, with an `ETag` (304 on `If-None-Match`) and gzip when the client accepts it;
 * `?limit=&cursor=&q=&sort=` answers one page instead (`ActorsPage`).
 */
export function actorRoutes({ actors }: Pick<AppDeps, 'actors'>): Hono {
  const app = new Hono();
  const body = revisionBodyCache();

  app.get('/', async (c) => {
    const query = parseActorsQuery(c.req.query());
    if (query) {
      try {
        return c.json(await actors.page(query));
      } catch (error) {
        if (error instanceof TypeError) throw invalid(error.message);
        throw error;
      }
    }
    const { revision, json } = await actors.listJson();
    const etag = `"actors-${revision}"`;
    const headers: Record<string, string> = { etag, 'cache-control': 'no-cache', vary: 'accept-encoding' };
    if (
      c.req
        .header('if-none-match')
        ?.split(/\s*,\s*/)
        .includes(etag)
    )
      return c.body(null, 304, headers);
    const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    const bytes = await body(revision, () => json, gzip);
    if (gzip) headers['content-encoding'] = 'gzip';
    return c.body(bytes, 200, { ...headers, 'content-type': 'application/json' });
  });

  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    const actor = await actors.find(id);
    if (!actor) throw actorNotFound(id);
    return c.json(actor);
  });

  return app;
}

export function actorNotFound(idOrName: string): PipelineError {
  return new PipelineError('actor_not_found', `No actor with id or name "${idOrName}"; GET /api/actors lists them`);
}
