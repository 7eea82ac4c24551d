import { readFile } from 'node:fs/promises';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/api-types.js';
import { startImageHost, type ImageHost } from '../peers/image-host.js';
import { startRunpodPeer, type RunpodPeer, type RunpodStep } from '../peers/runpod-peer.js';
import { builtinPosterPng } from '../support/builtin-poster.js';
import { requestFor, sampleActors } from '../support/sample-actors.js';
import { type RunningS3rver, s3rverClient, s3rverEnv, startS3rver } from '../support/s3rver.js';
import { startTestDaemon, type TestDaemon } from '../support/start-test-daemon.js';

/**
 * The production path end to end: the daemon generates on a RunPod-protocol peer and publishes to an
 * S3-protocol server, both on loopback, configured only through the environment.
 */

const API_KEY = 'rp_test_key';
const ENDPOINT = 'poster-endpoint';
const actors = sampleActors(2);
let s3: RunningS3rver;
let runpod: RunpodPeer;
let daemon: TestDaemon;
let posterPng: string;
let blackPng: string;
let images: ImageHost;

beforeAll(async () => {
  [s3, runpod, images] = await Promise.all([
    startS3rver(),
    startRunpodPeer({ apiKey: API_KEY, endpointId: ENDPOINT }),
    startImageHost({ '/expired.png': { contentType: 'image/png', body: new TextEncoder().encode('<!DOCTYPE html><html>AccessDenied</html>') } }),
  ]);
  blackPng = (
    await sharp({ create: { width: 1024, height: 1024, channels: 3, background: '#000' } })
      .png()
      .toBuffer()
  ).toString('base64');
  posterPng = Buffer.from(await builtinPosterPng(actors[0]!.name)).toString('base64');
  daemon = await startTestDaemon({
    actors,
    env: {
      ...runpod.env,
      RUNPOD_PRESIGN_LORA: 'false',
      ...s3rverEnv(s3),
    },
  });
}, 60_000);
afterAll(async () => {
  await daemon?.dispose();
  await Promise.all([s3?.close(), runpod?.close(), images?.close()]);
});

let actorsBefore: string;
beforeEach(async () => {
  actorsBefore = await readFile(daemon.actorsFile, 'utf8');
});

async function bucketKeys(): Promise<string[]> {
  const client = s3rverClient(s3);
  const listing = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket })).finally(() => client.destroy());
  return (listing.Contents ?? []).map((object) => object.Key!).sort();
}

const regenerate = (actor: Actor) =>
  fetch(`${daemon.url}/api/actors/${actor.id}/regenerate-poster-frame`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(requestFor(actor)),
  });

describe('GENERATOR=runpod with STORAGE=s3', () => {
  it.each<[string, () => RunpodStep[], string, string]>([
    ['FAILED with a plain error', () => [{ status: 'FAILED', error: 'CUDA error: out of memory' }], 'generation_failed', 'CUDA error: out of memory'],
    [
      'FAILED with a JSON-string error',
      () => [{ status: 'FAILED', error: JSON.stringify({ error_type: 'ValueError', error_message: 'LoRA file is corrupt' }) }],
      'generation_failed',
      'LoRA file is corrupt',
    ],
    ['TIMED_OUT', () => [{ status: 'TIMED_OUT' }], 'generation_failed', 'TIMED_OUT'],
    ['COMPLETED without output', () => [{ status: 'COMPLETED' }], 'generation_failed', 'output'],
    ['an image URL that answers HTML', () => [{ status: 'COMPLETED', output: { image_url: images.url('/expired.png') } }], 'invalid_image', 'html'],
    ['a black image (safety checker)', () => [{ status: 'COMPLETED', output: { image: blackPng } }], 'generation_failed', ''],
  ])('%s answers 502 with the reason and changes nothing', async (_, steps, error, message) => {
    runpod.setScenario({ steps: [{ status: 'IN_QUEUE' }, { status: 'IN_PROGRESS' }, ...steps()] });
    const response = await regenerate(actors[1]!);
    expect(response.status).toBe(502);
    const body = await response.json();
    expect(body).toMatchObject({ success: false, error });
    expect(body.message.toLowerCase()).toContain(message.toLowerCase());
    expect(await readFile(daemon.actorsFile, 'utf8')).toBe(actorsBefore);
    expect(await bucketKeys()).toEqual([]);
  });

  it('publishes the three sizes to the bucket at the seed keys and records their URLs', async () => {
    runpod.setScenario({ steps: [{ status: 'IN_QUEUE' }, { status: 'IN_PROGRESS' }, { status: 'COMPLETED', output: { image: posterPng } }] });
    const response = await regenerate(actors[0]!);
    expect(response.status).toBe(200);
    const body = await response.json();

    const name = actors[0]!.name;
    // The canonical keys, and the version's own immutable copy under history/{version}/.
    const version = new URL(body.poster_frames.standard.webp_lg).searchParams.get('v');
    const keys = (folder: string) => ['sm', 'md', 'lg'].map((size) => `actors/${name}/poster_frame/${folder}${name}_poster_${size}.webp`);
    expect(await bucketKeys()).toEqual([...keys(''), ...keys(`history/${version}/`)].sort());
    const lg = await fetch(body.poster_frames.standard.webp_lg);
    expect(lg.headers.get('content-type')).toBe('image/webp');
    expect(await sharp(new Uint8Array(await lg.arrayBuffer())).metadata()).toMatchObject({ format: 'webp', width: 1024, height: 1024 });
    expect(body.poster_frames.standard.webp_lg).toMatch(
      new RegExp(`^${s3.endpoint}/${s3.bucket}/actors/${name}/poster_frame/${name}_poster_lg\\.webp\\?v=[0-9a-f]{10}$`),
    );

    const saved: Actor[] = JSON.parse(await readFile(daemon.actorsFile, 'utf8'));
    expect(saved[0]!.poster_frames).toEqual(body.poster_frames);
    const run = runpod.calls.filter((call) => call.path.endsWith('/run')).at(-1)!;
    expect(run.authorization).toBe(`Bearer ${API_KEY}`);
    expect(JSON.stringify(run.body)).toContain(name);
  });
});
