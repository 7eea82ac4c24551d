import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor, Batch, BatchAccepted, JobsPage } from '../../shared/api-types.js';
import { startRunpodPeer, type RunpodPeer } from '../peers/runpod-peer.js';
import { builtinPosterPng } from '../support/builtin-poster.js';
import { sampleActors } from '../support/sample-actors.js';
import { openSse } from '../support/sse-client.js';
import { startTestDaemon, type TestDaemon } from '../support/start-test-daemon.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * Batches end to end: a daemon generating on a loopback RunPod-protocol endpoint of a few workers with
 * a fixed job time, publishing to local storage.
 */

const API_KEY = 'rp_batch_key';
const ENDPOINT = 'batch-endpoint';
const actors = sampleActors(30);
const FAILING = new Set([actors[4]!.name, actors[11]!.name, actors[23]!.name]);
let runpod: RunpodPeer;
let output: { image: string };

beforeAll(async () => {
  runpod = await startRunpodPeer({ apiKey: API_KEY, endpointId: ENDPOINT });
  output = { image: Buffer.from(await builtinPosterPng(actors[0]!.name)).toString('base64') };
}, 60_000);
afterAll(() => runpod?.close());

const env = () => ({ ...runpod.env, RUNPOD_PRESIGN_LORA: 'false' });
const actorNameOf = (input: Record<string, unknown>) => (input.metadata as { actor_name?: string } | undefined)?.actor_name ?? '';
const runsFor = (name: string, since: number) =>
  runpod.calls.slice(since).filter((call) => call.path.endsWith('/run') && actorNameOf((call.body as { input: Record<string, unknown> }).input) === name);
const runCount = () => runpod.calls.filter((call) => call.path.endsWith('/run')).length;

async function post<T>(daemon: TestDaemon, path: string, body: unknown = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${daemon.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}
const getJson = async <T>(daemon: TestDaemon, path: string) => (await (await fetch(`${daemon.url}${path}`)).json()) as T;

/** Waits until the batch has settled; returns it. */
async function settled(daemon: TestDaemon, id: string): Promise<Batch> {
  return vi.waitFor(
    async () => {
      const batch = await getJson<Batch>(daemon, `/api/batches/${id}`);
      if (batch.status === 'running') throw new Error(`batch ${id} still running: ${JSON.stringify(batch.totals)}`);
      return batch;
    },
    { timeout: 60_000, interval: 100 },
  );
}

const postersOf = async (daemon: TestDaemon) =>
  new Map((JSON.parse(await readFile(daemon.actorsFile, 'utf8')) as Actor[]).map((actor) => [String(actor.id), actor.poster_updated_at]));

describe('batches against a RunPod endpoint of 4 workers', () => {
  let daemon: TestDaemon;
  beforeAll(async () => {
    daemon = await startTestDaemon({ actors, env: env() });
  }, 60_000);
  afterAll(() => daemon?.dispose());

  let failedBatch: Batch;

  it('a batch of 30 with 3 failing actors ends 27 done / 3 failed, each failure with its reason; batch events are coalesced', async () => {
    runpod.setScenario({
      steps: [],
      timed: { workers: 4, jobMs: 100, output, fail: (input) => (FAILING.has(actorNameOf(input)) ? 'CUDA error: out of memory' : undefined) },
    });
    const sse = await openSse(`${daemon.url}/api/events`);
    const accepted = await post<BatchAccepted>(daemon, '/api/batches', { actor_ids: actors.map((actor) => actor.id) });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ total: 30, status_url: `/api/batches/${accepted.body.batch_id}` });

    failedBatch = await settled(daemon, accepted.body.batch_id);
    expect(failedBatch).toMatchObject({
      status: 'failed',
      source: 'api',
      percent: 100,
      totals: { total: 30, done: 27, failed: 3, queued: 0, running: 0, cancelled: 0 },
    });
    const failures = failedBatch.jobs.filter((entry) => entry.status === 'failed');
    expect(failures.map((entry) => entry.actor_name).sort()).toEqual([...FAILING].sort());
    for (const entry of failures)
      expect(entry.error).toMatchObject({ error: 'generation_failed', message: expect.stringContaining('CUDA error: out of memory') });
    expect(new Set(failedBatch.jobs.map((entry) => entry.actor_id)).size).toBe(30);

    // Its jobs are listed by batch; the batch is listed newest first.
    const page = await getJson<JobsPage>(daemon, `/api/jobs?batch=${failedBatch.id}&status=failed`);
    expect(page.jobs.map((job) => job.actor_name).sort()).toEqual([...FAILING].sort());
    expect((await getJson<{ batches: Batch[] }>(daemon, '/api/batches')).batches[0]).toMatchObject({ id: failedBatch.id, status: 'failed' });

    // One `batch` event per interval at most: far fewer than the jobs' own progress events, the last one settled.
    const counts = { job: 0, batch: 0 };
    for (;;) {
      const frame = await sse.next();
      if (frame.event === 'job' || frame.event === 'batch') counts[frame.event] += 1;
      if (frame.event === 'batch' && JSON.parse(frame.data!).status === 'failed') break;
    }
    await sse.close();
    expect(counts.batch).toBeGreaterThan(1);
    expect(counts.batch * 3).toBeLessThan(counts.job);
  }, 90_000);

  it('retry runs only the 3 that failed, as a new batch with retry_of', async () => {
    runpod.setScenario({ steps: [], timed: { workers: 4, jobMs: 100, output } });
    const runsBefore = runCount();
    const retry = await post<BatchAccepted>(daemon, `/api/batches/${failedBatch.id}/retry`);
    expect(retry).toMatchObject({ status: 202, body: { total: 3 } });
    const again = await settled(daemon, retry.body.batch_id);
    expect(again).toMatchObject({ status: 'done', retry_of: failedBatch.id, totals: { total: 3, done: 3 } });
    expect(again.jobs.map((entry) => entry.actor_name).sort()).toEqual([...FAILING].sort());
    expect(runCount() - runsBefore).toBe(3);
    expect((await post(daemon, `/api/batches/${again.id}/retry`)).status).toBe(409);
  }, 90_000);

  it('cancelling mid-way leaves no backend job running or queued, no job queued, and publishes nothing afterwards', async () => {
    // Another image than the earlier tests published, so any publish shows as a new poster_updated_at.
    const other = { image: Buffer.from(await builtinPosterPng(actors[1]!.name)).toString('base64') };
    runpod.setScenario({ steps: [], timed: { workers: 2, jobMs: 400, output: other } });
    const before = await postersOf(daemon);
    const accepted = await post<BatchAccepted>(daemon, '/api/batches', { actor_ids: 'all' });
    await vi.waitFor(
      async () => {
        const batch = await getJson<Batch>(daemon, accepted.body.status_url);
        if (batch.totals.done < 1 || batch.totals.running < 1) throw new Error(`not mid-way yet: ${JSON.stringify(batch.totals)}`);
      },
      { timeout: 30_000, interval: 50 },
    );
    const cancel = await post<Batch>(daemon, `/api/batches/${accepted.body.batch_id}/cancel`);
    const callsAtCancel = runpod.calls.length;
    expect(cancel.status).toBe(200);
    expect(cancel.body.status).toBe('cancelled');
    const { totals } = cancel.body;
    expect(totals.done).toBeGreaterThanOrEqual(1);
    expect(totals.cancelled).toBeGreaterThanOrEqual(1);
    expect(totals.done + totals.cancelled).toBe(30);

    expect(runpod.unfinished()).toEqual([]);
    for (const status of ['queued', 'running'])
      expect((await getJson<JobsPage>(daemon, `/api/jobs?batch=${cancel.body.id}&status=${status}`)).jobs).toEqual([]);
    expect(runpod.calls.slice(callsAtCancel).filter((call) => call.path.endsWith('/run'))).toEqual([]);
    // Every job has settled, so nothing can publish later: the cancelled actors keep their posters.
    const after = await postersOf(daemon);
    for (const entry of cancel.body.jobs) {
      if (entry.status === 'cancelled') expect(after.get(entry.actor_id)).toBe(before.get(entry.actor_id));
      else expect(after.get(entry.actor_id)).not.toBe(before.get(entry.actor_id));
    }
    expect((await post(daemon, `/api/batches/${cancel.body.id}/cancel`)).status).toBe(409);
  }, 90_000);
});

