import { PipelineError } from '../../../errors.js';
import { abandonsBackendWork, type GeneratedImage, type GenerateProgress, type GenerateRequest, type Generator } from '../generator.js';
import { resolveGeneration } from '../prompt/build-prompt.js';
import type { RetryOptions } from '../http/retry.js';
import { renderInputTemplate, type InputTemplate } from './input-template.js';
import { jobResult } from './job-result.js';
import { MAX_PRESIGN_SECONDS, type LoraPresigner } from './lora-presigner.js';
import { createJobDuration } from './job-duration.js';
import { createRunpodApi, UnknownRunpodJobError, type RunpodApi, type RunpodJob } from './runpod-api.js';
import { waitForJob } from './wait-for-job.js';

export interface RunpodGeneratorOptions {
  apiKey: string;
  endpointId: string;
  /** @default 'https://api.runpod.ai/v2' */
  baseUrl: string;
  /** Interval between status polls while a job is far from its expected end (polls are steady and short once it is due). */
  pollIntervalMs: number;
  /** Our deadline for the whole job, queue included; past it the job is cancelled on RunPod. */
  timeoutMs: number;
  template: InputTemplate;
  /** Presigns s3:// LoRA URLs; without it the worker gets the URL as the request gave it. */
  presignLora?: LoraPresigner;
  retry?: RetryOptions;
}

/** RunPod's policy limits (send-requests docs): executionTimeout must exceed 5 s, ttl is at least 10 s and at most a week. */
const MIN_POLICY_MS = 10_000;
const MAX_TTL_MS = 7 * 24 * 3600 * 1000;
/** Spare validity on a presigned LoRA URL beyond our own deadline, for a worker that starts downloading late. */
const PRESIGN_MARGIN_SECONDS = 600;
/** Cancelling must not hang a shutdown. */
const CANCEL_TIMEOUT_MS = 5_000;
/** A typical SDXL job's GPU time until the endpoint's own jobs have shown theirs; only shapes the "generating" percent, an estimate. */
const TYPICAL_GENERATION_MS = 25_000;

/**
 * Generates posters on a RunPod Serverless endpoint: submit with `/run` (the job id is checkpointed at
 * once, so a job resumed after a crash re-attaches to it), poll `/status/{id}` through IN_QUEUE and
 * IN_PROGRESS, and `/cancel/{id}` on a cancel or past RUNPOD_TIMEOUT_MS (not at a shutdown: the job re-attaches). `/runsync` would save the polls
 * but answers the job id only with the result, so a crash during its wait could not re-attach.
 * `capacity()` reads the endpoint's workers from `/health`.
 *
 * @example createRunpodGenerator({ apiKey, endpointId, baseUrl, pollIntervalMs: 1000, timeoutMs: 600_000, template: loadInputTemplate() })
 */
