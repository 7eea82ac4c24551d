import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRunpodPeer, type RunpodPeer } from '../../../../tests/peers/runpod-peer.js';
import type { GenerateRequest } from '../generator.js';
import { runpodTestGenerator } from '../../../../tests/support/runpod-test-generator.js';

const API_KEY = 'rp-test-key';
const ENDPOINT = 'ep-posters';
const OUTPUT = { image_url: 'https://images.example/poster.png' };

let peer: RunpodPeer;
beforeAll(async () => {
  peer = await startRunpodPeer({ apiKey: API_KEY, endpointId: ENDPOINT });
});
afterAll(() => peer.close());
beforeEach(() => {
  peer.jobs.clear();
  peer.calls.length = 0;
  peer.setScenario({ steps: [{ status: 'IN_PROGRESS' }, { status: 'COMPLETED', output: OUTPUT }] });
});

const generator = () => runpodTestGenerator(peer);

/** Generates with a backend-job checkpoint holding `previousId`; returns the result and the ids saved. */
async function generateWith(previousId: string | undefined) {
  const saved: string[] = [];
  const request: GenerateRequest = {
    actor: { id: '1', name: '0001_a', description: 'd', loraModelUrl: 's3://m/0001_a.safetensors' },
    params: { seed: 1 },
    width: 64,
    height: 64,
    signal: new AbortController().signal,
    onProgress: () => {},
    backendJob: { previousId, save: async (id) => void saved.push(id) },
  };
  const image = await generator().generate(request);
  return { image, saved, runs: peer.calls.filter((call) => call.path.endsWith('/run')).length };
}

/** A job submitted earlier (by a process that was then killed), as RunPod still holds it. */
async function submitEarlierJob(): Promise<string> {
  const { saved } = await generateWith(undefined);
  const job = peer.jobs.get(saved[0]!)!;
  job.step = 0;
  job.pollsInStep = 0;
  peer.calls.length = 0;
  return job.id;
}

describe('RunPod generator: the backend job checkpoint (issue 12, paid twice for the GPU)', () => {
  it('saves the new job id as soon as /run accepts it', async () => {
    const { saved, runs } = await generateWith(undefined);
    expect(runs).toBe(1);
    expect(saved).toEqual([...peer.jobs.keys()]);
  });

  it('re-attaches to a checkpointed job RunPod still knows: polls it, never calls /run again', async () => {
    const id = await submitEarlierJob();
    const { image, saved, runs } = await generateWith(id);
    expect(runs).toBe(0);
    expect(saved).toEqual([]);
    expect(image).toMatchObject({ kind: 'url', url: OUTPUT.image_url });
    expect(peer.calls.map((call) => call.path)).toContain(`/v2/${ENDPOINT}/status/${id}`);
  });

  it('submits one new job when RunPod answers 404 for the checkpointed id (expired or never known)', async () => {
    const { image, saved, runs } = await generateWith('gone-0000');
    expect(runs).toBe(1);
    expect(saved).toHaveLength(1);
    expect(saved[0]).not.toBe('gone-0000');
    expect(image).toMatchObject({ url: OUTPUT.image_url });
  });

  it('submits one new job when the checkpointed job was cancelled (say, from the RunPod console)', async () => {
    const id = await submitEarlierJob();
    peer.jobs.get(id)!.cancelled = true;
    const { runs, saved } = await generateWith(id);
    expect(runs).toBe(1);
    expect(saved).toHaveLength(1);
  });
});

describe('RunPod generator: capacity from /health', () => {
  it("counts the endpoint's idle and running workers", async () => {
    peer.setScenario({ steps: [], timed: { workers: 8, jobMs: 60_000, output: OUTPUT } });
    const runpod = generator();
    expect(await runpod.capacity!(AbortSignal.timeout(5000))).toBe(8);
    expect(peer.calls.at(-1)).toMatchObject({ method: 'GET', path: `/v2/${ENDPOINT}/health`, authorization: `Bearer ${API_KEY}` });
  });
});
