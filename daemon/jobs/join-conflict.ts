import type { GenerationParams, Job, RegenerateRequest } from '../../shared/api-types.js';
import { type EffectiveParams, effectiveParams } from '../../shared/styles.js';
import { PipelineError } from '../errors.js';

const PARAMS: (keyof EffectiveParams)[] = ['style', 'seed', 'steps', 'guidance', 'negative_prompt', 'lora_weight'];

/**
 * A request for an actor whose job is queued or running joins that job only when it asks for the same
 * poster: merged silently, a request for film noir would answer with the cinematic portrait the running
 * job makes. A request without a seed asks for any seed, so the running job's serves it.
 *
 * @throws PipelineError('conflict') naming each parameter that differs, what the job runs with and what was asked
 */
export function requireJoinable(running: Job, request: RegenerateRequest): void {
  const runningParams = recordedParams(running, request.params);
  const asked = effectiveParams(request.params ?? {}, runningParams.seed);
  const differing = PARAMS.filter((name) => asked[name] !== runningParams[name]);
  if (differing.length === 0) return;
  const list = (params: EffectiveParams) => differing.map((name) => `${name} ${JSON.stringify(params[name])}`).join(', ');
  throw new PipelineError(
    'conflict',
    `Expected the parameters of job ${running.id}, already ${running.status} for actor ${running.actor_id} (${list(runningParams)}) but received ${list(asked)}; wait until it has finished (GET /api/jobs/${running.id}) and send the request again, or send its parameters to join it`,
    { details: { job_id: running.id, fields: differing.map((name) => ({ field: `params.${name}`, running: runningParams[name], requested: asked[name] })) } },
  );
}

/** The running job's parameters; a job recorded before jobs carried them is compared on what its request said, any seed matching. */
function recordedParams(job: Job, asked: GenerationParams | undefined): EffectiveParams {
  if (job.params) return effectiveParams(job.params, 0);
  const seed = job.request.params?.seed ?? asked?.seed ?? 0;
  return effectiveParams(job.request.params ?? {}, seed);
}
