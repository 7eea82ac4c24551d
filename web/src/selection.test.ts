import { describe, expect, it } from 'vitest';
import { NO_SELECTION, selectAll, toggle } from './selection.js';

const ORDER = ['1', '2', '3', '4', '5'];
const ids = (selection: { ids: ReadonlySet<string> }) => [...selection.ids].sort();

describe('toggle', () => {
  it('selects and unselects one actor with a plain click', () => {
    const one = toggle(NO_SELECTION, ORDER, '2', false);
    expect(ids(one)).toEqual(['2']);
    expect(ids(toggle(one, ORDER, '2', false))).toEqual([]);
  });

  it('selects the range from the anchor to a shift-clicked actor, in either direction', () => {
    const anchored = toggle(NO_SELECTION, ORDER, '2', false);
    expect(ids(toggle(anchored, ORDER, '4', true))).toEqual(['2', '3', '4']);
    const fromEnd = toggle(NO_SELECTION, ORDER, '5', false);
    expect(ids(toggle(fromEnd, ORDER, '3', true))).toEqual(['3', '4', '5']);
  });

  it('unselects a range when the shift-clicked actor was selected, keeping what lies outside it', () => {
    const all = selectAll(toggle(NO_SELECTION, ORDER, '1', false), ORDER);
    const afterAnchor = toggle(all, ORDER, '2', false);
    expect(ids(toggle(afterAnchor, ORDER, '4', true))).toEqual(['1', '5']);
  });

  it('treats a shift-click without an anchor in the shown order as a plain click', () => {
    expect(ids(toggle(NO_SELECTION, ORDER, '3', true))).toEqual(['3']);
    const gone = toggle(NO_SELECTION, ['9'], '9', false);
    expect(ids(toggle(gone, ORDER, '3', true))).toEqual(['3', '9']);
  });
});

describe('selectAll', () => {
  it('adds every matching actor to what was selected, leaving the input unchanged', () => {
    const one = toggle(NO_SELECTION, ORDER, '9', false);
    const all = selectAll(one, ['1', '2']);
    expect(ids(all)).toEqual(['1', '2', '9']);
    expect(ids(one)).toEqual(['9']);
  });
});
