import { Hono } from 'hono';
import { PipelineError } from '../../errors.js';
import type { AppDeps, BodyParts } from '../app-deps.js';
import { invalid, parseActorsQuery } from './actors-query.js';
import { revisionBodyCache } from './cached-body.js';

/**
 * `GET /` and `GET /:id`, mounted under `/api/actors`. The plain list is the whole array, cached per
 * library revision, with an `ETag` (304 on `If-None-Match`) and gzip when the client accepts it;
 * `?limit=&cursor=&q=&sort=` answers one page instead (`ActorsPage`).
 */
export function actorRoutes({ actors, listBody }: Pick<AppDeps, 'actors' | 'listBody'>): Hono {
  const app = new Hono();
  const body = listBody ?? revisionBodyCache();

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
    const { revision, blocks } = await actors.listBlocks();
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
    const encoded = await body(revision, blocks, gzip);
    if (gzip) headers['content-encoding'] = 'gzip';
    return c.body(streamOf(encoded), 200, { ...headers, 'content-type': 'application/json', 'content-length': String(encoded.length) });
  });

  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    const actor = await actors.find(id);
    if (!actor) throw actorNotFound(id);
    return c.json(actor);
  });

  return app;
}

/** The parts as they are (one part) or as a stream handing them out one by one, never copied into one buffer. */
function streamOf({ parts }: BodyParts): Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> {
  if (parts.length === 1) return parts[0] as Uint8Array<ArrayBuffer>;
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < parts.length) controller.enqueue(parts[next++]!);
      else controller.close();
    },
  });
}

export function actorNotFound(idOrName: string): PipelineError {
  return new PipelineError('actor_not_found', `No actor with id or name "${idOrName}"; GET /api/actors lists them`);
}
