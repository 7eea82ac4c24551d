import { Hono } from 'hono';
import { PipelineError } from '../../errors.js';
import type { AppDeps } from '../app-deps.js';
import { rawPathOf, safeRelativePath } from '../safe-relative-path.js';

/** Every other `GET`: the built web UI, `/` being `/index.html`. Registered last. */
export function assetRoutes(assets: NonNullable<AppDeps['assets']>): Hono {
  const app = new Hono();

  app.get('*', async (c) => {
    const raw = rawPathOf(c.req.url);
    const path = raw === '/' ? 'index.html' : safeRelativePath(raw.slice(1));
    const response = path === null ? null : await assets(`/${path}`);
    if (!response) throw new PipelineError('not_found', `Nothing at ${c.req.path}`);
    return response;
  });

  return app;
}
