/** Small multiples: as square a grid as the panel allows, never cells narrower than a readable chart. */

const MIN_CELL_WIDTH = 280;
const GAP = 8;
/** Below this a multiple scrolls rather than squashing its figures and canvas. */
const MIN_CELL_HEIGHT = 200;

export interface Grid {
  columns: number;
  rows: number;
  cellWidth: number;
  cellHeight: number;
}

export function gridOf(count: number, width: number, height: number): Grid {
  const fit = Math.max(1, Math.floor((width + GAP) / (MIN_CELL_WIDTH + GAP)));
  const columns = Math.max(1, Math.min(count, fit, Math.ceil(Math.sqrt((count * width) / Math.max(height, 1)))));
  const rows = Math.max(1, Math.ceil(count / columns));
  return {
    columns,
    rows,
    cellWidth: Math.max(1, Math.floor((width - GAP * (columns - 1)) / columns)),
    cellHeight: Math.max(MIN_CELL_HEIGHT, Math.floor((height - GAP * (rows - 1)) / rows)),
  };
}
