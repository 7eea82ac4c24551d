import type { Logger } from 'pino';
import type { Job, RegenerateResponse } from '../shared/api-types.js';
import type { Config } from './config.js';
import { publishLocksDir } from './discovery/data-dir-files.js';
import { createEventBus, type EventBus } from './events/event-bus.js';
import { createKeyedFileLocks } from './fs/keyed-file-locks.js';
import { createInProcessBatches, type InProcessBatchService } from './batches/in-process-batches.js';
import { createInProcessJobs, type InProcessJobService } from './jobs/in-process-jobs.js';
import type { LibraryActorsStore } from './library/library-actors-store.js';
import { openLibrary } from './library/open-library.js';
import { createGenerator } from './pipeline/1-generate/create-generator.js';
import type { Generator } from './pipeline/1-generate/generator.js';
import { createPublicOnlyAgent } from './pipeline/2-download/public-only-agent.js';
import { createStorage } from './pipeline/4-upload/create-storage.js';
import type { Storage } from './pipeline/4-upload/storage.js';
import { runPipeline, type PipelineDeps } from './pipeline/run-pipeline.js';
import { createStageLimits } from './pipeline/stage-limits.js';
import { startPreviewExpiry } from './versions/expire-previews.js';
import { createVersionService, type VersionService } from './versions/version-service.js';

export interface CoreOverrides {
  generator?: Generator;
  storage?: Storage;
}

/** The parts every entry point shares (daemon and CLI): actors, storage, the pipeline and its jobs. */
export interface Core {
  actors: LibraryActorsStore;
  events: EventBus;
  storage: Storage;
  jobs: InProcessJobService;
  /** Preview accept/discard, history and revert. */
  versions: VersionService;
  /** Discards previews left undecided past PREVIEW_EXPIRY_HOURS, now and periodically (the daemon runs it); returns the stop function. */
  startPreviewExpiry(onSwept: (expired: number, error?: unknown) => void): () => Promise<void>;
  batches: InProcessBatchService;
  close(graceMs: number): Promise<void>;
}

const MESSAGES = { publish: 'Poster frame regenerated successfully', preview: 'Poster frame preview generated' } as const;

/** Wires the pipeline from config; the daemon and the CLI get the same parts from the same config. */
export async function createCore(config: Config, logger: Logger, overrides: CoreOverrides = {}): Promise<Core> {
  // The parts that can refuse the configuration come first, before the actors file is watched.
  const generator = overrides.generator ?? (await createGenerator(config));
  const storage = overrides.storage ?? (await createStorage(config));
  // PUBLIC_BASE_URL set: absolute poster URLs are what the operator asked for, so imports keep them.
  const library = openLibrary({
    dataDir: config.dataDir,
    actorsFile: config.actorsFile,
    logger,
    watch: true,
    portableUrls: config.publicBaseUrl === undefined,
  });
  const { actors } = library;
  const events = createEventBus();
  actors.onChange((actor) => events.publish({ type: 'actor', actor }));
  // Each encoding job runs its three sizes at once on libuv's pool; file I/O waits behind them when the pool is smaller.
  const poolNeeded = config.concurrency.encode * 3 + 2;
  if (config.threadpoolSize < poolNeeded) {
    logger.warn(
      { threadpoolSize: config.threadpoolSize, encodeConcurrency: config.concurrency.encode },
      `UV_THREADPOOL_SIZE is ${config.threadpoolSize}; with ENCODE_CONCURRENCY ${config.concurrency.encode} use at least ${poolNeeded} (npm start sets 16) so file I/O does not queue behind image encoding`,
    );
  }
  const deps: PipelineDeps = {
    generator,
    storage,
    actors,
    versions: library.versions,
    checkpoints: library.checkpoints,
    limits: createStageLimits(config.concurrency, generator.capacity?.bind(generator), (report) =>
      logger[report.error ? 'warn' : 'debug'](
        report,
        report.error ? "could not read the generator's capacity; keeping the generate concurrency" : "generate concurrency follows the generator's capacity",
      ),
    ),
    download: {
      maxBytes: config.limits.downloadBytes,
      timeoutMs: config.limits.downloadTimeoutMs,
      dispatcher: createPublicOnlyAgent(config.downloadAllowPrivate),
    },
    maxInputPixels: config.limits.inputPixels,
    webpEffort: config.webpEffort,
    // Held for a copy of three objects and one record update; a holder that hangs longer is taken over.
    retention: config.versions.keep,
    publishLock: createKeyedFileLocks(publishLocksDir(config.dataDir), 'publish-', { timeoutMs: 5 * 60_000, staleMs: 10 * 60_000 }),
  };

  const run = async (job: Job, signal: AbortSignal, report: Parameters<typeof runPipeline>[3]): Promise<RegenerateResponse> => {
    const actor = { id: job.actor_id, name: job.actor_name, description: job.request.actor_description ?? '', loraModelUrl: job.request.lora_model_url };
    const params = job.params ?? job.request.params ?? {};
    const result = await runPipeline({ id: job.id, mode: job.mode, actor, params, source: job.source }, deps, signal, report);
    // The answer promises actorsData.json is updated: wait for the (coalesced) export holding this change.
    await actors.exported();
    return { success: true, actor_id: job.actor_id, actor_name: job.actor_name, poster_frames: result.poster_frames, message: MESSAGES[job.mode] };
  };
  const jobs = createInProcessJobs({
    store: library.jobs,
    events,
    logger,
    run,
    retention: config.jobRetention,
    clearCheckpoints: (id) => library.checkpoints.clear(id),
    backend: generator.name,
  });
  const versions = createVersionService({ ...deps, jobs, versions: library.versions, limit: deps.limits.upload });

  const batches = createInProcessBatches({ store: library.batches, jobs, actors, events, logger });

  return {
    actors,
    events,
    storage,
    jobs,
    versions,
    startPreviewExpiry: (onSwept) =>
      startPreviewExpiry(
        { versions: library.versions, storage, actors, jobs, discard: (jobId, reason) => versions.discard(jobId, reason) },
        config.versions.previewExpiryMs,
        onSwept,
      ),
    batches,
    async close(graceMs) {
      // Batches first: they stop submitting, so the job service is not handed new work while it stops.
      await batches.close();
      await jobs.shutdown(graceMs);
      await library.close();
    },
  };
}
