import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { historyKey, posterKey } from '../../daemon/pipeline/4-upload/keys.js';
import type { Actor, HistoryResponse, Job } from '../../shared/api-types.js';
import { startRunpodPeer, type RunpodPeer } from '../peers/runpod-peer.js';
import { builtinPosterPng } from '../support/builtin-poster.js';
import { startChildDaemon, type ChildDaemon } from '../support/child-daemon.js';
import { requestFor, sampleActors, writeActorsFile } from '../support/sample-actors.js';
import { type RunningS3rver, s3rverClient, s3rverEnv, startS3rver } from '../support/s3rver.js';
import { tempDir } from '../support/temp-dir.js';
import { type FaultProxy, type ProxiedRequest, startFaultProxy } from './support/fault-proxy.js';

/**
 * Issue 12: kill -9 at each stage after generation. The daemon publishes to s3rver through a fault
 * proxy that holds the stage's S3 writes (or, for saving, the library's write lock is held), so the
 * kill lands in that stage. Checked only from outside: the job from the API, the bucket, actorsData.json.
 * After the kill the old poster is still what actorsData.json and (before publishing) the canonical keys
 * show; the restarted daemon finishes the job from its checkpoints: no second RunPod job, one new version.
 */
const [actor] = sampleActors(1) as [Actor];
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const isHistory = (request: ProxiedRequest) => request.path.includes('/poster_frame/history/');
const isCanonicalCopy = (request: ProxiedRequest) => request.copySource !== undefined && !isHistory(request);

interface Setup {
  peer: RunpodPeer;
  s3: RunningS3rver;
  proxy: FaultProxy;
  dataDir: string;
  start(): Promise<ChildDaemon>;
}

async function setUp(): Promise<Setup> {
  const [peer, s3] = await Promise.all([startRunpodPeer({ apiKey: 'rel-key', endpointId: 'rel-endpoint' }), startS3rver()]);
  const proxy = await startFaultProxy(s3.endpoint);
  const root = await tempDir();
  cleanups.push(
    () => peer.close(),
    () => s3.close(),
    () => proxy.close(),
    root.remove,
  );
  const dataDir = path.join(root.path, 'data');
  await mkdir(dataDir, { recursive: true });
  await writeActorsFile(dataDir, [actor]);
  const env = {
    ...peer.env,
    ...s3rverEnv(s3, proxy.origin),
    DATA_DIR: dataDir,
    REQUESTS_DIR: path.join(root.path, 'requests'),
    GENERATOR: 'runpod',
    RUNPOD_PRESIGN_LORA: 'false',
    // Held requests must stay held until the kill, not time out into a failed job.
    S3_TIMEOUT_MS: '120000',
  };
  return {
    peer,
    s3,
    proxy,
    dataDir,
    async start() {
      const daemon = await startChildDaemon(env);
      cleanups.push(() => daemon.kill());
      return daemon;
    },
  };
}

/** The RunPod peer's next job answers with a built-in poster drawn with `seed` (each seed a different image). */
async function nextPoster(peer: RunpodPeer, seed: number): Promise<void> {
  const png = await builtinPosterPng(actor.name, { seed });
  peer.setScenario({ steps: [{ status: 'COMPLETED', output: { image: Buffer.from(png).toString('base64') } }] });
}

async function regenerate(daemon: ChildDaemon, prefer?: string): Promise<Response> {
  return fetch(`${daemon.url}/api/actors/${actor.id}/regenerate-poster-frame`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(prefer ? { prefer } : {}) },
    body: JSON.stringify(requestFor(actor)),
  });
}

const job = async (daemon: ChildDaemon, id: string) => (await (await fetch(`${daemon.url}/api/jobs/${id}`)).json()) as Job;
const savedActor = async (dataDir: string) => (JSON.parse(await readFile(path.join(dataDir, 'actorsData.json'), 'utf8')) as Actor[])[0]!;

