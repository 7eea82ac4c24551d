import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

export type LibraryDb = Database.Database;

/**
 * Opens (creating if needed) the library database shared by the daemon and the CLI, and brings its
 * schema up to date. WAL lets readers run beside the one writer; `busy_timeout` makes a second process
 * wait for the write lock instead of failing, which is what serialises updates across processes.
 *
 * @example const db = openLibraryDb('data/library.db');
 */
export function openLibraryDb(file: string): LibraryDb {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 10000');
    // FULL fsyncs the WAL on every commit: an answered update survives a power loss, not only a crash.
    db.pragma('synchronous = FULL');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: LibraryDb): void {
  // IMMEDIATE: two processes starting together must not both run the same migration.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      throw new Error(
        `Expected a library database of schema version ≤ ${MIGRATIONS.length} but received version ${current}; it was written by a newer Posterframe.`,
      );
    }
    for (const sql of MIGRATIONS.slice(current)) db.exec(sql);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
