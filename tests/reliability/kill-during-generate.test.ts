import { access, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Actor, Job } from '../../shared/api-types.js';
import { startRunpodPeer } from '../peers/runpod-peer.js';
import { startChildDaemon, type ChildDaemon } from '../support/child-daemon.js';
import { requestFor, sampleActors, writeActorsFile } from '../support/sample-actors.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * Issue 12, "paid twice for the GPU": kill -9 while the RunPod job runs, restart, and the resumed job
 * re-attaches to the RunPod job it checkpointed: one /run for one poster.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

describe('kill -9 while generating on RunPod', () => {
  it('the restarted daemon polls the checkpointed RunPod job and publishes its image, with no second /run', async () => {
    const peer = await startRunpodPeer({ apiKey: 'rel-key', endpointId: 'rel-endpoint' });
    cleanups.push(peer.close);
    const poster = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .png()
      .toBuffer();
    // Slow enough to be killed mid-job: many IN_PROGRESS polls (the peer keeps the count across both daemons).
    peer.setScenario({
      steps: [
        { status: 'IN_PROGRESS', polls: 40 },
        { status: 'COMPLETED', output: { image: poster.toString('base64') } },
      ],
    });

    const root = await tempDir();
    cleanups.push(root.remove);
    const dataDir = path.join(root.path, 'data');
    await mkdir(dataDir, { recursive: true });
    const [actor] = sampleActors(1);
    await writeActorsFile(dataDir, [actor!]);
    const env = {
      DATA_DIR: dataDir,
      REQUESTS_DIR: path.join(root.path, 'requests'),
      GENERATOR: 'runpod',
      RUNPOD_API_KEY: 'rel-key',
      RUNPOD_ENDPOINT_ID: 'rel-endpoint',
      RUNPOD_BASE_URL: peer.baseUrl,
      RUNPOD_POLL_INTERVAL_MS: '50',
      RUNPOD_PRESIGN_LORA: 'false',
    };
    const start = async () => {
      const daemon: ChildDaemon = await startChildDaemon(env);
      cleanups.push(daemon.stop);
      return daemon;
    };

    const first = await start();
    const accepted = await fetch(`${first.url}/api/actors/${actor!.id}/regenerate-poster-frame`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', prefer: 'respond-async' },
      body: JSON.stringify(requestFor(actor!)),
    });
    expect(accepted.status).toBe(202);
    const { job_id: jobId } = (await accepted.json()) as { job_id: string };
    await vi.waitFor(async () => expect(await exists(path.join(dataDir, 'jobs', `${jobId}.backend`))).toBe(true), { timeout: 30_000, interval: 25 });
    const [runpodJob] = [...peer.jobs.values()];
    expect(runpodJob!.step).toBe(0); // still IN_PROGRESS: killed mid-generation
    await first.kill();

    const second = await start();
    const finished = await vi.waitFor(
      async () => {
        const job = (await (await fetch(`${second.url}/api/jobs/${jobId}`)).json()) as Job;
        expect(['done', 'failed']).toContain(job.status);
        return job;
      },
      { timeout: 60_000, interval: 100 },
    );
    expect(finished.status).toBe('done');
    expect(peer.calls.filter((call) => call.path.endsWith('/run'))).toHaveLength(1);
    expect(peer.jobs.size).toBe(1);
    const saved = JSON.parse(await readFile(path.join(dataDir, 'actorsData.json'), 'utf8')) as Actor[];
    expect(saved[0]!.poster_frames).toBeDefined();
    expect(await exists(path.join(dataDir, 'jobs', `${jobId}.backend`))).toBe(false);
  });
});
