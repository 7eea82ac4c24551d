import { JOB_STAGES, type Job, type JobStage } from './api-types.js';

/** Words a user reads for each pipeline stage. */
export const STAGE_LABELS: Record<JobStage, string> = {
  queued: 'Queued',
  generating: 'Generating',
  downloading: 'Downloading',
  encoding: 'Encoding',
  uploading: 'Uploading',
  saving: 'Saving',
};

/**
 * Where each stage starts on a 0–100 bar. Generation dominates the wall time (15–60 s on a GPU), so
 * it gets most of the bar; the rest takes a second or two each.
 */
const STAGE_START: Record<JobStage, number> = {
  queued: 0,
  generating: 5,
  downloading: 80,
  encoding: 85,
  uploading: 92,
  saving: 97,
};

const clampPercent = (percent: number): number => (Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0);

/**
 * The whole job's progress from its stage and the percent within that stage.
 *
 * @returns 0–100, rounded; 100 once the job is done
 * @example overallPercent({ status: 'running', stage: 'generating', percent: 50 }) // 43
 */
export function overallPercent(job: Pick<Job, 'status' | 'stage' | 'percent'>): number {
  if (job.status === 'done') return 100;
  const index = JOB_STAGES.indexOf(job.stage);
  const start = STAGE_START[job.stage];
  const next = index + 1 < JOB_STAGES.length ? STAGE_START[JOB_STAGES[index + 1]!] : 100;
  return Math.round(start + ((next - start) * clampPercent(job.percent)) / 100);
}

/**
 * One short line for a card or the jobs panel, e.g. "Generating · 43% · step 15/30". The percent is the
 * whole job's ({@link overallPercent}), the same number the progress bar beside it shows; the backend's
 * message is added only when it says more than the stage name.
 */
export function progressText(job: Pick<Job, 'status' | 'stage' | 'percent' | 'message'>): string {
  const parts = [STAGE_LABELS[job.stage], `${overallPercent(job)}%`];
  const message = job.message?.trim();
  if (message && message.toLowerCase() !== job.stage) parts.push(message);
  return parts.join(' · ');
}

/**
 * A batch's progress: the mean of its jobs' {@link overallPercent}, a settled job (done, failed or
 * cancelled) counting as 100. The API's `percent`, the CLI's bar and the UI's bar all come from here.
 *
 * @returns 0–100, rounded; 100 for an empty batch
 */
export function batchPercent(jobs: readonly Pick<Job, 'status' | 'stage' | 'percent'>[]): number {
  if (jobs.length === 0) return 100;
  const sum = jobs.reduce((total, job) => total + (job.status === 'queued' || job.status === 'running' ? overallPercent(job) : 100), 0);
  return Math.round(sum / jobs.length);
}
