import { Hono } from 'hono';
import type { StoredObject } from '../../pipeline/4-upload/storage.js';
import { PipelineError } from '../../errors.js';
import { rawPathOf, safeRelativePath } from '../safe-relative-path.js';

const PREFIX = 'media/';

/**
 * `GET /media/*`: stored objects (local storage's files, the edge's bucket). Poster URLs carry a
 * `?v=<content hash>`, so such a response can be cached for a year: a new poster gets a new URL rather
 * than a revalidation. The bare URL names whatever is published now, so it is cached only briefly.
 */
export function mediaRoutes(media: (key: string) => Promise<StoredObject | null>): Hono {
  const app = new Hono();

  app.get('/media/*', async (c) => {
    // Decode and check the raw path ourselves: Hono's c.req.path leaves "%2F" encoded but decodes "%5C".
    const path = safeRelativePath(rawPathOf(c.req.url).slice(1));
    if (path === null) {
      throw new PipelineError('invalid_request', 'Expected a media path of "/"-separated names without "..", "\\", empty segments or control characters');
    }
    if (!path.startsWith(PREFIX)) throw new PipelineError('not_found', `Nothing at /${path}`);
    const key = path.slice(PREFIX.length);
    const object = await media(key);
    if (!object) {
      throw new PipelineError('not_found', `No media at ${key}; reload the actor list for current poster URLs`);
    }
    return new Response(object.body as BodyInit, {
      status: 200,
      headers: {
        'Content-Type': object.contentType,
        'Content-Length': String(object.size),
        'Cache-Control': c.req.query('v') ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });

  return app;
}
