import { Hono } from 'hono';
import type { BatchAccepted, BatchRequest, BatchSummary } from '../../../shared/api-types.js';
import { parseBatchRequest } from '../../../shared/request-schema.js';
import { PipelineError } from '../../errors.js';
import type { BatchRoutesApi } from '../app-deps.js';
import { readJsonBody } from '../read-json-body.js';
import { parsePageQuery } from './jobs-query.js';

/**
 * Mounted under `/api/batches`: `POST /` (202 BatchAccepted), `GET /` (BatchesPage), `GET /:id`
 * (Batch), `POST /:id/cancel` (the Batch once its jobs have settled), `POST /:id/retry` (202, a new
 * batch of the failed and cancelled actors with `retry_of`).
 */
export function batchRoutes(batches: BatchRoutesApi): Hono {
  const app = new Hono();
  const accepted = (summary: BatchSummary): BatchAccepted => ({
    batch_id: summary.id,
    status_url: `/api/batches/${encodeURIComponent(summary.id)}`,
    total: summary.totals.total,
  });
  // The CLI submits here when a daemon runs; its batches keep saying where they came from.
  const sourceOf = (header: string | undefined) => (header === 'cli' ? 'cli' : 'api');

  app.post('/', async (c) => {
    const request = validate(await readJsonBody(c));
    const answer = accepted(await batches.create({ request, source: sourceOf(c.req.header('X-Posterframe-Client')) }));
    c.header('Location', answer.status_url);
    return c.json(answer, 202);
  });

  app.get('/', async (c) => c.json(await batches.list(parsePageQuery(c.req.query()))));

  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    const batch = await batches.get(id);
    if (!batch) throw new PipelineError('not_found', `No batch with id "${id}"; GET /api/batches lists batches`);
    return c.json(batch);
  });

  app.post('/:id/cancel', async (c) => c.json(await batches.cancel(c.req.param('id'))));

  app.post('/:id/retry', async (c) => {
    const answer = accepted(await batches.retry(c.req.param('id'), sourceOf(c.req.header('X-Posterframe-Client'))));
    c.header('Location', answer.status_url);
    return c.json(answer, 202);
  });

  return app;
}

function validate(body: unknown): BatchRequest {
  const parsed = parseBatchRequest(body);
  if (parsed.ok) return parsed.value;
  throw new PipelineError('invalid_request', 'The request body does not match the batch request; see details', { details: parsed.issues });
}
