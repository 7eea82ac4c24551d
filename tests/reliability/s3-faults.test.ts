import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobsPage } from '../../shared/api-types.js';
import { posterKey } from '../../daemon/pipeline/4-upload/keys.js';
import { requestFor, sampleActors } from '../support/sample-actors.js';
import { type RunningS3rver, s3rverClient, s3rverEnv, startS3rver } from '../support/s3rver.js';
import { startTestDaemon, type TestDaemon } from '../support/start-test-daemon.js';
import { type Fault, type FaultProxy, startFaultProxy } from './support/fault-proxy.js';

/**
 * S3 misbehaving between the daemon and s3rver: transient errors are retried with backoff and the job
 * publishes; persistent errors end the job as a clear `storage_failed` — never a hung job — and leave
 * the poster unpublished.
 */
let s3: RunningS3rver;
let proxy: FaultProxy;
let daemon: TestDaemon | undefined;
const actors = sampleActors(1);

beforeEach(async () => {
  s3 = await startS3rver();
  proxy = await startFaultProxy(s3.endpoint);
});
afterEach(async () => {
  await daemon?.dispose();
  daemon = undefined;
  await proxy.close();
  await s3.close();
});

async function regenerate(env: Record<string, string> = {}): Promise<{ status: number; body: { message?: string; error?: string } }> {
  daemon = await startTestDaemon({
    actors,
    env: {
      STORAGE: 's3',
      ...s3rverEnv(s3, proxy.origin),
      S3_TIMEOUT_MS: '1000',
      S3_MAX_ATTEMPTS: '3',
      ...env,
    },
  });
  const response = await fetch(`${daemon.url}/api/actors/1/regenerate-poster-frame`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(requestFor(actors[0]!)),
  });
  return { status: response.status, body: await response.json() };
}

const published = async () => {
  const client = s3rverClient(s3);
  try {
    const object = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: posterKey(actors[0]!.name, 'lg') }));
    return (await object.Body!.transformToByteArray()).byteLength;
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
};

const status = (code: string, status: number): Fault => ({ kind: 'status', status, code });

describe('S3 behind a fault-injecting proxy', () => {
  it.each([
    ['503 SlowDown', [status('SlowDown', 503), status('SlowDown', 503)]],
    ['500 InternalError', [status('InternalError', 500), status('InternalError', 500)]],
    ['connection resets', [{ kind: 'reset' }, { kind: 'reset' }] as Fault[]],
  ])('retries %s with backoff and publishes', async (_, faults) => {
    proxy.next.push(...faults);
    const { status: code } = await regenerate();
    expect(code).toBe(200);
    expect(proxy.log.filter((entry) => entry.fault).length).toBe(faults.length);
    expect(await published()).toBeGreaterThan(0);
  });

  it.each([
    ['503 SlowDown on every try', status('SlowDown', 503)],
    ['resets on every try', { kind: 'reset' } as Fault],
  ])('fails with a clear storage_failed on %s, leaving no hung job and the poster unpublished', async (_, fault) => {
    proxy.always = fault;
    const { status: code, body } = await regenerate();
    expect(code).toBe(500);
    expect(body).toMatchObject({ error: 'storage_failed', message: expect.stringMatching(/S3|storage/i) });
    const [job] = ((await (await fetch(`${daemon!.url}/api/jobs`)).json()) as JobsPage).jobs;
    expect(job).toMatchObject({ status: 'failed', error: { error: 'storage_failed', stage: 'uploading' } });
    expect(await published()).toBeUndefined();
  });

  it('bounds a hung S3 by S3_TIMEOUT_MS: every request accepted and never answered is given up after S3_MAX_ATTEMPTS tries, and the job fails storage_failed', async () => {
    proxy.always = { kind: 'hang' };
    // Without the per-request timeout this regenerate would never answer (the test would time out instead).
    const { status: code, body } = await regenerate({ S3_TIMEOUT_MS: '500', S3_MAX_ATTEMPTS: '2' });
    expect(code).toBe(500);
    expect(body).toMatchObject({ error: 'storage_failed' });
    const hung = proxy.log.filter((entry) => entry.fault === 'hang');
    const tries = new Map<string, number>();
    for (const entry of hung) tries.set(`${entry.method} ${entry.path}`, (tries.get(`${entry.method} ${entry.path}`) ?? 0) + 1);
    expect(tries.size).toBeGreaterThan(0);
    for (const count of tries.values()) expect(count).toBe(2);
    proxy.always = undefined;
    expect(await published()).toBeUndefined();
  });
});
