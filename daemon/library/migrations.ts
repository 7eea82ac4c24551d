/**
 * The library's schema, one entry per version; `PRAGMA user_version` records how many have run.
 * Append only: a released migration is never edited, so every install reaches the same schema.
 *
 * - `meta`: small named values: `revision` (bumped by every library change; ETags and export order),
 *   `exported_revision` (the revision actorsData.json holds) and `file_identity`
 *   (the file as last written or imported, so our own writes are not mistaken for another program's).
 * - `actors`: one row per entry of actorsData.json; `json` is the whole entry (unknown fields included),
 *   `position` its place in the file, `revision` the library revision that last changed it.
 * - `versions`: every encoded poster of an actor (issue 10: preview / published / discarded, revert).
 * - `jobs`: job records (the Job JSON plus the columns the jobs board filters on; issue 11).
 * - `batches`: groups of jobs regenerated together (issue 11).
 * - `publications` (2): every time a version was put over the canonical keys (a job's publish, an
 *   accepted preview, a revert) and which version it replaced, so a revert can be undone.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  INSERT INTO meta (key, value) VALUES ('revision', '0'), ('exported_revision', '-1'), ('file_identity', '');

  CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    json TEXT NOT NULL,
    poster_updated_at TEXT,
    revision INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX actors_by_revision ON actors (revision);

  CREATE TABLE versions (
    actor_id TEXT NOT NULL,
    version TEXT NOT NULL,
    job_id TEXT,
    created_at TEXT NOT NULL,
    seed INTEGER,
    style TEXT,
    params TEXT NOT NULL DEFAULT '{}',
    backend TEXT,
    source TEXT,
    urls TEXT NOT NULL DEFAULT '{}',
    placeholder TEXT,
    state TEXT NOT NULL CHECK (state IN ('preview', 'published', 'discarded')),
    PRIMARY KEY (actor_id, version)
  ) STRICT;
  CREATE INDEX versions_by_actor_time ON versions (actor_id, created_at);

  CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    actor_id TEXT NOT NULL,
    status TEXT NOT NULL,
    batch_id TEXT,
    owner TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    json TEXT NOT NULL
  ) STRICT;
  CREATE INDEX jobs_by_status ON jobs (status, created_at);
  CREATE INDEX jobs_by_actor ON jobs (actor_id, created_at);
  CREATE INDEX jobs_by_batch ON jobs (batch_id, created_at);
  CREATE INDEX jobs_by_created ON jobs (created_at);

  CREATE TABLE batches (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL,
    json TEXT NOT NULL
  ) STRICT;
  CREATE INDEX batches_by_created ON batches (created_at);
  `,
  `
  CREATE TABLE publications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    actor_id TEXT NOT NULL,
    version TEXT NOT NULL,
    previous TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('publish', 'accept', 'revert')),
    job_id TEXT,
    at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX publications_by_actor ON publications (actor_id, id);
  CREATE INDEX versions_by_state ON versions (state, created_at);
  `,
];
