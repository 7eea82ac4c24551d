import path from 'node:path';
import { type BatchStore, createLibraryBatchStore } from '../batches/batch-store.js';
import type { Logger } from 'pino';
import { createCheckpointFiles } from '../jobs/checkpoint-files.js';
import { createLibraryJobStore, type JobStore } from '../jobs/job-store.js';
import type { Checkpoints } from '../pipeline/checkpoints.js';
import { importLegacyJobs } from './import-legacy-jobs.js';
import { createLibraryActorsStore, type LibraryActorsStore } from './library-actors-store.js';
import { openLibraryDb } from './open-library-db.js';
import { createVersionsTable } from './versions-table.js';
import type { VersionRecords } from '../versions/version-records.js';

/** The database's name inside DATA_DIR. */
export const LIBRARY_DB_FILE = 'library.db';

export interface LibraryOptions {
  /** Holds `library.db` and `jobs/` (checkpoint files). */
  dataDir: string;
  /** actorsData.json, the library's published export. */
  actorsFile: string;
  logger?: Logger;
  /** Watch actorsData.json for edits by other programs. Default false. */
  watch?: boolean;
  /** Rewrite legacy absolute local poster URLs on import (pass false when PUBLIC_BASE_URL is set). Default true. */
  portableUrls?: boolean;
}

/** Everything persisted about the library: actors, job records, job checkpoints and poster versions. */
export interface Library {
  actors: LibraryActorsStore;
  jobs: JobStore;
  checkpoints: Checkpoints;
  /** Every stored poster version, and what was published when. */
  versions: VersionRecords;
  /** Batch records (issue 11). */
  batches: BatchStore;
  /** Waits for the last export, then closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the library in `DATA_DIR/library.db` (one SQLite file shared by the daemon and the CLI),
 * migrating what an older install kept in files: actorsData.json is imported, `jobs/*.json` moved in.
 *
 * @example const library = openLibrary({ dataDir: 'data', actorsFile: 'data/actorsData.json', watch: true });
 */
export function openLibrary(options: LibraryOptions): Library {
  const { dataDir, actorsFile, logger, watch, portableUrls } = options;
  const db = openLibraryDb(path.join(dataDir, LIBRARY_DB_FILE));
  const jobsDir = path.join(dataDir, 'jobs');
  const moved = importLegacyJobs(db, jobsDir);
  if (moved > 0) logger?.info({ jobs: moved }, 'moved job records from jobs/*.json into library.db');
  const checkpoints = createCheckpointFiles(jobsDir);
  const actors = createLibraryActorsStore({ db, file: actorsFile, logger, watch, portableUrls });
  return {
    actors,
    jobs: createLibraryJobStore(db, checkpoints),
    checkpoints,
    versions: createVersionsTable(db),
    batches: createLibraryBatchStore(db),
    async close() {
      await actors.close();
      db.close();
    },
  };
}
