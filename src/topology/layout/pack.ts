/** A box to place, in world units. */
export interface Size {
  width: number;
  height: number;
}

/** Where each box went (top-left corners) and the size each was widened to, in the order given. */
export interface Packing {
  x: number[];
  y: number[];
  width: number[];
  height: number[];
  /** The bounding box of the packing, from (0, 0). */
  extent: Size;
}

/**
 * Boxes in rows, in the order given (reading order keeps neighbours in the order near each other), breaking rows so
 * the packing, fitted into a `aspect`-shaped (width / height) view, is drawn as large as it can be. Each row is then
 * justified to the packing's width, boxes widened in proportion, and each box grows to its row's height, so the
 * packing leaves no ragged edge; growth is at most `maxStretch` times a box's size, the rest is left as gap.
 */
export function packRows(boxes: Size[], aspect: number, gap: number, maxStretch = 1.6): Packing {
  if (boxes.length === 0) {
    return { x: [], y: [], width: [], height: [], extent: { width: 0, height: 0 } };
  }
  const widest = Math.max(...boxes.map((b) => b.width));
  const total = boxes.reduce((sum, b) => sum + b.width + gap, -gap);
  let best: { packing: Packing; covered: number } | undefined;
  // Per number of rows, the narrowest row width that needs no more rows: rows come out even, not a full row of
  // leftovers at the end.
  for (let r = 1; r <= boxes.length; r++) {
    let lo = Math.max(widest, total / r);
    let hi = total;
    for (let step = 0; step < 40 && hi - lo > 1e-3 * hi; step++) {
      const mid = (lo + hi) / 2;
      breakRows(boxes, mid, gap).length <= r ? (hi = mid) : (lo = mid);
    }
    const packing = place(boxes, breakRows(boxes, hi, gap), gap, maxStretch);
    const { width, height } = packing.extent;
    // The view's size does not matter, only its shape: the share of a 1 × 1/aspect view the boxes cover at fit.
    const scale = Math.min(aspect / width, 1 / height);
    const covered = packing.width.reduce((sum, w, i) => sum + w * packing.height[i], 0) * scale * scale;
    if (!best || covered > best.covered * (1 + 1e-9)) {
      best = { packing, covered };
    }
  }
  return best!.packing;
}

function breakRows(boxes: Size[], limit: number, gap: number): number[][] {
  const rows: number[][] = [[]];
  let used = 0;
  boxes.forEach((b, i) => {
    const row = rows[rows.length - 1];
    if (row.length > 0 && used + gap + b.width > limit + 1e-6) {
      rows.push([i]);
      used = b.width;
    } else {
      used += (row.length > 0 ? gap : 0) + b.width;
      row.push(i);
    }
  });
  return rows;
}

function rowsExtent(boxes: Size[], rows: number[][], gap: number): Size {
  let width = 0;
  let height = -gap;
  for (const row of rows) {
    width = Math.max(
      width,
      row.reduce((sum, i) => sum + boxes[i].width + gap, -gap)
    );
    height += Math.max(...row.map((i) => boxes[i].height)) + gap;
  }
  return { width, height };
}

function place(boxes: Size[], rows: number[][], gap: number, maxStretch: number): Packing {
  const { width: extentWidth, height: extentHeight } = rowsExtent(boxes, rows, gap);
  const n = boxes.length;
  const packing: Packing = {
    x: new Array<number>(n).fill(0),
    y: new Array<number>(n).fill(0),
    width: boxes.map((b) => b.width),
    height: boxes.map((b) => b.height),
    extent: { width: extentWidth, height: extentHeight },
  };
  let top = 0;
  for (const row of rows) {
    const rowHeight = Math.max(...row.map((i) => boxes[i].height));
    const content = row.reduce((sum, i) => sum + boxes[i].width, 0);
    const room = extentWidth - gap * (row.length - 1);
    const grow = Math.min(maxStretch, room / content);
    // What the capped growth leaves goes into the gaps, so the row still spans the packing's width.
    const spare = row.length > 1 ? (room - content * grow) / (row.length - 1) : 0;
    let left = row.length > 1 ? 0 : (room - content * grow) / 2;
    for (const i of row) {
      const height = Math.min(rowHeight, boxes[i].height * maxStretch);
      packing.width[i] = boxes[i].width * grow;
      packing.height[i] = height;
      packing.x[i] = left;
      packing.y[i] = top + (rowHeight - height) / 2;
      left += packing.width[i] + gap + spare;
    }
    top += rowHeight + gap;
  }
  return packing;
}
