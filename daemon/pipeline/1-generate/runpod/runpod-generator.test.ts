import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startImageHost, type ImageHost } from '../../../../tests/peers/image-host.js';
import { startRunpodPeer, type RunpodPeer, type RunpodScenario } from '../../../../tests/peers/runpod-peer.js';
import { PipelineError } from '../../../errors.js';
import { downloadImage } from '../../2-download/download-image.js';
import { createPublicOnlyAgent } from '../../2-download/public-only-agent.js';
import { checkGeneratedImage } from '../check-generated-image.js';
import { decodeImage } from '../../3-encode/decode-image.js';
import type { GeneratedImage, GenerateProgress, GenerateRequest } from '../generator.js';
import { BASE_DEFAULTS, styleOf } from '../../../../shared/styles.js';
import type { RunpodGeneratorOptions } from './runpod-generator.js';
import { runpodTestGenerator } from '../../../../tests/support/runpod-test-generator.js';

const API_KEY = 'rp-test-key';
const ENDPOINT = 'ep-posters';
const SIZE = { width: 64, height: 64 };
const MAX_BYTES = 50 * 1024 * 1024;
const MAX_PIXELS = 1 << 26;
const actor = {
  id: '1',
  name: '0001_european_20_female',
  description: 'a young European woman with long brown hair',
  loraModelUrl: 's3://models/loras/0001_european_20_female.safetensors',
};

let peer: RunpodPeer;
let host: ImageHost;
let png: Buffer;
let pngBase64: string;

beforeAll(async () => {
  png = await sharp({ create: { ...SIZE, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .png()
    .toBuffer();
  pngBase64 = png.toString('base64');
  const black = await sharp({ create: { ...SIZE, channels: 3, background: '#000' } })
    .png()
    .toBuffer();
  [peer, host] = await Promise.all([
    startRunpodPeer({ apiKey: API_KEY, endpointId: ENDPOINT }),
    startImageHost({
      '/poster.png': { contentType: 'image/png', body: png },
      '/black.png': { contentType: 'image/png', body: black },
      '/expired.png': { contentType: 'text/html', body: new TextEncoder().encode('<!doctype html><html><body>Link expired</body></html>') },
      '/huge.png': { contentType: 'image/png', size: 60 * 1024 * 1024, head: png.subarray(0, 64) },
    }),
  ]);
});
afterAll(() => Promise.all([peer.close(), host.close()]));
afterEach(() => peer.jobs.clear());

const generator = (overrides: Partial<RunpodGeneratorOptions> = {}) => runpodTestGenerator(peer, overrides);

async function generate(
  scenario: RunpodScenario,
  options: {
    overrides?: Partial<RunpodGeneratorOptions>;
    signal?: AbortSignal;
    onProgress?: (p: GenerateProgress) => void;
    backendJob?: GenerateRequest['backendJob'];
  } = {},
) {
  peer.setScenario(scenario);
  const progress: GenerateProgress[] = [];
  const image = await generator(options.overrides).generate({
    actor,
    params: { seed: 77, style: 'studio-headshot' },
    ...SIZE,
    signal: options.signal ?? new AbortController().signal,
    backendJob: options.backendJob,
    onProgress: (p) => {
      progress.push(p);
      options.onProgress?.(p);
    },
  });
  return { image, progress };
}

async function failure(promise: Promise<unknown>): Promise<PipelineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PipelineError)) throw new Error(`Expected a PipelineError but received ${String(error)}`);
  return error;
}

/** The image host is on loopback, which the download stage allows only when told to. */
const loopbackAllowed = createPublicOnlyAgent(['127.0.0.1']);

/** What the core does with a generator's result: download URLs, then the guard. */
async function materialise(image: GeneratedImage): Promise<Uint8Array> {
  const bytes = image.kind === 'bytes' ? image.bytes : await downloadImage(image.url, { maxBytes: MAX_BYTES, timeoutMs: 10_000, dispatcher: loopbackAllowed });
  await checkGeneratedImage(await decodeImage(bytes, MAX_PIXELS), SIZE);
  return bytes;
}

const completedWith = (output: unknown): RunpodScenario => ({ steps: [{ status: 'IN_QUEUE' }, { status: 'IN_PROGRESS' }, { status: 'COMPLETED', output }] });
const pngDataUri = () => `data:image/png;base64,${pngBase64}`;

