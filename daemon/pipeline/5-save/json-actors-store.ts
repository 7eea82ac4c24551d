import type { Logger } from 'pino';
import type { Actor } from '../../../shared/api-types.js';
import { PipelineError, messageOf } from '../../errors.js';
import { writeFileAtomic } from '../../fs/atomic-write.js';
import { withFileLock } from '../../fs/file-lock.js';
import { watchFile } from '../../fs/watch-file.js';
import type { ActorsStore } from './actors-store.js';
import { type ActorsSnapshot, readActorsFile, serializeActors, versionOf } from './actors-file.js';
import { changedActors } from './changed-actors.js';

export interface JsonActorsStoreOptions {
  /** Path of actorsData.json (a top-level array of actors). */
  file: string;
  logger?: Logger;
  /** Watch the file so edits by other programs reach `onChange`. Default false. */
  watch?: boolean;
  /** How long `update` waits for another process holding the file's lock, in ms. Default 10 000. */
  lockTimeoutMs?: number;
}

export interface JsonActorsStore extends ActorsStore {
  /** Resolves once the file watcher (if any) is running, so later edits are seen. */
  ready(): Promise<void>;
}

/**
 * The ActorsStore over actorsData.json. Updates are serialized in this process by a promise chain and
 * across processes (the CLI, a second daemon) by a lock file; each re-reads the file, so edits made
 * meanwhile are kept. Watcher refreshes run on the same chain, so a change is announced exactly once
 * whether it was ours or another program's.
 */
export function createJsonActorsStore(options: JsonActorsStoreOptions): JsonActorsStore {
  const { file, logger, watch = false, lockTimeoutMs = 10_000 } = options;
  const listeners = new Set<(actor: Actor) => void>();
  let cache: ActorsSnapshot | undefined;
  /** What listeners were last told; undefined until a first good read. */
  let announced: Actor[] | undefined;
  let tail: Promise<unknown> = Promise.resolve();
  let refreshQueued = false;

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  }

  async function current(): Promise<ActorsSnapshot> {
    if (!cache || cache.version !== (await versionOf(file))) cache = await readActorsFile(file);
    return cache;
  }

  function announce(actors: Actor[]): void {
    const changed = announced ? changedActors(announced, actors) : [];
    announced = actors;
    for (const actor of changed) {
      for (const listener of listeners) {
        try {
          listener(structuredClone(actor));
        } catch (error) {
          logger?.error({ err: error, actorId: actor.id }, 'actors change listener failed');
        }
      }
    }
  }

  function refresh(): void {
    // Bursts of watcher events collapse into one read, queued behind any update in flight.
    if (refreshQueued) return;
    refreshQueued = true;
    void serial(async () => {
      refreshQueued = false;
      try {
        const { actors, version } = await current();
        // An editor may delete and recreate the file; announcing every actor again afterwards would be noise.
        if (version === undefined) logger?.warn({ file }, 'actors file is missing; keeping the last good copy');
        else announce(actors);
      } catch (error) {
        logger?.error({ file, err: messageOf(error) }, 'actors file changed but cannot be read; keeping the last good copy');
      }
    });
  }

  const watching = watch
    ? (async () => {
        refresh(); // the baseline that later changes are compared with
        return watchFile(file, refresh, (error) => logger?.error({ file, err: messageOf(error) }, 'actors file watcher failed'));
      })()
    : undefined;

  async function rewrite(actorId: string, change: (actor: Actor) => Actor): Promise<Actor> {
    const { actors } = await readActorsFile(file);
    const index = actors.findIndex((actor) => String(actor.id) === actorId);
    if (index < 0) {
      throw new PipelineError('actor_not_found', `No actor with id "${actorId}" in ${file}. Check the id against GET /api/actors.`);
    }
    const before = actors[index]!;
    const after = change(structuredClone(before));
    if (String(after.id) !== actorId) throw new Error(`An actor update must keep id ${actorId} but returned id ${String(after.id)}`);
    if (JSON.stringify(after) === JSON.stringify(before)) return after;
    const next = actors.with(index, after);
    await writeFileAtomic(file, serializeActors(next));
    announced ??= actors;
    announce(next);
    return structuredClone(after);
  }

  return {
    async list() {
      return structuredClone((await current()).actors);
    },
    async find(idOrName) {
      const { actors } = await current();
      const actor = actors.find((a) => String(a.id) === idOrName) ?? actors.find((a) => a.name === idOrName);
      return actor && structuredClone(actor);
    },
    update(actorId, change) {
      return serial(() => withFileLock(`${file}.lock`, () => rewrite(actorId, change), { timeoutMs: lockTimeoutMs }));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async ready() {
      await watching;
      await serial(async () => undefined);
    },
    async close() {
      listeners.clear();
      await (await watching)?.close();
      await tail;
    },
  };
}
