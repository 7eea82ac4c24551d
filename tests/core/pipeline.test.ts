import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStage } from '../../shared/api-types.js';
import { PipelineError } from '../../daemon/errors.js';
import type { Generator } from '../../daemon/pipeline/1-generate/generator.js';
import { openLibrary, type Library } from '../../daemon/library/open-library.js';
import { historyKey, posterKey, SIZES } from '../../daemon/pipeline/4-upload/keys.js';
import { createLocalStorage } from '../../daemon/pipeline/4-upload/local-storage.js';
import type { Storage } from '../../daemon/pipeline/4-upload/storage.js';
import type { Checkpoints } from '../../daemon/pipeline/checkpoints.js';
import { runPipeline, type PipelineDeps, type PipelineJob } from '../../daemon/pipeline/run-pipeline.js';
import { createStageLimits } from '../../daemon/pipeline/stage-limits.js';
import { sampleActors, writeActorsFile } from '../support/sample-actors.js';
import { countingGenerator } from '../support/counting-generator.js';
import { pipelineDeps, pipelineJob } from '../support/pipeline-deps.js';
import { tempDir } from '../support/temp-dir.js';

const BASE = 'http://127.0.0.1:8787';
let dir: Awaited<ReturnType<typeof tempDir>>;
let actorsFile: string;
let storage: Storage;
let library: Library;

const deps = (generator?: Generator): PipelineDeps => pipelineDeps({ library, storage, generator });

const [actor] = sampleActors(1);
const job = (id: string): PipelineJob => pipelineJob(id, actor!.name, 42);
const noProgress = () => {};

beforeEach(async () => {
  dir = await tempDir();
  actorsFile = await writeActorsFile(dir.path, sampleActors(3));
  storage = createLocalStorage({ root: path.join(dir.path, 'media'), publicBaseUrl: BASE });
  library = openLibrary({ dataDir: dir.path, actorsFile });
});
afterEach(async () => {
  await library.close();
  await dir.remove();
});

/** actorsData.json once the export holding every change so far is on disk. */
async function exportedActors() {
  await library.actors.exported();
  return JSON.parse(await readFile(actorsFile, 'utf8'));
}

