import type { GenerationParams } from '../../../shared/api-types.js';

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
  /** Aborted when the job is cancelled or the daemon shuts down; a backend must stop (and cancel remotely). */
  signal: AbortSignal;
  onProgress: (progress: GenerateProgress) => void;
}

/** A backend's result: the image itself, or a URL (http(s) or data:) that the download stage fetches. */
export type GeneratedImage =
  | { kind: 'bytes'; bytes: Uint8Array; seed?: number }
  | { kind: 'url'; url: string; seed?: number };

/**
 * A generation backend (built-in, RunPod, A1111). Expected failures are thrown as
 * `PipelineError('generation_failed', <backend's message>)`.
 */
export interface Generator {
  readonly name: string;
  generate(request: GenerateRequest): Promise<GeneratedImage>;
}
