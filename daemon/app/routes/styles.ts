import { Hono } from 'hono';
import type { StylesResponse } from '../../../shared/api-types.js';
import type { AppDeps } from '../app-deps.js';

/** `GET /api/styles`: the presets a request's `params.style` may name, with their prompt fragments and defaults. */
export function styleRoutes(styles: NonNullable<AppDeps['styles']>): Hono {
  const app = new Hono();
  const body: StylesResponse = { styles: [...styles] };
  app.get('/api/styles', (c) => c.json(body));
  return app;
}
