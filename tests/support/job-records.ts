import path from 'node:path';
import Database from 'better-sqlite3';
import type { Job } from '../../shared/api-types.js';

/** The job record as persisted in DATA_DIR/library.db (read by a separate connection, as a restart would), or undefined. */
export function persistedJob(dataDir: string, id: string): Job | undefined {
  const db = new Database(path.join(dataDir, 'library.db'), { readonly: true });
  try {
    const row = db.prepare<[string], { json: string }>('SELECT json FROM jobs WHERE id = ?').get(id);
    return row && (JSON.parse(row.json) as Job);
  } finally {
    db.close();
  }
}

/** Every job record persisted in DATA_DIR/library.db, oldest first. */
export function persistedJobs(dataDir: string): Job[] {
  const db = new Database(path.join(dataDir, 'library.db'), { readonly: true });
  try {
    return db
      .prepare<[], { json: string }>('SELECT json FROM jobs ORDER BY created_at, id')
      .all()
      .map((row) => JSON.parse(row.json) as Job);
  } finally {
    db.close();
  }
}
