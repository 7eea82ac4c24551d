import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobsPage } from '../../shared/api-types.js';
import { startRunpodPeer, type RunpodPeer } from '../peers/runpod-peer.js';
import { requestFor, sampleActors } from '../support/sample-actors.js';
import { openSse, type SseFrame } from '../support/sse-client.js';
import { startTestDaemon, type TestDaemon } from '../support/start-test-daemon.js';

/**
 * A worker whose error echoes its input (as python-requests does: "403 Client Error: Forbidden for
 * url: …") hands the presigned LoRA URL back. Whatever the daemon stores or serves — the API answer,
 * the jobs list, server-sent events, its files — must not carry the URL's credential or signature.
 */

const API_KEY = 'rp_test_key';
const ENDPOINT = 'echo-endpoint';
const actors = sampleActors(1);
let runpod: RunpodPeer;
let daemon: TestDaemon;

const loraUrlOf = (input: unknown) => (input as { lora: { url: string } }).lora.url;

beforeAll(async () => {
  runpod = await startRunpodPeer({ apiKey: API_KEY, endpointId: ENDPOINT });
  daemon = await startTestDaemon({
    actors,
    env: {
      ...runpod.env,
      // Presigning is local SigV4 signing: fake credentials give a real-looking presigned URL.
      AWS_ACCESS_KEY: 'AKIAPOSTERFRAMETEST',
      AWS_ACCESS_SECRET: 'posterframe-test-secret',
      STORAGE: 'local',
      LORA_ALLOWED_PREFIXES: 's3://models/',
    },
  });
}, 60_000);
afterAll(async () => {
  await daemon?.dispose();
  await runpod?.close();
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('a RunPod error that echoes the presigned LoRA URL', () => {
  it('is redacted in the API answer, the jobs list, the job, its events and its files', async () => {
    runpod.setScenario({
      steps: [
        { status: 'IN_PROGRESS' },
        {
          status: 'FAILED',
          error: (input: unknown) =>
            JSON.stringify({
              error_type: "<class 'requests.exceptions.HTTPError'>",
              error_message: `403 Client Error: Forbidden for url: ${loraUrlOf(input)}`,
              error_traceback: `Traceback (most recent call last):\n  File "handler.py", line 12, in fetch_lora\nrequests.exceptions.HTTPError: 403 for url: ${loraUrlOf(input)}`,
            }),
        },
      ],
    });
    const sse = await openSse(`${daemon.url}/api/events`);
    const response = await fetch(`${daemon.url}/api/actors/1/regenerate-poster-frame`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(requestFor(actors[0]!)),
    });
    const answer = await response.text();

    // The worker really was given a presigned URL, so there is something to leak.
    const presigned = new URL(loraUrlOf([...runpod.jobs.values()].at(-1)!.request.input));
    const secrets = ['X-Amz-Signature', 'X-Amz-Credential'].map((name) => presigned.searchParams.get(name)!);
    expect(secrets.every((secret) => secret.length > 8)).toBe(true);
    const leaks = (text: string) => secrets.filter((secret) => text.includes(secret) || text.includes(encodeURIComponent(secret)));

    expect(response.status).toBe(502);
    expect(JSON.parse(answer)).toMatchObject({ error: 'generation_failed', message: expect.stringContaining('X-Amz-Signature=REDACTED') });
    expect(leaks(answer)).toEqual([]);

    const jobs = await (await fetch(`${daemon.url}/api/jobs`)).text();
    const [job] = (JSON.parse(jobs) as JobsPage).jobs;
    expect(JSON.stringify(job!.error?.details)).toContain('REDACTED');
    expect(leaks(jobs)).toEqual([]);
    expect(leaks(await (await fetch(`${daemon.url}/api/jobs/${job!.id}`)).text())).toEqual([]);

    const frames: SseFrame[] = [];
    while (!frames.some((frame) => frame.event === 'job' && frame.data?.includes('"status":"failed"'))) frames.push(await sse.next());
    await sse.close();
    expect(leaks(frames.map((frame) => frame.data ?? '').join('\n'))).toEqual([]);

    for (const file of await filesUnder(daemon.dataDir)) expect({ file, leaks: leaks(await readFile(file, 'latin1')) }).toEqual({ file, leaks: [] });
  });
});
