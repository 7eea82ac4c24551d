import { setTimeout as sleep } from 'node:timers/promises';
import { PipelineError } from '../../../errors.js';
import { abandonsBackendWork, type GeneratedImage, type GenerateRequest, type Generator } from '../generator.js';
import { resolveGeneration, type ResolvedGeneration } from '../prompt/build-prompt.js';
import { createA1111Api, type A1111Api, type A1111ApiOptions } from './a1111-api.js';

export interface A1111GeneratorOptions extends A1111ApiOptions {
  /** How often to ask `/sdapi/v1/progress` while txt2img runs. @default 1000 */
  pollIntervalMs?: number;
  /** @default 'DPM++ 2M Karras' */
  samplerName?: string;
}

const CANCEL_TIMEOUT_MS = 5_000;

/**
 * Generates posters on a self-hosted AUTOMATIC1111 / Forge webui: checks the actor's LoRA is installed,
 * then `POST /sdapi/v1/txt2img` with `<lora:NAME:WEIGHT>` in the prompt while polling
 * `/sdapi/v1/progress`. On a cancel or timeout it calls `/sdapi/v1/interrupt` (not at a shutdown).
 */
export function createA1111Generator(options: A1111GeneratorOptions): Generator {
  const api = createA1111Api(options);
  const pollIntervalMs = options.pollIntervalMs ?? 1000;

  return {
    name: 'a1111',
    async generate(request: GenerateRequest): Promise<GeneratedImage> {
      const { signal, onProgress } = request;
      signal.throwIfAborted();
      const generation = resolveGeneration(request);
      const deadline = AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs)]);
      onProgress({ stage: 'generating', percent: 0, message: 'checking LoRA on A1111' });
      try {
        await requireLora(api, generation.loraName, options.baseUrl, deadline);
        const done = new AbortController();
        const polling = pollProgress(api, pollIntervalMs, AbortSignal.any([deadline, done.signal]), onProgress);
        try {
          const response = await api.txt2img(txt2imgBody(generation, options.samplerName), deadline);
          return toImage(response, generation.seed);
        } finally {
          done.abort();
          await polling;
        }
      } catch (error) {
        if (!deadline.aborted) throw error;
        // A1111 runs one generation at a time; interrupting stops ours so the GPU is free again.
        if (abandonsBackendWork(signal)) await api.interrupt(AbortSignal.timeout(CANCEL_TIMEOUT_MS)).catch(() => undefined);
        if (signal.aborted) throw signal.reason;
        throw new PipelineError(
          'generation_failed',
          `A1111 did not finish within ${options.timeoutMs} ms (A1111_TIMEOUT_MS), so it was interrupted; raise A1111_TIMEOUT_MS or lower the steps`,
        );
      }
    },
  };
}

async function requireLora(api: A1111Api, name: string, baseUrl: string, signal: AbortSignal): Promise<void> {
  const loras = await api.loras(signal);
  if (loras.some((lora) => lora.name === name || lora.alias === name)) return;
  const known =
    loras
      .slice(0, 10)
      .map((l) => l.name)
      .join(', ') || 'none';
  throw new PipelineError(
    'generation_failed',
    `LoRA "${name}" is not installed on A1111 at ${baseUrl} (installed: ${known}); copy ${name}.safetensors into its models/Lora folder and refresh the LoRA list`,
  );
}

function txt2imgBody(g: ResolvedGeneration, samplerName = 'DPM++ 2M Karras'): Record<string, unknown> {
  return {
    prompt: `${g.prompt} <lora:${g.loraName}:${g.loraWeight}>`,
    negative_prompt: g.negativePrompt,
    steps: g.steps,
    cfg_scale: g.guidance,
    width: g.width,
    height: g.height,
    seed: g.seed,
    sampler_name: samplerName,
    batch_size: 1,
    n_iter: 1,
    save_images: false,
    send_images: true,
  };
}

/** Progress is cosmetic: a failed poll is skipped, never fatal. Resolves once `signal` aborts. */
async function pollProgress(api: A1111Api, intervalMs: number, signal: AbortSignal, onProgress: GenerateRequest['onProgress']): Promise<void> {
  while (!signal.aborted) {
    await sleep(intervalMs, undefined, { signal }).catch(() => undefined);
    if (signal.aborted) return;
    const { progress, state } = await api.progress(signal).catch(() => ({ progress: undefined, state: undefined }));
    if (typeof progress !== 'number' || signal.aborted) continue;
    const steps = state?.sampling_steps ? ` (step ${state.sampling_step ?? 0}/${state.sampling_steps})` : '';
    onProgress({ stage: 'generating', percent: Math.min(99, Math.round(progress * 100)), message: `generating on A1111${steps}` });
  }
}

function toImage(response: { images?: unknown; info?: unknown }, requestedSeed: number): GeneratedImage {
  const first = Array.isArray(response.images) ? response.images[0] : undefined;
  if (typeof first !== 'string' || !first) {
    throw new PipelineError('generation_failed', "A1111 answered txt2img without an image; check the webui's console for errors");
  }
  const base64 = first.replace(/^data:[^,]*,/, '');
  return { kind: 'bytes', bytes: new Uint8Array(Buffer.from(base64, 'base64')), seed: seedFromInfo(response.info) ?? requestedSeed };
}

/** `info` is a JSON string such as `{"seed": 1234, "all_seeds": [1234], ...}`. */
function seedFromInfo(info: unknown): number | undefined {
  if (typeof info !== 'string') return undefined;
  try {
    const seed = (JSON.parse(info) as { seed?: unknown }).seed;
    return typeof seed === 'number' ? seed : undefined;
  } catch {
    return undefined;
  }
}
