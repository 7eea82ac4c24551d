import type { Actor } from '../../shared/api-types.js';

/** Actor ids are numbers in the sample data and strings on the wire of jobs; compare them as strings. */
export const actorKey = (actor: Pick<Actor, 'id'>): string => String(actor.id);

const normalise = (text: string): string => text.toLowerCase().replace(/[_-]+/g, ' ').trim();

/**
 * The actors whose name contains every word of the query, ignoring case and treating "_" and "-" as
 * spaces, so "east asian" finds "0003_east_asian_27_female".
 */
export function filterActors(actors: readonly Actor[], query: string): Actor[] {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...actors];
  return actors.filter((actor) => {
    const name = normalise(actor.name);
    return words.every((word) => name.includes(word));
  });
}

/**
 * The fetched list with live `actor` events applied. An event can arrive before the fetch answers,
 * so an update replaces the fetched actor only when it is at least as recent.
 */
export function applyActorUpdates(fetched: readonly Actor[], updates: ReadonlyMap<string, Actor>): Actor[] {
  return fetched.map((actor) => {
    const update = updates.get(actorKey(actor));
    if (!update) return actor;
    return (update.poster_updated_at ?? '') >= (actor.poster_updated_at ?? '') ? update : actor;
  });
}
