/**
 * The figure row as a grid of fixed-height rows computed from the cell width, so the canvas below is given exactly
 * the height left over: a wrapping flex row grew past its fixed 64 px in narrow cells and pushed the canvas out.
 */

export type FigureSize = 'large' | 'compact';

export interface FigureGrid {
  size: FigureSize;
  columns: number;
  rows: number;
  /** Height of the whole figure block, gaps included. */
  height: number;
}

/** Narrower than this, figures use the compact type size. */
const LARGE_FROM_WIDTH = 640;
const MIN_WIDTH: Record<FigureSize, number> = { large: 96, compact: 80 };
/** Value line plus caption line (and its 2 px colour rule). */
export const ROW_HEIGHT: Record<FigureSize, number> = { large: 50, compact: 42 };
export const COLUMN_GAP = 8;
export const ROW_GAP = 4;

/**
 * @param figures how many figures there are besides the +Inf overflow, which spans two columns ("2.1 % > 30 s").
 */
export function figureGrid(figures: number, width: number): FigureGrid {
  const size: FigureSize = width >= LARGE_FROM_WIDTH ? 'large' : 'compact';
  const slots = figures + 2;
  const columns = Math.max(2, Math.min(slots, Math.floor((width + COLUMN_GAP) / (MIN_WIDTH[size] + COLUMN_GAP))));
  const rows = Math.ceil(slots / columns);
  return { size, columns, rows, height: rows * ROW_HEIGHT[size] + (rows - 1) * ROW_GAP };
}
