import { Hono } from 'hono';
import { PipelineError } from '../../errors.js';
import type { AppDeps } from '../app-deps.js';

/** `GET /` and `GET /:id`, mounted under `/api/actors`. */
export function actorRoutes({ actors }: Pick<AppDeps, 'actors'>): Hono {
  const app = new Hono();

  app.get('/', async (c) => c.json(await actors.list()));

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
