import type { Job } from '../../shared/api-types.js';
import type { LibraryDb } from '../library/open-library-db.js';
import type { Checkpoints } from '../pipeline/checkpoints.js';

/** Job records, persisted so a job's status survives a restart and an interrupted job can resume. */
export interface JobStore {
  /** Loads every persisted job; call once at start. */
  load(): Promise<Job[]>;
  save(job: Job): Promise<void>;
  /** Forgets a job: its record and its checkpoints. */
  remove(id: string): Promise<void>;
}

/**
 * Job records in the library database's `jobs` table: the Job JSON plus the columns the jobs board
 * filters on. One row per save, a short transaction each (no whole-folder rewrites); `checkpoints`
 * are dropped with the record.
 */
export function createLibraryJobStore(db: LibraryDb, checkpoints: Pick<Checkpoints, 'clear'>): JobStore {
  const all = db.prepare<[], string>('SELECT json FROM jobs ORDER BY created_at').pluck();
  const upsert = db.prepare(`
    INSERT INTO jobs (id, actor_id, status, batch_id, owner, created_at, updated_at, json)
    VALUES (@id, @actor_id, @status, @batch_id, @owner, @created_at, @updated_at, @json)
    ON CONFLICT (id) DO UPDATE SET status = excluded.status, batch_id = excluded.batch_id, owner = excluded.owner,
      updated_at = excluded.updated_at, json = excluded.json`);
  const remove = db.prepare<[string]>('DELETE FROM jobs WHERE id = ?');

  return {
    async load() {
      return (all.all() as unknown as string[]).map((json) => JSON.parse(json) as Job);
    },
    async save(job) {
      upsert.run(jobRow(job));
    },
    async remove(id) {
      remove.run(id);
      await checkpoints.clear(id);
    },
  };
}

/** The columns of a job's row; `owner` is the owner's token, `batch_id` comes from a field issue 11 adds to Job. */
export function jobRow(job: Job) {
  const extra = job as Job & { batch_id?: unknown };
  return {
    id: job.id,
    actor_id: job.actor_id,
    status: job.status,
    batch_id: typeof extra.batch_id === 'string' ? extra.batch_id : null,
    owner: job.owner?.token ?? null,
    created_at: job.created_at,
    updated_at: job.updated_at ?? job.created_at,
    json: JSON.stringify(job),
  };
}
