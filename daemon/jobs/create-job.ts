import type { Actor, Job, JobSource, RegenerateRequest } from '../../shared/api-types.js';
import { parseRegenerateRequest } from '../../shared/request-schema.js';
import { PipelineError } from '../errors.js';

/** A new queued job. The request is stored resolved (description filled from the actor), so a resumed job runs as submitted. */
export function createJob(input: { id: string; source: JobSource; actor: Actor; request: RegenerateRequest }): Job {
  const now = new Date().toISOString();
  const { actor, request } = input;
  return {
    id: input.id,
    source: input.source,
    mode: request.mode ?? 'publish',
    actor_id: String(actor.id),
    actor_name: actor.name,
    request: {
      ...request,
      actor_description: request.actor_description ?? (typeof actor.description === 'string' ? actor.description : ''),
    },
    status: 'queued',
    stage: 'queued',
    percent: 0,
    message: 'queued',
    created_at: now,
    updated_at: now,
  };
}

/** Jobs with the same key are one piece of work: a second request joins the first. */
export const jobKey = (job: Pick<Job, 'mode' | 'actor_id'>): string => `${job.mode}:${job.actor_id}`;

/**
 * Every entry point validates its own input, but the job service checks once more, since a job's
 * actor name becomes storage keys: an actorsData.json entry with a hostile name must fail here, clearly,
 * not halfway through the upload.
 */
export function requireValidRequest(actor: Actor, request: RegenerateRequest): void {
  const parsed = parseRegenerateRequest(request);
  if (!parsed.ok) throw new PipelineError('invalid_request', `The request for actor ${String(actor.id)} is not valid; see details`, { details: parsed.issues });
  if (request.actor_name !== actor.name) {
    throw new PipelineError('invalid_request', `Expected actor_name ${JSON.stringify(actor.name)} for actor ${String(actor.id)} but received ${JSON.stringify(request.actor_name)}`);
  }
}
