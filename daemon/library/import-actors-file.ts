import { readFile } from 'node:fs/promises';
import type { Actor } from '../../shared/api-types.js';
import { unlessMissing } from '../fs/atomic-write.js';
import type { ActorsTable } from './actors-table.js';
import { fileIdentity } from './file-identity.js';
import type { LibraryDb } from './open-library-db.js';
import { parseActors } from './parse-actors.js';
import { withPortablePosterUrls } from './portable-poster-urls.js';

export type ImportOutcome = 'missing' | 'absorbed' | 'imported';

/**
 * Brings an actorsData.json edited by another program into the library: new and changed entries are
 * written (with a new revision), entries gone from the file are deleted, the file's order becomes the
 * positions. A file the library already absorbed (our own export, or imported by another process) is
 * skipped. A corrupt file throws `actors_file_corrupt` and changes nothing.
 *
 * @param portableUrls rewrite legacy absolute local-storage poster URLs to `/media/…` (no PUBLIC_BASE_URL).
 */
export async function importActorsFile(db: LibraryDb, table: ActorsTable, file: string, portableUrls: boolean): Promise<ImportOutcome> {
  const identity = fileIdentity(file);
  if (identity === undefined) return 'missing';
  if (identity === table.meta('file_identity')) return 'absorbed';
  const text = await unlessMissing(readFile(file, 'utf8'));
  if (text === undefined) return 'missing';
  const parsed = parseActors(file, text);
  const actors = portableUrls ? parsed.map(withPortablePosterUrls) : parsed;
  const rewritten = actors.some((actor, i) => actor !== parsed[i]);
  return db
    .transaction((): ImportOutcome => {
      if (identity === table.meta('file_identity')) return 'absorbed';
      const changed = applyDiff(table, actors);
      table.setMeta('file_identity', identity);
      // The file already says what the library now holds, unless URLs were rewritten: then export it.
      if (!rewritten) table.setMeta('exported_revision', table.revision());
      return changed ? 'imported' : 'absorbed';
    })
    .immediate();
}

/** Writes the difference between the table and `actors` under one new revision; false when there is none. */
function applyDiff(table: ActorsTable, actors: readonly Actor[]): boolean {
  const stored = new Map(table.since(-1).map((row) => [row.id, row]));
  const wanted = new Set(actors.map((actor) => String(actor.id)));
  const gone = [...stored.keys()].filter((id) => !wanted.has(id));
  const changes = actors.flatMap((actor, position) => {
    const row = stored.get(String(actor.id));
    const json = JSON.stringify(actor);
    return row && row.json === json && row.position === position ? [] : [{ actor, position, row, json }];
  });
  if (gone.length === 0 && changes.length === 0) return false;
  const revision = table.nextRevision();
  gone.forEach(table.remove);
  // Names are unique: free every name that changes first, so two actors can swap theirs.
  for (const { actor, row } of changes) if (row && row.name !== actor.name) table.renameAside(row.id);
  for (const { actor, position, json } of changes) table.write(actor, position, revision, json);
  return true;
}
