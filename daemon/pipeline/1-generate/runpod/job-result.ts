import { PipelineError } from '../../../errors.js';
import type { GeneratedImage } from '../generator.js';
import { describeRunpodFailure } from './describe-failure.js';
import { parseRunpodOutput } from './parse-output.js';
import type { RunpodJob } from './runpod-api.js';

/**
 * A terminal job as the caller sees it: COMPLETED gives the image (with the worker's seed, else the one
 * we asked for); FAILED, TIMED_OUT and CANCELLED become PipelineError('generation_failed') with the job id in details.
 */
export function jobResult(job: RunpodJob, requestedSeed: number): GeneratedImage {
  switch (job.status) {
    case 'COMPLETED': {
      const image = parseRunpodOutput(job.output);
      return { ...image, seed: image.seed ?? requestedSeed };
    }
    case 'FAILED': {
      const { message, details } = describeRunpodFailure(job.error);
      throw new PipelineError('generation_failed', message, { details: { jobId: job.id, ...details } });
    }
    case 'TIMED_OUT':
      throw new PipelineError(
        'generation_failed',
        `RunPod stopped the job at its execution timeout (TIMED_OUT); raise RUNPOD_TIMEOUT_MS or check the worker's logs`,
        { details: { jobId: job.id } },
      );
    default:
      throw new PipelineError('generation_failed', `The RunPod job ended as ${job.status} (cancelled outside Posterframe?); regenerate to try again`, {
        details: { jobId: job.id },
      });
  }
}
