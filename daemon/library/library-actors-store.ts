import type { Logger } from 'pino';
import type { Actor } from '../../shared/api-types.js';
import { PipelineError, isPipelineError, messageOf } from '../errors.js';
import { watchFile } from '../fs/watch-file.js';
import type { ActorsStore } from '../pipeline/5-save/actors-store.js';
import { ActorsIndex } from './actors-index.js';
import { pageActors } from './actors-page.js';
import { actorsTable } from './actors-table.js';
import { coalescedExport } from './coalesced-export.js';
import { actorsFileParts, exportActorsFile } from './export-actors-file.js';
import { fileIdentity } from './file-identity.js';
import { importActorsFile } from './import-actors-file.js';
import type { LibraryDb } from './open-library-db.js';

export interface LibraryActorsStoreOptions {
  db: LibraryDb;
  /** actorsData.json: imported at start and whenever another program edits it, exported after changes. */
  file: string;
  logger?: Logger;
  /** Watch the file so edits by other programs reach `onChange`. Default false. */
  watch?: boolean;
  /** Rewrite legacy absolute local poster URLs to `/media/…` on import (true unless PUBLIC_BASE_URL is set). */
  portableUrls?: boolean;
  /** How long an export waits for more changes to join it, in ms. Default 25. */
  exportDelayMs?: number;
}

export interface LibraryActorsStore extends ActorsStore {
  /** Resolves once the file has been imported and the watcher (if any) is running. */
  ready(): Promise<void>;
}

/**
 * The actors store over the library database. An update is one short IMMEDIATE transaction (SQLite's
 * write lock serialises it with every other process); reads are answered from an in-memory index kept
 * in step with the table (other processes' commits are pulled in when `PRAGMA data_version` moves).
 * actorsData.json is the published export: written after changes, coalesced, never backwards, and
 * imported when another program edits it. While that file is corrupt every call throws
 * `actors_file_corrupt` and the file is left alone, as before the database existed.
 */
export function createLibraryActorsStore(options: LibraryActorsStoreOptions): LibraryActorsStore {
  const { db, file, logger, watch = false, portableUrls = true, exportDelayMs = 25 } = options;
  const table = actorsTable(db);
  const index = new ActorsIndex();
  const listeners = new Set<(actor: Actor) => void>();
  let dataVersion = -1;
  /** The first pull loads the library: nothing changed for anyone yet (no client is connected before start-up ends). */
  let loaded = false;
  let corrupt: { identity: string; error: PipelineError } | undefined;
  let absorbing: Promise<void> | undefined;
  const fileParts = actorsFileParts();

  /** Brings the index up to the table and announces what changed, whoever changed it. */
  function pull(force = false): void {
    const version = db.pragma('data_version', { simple: true }) as number;
    if (!force && version === dataVersion) return;
    dataVersion = version;
    const revision = table.revision();
    const changed = index.apply(table.since(index.revision), revision);
    if (table.count() !== index.size) index.retain(new Set(table.ids()), revision);
    if (loaded) for (const entry of changed) announce(entry.json);
    loaded = true;
  }

  function announce(json: string): void {
    if (listeners.size === 0) return;
    const actor = JSON.parse(json) as Actor;
    for (const listener of listeners) {
      try {
        listener(structuredClone(actor));
      } catch (error) {
        logger?.error({ err: error, actorId: actor.id }, 'actors change listener failed');
      }
    }
  }

  /** Imports the file if another program changed it since the library last wrote or read it. */
  function absorb(): Promise<void> {
    const identity = fileIdentity(file);
    if (identity === undefined || identity === table.meta('file_identity')) return Promise.resolve(pull());
    if (corrupt?.identity === identity) return Promise.reject(corrupt.error);
    absorbing ??= (async () => {
      try {
        await importActorsFile(db, table, file, portableUrls);
        corrupt = undefined;
      } catch (error) {
        if (isPipelineError(error) && error.code === 'actors_file_corrupt') corrupt = { identity, error };
        throw error;
      } finally {
        absorbing = undefined;
        pull(true);
      }
      if (Number(table.meta('exported_revision')) < table.revision()) exporter.schedule();
    })();
    return absorbing;
  }

  /** The library, current with the file and the other processes; throws while the file is corrupt. */
  async function current(): Promise<ActorsIndex> {
    await started;
    await absorb();
    return index;
  }

  const exporter = coalescedExport({
    delayMs: exportDelayMs,
    revision: () => {
      pull();
      return index.revision;
    },
    onError: (error) => logger?.error({ file, err: messageOf(error) }, 'could not export the actors file'),
    async exportOnce() {
      for (;;) {
        await absorb();
        pull();
        const revision = index.revision;
        if (Number(table.meta('exported_revision')) >= revision) return Number(table.meta('exported_revision'));
        const outcome = await exportActorsFile(db, table, file, revision, await fileParts(index.blocks()));
        if (outcome !== 'file-changed') return Number(table.meta('exported_revision'));
      }
    },
  });

  function onFileEvent(): void {
    absorb().catch((error: unknown) => {
      logger?.error({ file, err: messageOf(error) }, 'actors file changed but cannot be read; keeping the last good copy');
    });
    if (fileIdentity(file) === undefined) logger?.warn({ file }, 'actors file is missing; keeping the last good copy');
  }

  const started = (async () => {
    // The first start of an install imports its actorsData.json; later starts pick up edits made while stopped.
    await absorb().catch((error: unknown) => {
      if (!isPipelineError(error)) throw error;
      logger?.error({ file, err: error.message }, 'actors file cannot be read; keeping the last good copy');
    });
    if (fileIdentity(file) === undefined && index.size > 0) {
      // Deleted while no one was running: the file holds nothing, so write it again from the library.
      table.setMeta('exported_revision', -1);
      exporter.schedule();
    }
  })();
  const watching = started.then(() =>
    watch ? watchFile(file, onFileEvent, (error) => logger?.error({ file, err: messageOf(error) }, 'actors file watcher failed')) : undefined,
  );

  return {
    async list() {
      return JSON.parse((await current()).json()) as Actor[];
    },
    async find(idOrName) {
      const entry = (await current()).find(idOrName);
      return entry && (JSON.parse(entry.json) as Actor);
    },
    async listBlocks() {
      const library = await current();
      return { revision: library.revision, blocks: library.blocks() };
    },
    async page(query) {
      return pageActors((await current()).ordered(), query);
    },
    async update(actorId, change) {
      await current();
      const after = db
        .transaction((): Actor => {
          const row = table.get(actorId);
          if (!row) throw new PipelineError('actor_not_found', `No actor with id "${actorId}" in ${file}. Check the id against GET /api/actors.`);
          const updated = change(JSON.parse(row.json) as Actor);
          if (String(updated.id) !== actorId) throw new Error(`An actor update must keep id ${actorId} but returned id ${String(updated.id)}`);
          if (JSON.stringify(updated) !== row.json) table.write(updated, row.position, table.nextRevision());
          return updated;
        })
        .immediate();
      pull(true);
      exporter.schedule();
      return after;
    },
    async exported() {
      await current();
      if (Number(table.meta('exported_revision')) < index.revision) await exporter.exported(index.revision);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async ready() {
      await watching;
    },
    async close() {
      listeners.clear();
      await (await watching.catch(() => undefined))?.close();
      await exporter.exported(index.revision).catch(() => undefined);
    },
  };
}
