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
    if (!actor) throw new PipelineError('actor_not_found', `No actor with id or name "${id}"; GET /api/actors lists them`);
    return c.json(actor);
  });

  return app;
}
