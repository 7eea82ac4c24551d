import type { Actor } from '../../shared/api-types.js';

/** Actor ids are numbers in the sample data and strings on the wire of jobs; compare them as strings. */
export const actorKey = (actor: Pick<Actor, 'id'>): string => String(actor.id);

/** How the grid is ordered: by name (numbers in names counted as numbers), or most recently regenerated first. */
export type SortOrder = 'name' | 'recent';

const normalise = (text: string): string => text.toLowerCase().replace(/[_-]+/g, ' ').trim();

/** The normalised name and description of each actor, made once per actor object, not per keystroke. */
const searchTexts = new WeakMap<Actor, string>();
function searchText(actor: Actor): string {
  let text = searchTexts.get(actor);
  if (text === undefined) {
    text = normalise(`${actor.name} ${typeof actor.description === 'string' ? actor.description : ''}`);
    searchTexts.set(actor, text);
  }
  return text;
}

/**
 * The actors whose name or description contains every word of the query, ignoring case and treating
 * "_" and "-" as spaces, so "east asian" finds "0003_east_asian_27_female" and "headscarf" finds the
 * actor described "a woman with a silk headscarf". Keeps the input's order.
 */
export function filterActors(actors: readonly Actor[], query: string): Actor[] {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...actors];
  return actors.filter((actor) => {
    const text = searchText(actor);
    return words.every((word) => text.includes(word));
  });
}

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare;
const COMPARE: Record<SortOrder, (a: Actor, b: Actor) => number> = {
  name: (a, b) => byName(a.name, b.name),
  // ISO times compare as strings; actors never regenerated go last.
  recent: (a, b) => (b.poster_updated_at ?? '').localeCompare(a.poster_updated_at ?? '') || byName(a.name, b.name),
};

/** A sorted copy. Cheap on a nearly sorted list (one live update), which is what the grid passes after the first sort. */
export const sortActors = (actors: readonly Actor[], order: SortOrder): Actor[] => [...actors].sort(COMPARE[order]);

/** True when `update` is at least as recent as `held`, so an event that raced a fetch never rolls a poster back. */
const isNewer = (update: Actor, held: Actor): boolean => (update.poster_updated_at ?? '') >= (held.poster_updated_at ?? '');

/**
 * The fetched list with live `actor` events applied. An event can arrive before the fetch answers,
 * so an update replaces the fetched actor only when it is at least as recent.
 */
export function applyActorUpdates(fetched: readonly Actor[], updates: ReadonlyMap<string, Actor>): Actor[] {
  return fetched.map((actor) => {
    const update = updates.get(actorKey(actor));
    return update && isNewer(update, actor) ? update : actor;
  });
}

/**
 * One live update applied to a list: the actor replaced in place (when the update is at least as
 * recent), or added at the end when the list does not have it yet (an actor added to actorsData.json
 * after the page loaded).
 *
 * @returns the same array when nothing changed, else a new one
 */
export function replaceActor(actors: readonly Actor[], update: Actor): readonly Actor[] {
  const key = actorKey(update);
  const index = actors.findIndex((actor) => actorKey(actor) === key);
  if (index < 0) return [...actors, update];
  if (!isNewer(update, actors[index]!)) return actors;
  return actors.with(index, update);
}
