import { Rect } from './frameCache';

/**
 * Label placement in screen space: labels are taken in priority order and each goes to the first of a few positions
 * around its anchor that is inside the canvas and overlaps no label placed before it and no obstacle (the drawn
 * nodes); a label with no such position is dropped, never drawn over another. A uniform grid over the canvas keeps
 * each test to the few rectangles near it, so placing every label of a 5,000-node mesh stays a few milliseconds.
 */

/** Where around its anchor a label may go, tried in order. */
export type Placement =
  /** A node's: below, above, right, left of a disc of radius `gap`. */
  | 'around'
  /** An edge's: just above its midpoint, just below, centred on it. */
  | 'along'
  /** A group's: above the box's top-left corner, or nowhere. */
  | 'corner';

export interface LabelCandidate {
  /** Caller's index (node, edge or group), handed back with the placed label. */
  index: number;
  text: string;
  /** Anchor, CSS pixels. */
  x: number;
  y: number;
  /** Room to keep clear around the anchor, CSS pixels. */
  gap: number;
  width: number;
  height: number;
  placement: Placement;
}

export interface PlacedLabel extends Rect {
  index: number;
  text: string;
  placement: Placement;
}

/** Space kept between two labels, CSS pixels: touching labels read as one. */
export const LABEL_PADDING = 2;
const CELL = 48;

/**
 * Rectangles binned into the cells of a width × height canvas they touch. Tests take plain numbers: at fit most of a
 * large mesh's 25,000 candidates fit nowhere, and a rectangle object per position tried was a minor GC per frame.
 */
class Grid {
  private readonly cols: number;
  private readonly rows: number;
  private readonly cells: number[][];
  private readonly rects: Rect[] = [];

  constructor(width: number, height: number) {
    this.cols = Math.max(1, Math.ceil(width / CELL));
    this.rows = Math.max(1, Math.ceil(height / CELL));
    this.cells = Array.from({ length: this.cols * this.rows }, () => []);
  }

  private col(x: number): number {
    return Math.max(0, Math.min(this.cols - 1, Math.floor(x / CELL)));
  }

  private row(y: number): number {
    return Math.max(0, Math.min(this.rows - 1, Math.floor(y / CELL)));
  }

  add(r: Rect): void {
    const id = this.rects.push(r) - 1;
    const c1 = this.col(r.x + r.width);
    const r1 = this.row(r.y + r.height);
    for (let row = this.row(r.y); row <= r1; row++) {
      for (let col = this.col(r.x); col <= c1; col++) {
        this.cells[row * this.cols + col].push(id);
      }
    }
  }

  /** Whether the rectangle at (x, y) of width × height, grown by `pad` on every side, meets any rectangle added. */
  hits(x: number, y: number, width: number, height: number, pad: number): boolean {
    const x0 = x - pad;
    const y0 = y - pad;
    const x1 = x + width + pad;
    const y1 = y + height + pad;
    const c1 = this.col(x1);
    const r1 = this.row(y1);
    for (let row = this.row(y0); row <= r1; row++) {
      for (let col = this.col(x0); col <= c1; col++) {
        for (const id of this.cells[row * this.cols + col]) {
          const o = this.rects[id];
          if (o.x < x1 && o.x + o.width > x0 && o.y < y1 && o.y + o.height > y0) {
            return true;
          }
        }
      }
    }
    return false;
  }
}

/** How many positions a candidate of each placement may take. */
const POSITIONS: Record<Placement, number> = { around: 4, along: 3, corner: 1 };
const at = { x: 0, y: 0 };

/** The top-left corner of a candidate's `p`th position, in the order they are tried, written into `at`. */
function position(c: LabelCandidate, p: number): void {
  const { x, y, gap, width: w, height: h } = c;
  if (c.placement === 'around') {
    at.x = p < 2 ? x - w / 2 : p === 2 ? x + gap + 3 : x - gap - 3 - w;
    at.y = p === 0 ? y + gap + 2 : p === 1 ? y - gap - 2 - h : y - h / 2;
  } else if (c.placement === 'along') {
    at.x = x - w / 2;
    at.y = p === 0 ? y - h - 1 : p === 1 ? y + 1 : y - h / 2;
  } else {
    at.x = x;
    at.y = y - h - 2;
  }
}

/**
 * Places `candidates`, highest priority first, in a width × height canvas clear of `obstacles` and of each other.
 * Pure: the same input gives the same rectangles, which the renderer draws and the test hook reports.
 */
export function placeLabels(
  candidates: LabelCandidate[],
  obstacles: Rect[],
  width: number,
  height: number
): PlacedLabel[] {
  const labels = new Grid(width, height);
  const blocked = new Grid(width, height);
  obstacles.forEach((o) => blocked.add(o));
  const placed: PlacedLabel[] = [];
  for (const c of candidates) {
    for (let p = 0; p < POSITIONS[c.placement]; p++) {
      position(c, p);
      const { x, y } = at;
      if (x < 0 || y < 0 || x + c.width > width || y + c.height > height) {
        continue;
      }
      if (labels.hits(x, y, c.width, c.height, LABEL_PADDING) || blocked.hits(x, y, c.width, c.height, 0)) {
        continue;
      }
      const label = { x, y, width: c.width, height: c.height, index: c.index, text: c.text, placement: c.placement };
      labels.add(label);
      placed.push(label);
      break;
    }
  }
  return placed;
}
