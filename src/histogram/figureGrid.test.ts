import { figureGrid, ROW_HEIGHT, ROW_GAP } from './figureGrid';

describe('figureGrid', () => {
  it('puts four shares, the overflow and three percentiles on one large row in a wide panel', () => {
    expect(figureGrid(7, 1000)).toEqual({ size: 'large', columns: 9, rows: 1, height: ROW_HEIGHT.large });
  });

  it('uses compact rows in a narrow cell and reserves the height of every row', () => {
    const grid = figureGrid(7, 420);
    expect(grid).toEqual({ size: 'compact', columns: 4, rows: 3, height: 3 * ROW_HEIGHT.compact + 2 * ROW_GAP });
  });
});
