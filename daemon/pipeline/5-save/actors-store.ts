import type { Actor } from '../../../shared/api-types.js';

/**
 * The actors in actorsData.json. There is one writer per file; `update` calls are serialized and each
 * re-reads the file, so edits made by other programs are kept. A corrupt file throws
 * `PipelineError('actors_file_corrupt')` and is never overwritten.
 */
export interface ActorsStore {
  list(): Promise<Actor[]>;
  /** Finds an actor by id (compared as a string) or, failing that, by name. */
  find(idOrName: string): Promise<Actor | undefined>;
  /** Applies `change` to one actor and writes the file atomically; returns the actor as written. */
  update(actorId: string, change: (actor: Actor) => Actor): Promise<Actor>;
  /** Called with every actor whose content changed, by us or by another program editing the file. */
  onChange(listener: (actor: Actor) => void): () => void;
  close(): Promise<void>;
}
