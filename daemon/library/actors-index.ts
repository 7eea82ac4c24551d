import type { Actor } from '../../shared/api-types.js';

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
  /** The entry as it appears in actorsData.json (2-space indented one level in), computed on first export. */
  pretty?: string;
}

export interface IndexRow {
  id: string;
  name: string;
  position: number;
  json: string;
}

/**
 * An in-memory copy of the actors table at one revision, so reads never touch the database or copy
 * 10,000 actors: lookups by id or name, the whole list as one cached JSON string, the entries in file
 * order. No Node imports (an edge runtime can hold the same index).
 */
export class ActorsIndex {
  revision = -1;
  private readonly byId = new Map<string, IndexedActor>();
  private readonly byName = new Map<string, IndexedActor>();
  private inOrder: IndexedActor[] | undefined;
  private body: string | undefined;

  /** An index holding `actors` in that order (tests, and stores without a database). */
  static of(actors: readonly Actor[]): ActorsIndex {
    const index = new ActorsIndex();
    index.apply(
      actors.map((actor, position) => ({ id: String(actor.id), name: actor.name, position, json: JSON.stringify(actor) })),
      0,
    );
    return index;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Applies changed rows; returns the actors whose JSON differs from what the index held. */
  apply(rows: readonly IndexRow[], revision: number): Actor[] {
    const changed: Actor[] = [];
    for (const row of rows) {
      const before = this.byId.get(row.id);
      if (before && before.json === row.json && before.position === row.position) continue;
      if (before) this.byName.delete(before.name);
      const actor = JSON.parse(row.json) as Actor;
      const entry: IndexedActor = {
        ...row,
        search: `${row.name}\n${typeof actor.description === 'string' ? actor.description : ''}`.toLowerCase(),
        updated: typeof actor.poster_updated_at === 'string' ? actor.poster_updated_at : '',
      };
      this.byId.set(row.id, entry);
      this.byName.set(row.name, entry);
      if (before?.json !== row.json) changed.push(actor);
    }
    this.moved(revision);
    return changed;
  }

  /** Drops the actors whose ids are not in `keep` (removed from the file by another program). */
  retain(keep: ReadonlySet<string>, revision: number): void {
    for (const [id, entry] of this.byId) {
      if (keep.has(id)) continue;
      this.byId.delete(id);
      if (this.byName.get(entry.name) === entry) this.byName.delete(entry.name);
    }
    this.moved(revision);
  }

  find(idOrName: string): IndexedActor | undefined {
    return this.byId.get(idOrName) ?? this.byName.get(idOrName);
  }

  /** The entries in file order (cached until the next change). */
  ordered(): readonly IndexedActor[] {
    this.inOrder ??= [...this.byId.values()].sort((a, b) => a.position - b.position);
    return this.inOrder;
  }

  /** The whole list as compact JSON, built once per revision. */
  json(): string {
    this.body ??= `[${this.ordered()
      .map((entry) => entry.json)
      .join(',')}]`;
    return this.body;
  }

  private moved(revision: number): void {
    this.revision = Math.max(this.revision, revision);
    this.inOrder = undefined;
    this.body = undefined;
  }
}
