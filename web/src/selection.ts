/**
 * Which actors are selected for a batch, and the anchor a shift-click extends a range from (the last
 * card clicked without shift, as in a file manager). Replaced, never changed, so a child given it sees
 * each change.
 */
export interface Selection {
  readonly ids: ReadonlySet<string>;
  readonly anchor?: string;
}

export const NO_SELECTION: Selection = { ids: new Set() };

/**
 * Toggles one actor; with `range`, sets every actor from the anchor to it (in `order`, the grid's
 * order) to the clicked actor's new state. Without an anchor still in `order`, a range is just the one.
 *
 * @param order - the actor ids as the grid shows them, filtered and sorted
 * @example toggle(NO_SELECTION, ['1', '2', '3'], '1', false) // { ids: {'1'}, anchor: '1' }
 */
export function toggle(selection: Selection, order: readonly string[], id: string, range: boolean): Selection {
  const select = !selection.ids.has(id);
  const from = range && selection.anchor !== undefined ? order.indexOf(selection.anchor) : -1;
  const to = order.indexOf(id);
  const span = from < 0 || to < 0 ? [id] : order.slice(Math.min(from, to), Math.max(from, to) + 1);
  const ids = new Set(selection.ids);
  for (const each of span) {
    if (select) ids.add(each);
    else ids.delete(each);
  }
  return { ids, anchor: id };
}

/** Adds every id of `matching` (the actors the filter shows) to the selection. */
export function selectAll(selection: Selection, matching: readonly string[]): Selection {
  return { ids: new Set([...selection.ids, ...matching]), anchor: selection.anchor };
}