describe('RunPod generator against a RunPod-protocol peer', () => {
  it.each<[string, () => unknown]>([
    ['a URL string', () => host.url('/poster.png')],
    ['{image_url}', () => ({ image_url: host.url('/poster.png') })],
    ['{url} with a data: URI', () => ({ url: pngDataUri() })],
    ['{images: [URL]}', () => ({ images: [host.url('/poster.png')] })],
    ['{images: [data URI]}', () => ({ images: [pngDataUri()] })],
    ['{images: [base64]}', () => ({ images: [pngBase64] })],
    ['worker-comfyui {images: [{type: "base64"}]}', () => ({ images: [{ filename: 'ComfyUI_00001_.png', type: 'base64', data: pngBase64 }] })],
    ['worker-comfyui {images: [{type: "s3_url"}]}', () => ({ images: [{ filename: 'ComfyUI_00001_.png', type: 's3_url', data: host.url('/poster.png') }] })],
    ['{image: base64}', () => ({ image: pngBase64 })],
  ])('IN_QUEUE → IN_PROGRESS → COMPLETED with %s yields the image', async (_shape, output) => {
    const { image, progress } = await generate(completedWith(output()));
    expect(Buffer.from(await materialise(image)).equals(png)).toBe(true);
    expect(image.seed).toBe(77);
    expect(progress).toContainEqual({ stage: 'queued', percent: 0, message: 'queued on GPU' });
    expect(progress.at(-1)).toMatchObject({ stage: 'generating', message: 'generating on GPU' });
  });

  it("reports the seed a worker returns beside the image (RunPod's documented [{image, seed}] output)", async () => {
    const { image } = await generate(completedWith([{ image: host.url('/poster.png'), seed: 46578 }]));
    expect(image).toEqual({ kind: 'url', url: host.url('/poster.png'), seed: 46578 });
  });

  it('submits the rendered template with Bearer auth and an execution policy', async () => {
    await generate(completedWith(host.url('/poster.png')));
    const [job] = [...peer.jobs.values()];
    expect(peer.calls.at(-1)?.authorization).toBe(`Bearer ${API_KEY}`);
    expect(job?.request.policy).toEqual({ executionTimeout: 10_000, ttl: 10_000 });
    expect(job?.request.input).toMatchObject({
      prompt: `a young European woman with long brown hair, ${styleOf('studio-headshot').prompt}`,
      negative_prompt: BASE_DEFAULTS.negative_prompt,
      num_inference_steps: 30,
      guidance_scale: 6,
      width: 64,
      height: 64,
      seed: 77,
      lora: { name: '0001_european_20_female', url: actor.loraModelUrl, source_url: actor.loraModelUrl, scale: 0.8 },
      metadata: { style: 'studio-headshot' },
    });
  });

  it("passes a FAILED job's plain error string on verbatim", async () => {
    const error = await failure(
      generate({ steps: [{ status: 'IN_PROGRESS' }, { status: 'FAILED', error: 'CUDA out of memory. Tried to allocate 2.00 GiB' }] }),
    );
    expect(error.message).toBe('RunPod job failed: CUDA out of memory. Tried to allocate 2.00 GiB');
  });

  it("unpacks a FAILED job's JSON-string error (runpod-python handler exception)", async () => {
    const workerError = JSON.stringify({
      error_type: "<class 'FileNotFoundError'>",
      error_message: 'LoRA 0001_european_20_female not found',
      error_traceback: 'Traceback…',
      worker_id: 'w1',
    });
    const error = await failure(generate({ steps: [{ status: 'FAILED', error: workerError }] }));
    expect(error.code).toBe('generation_failed');
    expect(error.message).toBe('RunPod job failed: FileNotFoundError: LoRA 0001_european_20_female not found');
    expect(error.details).toMatchObject({ error_traceback: 'Traceback…', worker_id: 'w1' });
  });

  it('fails a job RunPod reports TIMED_OUT', async () => {
    const error = await failure(generate({ steps: [{ status: 'IN_PROGRESS' }, { status: 'TIMED_OUT' }] }));
    expect(error.message).toMatch(/execution timeout \(TIMED_OUT\)/);
  });

  it('cancels a job stuck IN_QUEUE past RUNPOD_TIMEOUT_MS', async () => {
    const error = await failure(generate({ steps: [{ status: 'IN_QUEUE', polls: Infinity }] }, { overrides: { timeoutMs: 150 } }));
    expect(error.message).toMatch(/did not finish the job within 150 ms \(RUNPOD_TIMEOUT_MS; last status IN_QUEUE\), so it was cancelled/);
    const [job] = [...peer.jobs.values()];
    expect(job?.cancelled).toBe(true);
    expect(peer.calls).toContainEqual(expect.objectContaining({ method: 'POST', path: `/v2/${ENDPOINT}/cancel/${job?.id}` }));
  });

  it('names the last status seen when a running job passes RUNPOD_TIMEOUT_MS', async () => {
    const error = await failure(generate({ steps: [{ status: 'IN_QUEUE' }, { status: 'IN_PROGRESS', polls: Infinity }] }, { overrides: { timeoutMs: 500 } }));
    expect(error.message).toMatch(/last status IN_PROGRESS\), so it was cancelled/);
    expect([...peer.jobs.values()][0]?.cancelled).toBe(true);
  });

  it('leaves the job running on RunPod at a daemon shutdown, so the resumed job re-attaches to it', async () => {
    const controller = new AbortController();
    const reason = new PipelineError('shutting_down', 'The daemon is shutting down');
    const before = peer.calls.length;
    const outcome = generate(
      { steps: [{ status: 'IN_PROGRESS', polls: Infinity }] },
      { signal: controller.signal, onProgress: (p) => p.stage === 'generating' && controller.abort(reason) },
    );
    await expect(outcome).rejects.toBe(reason);
    expect([...peer.jobs.values()][0]?.cancelled).toBe(false);
    expect(peer.calls.slice(before).filter((call) => call.path.includes('/cancel/'))).toEqual([]);
  });

  it('cancels the job on RunPod when the caller cancels, and rethrows the abort reason', async () => {
    const controller = new AbortController();
    const reason = new PipelineError('cancelled', 'Cancelled on request');
    const outcome = generate(
      { steps: [{ status: 'IN_PROGRESS', polls: Infinity }] },
      { signal: controller.signal, onProgress: (p) => p.stage === 'generating' && controller.abort(reason) },
    );
    await expect(outcome).rejects.toBe(reason);
    expect([...peer.jobs.values()][0]?.cancelled).toBe(true);
  });

  /** A scenario whose `/run` is answered only after `reason` has aborted the caller, while the submit is in flight. */
  function abortDuringRun(controller: AbortController, reason: PipelineError): RunpodScenario {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    return {
      steps: [{ status: 'IN_PROGRESS', polls: Infinity }],
      holdRun: {
        arrived() {
          controller.abort(reason);
          setTimeout(release, 20);
        },
        release: released,
      },
    };
  }

  it('cancels on RunPod a job whose /run was still in flight when the caller cancelled', async () => {
    const controller = new AbortController();
    const reason = new PipelineError('cancelled', 'Cancelled on request');
    const outcome = generate(abortDuringRun(controller, reason), { signal: controller.signal });
    await expect(outcome).rejects.toBe(reason);
    const [job] = [...peer.jobs.values()];
    expect(job?.cancelled).toBe(true);
    expect(peer.calls.filter((call) => call.path.endsWith(`/cancel/${job?.id}`))).toHaveLength(1);
  });

  it('keeps, and saves for re-attaching, a job whose /run was in flight at a shutdown', async () => {
    const controller = new AbortController();
    const reason = new PipelineError('shutting_down', 'The daemon is shutting down');
    const saved: string[] = [];
    const outcome = generate(abortDuringRun(controller, reason), {
      signal: controller.signal,
      backendJob: { save: async (id) => void saved.push(id) },
    });
    await expect(outcome).rejects.toBe(reason);
    const [job] = [...peer.jobs.values()];
    expect(job?.cancelled).toBe(false);
    expect(saved).toEqual([job?.id]);
  });

  it.each([
    ['a wrong API key (401)', { apiKey: 'wrong' }, /RUNPOD_API_KEY/],
    ['an unknown endpoint (404)', { endpointId: 'no-such-endpoint' }, /RUNPOD_ENDPOINT_ID/],
  ])('fails at once, without retrying, on %s', async (_case, overrides, message) => {
    const before = peer.calls.length;
    const error = await failure(generate(completedWith(host.url('/poster.png')), { overrides }));
    expect(error.message).toMatch(message);
    expect(peer.calls.length - before).toBe(1);
  });

  it('retries a 429 from /run and then succeeds', async () => {
    const before = peer.calls.length;
    const { image } = await generate({ ...completedWith(host.url('/poster.png')), runFailures: [{ status: 429, retryAfter: '0' }] });
    expect(image.kind).toBe('url');
    expect(peer.calls.slice(before).filter((c) => c.path.endsWith('/run'))).toHaveLength(2);
  });

  it('gives up after the retry budget when RunPod keeps answering 5xx', async () => {
    const error = await failure(
      generate(
        { ...completedWith('x'), runFailures: Array.from({ length: 3 }, () => ({ status: 503 })) },
        { overrides: { retry: { attempts: 3, baseDelayMs: 1 } } },
      ),
    );
    expect(error.message).toMatch(/did not answer \/run after 3 attempts \(last: HTTP 503/);
  });

  it.each<[string, unknown, RegExp]>([
    ['no output', undefined, /completed without any output/],
    [
      'an output without an image',
      { status: 'ok', message: 'done' },
      /Expected an image in the RunPod output .* but received an object with keys status, message/,
    ],
  ])('fails a job COMPLETED with %s', async (_case, output, message) => {
    const error = await failure(generate(completedWith(output)));
    expect(error.code).toBe('generation_failed');
    expect(error.message).toMatch(message);
  });

  it.each<[string, string, string, RegExp]>([
    ['an HTML page', '/expired.png', 'invalid_image', /Expected an image .* but received .* labelled text\/html starting with "<!doctype html>/],
    ['a 60 MB body', '/huge.png', 'download_failed', /over the 52428800-byte download limit/],
    ['a black image (safety checker)', '/black.png', 'generation_failed', /blank/],
  ])('a completed job whose image URL returns %s fails in download or the guard', async (_case, path, code, message) => {
    const { image } = await generate(completedWith({ image_url: host.url(path) }));
    const error = await failure(materialise(image));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});