describe('runPipeline', () => {
  it('publishes WebP sm/md/lg at the seed keys and points actorsData.json at them, versioned', async () => {
    const stages: JobStage[] = [];
    const result = await runPipeline(job('job_a'), deps(), new AbortController().signal, (stage) => stages.push(stage));

    for (const size of SIZES) {
      const object = await storage.get(posterKey(actor!.name, size));
      expect(object?.contentType).toBe('image/webp');
      const meta = await sharp(object!.body as Uint8Array).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', { sm: 256, md: 512, lg: 1024 }[size], { sm: 256, md: 512, lg: 1024 }[size]]);
    }
    expect(result.version).toMatch(/^[0-9a-f]{10}$/);
    expect(result.poster_frames.standard.webp_md).toBe(`${BASE}/media/actors/${actor!.name}/poster_frame/${actor!.name}_poster_md.webp?v=${result.version}`);
    const saved = await exportedActors();
    expect(saved[0].poster_frames).toEqual(result.poster_frames);
    expect(saved[0].extra).toEqual({ keep: 'field-1' });
    expect(saved[1].poster_frames).toBeUndefined();
    expect(new Set(stages)).toEqual(new Set(['queued', 'generating', 'encoding', 'uploading', 'saving']));
    // The staged version stays until the job service has recorded the job done (it clears it then).
    expect(await library.checkpoints.loadStaged('job_a')).toBe(result.version);
  });

  it('finishes without publishing again a job that crashed after publishing, before it was recorded done', async () => {
    const first = await runPipeline(job('job_p'), deps(), new AbortController().signal, noProgress);
    // Published already: running the publish again would record a second publication of the same poster.
    const stages: JobStage[] = [];
    const again = await runPipeline(
      job('job_p'),
      deps({ name: 'must-not-run', generate: () => Promise.reject(new Error('generated twice')) }),
      new AbortController().signal,
      (stage) => stages.push(stage),
    );
    expect(again).toEqual(first);
    expect(stages).toEqual([]);
  });

  it('changes nothing in storage or actorsData.json when generation fails, and names the stage', async () => {
    const before = await readFile(actorsFile, 'utf8');
    const failing: Generator = {
      name: 'failing',
      generate: async () => {
        throw new PipelineError('generation_failed', 'worker exploded');
      },
    };
    const error = await runPipeline(job('job_b'), deps(failing), new AbortController().signal, noProgress).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect(error).toMatchObject({ code: 'generation_failed', stage: 'generating', message: 'worker exploded' });
    await library.actors.exported();
    expect(await readFile(actorsFile, 'utf8')).toBe(before);
    expect(await storage.get(posterKey(actor!.name, 'lg'))).toBeNull();
  });

  it('fails a backend that returns a non-image as invalid_image without publishing', async () => {
    const html: Generator = { name: 'html', generate: async () => ({ kind: 'bytes', bytes: new TextEncoder().encode('<html>oops</html>') }) };
    await expect(runPipeline(job('job_c'), deps(html), new AbortController().signal, noProgress)).rejects.toMatchObject({ code: 'invalid_image' });
    expect(await storage.get(posterKey(actor!.name, 'sm'))).toBeNull();
  });

  it("fails a blank (safety-checker black) image in the generating stage without publishing: the guard runs on the encode stage's decode", async () => {
    const black = await sharp({ create: { width: 1024, height: 1024, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const blank: Generator = { name: 'blank', generate: async () => ({ kind: 'bytes', bytes: black }) };
    await expect(runPipeline(job('job_blank'), deps(blank), new AbortController().signal, noProgress)).rejects.toMatchObject({
      code: 'generation_failed',
      stage: 'generating',
      message: expect.stringContaining('The generated image is blank'),
    });
    expect(await storage.get(posterKey(actor!.name, 'sm'))).toBeNull();
  });

  it('leaves the published poster intact when interrupted while uploading, and resumes without generating again', async () => {
    const first = await runPipeline(job('job_old'), deps(), new AbortController().signal, noProgress);
    const published = await storage.get(posterKey(actor!.name, 'lg'));

    const counting = countingGenerator({ seed: 7 });
    const interrupt = new AbortController();
    const interrupted = await runPipeline(job('job_new'), deps(counting.generator), interrupt.signal, (stage) => {
      if (stage === 'uploading') interrupt.abort(new Error('killed'));
    }).catch((e: unknown) => e);
    expect(interrupted).toMatchObject({ message: 'killed' });
    expect(await storage.get(posterKey(actor!.name, 'lg'))).toEqual(published);
    expect((await exportedActors())[0].poster_frames).toEqual(first.poster_frames);

    const resumed = await runPipeline(job('job_new'), deps(counting.generator), new AbortController().signal, noProgress);
    expect(counting.count).toBe(1);
    expect(resumed.version).not.toBe(first.version);
    expect((await exportedActors())[0].poster_frames).toEqual(resumed.poster_frames);
  });

  it('lets go of the generated image while the job waits for an encode slot, and encodes it from the source checkpoint', async () => {
    const loads: boolean[] = [];
    const checkpoints: Checkpoints = {
      ...library.checkpoints,
      loadSource: async (id) => {
        const bytes = await library.checkpoints.loadSource(id);
        loads.push(bytes !== undefined);
        return bytes;
      },
    };
    const limits = createStageLimits({ generate: 1, encode: 1, upload: 4 });
    let release = () => {};
    const busy = limits.encode(() => new Promise<void>((resolve) => (release = resolve)));
    // The slot is freed only once the job has reached the encode stage: it must wait, so it lets go of its bytes.
    const waited = await runPipeline(job('job_wait'), { ...deps(), checkpoints, limits }, new AbortController().signal, (stage) => {
      if (stage === 'encoding') release();
    });
    await busy;
    expect(loads).toEqual([false, true]);
    expect((await exportedActors())[0].poster_frames).toEqual(waited.poster_frames);

    // A free slot: the job encodes the bytes it holds, without reading them back.
    loads.length = 0;
    await runPipeline({ ...job('job_free'), params: { seed: 43 } }, { ...deps(), checkpoints }, new AbortController().signal, noProgress);
    expect(loads).toEqual([false]);
  });

  it('stores a preview as a version at its history keys without touching the published poster', async () => {
    const before = await readFile(actorsFile, 'utf8');
    const preview = await runPipeline({ ...job('job_p'), mode: 'preview', source: 'cli' }, deps(), new AbortController().signal, noProgress);
    expect(preview.poster_frames.standard.webp_lg).toBe(
      `${BASE}/media/actors/${actor!.name}/poster_frame/history/${preview.version}/${actor!.name}_poster_lg.webp?v=${preview.version}`,
    );
    expect(await storage.get(historyKey(actor!.name, preview.version, 'lg'))).not.toBeNull();
    expect(library.versions.get('1', preview.version)).toMatchObject({
      state: 'preview',
      job_id: 'job_p',
      params: { seed: 42 },
      backend: 'builtin',
      source: 'cli',
    });
    expect(await storage.get(posterKey(actor!.name, 'lg'))).toBeNull();
    await library.actors.exported();
    expect(await readFile(actorsFile, 'utf8')).toBe(before);
  });
});
