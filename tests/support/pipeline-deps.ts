import type { Library } from '../../daemon/library/open-library.js';
import { createBuiltinGenerator } from '../../daemon/pipeline/1-generate/builtin-generator.js';
import type { Generator } from '../../daemon/pipeline/1-generate/generator.js';
import type { ActorsStore } from '../../daemon/pipeline/5-save/actors-store.js';
import type { Storage } from '../../daemon/pipeline/4-upload/storage.js';
import type { PipelineDeps, PipelineJob } from '../../daemon/pipeline/run-pipeline.js';
import { createStageLimits } from '../../daemon/pipeline/stage-limits.js';

/** The pipeline's parts over a real library and storage, for in-process pipeline tests; `actors` replaces the library's store. */
export function pipelineDeps(parts: { library: Library; storage: Storage; generator?: Generator; actors?: ActorsStore }): PipelineDeps {
  return {
    generator: parts.generator ?? createBuiltinGenerator(),
    storage: parts.storage,
    actors: parts.actors ?? parts.library.actors,
    versions: parts.library.versions,
    checkpoints: parts.library.checkpoints,
    limits: createStageLimits({ generate: 2, encode: 2, upload: 4 }),
    download: { maxBytes: 1 << 20, timeoutMs: 5000 },
    maxInputPixels: 1 << 24,
    webpEffort: 6,
  };
}

/** A job for actor 1 of sampleActors (`name`), with a given seed: different seeds, different posters. */
export const pipelineJob = (id: string, name: string, seed: number, mode: PipelineJob['mode'] = 'publish'): PipelineJob => ({
  id,
  mode,
  actor: { id: '1', name, description: 'a test actor', loraModelUrl: 's3://m/x.safetensors' },
  params: { seed },
});