describe('a request file naming actor_ids', () => {
  it('runs as a batch, and its outcome file lands in done/ when the batch settles', async () => {
    runpod.setScenario({ steps: [], timed: { workers: 4, jobMs: 100, output } });
    const daemon = await startTestDaemon({ actors: actors.slice(0, 3), env: env() });
    try {
      await writeFile(path.join(daemon.requestsDir, 'three.json'), JSON.stringify({ actor_ids: [1, 2, '0003_test_22_female'], params: { seed: 9 } }));
      const outcome = await vi.waitFor(async () => JSON.parse(await readFile(path.join(daemon.requestsDir, 'done', 'three.result.json'), 'utf8')) as Batch, {
        timeout: 60_000,
        interval: 100,
      });
      expect(outcome).toMatchObject({ status: 'done', source: 'folder', params: { seed: 9 }, totals: { total: 3, done: 3 } });
      expect(await readFile(path.join(daemon.requestsDir, 'done', 'three.json'), 'utf8')).toContain('actor_ids');
      const jobs = await getJson<JobsPage>(daemon, `/api/jobs?batch=${outcome.id}`);
      expect(jobs.jobs.map((job) => [job.source, job.params?.seed])).toEqual([
        ['batch', 9],
        ['batch', 9],
        ['batch', 9],
      ]);
    } finally {
      await daemon.dispose();
    }
  }, 90_000);
});

describe('a batch interrupted by a restart', () => {
  it('completes exactly once per actor: the resumed jobs re-attach to their RunPod jobs, the rest are submitted once', async () => {
    runpod.setScenario({ steps: [], timed: { workers: 3, jobMs: 300, output } });
    const root = await tempDir();
    const since = runpod.calls.length;
    const few = actors.slice(0, 12);
    let daemon = await startTestDaemon({ actors: few, env: env(), root: root.path, overrides: { shutdownGraceMs: 0 } });
    try {
      const accepted = await post<BatchAccepted>(daemon, '/api/batches', { actor_ids: 'all' });
      await vi.waitFor(
        async () => {
          const batch = await getJson<Batch>(daemon, accepted.body.status_url);
          if (batch.totals.done < 1) throw new Error('nothing done yet');
        },
        { timeout: 30_000, interval: 50 },
      );
      await daemon.close();
      daemon = await startTestDaemon({ env: env(), root: root.path });
      const batch = await settled(daemon, accepted.body.batch_id);
      expect(batch).toMatchObject({ status: 'done', totals: { total: 12, done: 12 } });
      for (const actor of few) expect(runsFor(actor.name, since)).toHaveLength(1);
      const jobs = await getJson<JobsPage>(daemon, `/api/jobs?batch=${batch.id}&limit=100`);
      expect(jobs.jobs.map((job) => job.actor_id).sort()).toEqual(few.map((actor) => String(actor.id)).sort());
    } finally {
      await daemon.close();
      await root.remove();
    }
  }, 120_000);
});
