import { renameSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { syncDirectory, writeTempFile } from '../fs/atomic-write.js';
import type { ActorsTable } from './actors-table.js';
import { fileIdentity } from './file-identity.js';
import type { ListBlock } from './list-blocks.js';
import type { LibraryDb } from './open-library-db.js';

/**
 * actorsData.json exactly as `JSON.stringify(actors, null, 2)` plus a newline (the layout people keep
 * the file in), as the bytes of each block of the list, each kept until its block changes: an export
 * after one change formats and encodes one block, and the file is written from the parts without
 * joining 14 MB on the main thread. The first export formats every block (~5 ms each): it yields to
 * the event loop between blocks, so requests are answered meanwhile.
 */
export function actorsFileParts(): (blocks: readonly ListBlock[]) => Promise<Buffer[]> {
  const bytes = new WeakMap<ListBlock, Buffer>();
  return async (blocks) => {
    const parts: Buffer[] = [];
    for (const block of blocks) {
      let part = bytes.get(block);
      if (!part) {
        if (parts.length > 0) await setImmediate();
        part = Buffer.from(block.pretty());
        bytes.set(block, part);
      }
      parts.push(part);
    }
    return parts;
  };
}

export type ExportOutcome = 'written' | 'stale' | 'file-changed';

/**
 * Publishes `data` (the library at `revision`, whole or in parts) as actorsData.json. The bytes go to a fsynced temp file
 * first; the rename happens inside an IMMEDIATE transaction, i.e. under the library's write lock, and
 * only if no process has exported a newer revision meanwhile ('stale': the file never goes backwards)
 * and nobody else has edited the file since the library last absorbed it ('file-changed': import it
 * first, or the edit is lost).
 */
export async function exportActorsFile(
  db: LibraryDb,
  table: ActorsTable,
  file: string,
  revision: number,
  data: string | readonly Uint8Array[],
): Promise<ExportOutcome> {
  const temp = await writeTempFile(file, data);
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
