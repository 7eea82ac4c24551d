import type { Job } from '../../shared/api-types.js';
import { overallPercent } from '../../shared/job-progress.js';

const WIDTH = 24;

/** One line of text for a job: `[##########--------------]  42% 0001_european_20_female generating on builtin`. */
export function progressLine(job: Job): string {
  const percent = overallPercent(job);
  const filled = Math.round((percent / 100) * WIDTH);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}]`;
  const state = job.status === 'failed' ? `failed: ${job.error?.message ?? ''}` : (job.message ?? job.stage);
  return `${bar} ${String(percent).padStart(3)}% ${job.actor_name} ${state}`;
}
