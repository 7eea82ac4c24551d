import { Hono } from 'hono';
import { PipelineError } from '../../errors.js';
import type { AppDeps } from '../app-deps.js';

const MAX_LIMIT = 1000;

/** `GET /` (most recent first, optional `?limit=`) and `GET /:id`, mounted under `/api/jobs`. */
export function jobRoutes({ jobs }: Pick<AppDeps, 'jobs'>): Hono {
  const app = new Hono();

  app.get('/', async (c) => c.json(await jobs.list(parseLimit(c.req.query('limit')))));

  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    const job = await jobs.get(id);
    if (!job) throw new PipelineError('not_found', `No job with id "${id}"; GET /api/jobs lists recent jobs`);
    return c.json(job);
  });

  return app;
}

function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const limit = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (limit >= 1 && limit <= MAX_LIMIT) return limit;
  throw new PipelineError('invalid_request', `Expected limit to be an integer from 1 to ${MAX_LIMIT} but received "${raw}"`);
}
