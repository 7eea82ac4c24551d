import type { Actor } from '../../shared/api-types.js';
import { type ListBlock, LIST_BLOCK_SIZE, blockCount, listBlock } from './list-blocks.js';

/** What the index keeps per actor: its JSON as stored, plus what lookups, search and sort need. */
export interface IndexedActor {
  id: string;
  name: string;
  position: number;
  json: string;
  /** Lower-cased name and description, for `?q=`. */
  search: string;
  /** poster_updated_at, '' when never regenerated. */
  updated: string;
}

export interface IndexRow {
  id: string;
  name: string;
  position: number;
  json: string;
  /** The description when it is a string, else ''. */
  description: string;
  /** poster_updated_at when it is a string, else ''. */
  updated: string;
}

/** The row `actor` at `position` makes (what the table's query returns for it). */
export function indexRow(actor: Actor, position: number): IndexRow {
  return {
    id: String(actor.id),
    name: actor.name,
    position,
    json: JSON.stringify(actor),
    description: typeof actor.description === 'string' ? actor.description : '',
    updated: typeof actor.poster_updated_at === 'string' ? actor.poster_updated_at : '',
  };
}

/**
 * An in-memory copy of the actors table at one revision, so reads never touch the database or copy
 * 10,000 actors: lookups by id or name, the entries in file order, and the list's JSON as blocks of
 * consecutive actors of which a change replaces only the one holding the changed actor. No Node
 * imports (an edge runtime can hold the same index).
 */
export class ActorsIndex {
  revision = -1;
  private readonly byId = new Map<string, IndexedActor>();
  private readonly byName = new Map<string, IndexedActor>();
  private inOrder: IndexedActor[] | undefined;
  /** Where each id sits in `inOrder`, to find the block an in-place change lands in. */
  private ordinals = new Map<string, number>();
  /** `inOrder` cut into blocks; undefined where a change dropped one (rebuilt on demand). */
  private cut: (ListBlock | undefined)[] = [];
  private body: string | undefined;

  /** An index holding `actors` in that order (tests, and stores without a database). */
  static of(actors: readonly Actor[]): ActorsIndex {
    const index = new ActorsIndex();
    index.apply(actors.map(indexRow), 0);
    return index;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Applies changed rows; returns the entries whose JSON differs from what the index held. */
  apply(rows: readonly IndexRow[], revision: number): IndexedActor[] {
    const changed: IndexedActor[] = [];
    // Copied on the first in-place change: the sorted pages are cached against the old array's identity.
    let inPlace = this.inOrder;
    let copied = false;
    for (const { id, name, position, json, description, updated } of rows) {
      const before = this.byId.get(id);
      if (before && before.json === json && before.position === position) continue;
      if (before) this.byName.delete(before.name);
      const entry: IndexedActor = { id, name, position, json, search: `${name}\n${description}`.toLowerCase(), updated };
      this.byId.set(id, entry);
      this.byName.set(name, entry);
      if (before?.json !== json) changed.push(entry);
      // Same place in the list: replace the entry and its block; anything else re-cuts the whole list.
      const ordinal = before?.position === position ? this.ordinals.get(id) : undefined;
      if (inPlace && ordinal !== undefined) {
        if (!copied) [inPlace, copied] = [[...inPlace], true];
        inPlace[ordinal] = entry;
        this.cut[Math.floor(ordinal / LIST_BLOCK_SIZE)] = undefined;
      } else inPlace = undefined;
    }
    this.moved(revision, inPlace);
    return changed;
  }

  /** Drops the actors whose ids are not in `keep` (removed from the file by another program). */
  retain(keep: ReadonlySet<string>, revision: number): void {
    const size = this.size;
    for (const [id, entry] of this.byId) {
      if (keep.has(id)) continue;
      this.byId.delete(id);
      if (this.byName.get(entry.name) === entry) this.byName.delete(entry.name);
    }
    this.moved(revision, this.size === size ? this.inOrder : undefined);
  }

  find(idOrName: string): IndexedActor | undefined {
    return this.byId.get(idOrName) ?? this.byName.get(idOrName);
  }

  /** The entries in file order (cached until the next change; a change makes a new array). */
  ordered(): readonly IndexedActor[] {
    if (!this.inOrder) {
      this.inOrder = [...this.byId.values()].sort((a, b) => a.position - b.position);
      this.ordinals = new Map(this.inOrder.map((entry, ordinal) => [entry.id, ordinal]));
      this.cut = [];
    }
    return this.inOrder;
  }

  /** The list's JSON as blocks (see ListBlock); a block is the same object until one of its actors changes. */
  blocks(): readonly ListBlock[] {
    const entries = this.ordered();
    const count = blockCount(entries.length);
    for (let k = 0; k < count; k++) this.cut[k] ??= listBlock(entries, k);
    return this.cut.slice(0, count) as ListBlock[];
  }

  /** The whole list as compact JSON, built once per revision. */
  json(): string {
    this.body ??= this.blocks()
      .map((block) => block.text())
      .join('');
    return this.body;
  }

  /** Records a new revision; `inOrder` is the list in file order when the change left every actor in its place. */
  private moved(revision: number, inOrder: IndexedActor[] | undefined): void {
    this.revision = Math.max(this.revision, revision);
    this.inOrder = inOrder;
    this.body = undefined;
  }
}
