import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';

/** `GET /api/info`: the backend, storage and actors file as a client needs them to word its copy. */
export function infoRoutes(info: NonNullable<AppDeps['info']>): Hono {
  const app = new Hono();
  app.get('/api/info', async (c) => c.json(await info()));
  return app;
}
