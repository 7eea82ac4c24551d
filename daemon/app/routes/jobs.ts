import { Hono } from 'hono';
import type { JobActionResponse } from '../../../shared/api-types.js';
import { PipelineError } from '../../errors.js';
import type { AppDeps } from '../app-deps.js';
import { parseJobsQuery } from './jobs-query.js';

/**
 * Mounted under `/api/jobs`: `GET /` (one JobsPage, newest first, filtered by `?status=&actor=&batch=`),
 * `GET /:id`, `POST /:id/cancel` where the job service can cancel, and with versions `POST /:id/accept`
 * and `POST /:id/discard`, which decide a finished preview.
 */
export function jobRoutes({ jobs, versions }: Pick<AppDeps, 'jobs' | 'versions'>): Hono {
  const app = new Hono();

  app.get('/', async (c) => c.json(await jobs.list(parseJobsQuery(c.req.query()))));

  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    const job = await jobs.get(id);
    if (!job) throw new PipelineError('not_found', `No job with id "${id}"; GET /api/jobs lists recent jobs`);
    return c.json(job);
  });

  const { cancel } = jobs;
  if (cancel) {
    app.post('/:id/cancel', async (c) => {
      const answer: JobActionResponse = { success: true, job: await cancel.call(jobs, c.req.param('id')) };
      return c.json(answer);
    });
  }
  if (versions) {
    app.post('/:id/accept', async (c) => c.json({ success: true, job: await versions.accept(c.req.param('id')) } satisfies JobActionResponse));
    app.post('/:id/discard', async (c) => c.json({ success: true, job: await versions.discard(c.req.param('id')) } satisfies JobActionResponse));
  }

  return app;
}
