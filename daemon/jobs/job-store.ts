import type { Job, JobsPage } from '../../shared/api-types.js';
import type { LibraryDb } from '../library/open-library-db.js';
import type { Checkpoints } from '../pipeline/checkpoints.js';
import { DEFAULT_JOBS_LIMIT, decodeJobsCursor, encodeJobsCursor, type JobsQuery } from './jobs-query.js';

/** How long finished job records are kept: both limits apply (the older and the surplus go). */
export interface JobRetention {
  /** Finished jobs older than this (by creation) are forgotten. */
  maxAgeMs: number;
  /** At most this many finished jobs are kept, the newest. */
  maxCount: number;
}

/** Job records, persisted so a job's status survives a restart and an interrupted job can resume. */
export interface JobStore {
  /** The queued and running jobs (of any owner), oldest first: what a start may have to resume. */
  loadUnfinished(): Promise<Job[]>;
  get(id: string): Promise<Job | undefined>;
  /** One page, newest first. @throws TypeError for a cursor it did not make */
  page(query: JobsQuery): Promise<JobsPage>;
  save(job: Job): Promise<void>;
  /** Forgets a job: its record and its checkpoints. */
  remove(id: string): Promise<void>;
  /** Forgets the finished jobs beyond the retention; returns how many. */
  prune(retention: JobRetention, now?: Date): Promise<number>;
}

const TERMINAL = `status IN ('done', 'failed', 'cancelled')`;
const FILTERS = [
  ['status', 'status = @status'],
  ['actor', 'actor_id = @actor'],
  ['batch', 'batch_id = @batch'],
] as const;

/**
 * Job records in the library database's `jobs` table: the Job JSON plus the columns the jobs board
 * filters on (each has an index with `created_at`, so a page is one index range). One row per save, a
 * short transaction each; `checkpoints` are dropped with the record.
 */
export function createLibraryJobStore(db: LibraryDb, checkpoints: Pick<Checkpoints, 'clear'>): JobStore {
  const unfinished = db.prepare<[], string>(`SELECT json FROM jobs WHERE NOT ${TERMINAL} ORDER BY created_at`).pluck();
  const byId = db.prepare<[string], string>('SELECT json FROM jobs WHERE id = ?').pluck();
  const upsert = db.prepare(`
    INSERT INTO jobs (id, actor_id, status, batch_id, owner, created_at, updated_at, json)
    VALUES (@id, @actor_id, @status, @batch_id, @owner, @created_at, @updated_at, @json)
    ON CONFLICT (id) DO UPDATE SET status = excluded.status, batch_id = excluded.batch_id, owner = excluded.owner,
      updated_at = excluded.updated_at, json = excluded.json`);
  const remove = db.prepare<[string]>('DELETE FROM jobs WHERE id = ?');
  /** A page's statement for each combination of filters (at most 16). */
  const statements = new Map<string, ReturnType<LibraryDb['prepare']>>();
  const pruneOld = db.prepare<[string]>(`DELETE FROM jobs WHERE ${TERMINAL} AND created_at < ?`);
  const pruneSurplus = db.prepare<[number]>(
    `DELETE FROM jobs WHERE id IN (SELECT id FROM jobs WHERE ${TERMINAL} ORDER BY created_at DESC, id DESC LIMIT -1 OFFSET ?)`,
  );

  return {
    async loadUnfinished() {
      return unfinished.all().map((json) => JSON.parse(json) as Job);
    },
    async get(id) {
      const json = byId.get(id);
      return json === undefined ? undefined : (JSON.parse(json) as Job);
    },
    async page(query) {
      const limit = query.limit ?? DEFAULT_JOBS_LIMIT;
      const where: string[] = [];
      const params: Record<string, string | number> = { limit: limit + 1 };
      for (const [key, clause] of FILTERS) {
        const value = query[key];
        if (value === undefined) continue;
        where.push(clause);
        params[key] = value;
      }
      if (query.cursor !== undefined) {
        const after = decodeJobsCursor(query.cursor);
        if (!after) throw new TypeError(`Expected a next_cursor from GET /api/jobs for cursor but received ${JSON.stringify(query.cursor)}`);
        where.push('(created_at < @cursorAt OR (created_at = @cursorAt AND id < @cursorId))');
        Object.assign(params, { cursorAt: after.created_at, cursorId: after.id });
      }
      const sql = `SELECT json FROM jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT @limit`;
      const statement = statements.get(sql) ?? statements.set(sql, db.prepare(sql).pluck()).get(sql)!;
      const jobs = (statement.all(params) as string[]).map((json) => JSON.parse(json) as Job);
      const page = jobs.slice(0, limit);
      return { jobs: page, next_cursor: jobs.length > limit ? encodeJobsCursor(page.at(-1)!) : null };
    },
    async save(job) {
      upsert.run(jobRow(job));
    },
    async remove(id) {
      remove.run(id);
      await checkpoints.clear(id);
    },
    async prune(retention, now = new Date()) {
      const cutoff = new Date(now.getTime() - retention.maxAgeMs).toISOString();
      return db.transaction(() => pruneOld.run(cutoff).changes + pruneSurplus.run(retention.maxCount).changes)();
    },
  };
}

/** The columns of a job's row; `owner` is the owner's token. */
export function jobRow(job: Job) {
  return {
    id: job.id,
    actor_id: job.actor_id,
    status: job.status,
    batch_id: job.batch_id ?? null,
    owner: job.owner?.token ?? null,
    created_at: job.created_at,
    updated_at: job.updated_at ?? job.created_at,
    json: JSON.stringify(job),
  };
}
