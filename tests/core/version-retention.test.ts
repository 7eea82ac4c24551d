import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../shared/api-types.js';
import { openLibrary, type Library } from '../../daemon/library/open-library.js';
import { historyKey } from '../../daemon/pipeline/4-upload/keys.js';
import { createLocalStorage } from '../../daemon/pipeline/4-upload/local-storage.js';
import type { Storage } from '../../daemon/pipeline/4-upload/storage.js';
import { runPipeline } from '../../daemon/pipeline/run-pipeline.js';
import { expirePreviews } from '../../daemon/versions/expire-previews.js';
import { createVersionService } from '../../daemon/versions/version-service.js';
import { pipelineDeps, pipelineJob } from '../support/pipeline-deps.js';
import { sampleActors, writeActorsFile } from '../support/sample-actors.js';
import { tempDir } from '../support/temp-dir.js';

const NAME = sampleActors(1)[0]!.name;
let dir: Awaited<ReturnType<typeof tempDir>>;
let library: Library;
let storage: Storage;

beforeEach(async () => {
  dir = await tempDir();
  library = openLibrary({ dataDir: dir.path, actorsFile: await writeActorsFile(dir.path, sampleActors(1)) });
  storage = createLocalStorage({ root: path.join(dir.path, 'media') });
});
afterEach(async () => {
  await library.close();
  await dir.remove();
});

const run = async (id: string, seed: number, mode: 'publish' | 'preview', retention?: number) =>
  (await runPipeline(pipelineJob(id, NAME, seed, mode), { ...pipelineDeps({ library, storage }), retention }, new AbortController().signal, () => {})).version;
const stored = async (version: string) => (await storage.get(historyKey(NAME, version, 'md'))) !== null;

describe('retention (VERSIONS_KEEP)', () => {
  it('prunes the oldest published versions only, never the current one or a pending preview', async () => {
    const v1 = await run('job_1', 1, 'publish', 3);
    const v2 = await run('job_2', 2, 'publish', 3);
    const preview = await run('job_p', 4, 'preview', 3);
    const v3 = await run('job_3', 3, 'publish', 3);

    expect(library.versions.list('1').map((v) => v.version)).toEqual([v3, preview, v2]);
    expect([await stored(v1), await stored(v2), await stored(preview), await stored(v3)]).toEqual([false, true, true, true]);
    expect(library.versions.get('1', v1)).toBeUndefined();
  });
});

describe('preview expiry (PREVIEW_EXPIRY_HOURS)', () => {
  /** Jobs as the job service would hold them: a small fake of our own interface. */
  const jobs = new Map<string, Job>();
  const previewJob = (id: string, version: string): Job =>
    ({ id, mode: 'preview', status: 'done', version, actor_id: '1', actor_name: NAME, created_at: '', updated_at: '' }) as Job;
  const service = () => {
    const deps = pipelineDeps({ library, storage });
    return createVersionService({
      ...deps,
      jobs: {
        get: async (id) => jobs.get(id),
        decide: async (id, decision) => Object.assign(jobs.get(id)!, { decision }),
      },
      limit: deps.limits.upload,
    });
  };
  const expiry = () => {
    const versions = service();
    return { versions: library.versions, storage, actors: library.actors, jobs: { get: async (id: string) => jobs.get(id) }, discard: versions.discard };
  };

  it('discards an undecided preview older than the expiry, recording why, and leaves a younger one', async () => {
    const version = await run('job_p', 4, 'preview');
    jobs.set('job_p', previewJob('job_p', version));

    expect(await expirePreviews(expiry(), new Date(Date.now() - 3600_000))).toBe(0);
    expect(await stored(version)).toBe(true);

    expect(await expirePreviews(expiry(), new Date(Date.now() + 1000))).toBe(1);
    expect(jobs.get('job_p')?.decision).toMatchObject({ kind: 'discarded', reason: 'expired' });
    expect(await stored(version)).toBe(false);
    expect(library.versions.get('1', version)?.state).toBe('discarded');
  });

  it('removes a preview-state version whose job is gone, but not one of a job still running', async () => {
    const orphan = await run('job_gone', 5, 'preview');
    const busy = await run('job_busy', 6, 'preview');
    jobs.set('job_busy', { ...previewJob('job_busy', busy), status: 'running' });

    expect(await expirePreviews(expiry(), new Date(Date.now() + 1000))).toBe(1);
    expect([await stored(orphan), await stored(busy)]).toEqual([false, true]);
  });
});
