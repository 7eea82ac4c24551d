import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PipelineError } from '../../daemon/errors.js';
import { openLibrary, type Library } from '../../daemon/library/open-library.js';
import { historyKey, posterFrames, posterKey, SIZES } from '../../daemon/pipeline/4-upload/keys.js';
import { createLocalStorage } from '../../daemon/pipeline/4-upload/local-storage.js';
import { createS3Storage } from '../../daemon/pipeline/4-upload/s3-storage.js';
import type { Storage } from '../../daemon/pipeline/4-upload/storage.js';
import type { ActorsStore } from '../../daemon/pipeline/5-save/actors-store.js';
import { runPipeline, type PipelineDeps } from '../../daemon/pipeline/run-pipeline.js';
import { type FaultProxy, startFaultProxy } from '../reliability/support/fault-proxy.js';
import { pipelineDeps, pipelineJob } from '../support/pipeline-deps.js';
import { sampleActors, writeActorsFile } from '../support/sample-actors.js';
import { startS3rver, type RunningS3rver } from '../support/s3rver.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * A publish is all or nothing: whatever fails after the first canonical key was written, the
 * canonical keys and actorsData.json are left exactly as they were, the job fails with the reason,
 * the failed version leaves no objects behind, and the next publish succeeds.
 */
const NAME = sampleActors(1)[0]!.name;
let dir: Awaited<ReturnType<typeof tempDir>>;
let actorsFile: string;
let library: Library;

beforeEach(async () => {
  dir = await tempDir();
  actorsFile = await writeActorsFile(dir.path, sampleActors(2));
  library = openLibrary({ dataDir: dir.path, actorsFile });
});
afterEach(async () => {
  await library.close();
  await dir.remove();
});

const publish = (deps: PipelineDeps, id: string, seed: number) => runPipeline(pipelineJob(id, NAME, seed), deps, new AbortController().signal, () => {});

/** A short digest of stored bytes: equal bytes, equal digest (and a failure prints no megabytes). */
const digest = (body: Uint8Array | ReadableStream<Uint8Array> | undefined) =>
  body &&
  createHash('sha256')
    .update(body as Uint8Array)
    .digest('hex');

/** The digests of the bytes at the canonical keys (undefined where there is no object). */
const canonical = (storage: Storage) => Promise.all(SIZES.map(async (size) => digest((await storage.get(posterKey(NAME, size)))?.body)));

const exportedFile = async () => {
  await library.actors.exported();
  return readFile(actorsFile, 'utf8');
};

/** The version ids with objects in storage. */
async function storedVersions(storage: Storage, versions: string[]): Promise<string[]> {
  const present = await Promise.all(versions.map(async (v) => ((await storage.get(historyKey(NAME, v, 'sm'))) ? v : undefined)));
  return present.filter((v): v is string => v !== undefined);
}

const failingSave: (actors: ActorsStore) => ActorsStore = (actors) => ({
  ...actors,
  update: async () => {
    throw new PipelineError('actors_file_corrupt', 'actorsData.json is not valid JSON (line 3, column 1)');
  },
});

