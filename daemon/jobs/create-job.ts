import type { Actor, Job, JobSource, RegenerateRequest } from '../../shared/api-types.js';
import { describeValue } from '../../shared/describe-value.js';
import { parseRegenerateRequest } from '../../shared/request-schema.js';
import { effectiveParams } from '../../shared/styles.js';
import { PipelineError } from '../errors.js';

/**
 * A new queued job. The request is stored resolved (description filled from the actor), so a resumed
 * job runs as submitted; `params` holds every parameter it runs with — a random seed when the request
 * named none, so two regenerations differ, and the style's defaults — so its poster can be made again.
 *
 * @param input.backend - the generator's name (`builtin`, `runpod`, `a1111`), recorded as `job.backend`
 */
export function createJob(input: { id: string; source: JobSource; actor: Actor; request: RegenerateRequest; backend?: string }): Job {
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
    params: effectiveParams(request.params ?? {}, randomSeed()),
    ...(input.backend === undefined ? {} : { backend: input.backend }),
  };
}

/**
 * Any seed the request schema accepts, 0 to 2^32 - 1. Web Crypto, not node:crypto: the Hono app
 * imports this module, and it also runs in the edge Worker.
 */
const randomSeed = (): number => crypto.getRandomValues(new Uint32Array(1))[0]!;

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
  requireActorName(actor, request.actor_name, "; use the actor's name from actorsData.json");
  // The LoRA is the actor's identity: another actor's (or a foreign bucket's) would publish their face
  // under this name. An actor without a recorded LoRA takes the one the request names.
  if (typeof actor.lora_model_url === 'string') {
    requireActorField(actor, 'lora_model_url', actor.lora_model_url, request.lora_model_url, "; use the actor's lora_model_url from actorsData.json");
  }
}

/**
 * The request's actor_name must be the actor's own name: it names the storage keys, so a mismatch
 * would publish under another name (and means the client is looking at stale data).
 *
 * @param whatToDo - appended to the message: the fix, in the words of the entry point
 * @throws PipelineError('invalid_request') with the mismatch as an `actor_name` field issue in details
 */
export function requireActorName(actor: Actor, actorName: string, whatToDo: string): void {
  requireActorField(actor, 'actor_name', actor.name, actorName, whatToDo);
}

function requireActorField(actor: Actor, field: string, expected: string, received: string, whatToDo: string): void {
  if (received === expected) return;
  // The expected value is the library's own; what came is the client's, so it is described, not trusted.
  const message = `Expected ${field} "${expected}" for actor ${String(actor.id)} but received ${describeValue(received, 300)}`;
  throw new PipelineError('invalid_request', `${message}${whatToDo}`, { details: [{ field, message }] });
}
