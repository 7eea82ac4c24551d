/**
 * What a job has already achieved, persisted so that a job interrupted by a crash or kill resumes from
 * its last checkpoint: the backend's job id (a resumed job re-attaches to GPU work already paid for),
 * the generated image (GPU time is the expensive part), then the version stored in history (all three
 * sizes uploaded, nothing published yet).
 */
export interface Checkpoints {
  saveBackendJob(jobId: string, backendJobId: string): Promise<void>;
  loadBackendJob(jobId: string): Promise<string | undefined>;
  saveSource(jobId: string, bytes: Uint8Array): Promise<void>;
  loadSource(jobId: string): Promise<Uint8Array | undefined>;
  saveStaged(jobId: string, version: string): Promise<void>;
  loadStaged(jobId: string): Promise<string | undefined>;
  /** Drops a finished job's checkpoints. */
  clear(jobId: string): Promise<void>;
}
