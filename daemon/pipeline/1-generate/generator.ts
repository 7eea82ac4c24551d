import type { GenerationParams } from '../../../shared/api-types.js';
import { isPipelineError } from '../../errors.js';

/** Progress a backend reports while it works: waiting in its queue, or generating. */
export interface GenerateProgress {
  stage: 'queued' | 'generating';
  /** 0–100 within the stage. */
  percent: number;
  /** e.g. "queued on GPU", "step 12/30". */
  message?: string;
}

export interface GenerateRequest {
  actor: {
    id: string;
    name: string;
    description: string;
    loraModelUrl: string;
  };
  params: GenerationParams;
  width: number;
  height: number;
  /**
   * Aborted when the job is cancelled or the daemon shuts down; a backend must stop waiting at once.
   * Whether it also drops the work remotely depends on the reason: see {@link abandonsBackendWork}.
   */
  signal: AbortSignal;
  onProgress: (progress: GenerateProgress) => void;
  /**
   * The backend's own job id, checkpointed so that a job resumed after a crash re-attaches to the GPU
   * work it already paid for instead of submitting it again. Backends without job ids ignore it.
   */
  backendJob?: {
    /** The id an earlier attempt of this job saved, if any. */
    previousId?: string;
    /** Called once the backend has accepted a new job; awaited, so the id is durable before waiting starts. */
    save(id: string): Promise<void>;
  };
}

/** A backend's result: the image itself, or a URL (http(s) or data:) that the download stage fetches. */
export type GeneratedImage = { kind: 'bytes'; bytes: Uint8Array; seed?: number } | { kind: 'url'; url: string; seed?: number };

/**
 * A generation backend (built-in, RunPod, A1111). Expected failures are thrown as
 * `PipelineError('generation_failed', <backend's message>)`.
 */
export interface Generator {
  readonly name: string;
  generate(request: GenerateRequest): Promise<GeneratedImage>;
  /** How many jobs the backend runs at once right now (e.g. a RunPod endpoint's workers); absent when it cannot tell. */
  capacity?(signal: AbortSignal): Promise<number>;
}

/**
 * Whether a backend should drop its remote work (RunPod `/cancel`, A1111 interrupt) on the way out: yes
 * for a cancel, a timeout or a failure; no for a daemon shutdown (`shutting_down`), whose job resumes at
 * the next start and re-attaches to the work already paid for.
 */
export const abandonsBackendWork = (signal: AbortSignal): boolean =>
  !(signal.aborted && isPipelineError(signal.reason) && signal.reason.code === 'shutting_down');
