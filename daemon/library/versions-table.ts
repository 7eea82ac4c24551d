import type { GenerationParams, JobSource, VersionState } from '../../shared/api-types.js';
import type { Publication, VersionRecord, VersionRecords } from '../versions/version-records.js';
import type { LibraryDb } from './open-library-db.js';

interface VersionRow {
  actor_id: string;
  version: string;
  job_id: string | null;
  created_at: string;
  params: string;
  backend: string | null;
  source: string | null;
  urls: string;
  placeholder: string | null;
  state: string;
}

interface PublicationRow {
  actor_id: string;
  version: string;
  previous: string | null;
  kind: Publication['kind'];
  job_id: string | null;
  at: string;
}

const COLUMNS = 'actor_id, version, job_id, created_at, params, backend, source, urls, placeholder, state';

/**
 * The `versions` and `publications` tables. `seed` and `style` are copied out of `params` into their
 * own columns so a future history filter can use them without parsing JSON.
 */
export function createVersionsTable(db: LibraryDb): VersionRecords {
  const one = db.prepare<[string, string], VersionRow>(`SELECT ${COLUMNS} FROM versions WHERE actor_id = ? AND version = ?`);
  const insert = db.prepare(`
    INSERT INTO versions (${COLUMNS}, seed, style)
    VALUES (@actor_id, @version, @job_id, @created_at, @params, @backend, @source, @urls, @placeholder, 'preview', @seed, @style)
    ON CONFLICT (actor_id, version) DO UPDATE SET job_id = excluded.job_id, created_at = excluded.created_at,
      params = excluded.params, backend = excluded.backend, source = excluded.source, urls = excluded.urls,
      placeholder = excluded.placeholder, state = 'preview', seed = excluded.seed, style = excluded.style
    WHERE versions.state = 'discarded'`);
  const setState = db.prepare<[string, string, string]>('UPDATE versions SET state = ? WHERE actor_id = ? AND version = ?');
  const addPublication = db.prepare(
    'INSERT INTO publications (actor_id, version, previous, kind, job_id, at) VALUES (@actor_id, @version, @previous, @kind, @job_id, @at)',
  );
  const live = db.prepare<[string], VersionRow>(
    `SELECT ${COLUMNS} FROM versions WHERE actor_id = ? AND state != 'discarded' ORDER BY created_at DESC, rowid DESC`,
  );
  const remove = db.prepare<[string, string]>('DELETE FROM versions WHERE actor_id = ? AND version = ?');
  const publications = db.prepare<[string, number], PublicationRow>(
    'SELECT actor_id, version, previous, kind, job_id, at FROM publications WHERE actor_id = ? ORDER BY id DESC LIMIT ?',
  );
  const previews = db.prepare<[string], VersionRow>(`SELECT ${COLUMNS} FROM versions WHERE state = 'preview' AND created_at < ? ORDER BY created_at`);

  const published = db.transaction((p: Publication) => {
    setState.run('published', p.actor_id, p.version);
    addPublication.run({ ...p, previous: p.previous ?? null, job_id: p.job_id ?? null });
  });

  return {
    get: (actorId, version) => fromRow(one.get(actorId, version)),
    stage(record) {
      const params: GenerationParams = record.params;
      const result = insert.run({
        ...record,
        job_id: record.job_id ?? null,
        params: JSON.stringify(params),
        backend: record.backend ?? null,
        source: record.source ?? null,
        urls: JSON.stringify(record.poster_frames),
        placeholder: record.placeholder ?? null,
        seed: params.seed ?? null,
        style: params.style ?? null,
      });
      return result.changes > 0;
    },
    setState: (actorId, version, state) => void setState.run(state, actorId, version),
    published: (publication) => published.immediate(publication),
    list: (actorId) => live.all(actorId).map((row) => fromRow(row)!),
    remove: (actorId, version) => void remove.run(actorId, version),
    publications: (actorId, limit) =>
      publications.all(actorId, limit).map((row) => ({
        actor_id: row.actor_id,
        version: row.version,
        kind: row.kind,
        at: row.at,
        ...(row.previous === null ? {} : { previous: row.previous }),
        ...(row.job_id === null ? {} : { job_id: row.job_id }),
      })),
    previewsBefore: (before) => previews.all(before).map((row) => fromRow(row)!),
  };
}

function fromRow(row: VersionRow | undefined): VersionRecord | undefined {
  if (!row) return undefined;
  return {
    actor_id: row.actor_id,
    version: row.version,
    created_at: row.created_at,
    params: JSON.parse(row.params) as GenerationParams,
    poster_frames: JSON.parse(row.urls) as VersionRecord['poster_frames'],
    state: row.state as VersionState,
    ...(row.job_id === null ? {} : { job_id: row.job_id }),
    ...(row.backend === null ? {} : { backend: row.backend }),
    ...(row.source === null ? {} : { source: row.source as JobSource }),
    ...(row.placeholder === null ? {} : { placeholder: row.placeholder }),
  };
}
