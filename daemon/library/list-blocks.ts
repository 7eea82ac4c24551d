import type { IndexedActor } from './actors-index.js';

/** Actors per block: one change re-encodes and re-compresses ~126 KB of a 12.6 MB list, about 1.3 ms. */
export const LIST_BLOCK_SIZE = 100;

/**
 * A run of consecutive actors of the list, in file order. Concatenating every block's text gives the
 * list's JSON: the first block opens it with `[`, later ones start with `,`, the last one closes it;
 * concatenating their `pretty()` gives actorsData.json. A block object stays the same while its actors
 * do, so encoders can cache by identity (a WeakMap).
 */
export interface ListBlock {
  /** This block's part of the list's compact JSON (computed on each call: the encoders keep bytes, not strings). */
  text(): string;
  /** This block's part of actorsData.json: `JSON.stringify(actors, null, 2)` and a newline. */
  pretty(): string;
}

/** Block `k` of `entries` (in file order); an empty list is the one block `[]`. */
export function listBlock(entries: readonly IndexedActor[], k: number): ListBlock {
  const start = k * LIST_BLOCK_SIZE;
  const end = Math.min(entries.length, start + LIST_BLOCK_SIZE);
  const members = entries.slice(start, end);
  const last = end === entries.length;
  return {
    text: () => `${k === 0 ? '[' : ','}${members.map((entry) => entry.json).join(',')}${last ? ']' : ''}`,
    pretty() {
      if (entries.length === 0) return '[]\n';
      // Each entry indented one level, as it sits inside the array.
      const indented = members.map((entry) => JSON.stringify(JSON.parse(entry.json), null, 2).replaceAll('\n', '\n  '));
      return `${k === 0 ? '[\n  ' : ',\n  '}${indented.join(',\n  ')}${last ? '\n]\n' : ''}`;
    },
  };
}

/** How many blocks `count` actors make (at least one: the empty list's `[]`). */
export function blockCount(count: number): number {
  return Math.max(1, Math.ceil(count / LIST_BLOCK_SIZE));
}