async function objectBytes(s3: RunningS3rver, key: string): Promise<string | undefined> {
  const client = s3rverClient(s3);
  try {
    const object = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
    return Buffer.from(await object.Body!.transformToByteArray()).toString('base64');
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
}

type Stage = 'encoding' | 'uploading' | 'publishing' | 'saving';

/** Holds the job in `stage`; resolves once it is there (the daemon may then be killed), with what to undo after the kill. */
async function holdIn(stage: Stage, setup: Setup, daemon: ChildDaemon, jobId: string): Promise<() => void> {
  const { proxy } = setup;
  const held = () => proxy.log.some((entry) => entry.fault === 'hang');
  const waitFor = (check: () => Promise<void> | void) => vi.waitFor(check, { timeout: 60_000, interval: 10 });
  if (stage === 'encoding' || stage === 'uploading') {
    // The version's upload never answers, so the job cannot get past uploading whatever happens.
    proxy.rule = (request) => (request.method === 'PUT' && isHistory(request) ? { kind: 'hang' } : undefined);
    if (stage === 'encoding') {
      await waitFor(async () => expect((await job(daemon, jobId)).stage).toBe('encoding'));
      return () => {};
    }
    await waitFor(async () => {
      expect(held()).toBe(true);
      expect((await job(daemon, jobId)).stage).toBe('uploading');
    });
    return () => {};
  }
  if (stage === 'publishing') {
    proxy.rule = (request) => (isCanonicalCopy(request) ? { kind: 'hang' } : undefined);
    await waitFor(async () => {
      expect(held()).toBe(true);
      expect(await job(daemon, jobId)).toMatchObject({ stage: 'uploading', message: 'publishing' });
    });
    return () => {};
  }
  // saving: the library's write lock is taken as the first canonical copy passes, so the copies
  // complete and the actorsData.json update then waits for the lock (busy_timeout), until the kill.
  const db = new Database(path.join(setup.dataDir, 'library.db'));
  let locked = false;
  proxy.rule = (request) => {
    if (!locked && isCanonicalCopy(request)) {
      db.exec('BEGIN IMMEDIATE');
      locked = true;
    }
    return undefined;
  };
  await waitFor(() => expect(locked).toBe(true));
  // Read under our own lock: the version this job stored.
  const staged = db.prepare<[string], string>('SELECT version FROM versions WHERE job_id = ?').pluck().get(jobId);
  expect(staged).toBeDefined();
  // Every canonical key now holds the new version: the copies are done, the record is not.
  await waitFor(async () => {
    for (const size of ['sm', 'md', 'lg'] as const) {
      expect(await objectBytes(setup.s3, posterKey(actor.name, size))).toBe(await objectBytes(setup.s3, historyKey(actor.name, staged!, size)));
    }
  });
  return () => {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
  };
}

describe('kill -9 at each stage after generation (s3 storage behind a fault proxy)', () => {
  it.each<Stage>(['encoding', 'uploading', 'publishing', 'saving'])(
    'at %s: the old poster stays published, the restarted daemon finishes the job once, with no second generation',
    async (stage) => {
      const setup = await setUp();
      const { peer, s3, proxy, dataDir } = setup;
      const first = await setup.start();
      await nextPoster(peer, 1);
      expect((await regenerate(first)).status).toBe(200);
      const old = await savedActor(dataDir);
      const oldLg = await objectBytes(s3, posterKey(actor.name, 'lg'));
      expect(oldLg).toBeDefined();

      await nextPoster(peer, 2);
      const accepted = await regenerate(first, 'respond-async');
      expect(accepted.status).toBe(202);
      const { job_id: jobId } = (await accepted.json()) as { job_id: string };
      const release = await holdIn(stage, setup, first, jobId);
      await first.kill();
      release();
      proxy.rule = undefined;

      // The kill left the old poster in place: the record, and the canonical objects until they were copied over.
      expect((await savedActor(dataDir)).poster_frames).toEqual(old.poster_frames);
      if (stage !== 'saving') expect(await objectBytes(s3, posterKey(actor.name, 'lg'))).toBe(oldLg);

      const second = await setup.start();
      const finished = await vi.waitFor(
        async () => {
          const current = await job(second, jobId);
          expect(['done', 'failed', 'cancelled']).toContain(current.status);
          return current;
        },
        { timeout: 90_000, interval: 50 },
      );
      expect(finished).toMatchObject({ status: 'done' });
      expect(peer.calls.filter((call) => call.path.endsWith('/run'))).toHaveLength(2); // one per poster, none again
      const saved = await savedActor(dataDir);
      expect(saved.poster_frames?.standard?.webp_lg).toContain(`?v=${finished.version}`);
      expect(await objectBytes(s3, posterKey(actor.name, 'lg'))).toBe(await objectBytes(s3, historyKey(actor.name, finished.version!, 'lg')));
      expect(await objectBytes(s3, posterKey(actor.name, 'lg'))).not.toBe(oldLg);
      const history = (await (await fetch(`${second.url}/api/actors/${actor.id}/history`)).json()) as HistoryResponse;
      expect(history.versions.map((version) => version.version).sort()).toEqual(
        [old.poster_frames!.standard!.webp_lg!.split('?v=')[1], finished.version].sort(),
      );
    },
  );
});
