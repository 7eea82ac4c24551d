import type { GenerationParams, JobMode, JobStage, PosterFrames } from '../../shared/api-types.js';
import type { Generator, GenerateRequest } from './1-generate/generator.js';
import { checkGeneratedImage } from './1-generate/check-generated-image.js';
import { downloadImage, type DownloadOptions } from './2-download/download-image.js';
import { decodeImage } from './3-encode/decode-image.js';
import { contentVersion, encodeDecoded } from './3-encode/encode-poster.js';
import { discardDraft, promoteDraft, uploadDraft } from './4-upload/drafts.js';
import { draftKey, framesAt, posterFrames } from './4-upload/keys.js';
import type { Storage } from './4-upload/storage.js';
import type { ActorsStore } from './5-save/actors-store.js';
import type { Checkpoints } from './checkpoints.js';
import { inStage } from './in-stage.js';
import { publishedFrames } from './published-frames.js';
import type { StageLimits } from './stage-limits.js';

export interface PipelineDeps {
  generator: Generator;
  storage: Storage;
  actors: ActorsStore;
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
  publishLock?: <T>(actorName: string, publish: () => Promise<T>, signal: AbortSignal) => Promise<T>;
  now?: () => Date;
}

export interface PipelineJob {
  id: string;
  mode: JobMode;
  actor: GenerateRequest['actor'];
  params: GenerationParams;
}

export type ReportProgress = (stage: JobStage, percent: number, message?: string) => void;

export interface PipelineResult {
  poster_frames: PosterFrames;
  /** Content version of the encoded poster (the `?v=` of its URLs). */
  version: string;
}

const EDGE = 1024;

/**
 * The regeneration pipeline, one stage after another: generate → download → encode → upload (to
 * drafts) → publish (drafts over canonical keys) → save (actorsData.json). Resumes from the job's
 * checkpoints, so a job interrupted by a crash never generates twice or publishes half a poster.
 */
export async function runPipeline(job: PipelineJob, deps: PipelineDeps, signal: AbortSignal, report: ReportProgress): Promise<PipelineResult> {
  const target = { actorName: job.actor.name, jobId: job.id };
  const version = (await deps.checkpoints.loadStaged(job.id)) ?? (await stageDraft(job, deps, signal, report));
  if (job.mode === 'preview') {
    return { poster_frames: framesAt(deps.storage, (size) => draftKey(target.actorName, target.jobId, size), version), version };
  }

  const published = await publishedFrames(deps.actors, String(job.actor.id), version);
  if (published) return { poster_frames: published, version };

  const frames = posterFrames(deps.storage, job.actor.name, version);
  const publishLock = deps.publishLock ?? ((_, publish) => publish());
  report('uploading', 100, 'publishing');
  await publishLock(
    job.actor.name,
    async () => {
      await inStage('uploading', 'storage_failed', signal, () => promoteDraft(deps.storage, deps.limits.upload, target));

      report('saving', 0, 'updating actorsData.json');
      const updatedAt = (deps.now?.() ?? new Date()).toISOString();
      await inStage('saving', 'internal_error', signal, () =>
        deps.actors.update(job.actor.id, (actor) => ({ ...actor, poster_frames: frames, poster_updated_at: updatedAt })),
      );
    },
    signal,
  );
  // The poster is published; leftover drafts are only clutter, so failing to remove them is not the job's failure.
  // The checkpoints stay until the job service has recorded the job as done (see clearCheckpoints).
  await discardDraft(deps.storage, target).catch(() => {});
  report('saving', 100, 'saved');
  return { poster_frames: frames, version };
}

/** Generates (or reuses the checkpointed image), encodes and uploads the draft; returns its version. */
async function stageDraft(job: PipelineJob, deps: PipelineDeps, signal: AbortSignal, report: ReportProgress): Promise<string> {
  const image = (await deps.checkpoints.loadSource(job.id)) ?? (await generate(job, deps, signal, report));

  report('encoding', 0, 'encoding WebP sm/md/lg');
  // One decode per job, inside the encode limit: the generated-image guard reads the same pixels the sizes are made from.
  const encoded = await inStage('encoding', 'invalid_image', signal, () =>
    deps.limits.encode(async () => {
      const decoded = await decodeImage(image, deps.maxInputPixels);
      await checkGeneratedImage(decoded, { width: EDGE, height: EDGE });
      return encodeDecoded(decoded, deps.webpEffort);
    }),
  );
  const version = contentVersion(encoded.sizes);

  report('uploading', 0, 'uploading 0/3');
  await inStage('uploading', 'storage_failed', signal, () =>
    uploadDraft(deps.storage, deps.limits.upload, { actorName: job.actor.name, jobId: job.id }, encoded.sizes, (done, total) =>
      report('uploading', Math.round((done / total) * 90), `uploading ${done}/${total}`),
    ),
  );
  await deps.checkpoints.saveStaged(job.id, version);
  return version;
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
