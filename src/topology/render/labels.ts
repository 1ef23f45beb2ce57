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

/** Rectangles binned into the cells of a width × height canvas they touch. */
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

  private span(r: Rect) {
    const clamp = (v: number, max: number) => Math.max(0, Math.min(max - 1, Math.floor(v / CELL)));
    return {
      c0: clamp(r.x, this.cols),
      c1: clamp(r.x + r.width, this.cols),
      r0: clamp(r.y, this.rows),
      r1: clamp(r.y + r.height, this.rows),
    };
  }

  add(r: Rect): void {
    const id = this.rects.push(r) - 1;
    const { c0, c1, r0, r1 } = this.span(r);
    for (let row = r0; row <= r1; row++) {
      for (let col = c0; col <= c1; col++) {
        this.cells[row * this.cols + col].push(id);
      }
    }
  }

  /** Whether r, grown by `pad` on every side, meets any rectangle added. */
  hits(r: Rect, pad: number): boolean {
    const x0 = r.x - pad;
    const y0 = r.y - pad;
    const x1 = r.x + r.width + pad;
    const y1 = r.y + r.height + pad;
    const { c0, c1, r0, r1 } = this.span({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
    for (let row = r0; row <= r1; row++) {
      for (let col = c0; col <= c1; col++) {
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

/** The positions a candidate may take, as top-left corners, in the order they are tried. */
function positions(c: LabelCandidate): Array<[number, number]> {
  const { x, y, gap, width: w, height: h } = c;
  if (c.placement === 'around') {
    return [
      [x - w / 2, y + gap + 2],
      [x - w / 2, y - gap - 2 - h],
      [x + gap + 3, y - h / 2],
      [x - gap - 3 - w, y - h / 2],
    ];
  }
  if (c.placement === 'along') {
    return [
      [x - w / 2, y - h - 1],
      [x - w / 2, y + 1],
      [x - w / 2, y - h / 2],
    ];
  }
  return [[x, y - h - 2]];
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
    for (const [x, y] of positions(c)) {
      const r = { x, y, width: c.width, height: c.height };
      if (x < 0 || y < 0 || x + c.width > width || y + c.height > height) {
        continue;
      }
      if (labels.hits(r, LABEL_PADDING) || blocked.hits(r, 0)) {
        continue;
      }
      labels.add(r);
      placed.push({ ...r, index: c.index, text: c.text, placement: c.placement });
      break;
    }
  }
  return placed;
}