describe('local storage with a failing save', () => {
  let storage: Storage;
  beforeEach(() => {
    storage = createLocalStorage({ root: path.join(dir.path, 'media') });
  });
  const historyDir = () => readdir(path.join(dir.path, 'media/actors', NAME, 'poster_frame/history')).catch(() => []);

  it('restores sm/md/lg from the previous version, keeps actorsData.json, leaves no version behind, and publishes next time', async () => {
    const first = await publish(pipelineDeps({ library, storage }), 'job_1', 1);
    const before = { objects: await canonical(storage), file: await exportedFile() };

    const error = await publish(pipelineDeps({ library, storage, actors: failingSave(library.actors) }), 'job_2', 2).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'actors_file_corrupt',
      stage: 'saving',
      message: expect.stringMatching(
        new RegExp(`^Publishing version \\w+ failed, so the published poster was restored to version ${first.version}: actorsData.json is not valid JSON`),
      ),
    });
    expect(await canonical(storage)).toEqual(before.objects);
    expect(await exportedFile()).toBe(before.file);
    expect(await historyDir()).toEqual([first.version]);

    const next = await publish(pipelineDeps({ library, storage }), 'job_3', 2);
    expect(next.version).not.toBe(first.version);
    expect((await canonical(storage))[2]).toBe(digest((await storage.get(historyKey(NAME, next.version, 'lg')))?.body));
    expect((await historyDir()).sort()).toEqual([first.version, next.version].sort());
  });

  it('adopts a poster from before versions into history first, and restores exactly it', async () => {
    const legacy = SIZES.map((size) => Buffer.from(`legacy ${size} bytes`));
    await Promise.all(SIZES.map((size, i) => storage.put(posterKey(NAME, size), legacy[i]!, 'image/webp')));
    const legacyDigests = legacy.map(digest);
    await library.actors.update('1', (actor) => ({ ...actor, poster_frames: posterFrames(storage, NAME, 'legacy0001') }));
    const file = await exportedFile();

    await expect(publish(pipelineDeps({ library, storage, actors: failingSave(library.actors) }), 'job_2', 2)).rejects.toMatchObject({
      message: expect.stringContaining('restored to version legacy0001'),
    });
    expect(await canonical(storage)).toEqual(legacyDigests);
    expect(await exportedFile()).toBe(file);
    expect(library.versions.list('1').map((v) => [v.version, v.state])).toEqual([['legacy0001', 'published']]);
    expect(digest((await storage.get(historyKey(NAME, 'legacy0001', 'md')))?.body)).toBe(legacyDigests[1]);
  });

  it('clears the canonical keys again when the first publish of an actor fails', async () => {
    await expect(publish(pipelineDeps({ library, storage, actors: failingSave(library.actors) }), 'job_1', 1)).rejects.toMatchObject({
      message: expect.stringContaining('the canonical keys were cleared again'),
    });
    expect(await canonical(storage)).toEqual([undefined, undefined, undefined]);
    expect(await historyDir()).toEqual([]);
  });
});

describe('S3 (s3rver) behind a proxy that fails writes to one canonical key', () => {
  let s3: RunningS3rver;
  let proxy: FaultProxy;
  let viaProxy: Storage;
  let direct: Storage;

  beforeEach(async () => {
    s3 = await startS3rver();
    proxy = await startFaultProxy(s3.endpoint);
    const options = { bucket: s3.bucket, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true };
    viaProxy = createS3Storage({ ...options, endpoint: proxy.origin, maxAttempts: 2, timeoutMs: 5000 });
    direct = createS3Storage({ ...options, endpoint: s3.endpoint });
  });
  afterEach(async () => {
    await proxy.close();
    await s3.close();
  });

  it('leaves sm/md/lg and actorsData.json exactly as they were, fails the job with the reason, and the next publish succeeds', async () => {
    const first = await publish(pipelineDeps({ library, storage: viaProxy }), 'job_1', 1);
    const before = { objects: await canonical(direct), file: await exportedFile() };
    const mdKey = `/${s3.bucket}/${posterKey(NAME, 'md')}`;
    proxy.rule = ({ method, path }) => (method === 'PUT' && path.split('?')[0] === mdKey ? { kind: 'status', status: 500, code: 'InternalError' } : undefined);

    const error = await publish(pipelineDeps({ library, storage: viaProxy }), 'job_2', 2).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'storage_failed',
      stage: 'uploading',
      message: expect.stringMatching(
        new RegExp(`failed, so the published poster was restored to version ${first.version}: S3 CopyObject of .*_poster_md\\.webp`),
      ),
    });
    expect(proxy.log.filter((entry) => entry.fault)).not.toEqual([]);
    expect(await canonical(direct)).toEqual(before.objects);
    expect(await exportedFile()).toBe(before.file);
    const failedVersion = /Publishing version (\w+)/.exec((error as Error).message)![1]!;
    expect(await storedVersions(direct, [failedVersion])).toEqual([]);
    expect(library.versions.get('1', failedVersion)?.state).toBe('discarded');

    proxy.rule = undefined;
    const next = await publish(pipelineDeps({ library, storage: viaProxy }), 'job_3', 2);
    expect(await canonical(direct)).not.toEqual(before.objects);
    expect(await storedVersions(direct, [first.version, next.version])).toEqual([first.version, next.version]);
    expect(JSON.parse(await exportedFile())[0].poster_frames).toEqual(next.poster_frames);
  });
});
