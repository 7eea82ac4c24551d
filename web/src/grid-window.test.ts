import { describe, expect, it } from 'vitest';
import { columnCount, gridWindow } from './grid-window.js';

describe('columnCount', () => {
  it.each([
    [328, 240, 16, 1], // a 360 px phone: one full-width column
    [100, 240, 16, 1],
    [496, 240, 16, 2],
    [495, 240, 16, 1],
    [1000, 240, 16, 3],
    [3500, 330, 22, 10],
  ])('%d px wide with %d px cells and %d px gaps holds %d columns', (width, minCell, gap, columns) => {
    expect(columnCount({ width, minCell, gap })).toBe(columns);
  });
});

describe('gridWindow', () => {
  const grid = { count: 10_000, columns: 4, rowStride: 400, overscanRows: 1 };

  it('renders the rows in view plus the overscan, at the top of the grid', () => {
    expect(gridWindow({ ...grid, visibleTop: -200, visibleBottom: 700 })).toEqual({ start: 0, end: 12, offset: 0, height: 1_000_000 });
  });

  it('renders the same number of rows deep in the grid, with the space above them', () => {
    expect(gridWindow({ ...grid, visibleTop: 400_100, visibleBottom: 401_000 })).toEqual({ start: 3996, end: 4016, offset: 399_600, height: 1_000_000 });
  });

  it('stops at the last item', () => {
    const window = gridWindow({ ...grid, count: 10, visibleTop: 900, visibleBottom: 5000 });
    expect(window).toEqual({ start: 4, end: 10, offset: 400, height: 1200 });
  });

  it('keeps the last row when the viewport is scrolled past the grid', () => {
    expect(gridWindow({ ...grid, count: 10, visibleTop: 9000, visibleBottom: 9900 })).toMatchObject({ start: 8, end: 10 });
  });

  it('renders one row before the row height is known, and nothing for an empty list', () => {
    expect(gridWindow({ ...grid, rowStride: 0, visibleTop: 0, visibleBottom: 900 })).toMatchObject({ start: 0, end: 4 });
    expect(gridWindow({ ...grid, count: 0, visibleTop: 0, visibleBottom: 900 })).toEqual({ start: 0, end: 0, offset: 0, height: 0 });
  });

  it('never renders more than the viewport rows plus overscan, however tall the list', () => {
    const { start, end } = gridWindow({ ...grid, count: 1_000_000, visibleTop: 123_456, visibleBottom: 124_356 });
    expect(end - start).toBeLessThanOrEqual((Math.ceil(900 / 400) + 1 + 2) * 4);
  });
});
