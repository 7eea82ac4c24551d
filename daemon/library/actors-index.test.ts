import { describe, expect, it } from 'vitest';
import { generatedLibrary } from '../../tests/support/generated-library.js';
import { ActorsIndex, indexRow } from './actors-index.js';
import { LIST_BLOCK_SIZE } from './list-blocks.js';

const text = (index: ActorsIndex) => index.json();

describe('ActorsIndex blocks', () => {
  const actors = generatedLibrary(LIST_BLOCK_SIZE * 3 + 7);

  it('concatenate to the list as compact JSON, the empty list included', () => {
    const index = ActorsIndex.of(actors);
    expect(index.blocks()).toHaveLength(4);
    expect(
      index
        .blocks()
        .map((block) => block.text())
        .join(''),
    ).toBe(JSON.stringify(actors));
    expect(
      ActorsIndex.of([])
        .blocks()
        .map((block) => block.text()),
    ).toEqual(['[]']);
    expect(ActorsIndex.of(actors.slice(0, 1)).json()).toBe(JSON.stringify(actors.slice(0, 1)));
  });

  it('replace only the block holding an actor changed in place, and the ordered array with it', () => {
    const index = ActorsIndex.of(actors);
    const [blocks, ordered] = [index.blocks(), index.ordered()];
    const changed = { ...actors[LIST_BLOCK_SIZE + 5]!, poster_updated_at: '2026-12-02T00:00:00Z' };
    index.apply([indexRow(changed, LIST_BLOCK_SIZE + 5)], 1);

    const after = index.blocks();
    expect(after.map((block, k) => block === blocks[k])).toEqual([true, false, true, true]);
    expect(index.ordered()).not.toBe(ordered);
    expect(index.ordered()[LIST_BLOCK_SIZE + 5]?.json).toBe(JSON.stringify(changed));
    expect(text(index)).toBe(JSON.stringify(actors.with(LIST_BLOCK_SIZE + 5, changed)));
  });

  it.each([
    [
      'an actor added at the end',
      (index: ActorsIndex) => index.apply([indexRow({ id: 9999, name: 'new' }, actors.length)], 1),
      [...actors, { id: 9999, name: 'new' }],
    ],
    ['an actor removed', (index: ActorsIndex) => index.retain(new Set(actors.slice(1).map((a) => String(a.id))), 1), actors.slice(1)],
    [
      'two actors swapped',
      (index: ActorsIndex) => index.apply([indexRow(actors[0]!, 1), indexRow(actors[1]!, 0)], 1),
      [actors[1]!, actors[0]!, ...actors.slice(2)],
    ],
  ])('re-cut every block after %s', (_, change, expected) => {
    const index = ActorsIndex.of(actors);
    const before = index.blocks();
    change(index);
    expect(index.blocks().some((block) => before.includes(block))).toBe(false);
    expect(JSON.parse(text(index))).toStrictEqual(expected);
  });

  it('keeps its blocks when nothing changed', () => {
    const index = ActorsIndex.of(actors);
    const [blocks, ordered] = [index.blocks(), index.ordered()];
    index.apply([indexRow(actors[3]!, 3)], 1);
    index.retain(new Set(actors.map((a) => String(a.id))), 2);
    expect(index.blocks().every((block, k) => block === blocks[k])).toBe(true);
    expect(index.ordered()).toBe(ordered);
  });
});
