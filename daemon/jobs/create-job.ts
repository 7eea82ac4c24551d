import type { Actor, Job, JobSource, RegenerateRequest } from '../../shared/api-types.js';

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
