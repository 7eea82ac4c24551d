import { readdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import type { Job } from '../../shared/api-types.js';

/**
 * Removes local storage's draft folders (`actors/<name>/poster_frame/drafts/<job id>/`) that no job
 * needs: the job is unknown (forgotten, or its record lost) or ended — except a finished preview,
 * whose draft is its result. A job still queued or running keeps its draft, which it resumes from.
 * Returns the folders removed.
 */
export async function removeStaleDrafts(mediaRoot: string, jobOf: (id: string) => Promise<Job | undefined>): Promise<string[]> {
  const removed: string[] = [];
  const actorsDir = path.join(mediaRoot, 'actors');
  for (const actor of await readdir(actorsDir).catch(() => [])) {
    const draftsDir = path.join(actorsDir, actor, 'poster_frame', 'drafts');
    for (const jobId of await readdir(draftsDir).catch(() => [])) {
      const job = await jobOf(jobId);
      const needed = job && (job.status === 'queued' || job.status === 'running' || (job.mode === 'preview' && job.status === 'done'));
      if (needed) continue;
      await rm(path.join(draftsDir, jobId), { recursive: true, force: true });
      removed.push(path.join(draftsDir, jobId));
    }
    // rmdir only succeeds on an empty folder, which is what a crash mid-cleanup leaves.
    await rmdir(draftsDir).catch(() => {});
  }
  return removed;
}
