import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Job } from '../../shared/api-types.js';
import { isErrno } from '../fs/atomic-write.js';
import { jobRow } from '../jobs/job-store.js';
import type { LibraryDb } from './open-library-db.js';

/**
 * Moves job records an older Posterframe kept as `DATA_DIR/jobs/<id>.json` into the `jobs` table, so
 * their status and resumption survive the upgrade; their checkpoint files stay where they are. A record
 * already in the table wins. Returns how many were moved.
 */
export function importLegacyJobs(db: LibraryDb, jobsDir: string): number {
  let names: string[];
  try {
    names = readdirSync(jobsDir).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return 0;
    throw error;
  }
  const insert = db.prepare(`
    INSERT OR IGNORE INTO jobs (id, actor_id, status, batch_id, owner, created_at, updated_at, json)
    VALUES (@id, @actor_id, @status, @batch_id, @owner, @created_at, @updated_at, @json)`);
  const jobs = names.flatMap((name) => {
    try {
      const job = JSON.parse(readFileSync(path.join(jobsDir, name), 'utf8')) as Job;
      return job?.id && job.created_at ? [job] : [];
    } catch {
      return []; // a record damaged from outside was skipped before the database existed too
    }
  });
  db.transaction(() => {
    for (const job of jobs) insert.run(jobRow(job));
  }).immediate();
  for (const name of names) rmSync(path.join(jobsDir, name), { force: true });
  return jobs.length;
}
