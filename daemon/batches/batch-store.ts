import type { LibraryDb } from '../library/open-library-db.js';
import { DEFAULT_JOBS_LIMIT, decodeJobsCursor, encodeJobsCursor } from '../jobs/jobs-query.js';
import type { BatchRecord } from './summarize-batch.js';

/** Batch records, so a batch and its per-actor job ids survive a restart. */
export interface BatchStore {
  save(batch: BatchRecord): Promise<void>;
  get(id: string): Promise<BatchRecord | undefined>;
  /** The batches not settled yet, oldest first: what a start resumes. */
  loadRunning(): Promise<BatchRecord[]>;
  /** Newest first; the cursor is the last one's `created_at~id`. @throws TypeError for a cursor it did not make */
  page(query: { limit?: number; cursor?: string }): Promise<{ batches: BatchRecord[]; next_cursor: string | null }>;
}

/** Batch records in the library database's `batches` table: the record's JSON, its status and creation time. */
export function createLibraryBatchStore(db: LibraryDb): BatchStore {
  const upsert = db.prepare(`
    INSERT INTO batches (id, created_at, status, json) VALUES (@id, @created_at, @status, @json)
    ON CONFLICT (id) DO UPDATE SET status = excluded.status, json = excluded.json`);
  const byId = db.prepare<[string], string>('SELECT json FROM batches WHERE id = ?').pluck();
  const running = db.prepare<[], string>(`SELECT json FROM batches WHERE status = 'running' ORDER BY created_at`).pluck();
  const first = db.prepare<[number], string>('SELECT json FROM batches ORDER BY created_at DESC, id DESC LIMIT ?').pluck();
  const after = db
    .prepare<[string, string, string, number], string>(
      'SELECT json FROM batches WHERE created_at < ? OR (created_at = ? AND id < ?) ORDER BY created_at DESC, id DESC LIMIT ?',
    )
    .pluck();
  const parse = (json: string) => JSON.parse(json) as BatchRecord;

  return {
    async save(batch) {
      upsert.run({ id: batch.id, created_at: batch.created_at, status: batch.status, json: JSON.stringify(batch) });
    },
    async get(id) {
      const json = byId.get(id);
      return json === undefined ? undefined : parse(json);
    },
    async loadRunning() {
      return running.all().map(parse);
    },
    async page({ limit = DEFAULT_JOBS_LIMIT, cursor }) {
      let rows: string[];
      if (cursor === undefined) rows = first.all(limit + 1);
      else {
        const at = decodeJobsCursor(cursor);
        if (!at) throw new TypeError(`Expected a next_cursor from GET /api/batches for cursor but received ${JSON.stringify(cursor)}`);
        rows = after.all(at.created_at, at.created_at, at.id, limit + 1);
      }
      const batches = rows.slice(0, limit).map(parse);
      return { batches, next_cursor: rows.length > limit ? encodeJobsCursor(batches.at(-1)!) : null };
    },
  };
}
