import type { Job } from '../../shared/api-types.js';

const WIDTH = 24;
const STAGE_SHARE = { queued: 0, generating: 0.05, downloading: 0.6, encoding: 0.65, uploading: 0.8, saving: 0.95 } as const;

/** The job's overall progress, 0–1: each stage owns a slice, the stage's percent fills it. */
export function overallProgress(job: Pick<Job, 'status' | 'stage' | 'percent'>): number {
  if (job.status === 'done') return 1;
  const stages = Object.values(STAGE_SHARE);
  const start = STAGE_SHARE[job.stage];
  const end = stages.find((share) => share > start) ?? 1;
  return start + ((end - start) * Math.min(100, Math.max(0, job.percent))) / 100;
}

/** One line of text for a job: `[#####-------]  42% 0001_european_20_female generating on builtin`. */
export function progressLine(job: Job): string {
  const share = overallProgress(job);
  const filled = Math.round(share * WIDTH);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}]`;
  const state = job.status === 'failed' ? `failed: ${job.error?.message ?? ''}` : (job.message ?? job.stage);
  return `${bar} ${String(Math.round(share * 100)).padStart(3)}% ${job.actor_name} ${state}`;
}
