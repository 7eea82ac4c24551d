import { renameSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncDirectory, writeTempFile } from '../fs/atomic-write.js';
import type { IndexedActor } from './actors-index.js';
import type { ActorsTable } from './actors-table.js';
import { fileIdentity } from './file-identity.js';
import type { LibraryDb } from './open-library-db.js';

/**
 * actorsData.json exactly as `JSON.stringify(actors, null, 2)` plus a newline (the layout people keep
 * the file in), assembled from each entry's cached indented text so an export after one change
 * re-formats one actor, not 10,000.
 */
export function formatActorsFile(entries: readonly IndexedActor[]): string {
  if (entries.length === 0) return '[]\n';
  for (const entry of entries) entry.pretty ??= JSON.stringify(JSON.parse(entry.json), null, 2).replaceAll('\n', '\n  ');
  return `[\n  ${entries.map((entry) => entry.pretty).join(',\n  ')}\n]\n`;
}

export type ExportOutcome = 'written' | 'stale' | 'file-changed';

/**
 * Publishes `text` (the library at `revision`) as actorsData.json. The bytes go to a fsynced temp file
 * first; the rename happens inside an IMMEDIATE transaction, i.e. under the library's write lock, and
 * only if no process has exported a newer revision meanwhile ('stale': the file never goes backwards)
 * and nobody else has edited the file since the library last absorbed it ('file-changed': import it
 * first, or the edit is lost).
 */
export async function exportActorsFile(db: LibraryDb, table: ActorsTable, file: string, revision: number, text: string): Promise<ExportOutcome> {
  const temp = await writeTempFile(file, text);
  let outcome: ExportOutcome = 'stale';
  try {
    outcome = db
      .transaction((): ExportOutcome => {
        if (Number(table.meta('exported_revision')) >= revision) return 'stale';
        const current = fileIdentity(file);
        if (current !== undefined && current !== table.meta('file_identity')) return 'file-changed';
        renameSync(temp, file);
        table.setMeta('exported_revision', revision);
        table.setMeta('file_identity', fileIdentity(file) ?? '');
        return 'written';
      })
      .immediate();
  } finally {
    if (outcome !== 'written') await rm(temp, { force: true });
  }
  if (outcome === 'written') await syncDirectory(dirname(file));
  return outcome;
}
