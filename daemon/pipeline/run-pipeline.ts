import type { GenerationParams, JobMode, JobSource, JobStage, PosterFrames } from '../../shared/api-types.js';
import { PipelineError } from '../errors.js';
import { isLive, type VersionRecords } from '../versions/version-records.js';
import type { Generator, GenerateRequest } from './1-generate/generator.js';
import { checkGeneratedImage } from './1-generate/check-generated-image.js';
import { downloadImage, type DownloadOptions } from './2-download/download-image.js';
import { decodeImage } from './3-encode/decode-image.js';
import { contentVersion, encodeDecoded } from './3-encode/encode-poster.js';
import { versionFrames } from './4-upload/keys.js';
import { type PublishLock, publishVersion } from './4-upload/publish-version.js';
import { deleteVersion, uploadVersion } from './4-upload/upload-version.js';
import type { Storage } from './4-upload/storage.js';
import type { ActorsStore } from './5-save/actors-store.js';
import type { Checkpoints } from './checkpoints.js';
import { inStage } from './in-stage.js';
import { publishedFrames } from './published-frames.js';
import { isSaturated, type StageLimits } from './stage-limits.js';

export interface PipelineDeps {
  generator: Generator;
  storage: Storage;
  actors: ActorsStore;
  /** Every stored version (the library's `versions` table). */
  versions: VersionRecords;
  checkpoints: Checkpoints;
  limits: StageLimits;
  download: Omit<DownloadOptions, 'signal'>;
  maxInputPixels: number;
  /** WEBP_EFFORT, 0–6. */
  webpEffort: number;
  /**
   * Serialises publishing per actor across processes (the daemon, a CLI): the storage objects and the
   * actor's record then always come from the same job. Default: no lock (one process).
   */
  publishLock?: PublishLock;
  /** Versions kept per actor (VERSIONS_KEEP); absent: all kept. */
  retention?: number;
  now?: () => Date;
}

export interface PipelineJob {
  id: string;
  mode: JobMode;
  actor: GenerateRequest['actor'];
  params: GenerationParams;
  /** Recorded on the version, with the params and the generator's name. */
  source?: JobSource;
}

export type ReportProgress = (stage: JobStage, percent: number, message?: string) => void;

export interface PipelineResult {
  poster_frames: PosterFrames;
  /** Content version of the encoded poster (the `?v=` of its URLs). */
  version: string;
}

const EDGE = 1024;

/**
 * The regeneration pipeline, one stage after another: generate → download → encode → upload (the
 * version, once, to its immutable history keys) → publish (the version over the canonical keys, all or
 * nothing) → save (actorsData.json). A preview stops after the upload. Resumes from the job's
 * checkpoints, so a job interrupted by a crash never generates twice or publishes half a poster.
 */
export async function runPipeline(job: PipelineJob, deps: PipelineDeps, signal: AbortSignal, report: ReportProgress): Promise<PipelineResult> {
  const actorId = String(job.actor.id);
  const staged = await deps.checkpoints.loadStaged(job.id);
  // A staged version whose objects are gone (discarded, or staged by a release that used drafts) is staged again from the source checkpoint.
  const version = staged && isLive(deps.versions.get(actorId, staged)) ? staged : await stageVersion(job, deps, signal, report);
  if (job.mode === 'preview') return { poster_frames: versionFrames(deps.storage, job.actor.name, version), version };

  const published = await publishedFrames(deps.actors, actorId, version);
  if (published) return { poster_frames: published, version };

  report('uploading', 100, 'publishing');
  try {
    const { actor } = await publishVersion(
      { ...deps, limit: deps.limits.upload },
      { actorId, actorName: job.actor.name, version, kind: 'publish', jobId: job.id, onSaving: () => report('saving', 0, 'updating actorsData.json') },
      signal,
    );
    report('saving', 100, 'saved');
    return { poster_frames: actor.poster_frames!, version };
  } catch (error) {
    await dropOwnVersion(job, deps, version);
    throw error;
  }
}

