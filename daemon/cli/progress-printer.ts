import type { Job } from '../../shared/api-types.js';
import { batchPercent } from '../../shared/job-progress.js';
import { totalsOf } from '../batches/summarize-batch.js';
import { progressBar, progressLine } from './progress-line.js';

/**
 * Writes progress to stderr whenever its line changes. One job: that job's line. Several: ONE overall
 * line, `[#####---]  42% 12/30 done, 1 failed, 3 running`, its percent the batchPercent the API and UI
 * show. Redrawn in place on a terminal; one line each otherwise (a log).
 */
export function createProgressPrinter(jobCount: number /** Infinity when not known yet (--all, --failed) */, stream: NodeJS.WriteStream = process.stderr) {
  const latest = new Map<string, Job>();
  const inPlace = Boolean(stream.isTTY);
  let last = '';
  const overall = () => {
    const jobs = [...latest.values()];
    const totals = totalsOf(jobs);
    const total = Number.isFinite(jobCount) ? Math.max(jobCount, jobs.length) : jobs.length;
    const parts = [`${totals.done}/${total} done`];
    for (const key of ['failed', 'cancelled', 'running'] as const) if (totals[key]) parts.push(`${totals[key]} ${key}`);
    // Jobs not heard of yet count as queued at 0 %.
    const unseen = Array.from({ length: total - jobs.length }, () => ({ status: 'queued' as const, stage: 'queued' as const, percent: 0 }));
    const percent = batchPercent([...jobs, ...unseen]);
    return `${progressBar(percent)} ${parts.join(', ')}`;
  };
  return {
    print(job: Job): void {
      latest.set(job.id, job);
      const line = jobCount === 1 ? progressLine(job) : overall();
      if (line === last) return;
      last = line;
      stream.write(inPlace ? `\r\x1b[2K${line}` : `${line}\n`);
    },
    end(): void {
      if (inPlace && last) stream.write('\n');
    },
  };
}
