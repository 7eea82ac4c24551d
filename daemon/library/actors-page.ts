import type { Actor, ActorsPage, ActorsSort } from '../../shared/api-types.js';
import type { IndexedActor } from './actors-index.js';

export interface ActorsPageQuery {
  /** 1..1000 actors per page. */
  limit: number;
  /** `next_cursor` of the previous page. */
  cursor?: string;
  /** Case-insensitive text that the name or description contains. */
  q?: string;
  sort?: ActorsSort;
}

export const ACTORS_SORTS: readonly ActorsSort[] = ['file', 'name', 'updated'];

type Compare = (a: IndexedActor, b: IndexedActor) => number;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const COMPARE: Record<ActorsSort, Compare> = {
  file: (a, b) => a.position - b.position,
  name: (a, b) => byText(a.name, b.name) || byText(a.id, b.id),
  // Most recently regenerated first; never-regenerated ('') last; ties by name.
  updated: (a, b) => byText(b.updated, a.updated) || byText(a.name, b.name) || byText(a.id, b.id),
};

/**
 * One page of `entries` (in file order). The cursor holds the last entry's sort key, not an offset,
 * so a page boundary stays put when actors before it change. No Node imports.
 *
 * @throws TypeError for a cursor this function did not make.
 */
export function pageActors(entries: readonly IndexedActor[], query: ActorsPageQuery): ActorsPage {
  const sort = query.sort ?? 'file';
  const compare = COMPARE[sort];
  const needle = query.q?.trim().toLowerCase();
  const sorted = sortedOnce(entries, sort);
  const matching = needle ? sorted.filter((entry) => entry.search.includes(needle)) : sorted;
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const start = after ? matching.findIndex((entry) => compare(entry, after) > 0) : 0;
  const page = start < 0 ? [] : matching.slice(start, start + query.limit);
  const last = page.at(-1);
  const more = last !== undefined && start + page.length < matching.length;
  return {
    actors: page.map((entry) => JSON.parse(entry.json) as Actor),
    next_cursor: more ? encodeCursor(last) : null,
    total: matching.length,
  };
}

/**
 * `entries` in `sort` order, sorted once per list: callers pass the index's cached array, which stays
 * the same object until the library changes, so paging through 10,000 actors does not sort them per page.
 */
const sortedLists = new WeakMap<readonly IndexedActor[], Map<ActorsSort, readonly IndexedActor[]>>();
function sortedOnce(entries: readonly IndexedActor[], sort: ActorsSort): readonly IndexedActor[] {
  if (sort === 'file') return entries;
  const bySort = sortedLists.get(entries) ?? new Map<ActorsSort, readonly IndexedActor[]>();
  sortedLists.set(entries, bySort);
  const sorted = bySort.get(sort) ?? [...entries].sort(COMPARE[sort]);
  bySort.set(sort, sorted);
  return sorted;
}

function encodeCursor(entry: IndexedActor): string {
  const key = [entry.position, entry.name, entry.id, entry.updated];
  const bytes = new TextEncoder().encode(JSON.stringify(key));
  return btoa(String.fromCharCode(...bytes))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

function decodeCursor(cursor: string): IndexedActor {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const text = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    const [position, name, id, updated] = JSON.parse(text) as unknown[];
    if (typeof position === 'number' && typeof name === 'string' && typeof id === 'string' && typeof updated === 'string') {
      return { id, name, position, updated, json: '', search: '' };
    }
  } catch {
    // reported below
  }
  throw new TypeError(`Expected a next_cursor from a previous page for cursor but received ${JSON.stringify(cursor)}`);
}
