import type { Actor, ActorsPage } from '../../../shared/api-types.js';
import type { ActorsPageQuery } from '../../library/actors-page.js';
import type { ListBlock } from '../../library/list-blocks.js';

/** The reads the routes make of the actors: the daemon's store, or the edge's published snapshot. */
export interface ActorsReader {
  list(): Promise<Actor[]>;
  /** Finds an actor by id (compared as a string) or, failing that, by name. */
  find(idOrName: string): Promise<Actor | undefined>;
  /** The whole list as compact JSON in blocks and the library revision it reflects: unchanged blocks stay the same objects. */
  listBlocks(): Promise<{ revision: number; blocks: readonly ListBlock[] }>;
  /** One page of actors, optionally filtered by `q` and sorted. @throws TypeError for a foreign cursor. */
  page(query: ActorsPageQuery): Promise<ActorsPage>;
}

/**
 * The actor library (actorsData.json's entries). Updates of different actors never lose each other,
 * also across processes (the CLI and the daemon); edits another program makes to actorsData.json are
 * imported. A corrupt actorsData.json throws `PipelineError('actors_file_corrupt')` and is never
 * overwritten.
 */
export interface ActorsStore extends ActorsReader {
  /** Applies `change` to one actor and records it durably; returns the actor as recorded. */
  update(actorId: string, change: (actor: Actor) => Actor): Promise<Actor>;
  /** Resolves once actorsData.json on disk holds every change made so far (it is written shortly after changes). */
  exported(): Promise<void>;
  /** Called with every actor whose content changed, by us, another process or a program editing the file. */
  onChange(listener: (actor: Actor) => void): () => void;
  close(): Promise<void>;
}