/** A job whose publish failed leaves nothing behind: the version it stored goes, unless it was there before (or is published). */
async function dropOwnVersion(job: PipelineJob, deps: PipelineDeps, version: string): Promise<void> {
  const record = deps.versions.get(String(job.actor.id), version);
  if (record?.job_id !== job.id || record.state !== 'preview') return;
  await deleteVersion(deps.storage, job.actor.name, version).then(
    () => deps.versions.setState(record.actor_id, version, 'discarded'),
    () => {}, // still 'preview': the preview expiry removes it later
  );
}

/** Generates (or reuses the checkpointed image), encodes and stores the version; returns it. */
async function stageVersion(job: PipelineJob, deps: PipelineDeps, signal: AbortSignal, report: ReportProgress): Promise<string> {
  let image: Uint8Array | undefined = (await deps.checkpoints.loadSource(job.id)) ?? (await generate(job, deps, signal, report));

  report('encoding', 0, 'encoding WebP sm/md/lg');
  // Generation can outrun encoding by hundreds of jobs (a fast endpoint, a big batch): a job that must
  // wait for an encode slot keeps its image only in the source checkpoint, not megabytes in memory each.
  if (isSaturated(deps.limits.encode)) image = undefined;
  // One decode per job, inside the encode limit: the generated-image guard reads the same pixels the sizes are made from.
  const encoded = await inStage('encoding', 'invalid_image', signal, () =>
    deps.limits.encode(async () => {
      const decoded = await decodeImage(image ?? (await sourceCheckpoint(deps.checkpoints, job.id)), deps.maxInputPixels);
      await checkGeneratedImage(decoded, { width: EDGE, height: EDGE });
      return encodeDecoded(decoded, deps.webpEffort);
    }),
  );
  const version = contentVersion(encoded.sizes);
  const actorId = String(job.actor.id);

  report('uploading', 0, 'uploading 0/3');
  // The same content stored before (an identical poster generated again) is already there, immutable.
  if (!isLive(deps.versions.get(actorId, version))) {
    await inStage('uploading', 'storage_failed', signal, () =>
      uploadVersion(deps.storage, deps.limits.upload, { actorName: job.actor.name, version }, encoded.sizes, (done, total) =>
        report('uploading', Math.round((done / total) * 90), `uploading ${done}/${total}`),
      ),
    );
  }
  deps.versions.stage({
    actor_id: actorId,
    version,
    job_id: job.id,
    created_at: (deps.now?.() ?? new Date()).toISOString(),
    params: job.params,
    backend: deps.generator.name,
    source: job.source,
    poster_frames: versionFrames(deps.storage, job.actor.name, version),
    state: 'preview',
    placeholder: encoded.placeholder,
  });
  await deps.checkpoints.saveStaged(job.id, version);
  return version;
}

/** The generated image a job checkpointed; it was saved before the job let go of its bytes. */
async function sourceCheckpoint(checkpoints: Checkpoints, jobId: string): Promise<Uint8Array> {
  const image = await checkpoints.loadSource(jobId);
  if (!image) throw new PipelineError('internal_error', `Expected the generated image of job ${jobId} in its source checkpoint but it is missing`);
  return image;
}

async function generate(job: PipelineJob, deps: PipelineDeps, signal: AbortSignal, report: ReportProgress): Promise<Uint8Array> {
  report('queued', 0, 'waiting for a generator slot');
  const previousId = await deps.checkpoints.loadBackendJob(job.id);
  const generated = await inStage('generating', 'generation_failed', signal, () =>
    deps.limits.generate(() => {
      report('generating', 0, `generating on ${deps.generator.name}`);
      return deps.generator.generate({
        actor: job.actor,
        params: job.params,
        width: EDGE,
        height: EDGE,
        signal,
        onProgress: (p) => report(p.stage, p.percent, p.message),
        backendJob: { previousId, save: (id) => deps.checkpoints.saveBackendJob(job.id, id) },
      });
    }),
  );
  let image: Uint8Array;
  if (generated.kind === 'url') {
    report('downloading', 0, 'downloading the generated image');
    image = await inStage('downloading', 'download_failed', signal, () => downloadImage(generated.url, { ...deps.download, signal }));
  } else {
    image = generated.bytes;
  }
  await deps.checkpoints.saveSource(job.id, image);
  return image;
}
