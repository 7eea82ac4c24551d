import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunpodPeer, type RunpodPeer } from '../../../tests/peers/runpod-peer.js';
import { startS3rver, type RunningS3rver } from '../../../tests/support/s3rver.js';
import { ConfigError, loadConfig } from '../../config.js';
import { createS3Client } from '../4-upload/s3-client.js';
import { createGenerator } from './create-generator.js';

const runpodEnv = { GENERATOR: 'runpod', RUNPOD_API_KEY: 'k', RUNPOD_ENDPOINT_ID: 'ep' };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'posterframe-generator-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('createGenerator', () => {
  it.each([
    [{}, 'builtin'],
    [runpodEnv, 'runpod'],
    [{ GENERATOR: 'a1111', A1111_BASE_URL: 'http://127.0.0.1:7860' }, 'a1111'],
  ])('picks the backend GENERATOR names (%o)', async (env, name) => {
    expect((await createGenerator(loadConfig(env, dir))).name).toBe(name);
  });

  it.each([
    ['is not JSON', '{ "prompt": ', /cannot read .* as JSON/],
    ['is not an object', '[1, 2]', /Expected a JSON object .* but received an array/],
    ['uses an unknown placeholder', '{ "prompt": "{{promt}}" }', /unknown placeholder\(s\) \{\{promt\}\}/],
  ])('stops start-up when RUNPOD_INPUT_TEMPLATE %s', async (_case, text, message) => {
    const file = path.join(dir, `template-${Math.random()}.json`);
    await writeFile(file, text);
    await expect(createGenerator(loadConfig({ ...runpodEnv, RUNPOD_INPUT_TEMPLATE: file }, dir))).rejects.toThrow(ConfigError);
    await expect(createGenerator(loadConfig({ ...runpodEnv, RUNPOD_INPUT_TEMPLATE: file }, dir))).rejects.toThrow(message);
  });
});

describe('RunPod LoRA presigning with S3 configured', () => {
  let s3: RunningS3rver;
  let peer: RunpodPeer;
  beforeAll(async () => {
    [s3, peer] = await Promise.all([startS3rver(), startRunpodPeer({ apiKey: 'k', endpointId: 'ep' })]);
  });
  afterAll(() => Promise.all([s3.close(), peer.close()]));

  const env = (extra: Record<string, string>) => ({
    ...runpodEnv,
    RUNPOD_BASE_URL: peer.baseUrl,
    RUNPOD_POLL_INTERVAL_MS: '10',
    AWS_ACCESS_KEY: s3.accessKeyId,
    AWS_ACCESS_SECRET: s3.secretAccessKey,
    AWS_REGION: s3.region,
    AWS_USER_IMAGES_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    ...extra,
  });

  async function generateWith(extra: Record<string, string>, loraModelUrl: string) {
    peer.setScenario({ steps: [{ status: 'COMPLETED', output: { image_url: 'https://example.invalid/x.png' } }] });
    return (await createGenerator(loadConfig(env(extra), dir))).generate({
      actor: { id: '7', name: 'actor_7', description: 'someone', loraModelUrl },
      params: {},
      width: 64,
      height: 64,
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
  }

  async function submittedLora(extra: Record<string, string>) {
    const loraModelUrl = `s3://${s3.bucket}/models/actor_7.safetensors`;
    await generateWith(extra, loraModelUrl);
    const job = [...peer.jobs.values()].at(-1)!;
    return { loraModelUrl, lora: job.request.input.lora as { url: string; source_url: string } };
  }

  it('gives the worker a presigned HTTPS GET for the s3:// LoRA and keeps the original beside it', async () => {
    const client = createS3Client(loadConfig(env({}), dir).aws);
    await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: 'models/actor_7.safetensors', Body: 'lora-weights' }));
    const { loraModelUrl, lora } = await submittedLora({});
    expect(lora.source_url).toBe(loraModelUrl);
    expect(lora.url).toMatch(new RegExp(`^${s3.endpoint}/${s3.bucket}/models/actor_7\\.safetensors\\?.*X-Amz-Signature=`));
    expect(new URL(lora.url).searchParams.get('X-Amz-Expires')).toBe(String(10 * 60 + 600));
    const fetched = await fetch(lora.url);
    expect(await fetched.text()).toBe('lora-weights');
    client.destroy();
  });

  it.each([
    ['another bucket', {}, 's3://someone-elses-bucket/models/actor_7.safetensors', 's3://BUCKET/'],
    ['a key outside the allowed prefix', { LORA_ALLOWED_PREFIXES: 's3://BUCKET/models/' }, 's3://BUCKET/secrets/keys.safetensors', 's3://BUCKET/models/'],
    ['a prefix look-alike', { LORA_ALLOWED_PREFIXES: 's3://BUCKET/models' }, 's3://BUCKET/models-private/x.safetensors', 's3://BUCKET/models/'],
    ['a ".." that climbs out of the prefix', { LORA_ALLOWED_PREFIXES: 's3://BUCKET/models/' }, 's3://BUCKET/models/../secrets/x', 's3://BUCKET/models/'],
  ])('refuses to presign %s, naming LORA_ALLOWED_PREFIXES, and submits nothing', async (_case, extra, url, allowed) => {
    const bucketed = (text: string) => text.replaceAll('BUCKET', s3.bucket);
    const jobsBefore = peer.jobs.size;
    const settings = Object.fromEntries(Object.entries(extra).map(([name, value]) => [name, bucketed(value)]));
    await expect(generateWith(settings, bucketed(url))).rejects.toMatchObject({
      code: 'invalid_request',
      message: `Expected a lora_model_url under LORA_ALLOWED_PREFIXES (${bucketed(allowed)}) but received ${bucketed(url)}; add its s3://bucket/prefix/ to LORA_ALLOWED_PREFIXES to let the daemon presign it`,
    });
    expect(peer.jobs.size).toBe(jobsBefore);
  });

  it('presigns from a bucket LORA_ALLOWED_PREFIXES adds', async () => {
    const { lora } = await submittedLora({ LORA_ALLOWED_PREFIXES: `s3://other-bucket/, s3://${s3.bucket}/models/` });
    expect(lora.url).toMatch(/X-Amz-Signature=/);
  });

  it('passes the s3:// URL unchanged when RUNPOD_PRESIGN_LORA=false', async () => {
    const { loraModelUrl, lora } = await submittedLora({ RUNPOD_PRESIGN_LORA: 'false' });
    expect(lora.url).toBe(loraModelUrl);
  });
});
