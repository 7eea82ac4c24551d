/** The geometry of a grid of equal cells, in CSS pixels. */
export interface GridGeometry {
  /** Width of the grid's box. */
  width: number;
  /** Smallest width a cell may have (a narrower grid gets one full-width column). */
  minCell: number;
  /** Space between cells, across and down. */
  gap: number;
}

/** How many columns fit: as many cells of at least `minCell` as the width holds, at least one. */
export function columnCount({ width, minCell, gap }: GridGeometry): number {
  return Math.max(1, Math.floor((width + gap) / (Math.min(width, minCell) + gap)));
}

export interface WindowInput {
  count: number;
  columns: number;
  /** A row's height plus the gap below it. */
  rowStride: number;
  /** The part of the grid inside the viewport, from the grid's own top edge (may be negative or past the end). */
  visibleTop: number;
  visibleBottom: number;
  /** Rows rendered beyond each edge, so fast scrolling and Tab into the next row find cards already there. */
  overscanRows: number;
}

export interface GridWindow {
  /** Index of the first item rendered. */
  start: number;
  /** Index after the last item rendered. */
  end: number;
  /** Space above the first rendered row. */
  offset: number;
  /** The whole grid's height, as if every row were rendered. */
  height: number;
}

/**
 * Which items a windowed grid renders: the rows that cross the viewport plus `overscanRows` on each
 * side, never more. Everything else is empty space of the right height, so the scroll bar and the
 * page's length stay as they would be with every card in the DOM.
 */
export function gridWindow({ count, columns, rowStride, visibleTop, visibleBottom, overscanRows }: WindowInput): GridWindow {
  const rows = Math.ceil(count / columns);
  const height = rows * rowStride;
  if (rows === 0 || rowStride <= 0) return { start: 0, end: Math.min(count, columns), offset: 0, height };
  const firstRow = Math.min(rows - 1, Math.max(0, Math.floor(visibleTop / rowStride) - overscanRows));
  const lastRow = Math.min(rows, Math.max(firstRow + 1, Math.ceil(visibleBottom / rowStride) + overscanRows));
  return { start: firstRow * columns, end: Math.min(count, lastRow * columns), offset: firstRow * rowStride, height };
}