export function createRunpodGenerator(options: RunpodGeneratorOptions): Generator {
  const api = createRunpodApi({ baseUrl: options.baseUrl, endpointId: options.endpointId, apiKey: options.apiKey, retry: options.retry });
  const duration = createJobDuration();

  async function buildInput(request: GenerateRequest) {
    const generation = resolveGeneration(request);
    const { actor } = request;
    const downloadUrl = options.presignLora
      ? await options.presignLora(actor.loraModelUrl, Math.min(MAX_PRESIGN_SECONDS, options.timeoutMs / 1000 + PRESIGN_MARGIN_SECONDS))
      : actor.loraModelUrl;
    const input = renderInputTemplate(options.template, {
      prompt: generation.prompt,
      negative_prompt: generation.negativePrompt,
      width: generation.width,
      height: generation.height,
      steps: generation.steps,
      guidance: generation.guidance,
      seed: generation.seed,
      style: generation.style,
      lora_name: generation.loraName,
      lora_weight: generation.loraWeight,
      lora_model_url: actor.loraModelUrl,
      lora_download_url: downloadUrl,
      actor_id: actor.id,
      actor_name: actor.name,
      actor_description: actor.description,
    });
    return { input, seed: generation.seed };
  }

  return {
    name: 'runpod',
    async generate(request: GenerateRequest): Promise<GeneratedImage> {
      const { signal } = request;
      signal.throwIfAborted();
      const { input, seed } = await buildInput(request);
      const policyMs = Math.max(MIN_POLICY_MS, options.timeoutMs);
      const policy = { executionTimeout: policyMs, ttl: Math.min(MAX_TTL_MS, policyMs) };
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const deadline = AbortSignal.any([signal, timeout]);
      const report = progressReporter(request.onProgress, () => duration.expected() ?? TYPICAL_GENERATION_MS);
      let job: RunpodJob | undefined;
      let submittedAt: number | undefined;
      try {
        job = await reattach(api, request.backendJob?.previousId, deadline);
        if (!job) {
          request.onProgress({ stage: 'queued', percent: 0, message: 'submitting to RunPod' });
          submittedAt = Date.now();
          // A cancel or shutdown does not abort the submit in flight: RunPod may have made the job already,
          // and only its id lets us cancel it (or re-attach to it at the next start) below.
          job = await api.run({ input, policy }, timeout);
          await request.backendJob?.save(job.id);
          deadline.throwIfAborted();
        }
        const waitOptions = { pollIntervalMs: options.pollIntervalMs, signal: deadline, duration, submittedAt };
        job = await waitForJob(api, job, {
          ...waitOptions,
          onStatus: (seen) => {
            job = seen;
            report(seen);
          },
        });
      } catch (error) {
        if (job && abandonsBackendWork(signal)) await api.cancel(job.id, AbortSignal.timeout(CANCEL_TIMEOUT_MS)).catch(() => undefined);
        if (signal.aborted) throw signal.reason;
        if (deadline.aborted) throw timeoutError(options.timeoutMs, job);
        throw error;
      }
      return jobResult(job, seed);
    },
    async capacity(signal) {
      const { idle, running } = await api.health(signal);
      return idle + running;
    },
  };
}

/**
 * The job an earlier attempt submitted, when RunPod still has it; undefined means submit a new one:
 * no earlier job, RunPod no longer knows it (404), or it was cancelled (as a shutdown does).
 */
async function reattach(api: RunpodApi, jobId: string | undefined, signal: AbortSignal): Promise<RunpodJob | undefined> {
  if (!jobId) return undefined;
  try {
    const job = await api.status(jobId, signal);
    return job.status === 'CANCELLED' ? undefined : job;
  } catch (error) {
    if (error instanceof UnknownRunpodJobError) return undefined;
    throw error;
  }
}

function timeoutError(timeoutMs: number, job: RunpodJob | undefined): PipelineError {
  const what = job
    ? `finish the job within ${timeoutMs} ms (RUNPOD_TIMEOUT_MS; last status ${job.status}), so it was cancelled`
    : `accept the job within ${timeoutMs} ms (RUNPOD_TIMEOUT_MS)`;
  return new PipelineError('generation_failed', `RunPod did not ${what}; check the endpoint has workers, or raise RUNPOD_TIMEOUT_MS`, {
    details: { jobId: job?.id },
  });
}

/** IN_QUEUE → "queued on GPU"; IN_PROGRESS (or RUNNING) → "generating", with a time-based percent estimate. */
function progressReporter(onProgress: (progress: GenerateProgress) => void, typicalMs: () => number): (job: RunpodJob) => void {
  let startedAt: number | undefined;
  return (job) => {
    if (job.status === 'IN_QUEUE') onProgress({ stage: 'queued', percent: 0, message: 'queued on GPU' });
    if (job.status !== 'IN_PROGRESS' && job.status !== 'RUNNING') return;
    startedAt ??= Date.now();
    // RunPod reports no percent; approach 95 % asymptotically so the bar moves but never claims done.
    const percent = Math.round(95 * (1 - Math.exp(-(Date.now() - startedAt) / typicalMs())));
    onProgress({ stage: 'generating', percent, message: 'generating on GPU' });
  };
}
