import type { Actor } from '../../shared/api-types.js';
import type { LibraryDb } from './open-library-db.js';

/** One row of the `actors` table; `json` is the whole actorsData.json entry, compact. */
export interface ActorRow {
  id: string;
  name: string;
  position: number;
  json: string;
  revision: number;
  /** The entry's description when it is a string, else '' (read by SQLite, so the index need not parse `json`). */
  description: string;
  /** poster_updated_at when it is a string, else ''. */
  updated: string;
}

export type ActorsTable = ReturnType<typeof actorsTable>;

/**
 * Prepared statements over `actors` and the `meta` revision counter. Callers wrap writes in a
 * transaction: every change bumps the revision once, and the rows it touches carry the new value.
 */
export function actorsTable(db: LibraryDb) {
  // Starting on 10,000 actors, JSON.parse of every row for two fields cost ~0.3 s of CPU and as much again in GC.
  const columns = `id, name, position, json, revision, iif(json_type(json, '$.description') = 'text', json ->> '$.description', '') AS description,
    coalesce(poster_updated_at, '') AS updated`;
  const since = db.prepare<[number], ActorRow>(`SELECT ${columns} FROM actors WHERE revision > ? ORDER BY position`);
  const one = db.prepare<[string], ActorRow>(`SELECT ${columns} FROM actors WHERE id = ?`);
  const ids = db.prepare<[], { id: string }>('SELECT id FROM actors').pluck();
  const count = db.prepare<[], { n: number }>('SELECT count(*) FROM actors').pluck();
  const upsert = db.prepare(`
    INSERT INTO actors (id, name, position, json, poster_updated_at, revision)
    VALUES (@id, @name, @position, @json, @updated, @revision)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, position = excluded.position, json = excluded.json,
      poster_updated_at = excluded.poster_updated_at, revision = excluded.revision`);
  const renameAside = db.prepare<[string]>('UPDATE actors SET name = char(0) || id WHERE id = ?');
  const remove = db.prepare<[string]>('DELETE FROM actors WHERE id = ?');
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').pluck();
  const setMeta = db.prepare<[string, string]>('UPDATE meta SET value = ? WHERE key = ?');
  const bump = db.prepare<[], { value: string }>("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision' RETURNING value").pluck();

  return {
    /** Rows changed after `revision` (all rows for -1), in file order. */
    since: (revision: number): ActorRow[] => since.all(revision),
    get: (id: string): ActorRow | undefined => one.get(id),
    ids: (): string[] => ids.all() as unknown as string[],
    count: (): number => count.get() as unknown as number,
    /** Upserts `actor`; `json` is its JSON.stringify when the caller already has it. */
    write(actor: Actor, position: number, revision: number, json = JSON.stringify(actor)): void {
      const updated = typeof actor.poster_updated_at === 'string' ? actor.poster_updated_at : null;
      upsert.run({ id: String(actor.id), name: actor.name, position, json, revision, updated });
    },
    /** Frees a name inside a transaction that renames several actors (swapped names would collide). */
    renameAside: (id: string) => void renameAside.run(id),
    remove: (id: string) => void remove.run(id),
    revision: (): number => Number(getMeta.get('revision')),
    nextRevision: (): number => Number(bump.get()),
    meta: (key: string): string => String(getMeta.get(key) ?? ''),
    setMeta: (key: string, value: string | number) => void setMeta.run(String(value), key),
  };
}
