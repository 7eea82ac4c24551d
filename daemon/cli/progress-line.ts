import type { Job } from '../../shared/api-types.js';
import { overallPercent } from '../../shared/job-progress.js';

const WIDTH = 24;

/** `[##########--------------]  42%`: a bar and its percent, the same number. */
export function progressBar(percent: number): string {
  const filled = Math.round((percent / 100) * WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(percent).padStart(3)}%`;
}

/** One line of text for a job: `[##########--------------]  42% 0001_european_20_female generating on builtin`. */
export function progressLine(job: Job): string {
  const state = job.status === 'failed' ? `failed: ${job.error?.message ?? ''}` : (job.message ?? job.stage);
  return `${progressBar(overallPercent(job))} ${job.actor_name} ${state}`;
}
