import { Bounds } from '../render/viewport';
import { GroupBox } from './types';

/** What a picture covers in world units: every node's centre and every group's box; undefined when empty. */
export function drawingBounds(x: ArrayLike<number>, y: ArrayLike<number>, groups: GroupBox[]): Bounds | undefined {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < x.length; i++) {
    x0 = Math.min(x0, x[i]);
    y0 = Math.min(y0, y[i]);
    x1 = Math.max(x1, x[i]);
    y1 = Math.max(y1, y[i]);
  }
  for (const g of groups) {
    x0 = Math.min(x0, g.x);
    y0 = Math.min(y0, g.y);
    x1 = Math.max(x1, g.x + g.width);
    y1 = Math.max(y1, g.y + g.height);
  }
  return Number.isFinite(x0) ? { x0, y0, x1, y1 } : undefined;
}
