import type { Actor, ErrorBody, GenerationParams, Job, JobMode, RegenerateRequest } from '../../shared/api-types.js';

/** The regenerate request the CLI makes for an actor: its own name, LoRA and description, with the parameters and mode asked for. */
export function requestFor(actor: Actor, { params, mode }: { params: GenerationParams; mode: JobMode }): RegenerateRequest {
  return {
    actor_name: actor.name,
    lora_model_url: String(actor.lora_model_url ?? ''),
    actor_description: typeof actor.description === 'string' ? actor.description : undefined,
    params: Object.keys(params).length ? params : undefined,
    mode,
  };
}

/** What the CLI prints for a finished job: the seed's response, or the error body the API would answer. */
export function outcomeOf(job: Job): Job['result'] | ErrorBody {
  return (
    job.result ?? { success: false, error: job.error?.error ?? 'internal_error', message: job.error?.message ?? 'unknown failure', details: job.error?.details }
  );
}
