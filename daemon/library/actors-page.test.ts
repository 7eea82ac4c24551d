import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/api-types.js';
import { ActorsIndex, indexRow } from './actors-index.js';
import { pageActors } from './actors-page.js';

const actor = (id: number, name: string, updated?: string): Actor => ({ id, name, ...(updated ? { poster_updated_at: updated } : {}) });
const names = (index: ActorsIndex, sort: 'file' | 'name' | 'updated', limit = 10) =>
  pageActors(index.ordered(), { limit, sort }).actors.map((entry) => entry.name);

describe('pageActors', () => {
  it('orders by file, name and most recently updated, and pages with the cursor', () => {
    const index = ActorsIndex.of([actor(1, 'c', '2026-01-01T00:00:00Z'), actor(2, 'a'), actor(3, 'b', '2026-02-01T00:00:00Z')]);
    expect(names(index, 'file')).toEqual(['c', 'a', 'b']);
    expect(names(index, 'name')).toEqual(['a', 'b', 'c']);
    expect(names(index, 'updated')).toEqual(['b', 'c', 'a']);
    const first = pageActors(index.ordered(), { limit: 2, sort: 'name' });
    expect(first).toMatchObject({ total: 3, next_cursor: expect.any(String) });
    expect(pageActors(index.ordered(), { limit: 2, sort: 'name', cursor: first.next_cursor! }).actors.map((a) => a.name)).toEqual(['c']);
  });

  it('sorts again once the library changes (the sorted order is kept per list, not forever)', () => {
    const index = ActorsIndex.of([actor(1, 'c', '2026-01-01T00:00:00Z'), actor(2, 'a'), actor(3, 'b', '2026-02-01T00:00:00Z')]);
    expect(names(index, 'updated')).toEqual(['b', 'c', 'a']);
    index.apply([indexRow(actor(2, 'a', '2026-03-01T00:00:00Z'), 1)], 1);
    expect(names(index, 'updated')).toEqual(['a', 'b', 'c']);
  });
});
