import { Hono } from 'hono';
import type { AcceptedResponse, Job, RegenerateRequest } from '../../../shared/api-types.js';
import { parseRegenerateRequest } from '../../../shared/request-schema.js';
import { PipelineError } from '../../errors.js';
import { requireActorName } from '../../jobs/create-job.js';
import type { AppDeps } from '../app-deps.js';
import { prefersRespondAsync } from '../prefer-header.js';
import { readJsonBody } from '../read-json-body.js';
import { actorNotFound } from './actors.js';

type RegenerateDeps = Pick<AppDeps, 'actors' | 'jobs' | 'logger'>;

/** `POST /:actorId/regenerate-poster-frame`, mounted under `/api/actors`: the seed's endpoint. */
export function regenerateRoutes({ actors, jobs, logger }: RegenerateDeps): Hono {
  const app = new Hono();

  app.post('/:actorId/regenerate-poster-frame', async (c) => {
    const actorId = c.req.param('actorId');
    const request = validate(await readJsonBody(c));
    const actor = await actors.find(actorId);
    if (!actor) throw actorNotFound(actorId);
    requireActorName(actor, request.actor_name, '; reload the actor list');

    // The CLI submits here when a daemon runs; its jobs keep saying where they came from.
    const source = c.req.header('X-Posterframe-Client') === 'cli' ? 'cli' : 'api';
    const { job, joined } = await jobs.submit({ source, actor, request });
    logger.info({ jobId: job.id, actorId: String(actor.id), joined }, 'regenerate requested over HTTP');

    if (prefersRespondAsync(c.req.header('Prefer'))) {
      const accepted: AcceptedResponse = { job_id: job.id, status_url: `/api/jobs/${encodeURIComponent(job.id)}`, joined };
      c.header('Location', accepted.status_url);
      c.header('Preference-Applied', 'respond-async');
      return c.json(accepted, 202);
    }

    const finished = await jobs.waitFor(job.id, c.req.raw.signal);
    if (finished.status === 'done' && finished.result) return c.json(finished.result, 200);
    throw failureOf(finished);
  });

  return app;
}

// A failed job answers with the error the pipeline recorded, so the backend's own message reaches the client.
function failureOf(job: Job): Error {
  if (!job.error) return new Error(`Job ${job.id} finished as ${job.status} without a result or an error`);
  return new PipelineError(job.error.error, job.error.message, { details: job.error.details });
}

function validate(body: unknown): RegenerateRequest {
  const parsed = parseRegenerateRequest(body);
  if (parsed.ok) return parsed.value;
  throw new PipelineError('invalid_request', 'The request body does not match the regenerate request; see details', {
    details: parsed.issues,
  });
}
