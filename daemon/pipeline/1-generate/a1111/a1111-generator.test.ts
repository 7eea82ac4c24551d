import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startA1111Peer, type A1111Peer, type A1111PeerOptions } from '../../../../tests/peers/a1111-peer.js';
import { PipelineError } from '../../../errors.js';
import { styleOf } from '../../../../shared/styles.js';
import { checkGeneratedImage } from '../check-generated-image.js';
import { decodeImage } from '../../3-encode/decode-image.js';
import type { GenerateProgress, GenerateRequest } from '../generator.js';
import { createA1111Generator, type A1111GeneratorOptions } from './a1111-generator.js';

const SIZE = { width: 64, height: 64 };
const LORA = '0001_european_20_female';
const actor = { id: '1', name: LORA, description: 'a young European woman with long brown hair', loraModelUrl: `s3://models/loras/${LORA}.safetensors` };

let png: Buffer;
let peer: A1111Peer | undefined;

beforeAll(async () => {
  png = await sharp({ create: { ...SIZE, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .png()
    .toBuffer();
});
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

async function setup(peerOptions: Partial<A1111PeerOptions> = {}, generatorOptions: Partial<A1111GeneratorOptions> = {}) {
  peer = await startA1111Peer({ loras: [LORA, 'other_lora'], image: png, ...peerOptions });
  return createA1111Generator({ baseUrl: peer.baseUrl, timeoutMs: 10_000, pollIntervalMs: 10, ...generatorOptions });
}

function request(params: GenerateRequest['params'], signal = new AbortController().signal) {
  const progress: GenerateProgress[] = [];
  return { progress, request: { actor, params, ...SIZE, signal, onProgress: (p: GenerateProgress) => progress.push(p) } };
}

async function failure(promise: Promise<unknown>): Promise<PipelineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PipelineError)) throw new Error(`Expected a PipelineError but received ${String(error)}`);
  return error;
}

describe('A1111 generator against an A1111-protocol peer', () => {
  it('generates with the LoRA in the prompt, reports step progress and reads the seed from info', async () => {
    const generator = await setup({ holdForProgressPolls: 2, username: 'ops', password: 's3cret' }, { username: 'ops', password: 's3cret' });
    const { request: req, progress } = request({ seed: 4242, steps: 20, guidance: 6.5, lora_weight: 0.7 });
    const image = await generator.generate(req);
    expect(image.kind).toBe('bytes');
    if (image.kind !== 'bytes') return;
    expect(Buffer.from(image.bytes).equals(png)).toBe(true);
    await checkGeneratedImage(await decodeImage(image.bytes, 1 << 26), SIZE);
    expect(image.seed).toBe(4242);
    expect(peer!.txt2imgBodies[0]).toMatchObject({
      prompt: expect.stringMatching(new RegExp(`^a young European woman with long brown hair, .* <lora:${LORA}:0.7>$`)),
      steps: 20,
      cfg_scale: 6.5,
      width: 64,
      height: 64,
      seed: 4242,
      sampler_name: 'DPM++ 2M Karras',
    });
    expect(progress).toContainEqual({ stage: 'generating', percent: 33, message: 'generating on A1111 (step 10/30)' });
  });

  it("sends the style's prompt fragment and its defaults", async () => {
    const generator = await setup();
    await generator.generate(request({ seed: 1, style: 'film-noir' }).request);
    const noir = styleOf('film-noir');
    expect(peer!.txt2imgBodies[0]).toMatchObject({
      prompt: `a young European woman with long brown hair, ${noir.prompt} <lora:${LORA}:0.8>`,
      negative_prompt: noir.defaults.negative_prompt,
      steps: 32,
      cfg_scale: 7.5,
    });
  });

  it("reports the seed from A1111's info JSON string", async () => {
    const generator = await setup({ infoSeed: 99 });
    const image = await generator.generate(request({ seed: 5 }).request);
    expect(image.seed).toBe(99);
  });

  it('sends a concrete seed when the request has none, so the poster can be reproduced', async () => {
    const generator = await setup();
    const image = await generator.generate(request({}).request);
    const sent = peer!.txt2imgBodies[0]?.seed;
    expect(Number.isInteger(sent) && (sent as number) >= 0).toBe(true);
    expect(image.seed).toBe(sent);
  });

  it("fails clearly when the actor's LoRA is not installed, before generating", async () => {
    const generator = await setup({ loras: ['someone_else'] });
    const error = await failure(generator.generate(request({}).request));
    expect(error.code).toBe('generation_failed');
    expect(error.message).toBe(
      `LoRA "${LORA}" is not installed on A1111 at ${peer!.baseUrl} (installed: someone_else); copy ${LORA}.safetensors into its models/Lora folder and refresh the LoRA list`,
    );
    expect(peer!.txt2imgBodies).toHaveLength(0);
  });

  it("passes on A1111's {error, detail} body from a 500", async () => {
    const generator = await setup({
      txt2imgFailure: { status: 500, body: { error: 'OutOfMemoryError', detail: '', body: '', errors: 'CUDA out of memory. Tried to allocate 1.50 GiB' } },
    });
    const error = await failure(generator.generate(request({ seed: 1 }).request));
    expect(error.message).toBe('A1111 answered /sdapi/v1/txt2img with HTTP 500: OutOfMemoryError: CUDA out of memory. Tried to allocate 1.50 GiB');
  });

  it('names the credentials settings when basic auth is refused', async () => {
    const generator = await setup({ username: 'ops', password: 's3cret' }, { username: 'ops', password: 'wrong' });
    const error = await failure(generator.generate(request({}).request));
    expect(error.message).toMatch(/A1111_USERNAME and A1111_PASSWORD/);
  });

  it('interrupts A1111 and rethrows the reason when the job is aborted mid-generation', async () => {
    const generator = await setup({ holdForProgressPolls: Infinity });
    const controller = new AbortController();
    const reason = new Error('job cancelled');
    const { request: req } = request({ seed: 5 }, controller.signal);
    const outcome = generator.generate({ ...req, onProgress: (p) => p.percent > 0 && controller.abort(reason) });
    await expect(outcome).rejects.toBe(reason);
    expect(peer!.interrupts).toBe(1);
  });

  it('does not interrupt A1111 at a daemon shutdown', async () => {
    const generator = await setup({ holdForProgressPolls: Infinity });
    const controller = new AbortController();
    const reason = new PipelineError('shutting_down', 'The daemon is shutting down');
    const { request: req } = request({ seed: 5 }, controller.signal);
    const outcome = generator.generate({ ...req, onProgress: (p) => p.percent > 0 && controller.abort(reason) });
    await expect(outcome).rejects.toBe(reason);
    expect(peer!.interrupts).toBe(0);
  });
});
