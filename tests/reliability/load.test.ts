import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../shared/api-types.js';
import { startRunpodPeer, type RunpodPeer } from '../peers/runpod-peer.js';
import { builtinPosterPng } from '../support/builtin-poster.js';
import { startChildDaemon, type ChildDaemon } from '../support/child-daemon.js';
import { requestFor, sampleActors, writeActorsFile } from '../support/sample-actors.js';
import { openSse, type SseConnection } from '../support/sse-client.js';
import { tempDir } from '../support/temp-dir.js';

const API_REQUESTS = 200;
const FOLDER_REQUESTS = 100;
const SSE_CLIENTS = 50;
/** A bound on the daemon's peak RSS, far above what it needs (figures are printed), so a leak per job fails. */
const PEAK_RSS_BOUND_MIB = 600;

/**
 * Issue 12's load: 200 API requests and 100 request files for 300 actors, at once, while 50 SSE
 * clients watch, against `npm start`'s daemon as a child process (RunPod peer with 32 instant workers,
 * WEBP_EFFORT=0 so encoding is cheap). Nothing is lost: every job ends done, every file reaches done/,
 * and every SSE client sees every job's terminal event. The daemon's RSS is printed before, at peak
 * and after, and the peak is bounded.
 */
const actors = sampleActors(API_REQUESTS + FOLDER_REQUESTS);
let peer: RunpodPeer;
let root: Awaited<ReturnType<typeof tempDir>>;
let daemon: ChildDaemon;
let requestsDir: string;

beforeAll(async () => {
  peer = await startRunpodPeer({ apiKey: 'load-key', endpointId: 'load-endpoint' });
  const image = Buffer.from(await builtinPosterPng(actors[0]!.name)).toString('base64');
  peer.setScenario({ steps: [], timed: { workers: 32, jobMs: 1, output: { image } } });
  root = await tempDir();
  const dataDir = path.join(root.path, 'data');
  requestsDir = path.join(root.path, 'requests');
  await mkdir(dataDir, { recursive: true });
  await writeActorsFile(dataDir, actors);
  daemon = await startChildDaemon({
    ...peer.env,
    DATA_DIR: dataDir,
    REQUESTS_DIR: requestsDir,
    GENERATOR: 'runpod',
    RUNPOD_PRESIGN_LORA: 'false',
    WEBP_EFFORT: '0',
  });
});
afterAll(async () => {
  await daemon?.kill();
  await peer?.close();
  await root?.remove();
});

/** Collects, per client, the ids of jobs it saw reach a terminal status. */
function watch(sse: SseConnection): Set<string> {
  const finished = new Set<string>();
  void (async () => {
    for (;;) {
      const frame = await sse.next().catch(() => undefined);
      if (!frame) return;
      if (frame.event !== 'job') continue;
      const job = JSON.parse(frame.data ?? '{}') as Job;
      if (job.status === 'done' || job.status === 'failed' || job.status === 'cancelled') finished.add(job.id);
    }
  })();
  return finished;
}

describe(`load: ${API_REQUESTS} API + ${FOLDER_REQUESTS} folder requests, ${SSE_CLIENTS} SSE clients`, () => {
  it('loses nothing: every job done, every file in done/, every client sees every terminal event; peak RSS bounded', async () => {
    const before = await daemon.memory();
    const clients = await Promise.all(Array.from({ length: SSE_CLIENTS }, () => openSse(`${daemon.url}/api/events`)));
    const seen = clients.map(watch);
    try {
      const apiActors = actors.slice(0, API_REQUESTS);
      const folderActors = actors.slice(API_REQUESTS);
      const [accepted] = await Promise.all([
        Promise.all(
          apiActors.map(async (actor) => {
            const response = await fetch(`${daemon.url}/api/actors/${actor.id}/regenerate-poster-frame`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', prefer: 'respond-async' },
              body: JSON.stringify(requestFor(actor)),
            });
            expect(response.status).toBe(202);
            return ((await response.json()) as { job_id: string }).job_id;
          }),
        ),
        Promise.all(
          folderActors.map(async (actor) => {
            // Written beside, then renamed in: the daemon sees whole files only.
            const temp = path.join(requestsDir, `.poster-${actor.id}.json.tmp`);
            await writeFile(temp, JSON.stringify({ actor_id: actor.id, ...requestFor(actor) }));
            await rename(temp, path.join(requestsDir, `poster-${actor.id}.json`));
          }),
        ),
      ]);

      const done = path.join(requestsDir, 'done');
      const results = await vi.waitFor(
        async () => {
          const files = (await readdir(done).catch(() => [])).filter((name) => name.endsWith('.result.json'));
          expect(files).toHaveLength(FOLDER_REQUESTS);
          for (const ids of seen) expect(ids.size).toBe(API_REQUESTS + FOLDER_REQUESTS);
          return files;
        },
        { timeout: 500_000, interval: 500 },
      );
      expect(results).toHaveLength(FOLDER_REQUESTS);
      expect(await readdir(path.join(requestsDir, 'failed')).catch(() => [])).toEqual([]);
      for (const id of accepted) {
        const job = (await (await fetch(`${daemon.url}/api/jobs/${id}`)).json()) as Job;
        expect(job.status).toBe('done');
      }
      for (const ids of seen) for (const id of accepted) expect(ids.has(id)).toBe(true);
      expect(peer.calls.filter((call) => call.path.endsWith('/run'))).toHaveLength(API_REQUESTS + FOLDER_REQUESTS);

      const after = await daemon.memory();
      process.stderr.write(
        `load: daemon RSS ${before.rssMiB.toFixed(0)} MiB before, peak ${after.peakMiB.toFixed(0)} MiB, ${after.rssMiB.toFixed(0)} MiB after ${API_REQUESTS + FOLDER_REQUESTS} jobs\n`,
      );
      expect(after.peakMiB).toBeLessThan(PEAK_RSS_BOUND_MIB);
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
  }, 540_000);
});
