import type { Job } from '../../shared/api-types.js';
import { progressLine } from './progress-line.js';

/**
 * Writes a job's progress to stderr whenever its line changes: redrawn in place for a single job on a
 * terminal, one line each otherwise (a log, several jobs interleaving).
 */
export function createProgressPrinter(jobCount: number, stream: NodeJS.WriteStream = process.stderr) {
  const lines = new Map<string, string>();
  const inPlace = stream.isTTY && jobCount === 1;
  return {
    print(job: Job): void {
      const line = progressLine(job);
      if (lines.get(job.id) === line) return;
      lines.set(job.id, line);
      stream.write(inPlace ? `\r\x1b[2K${line}` : `${line}\n`);
    },
    end(): void {
      if (inPlace && lines.size > 0) stream.write('\n');
    },
  };
}
