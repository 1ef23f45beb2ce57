/**
 * Readability figures of a drawn graph, from what is on screen (page or panel pixels): how much of the panel the
 * drawing covers, how many edges cross, which labels overlap. Pure, shared by the readability bench and the browser
 * tests, and used alike on ours and on the anchors' pictures.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Coverage {
  /** Share (0..1) of the panel's area under any drawn rectangle, overlaps counted once. */
  area: number;
  /** Share of the panel's width and height spanned by the drawing's bounding box, within the panel. */
  width: number;
  height: number;
}

/**
 * Coverage of the panel `panel` by `drawn` (group boxes, node shapes), on a one-pixel raster: exact to a pixel, and
 * linear in the pixels covered, where an exact union of thousands of rectangles is quadratic.
 */
export function coverage(drawn: Rect[], panel: Rect): Coverage {
  const w = Math.max(0, Math.round(panel.width));
  const h = Math.max(0, Math.round(panel.height));
  const raster = new Uint8Array(w * h);
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  let covered = 0;
  for (const r of drawn) {
    const left = Math.max(0, Math.floor(r.x - panel.x));
    const top = Math.max(0, Math.floor(r.y - panel.y));
    const right = Math.min(w, Math.ceil(r.x + r.width - panel.x));
    const bottom = Math.min(h, Math.ceil(r.y + r.height - panel.y));
    if (right <= left || bottom <= top) {
      continue;
    }
    x0 = Math.min(x0, left);
    y0 = Math.min(y0, top);
    x1 = Math.max(x1, right);
    y1 = Math.max(y1, bottom);
    for (let y = top; y < bottom; y++) {
      for (let i = y * w + left, end = y * w + right; i < end; i++) {
        covered += raster[i] ^ 1;
        raster[i] = 1;
      }
    }
  }
  if (covered === 0) {
    return { area: 0, width: 0, height: 0 };
  }
  return { area: covered / (w * h), width: (x1 - x0) / w, height: (y1 - y0) / h };
}

/** A drawn edge: the polyline from its source's centre through its bends to its target's centre. */
export interface DrawnEdge {
  source: string;
  target: string;
  points: Array<{ x: number; y: number }>;
}

interface Segment {
  edge: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
  /** Whether this is the edge's first / last segment, whose end sits on a node. */
  first: boolean;
  last: boolean;
}

const cross = (ox: number, oy: number, ax: number, ay: number, bx: number, by: number) =>
  (ax - ox) * (by - oy) - (ay - oy) * (bx - ox);

/** Whether two segments cross at one point inside both (touching ends and collinear overlaps are not crossings). */
function properlyCross(s: Segment, t: Segment): boolean {
  const d1 = cross(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const d2 = cross(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const d3 = cross(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const d4 = cross(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

/**
 * Edge crossings: points where two different edges' polylines cross. Edges meeting at a shared node do not cross
 * there; self-loops are left out (they cross nothing but their own node). Segments are swept by their left end, so
 * only segments whose x ranges overlap are compared.
 */
export function edgeCrossings(edges: DrawnEdge[]): number {
  const segments: Segment[] = [];
  edges.forEach((e, edge) => {
    if (e.source === e.target) {
      return;
    }
    for (let i = 1; i < e.points.length; i++) {
      const [a, b] = [e.points[i - 1], e.points[i]];
      const [p, q] = a.x <= b.x ? [a, b] : [b, a];
      segments.push({
        edge,
        ax: p.x,
        ay: p.y,
        bx: q.x,
        by: q.y,
        first: i === 1,
        last: i === e.points.length - 1,
      });
    }
  });
  segments.sort((s, t) => s.ax - t.ax);
  let crossings = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    const sTop = Math.min(s.ay, s.by);
    const sBottom = Math.max(s.ay, s.by);
    for (let j = i + 1; j < segments.length && segments[j].ax <= s.bx; j++) {
      const t = segments[j];
      if (t.edge === s.edge || Math.max(t.ay, t.by) < sTop || Math.min(t.ay, t.by) > sBottom) {
        continue;
      }
      crossings += properlyCross(s, t) ? 1 : 0;
    }
  }
  return crossings;
}

/** A drawn label's box on screen, and its font size in pixels. */
export interface DrawnLabel extends Rect {
  text: string;
  px: number;
}

/** Pairs of labels whose boxes overlap by more than a pixel each way (touching rows of text do not count). */
export function labelOverlaps(labels: Rect[]): number {
  const sorted = [...labels].sort((a, b) => a.x - b.x);
  let pairs = 0;
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].x < a.x + a.width - 1; j++) {
      const b = sorted[j];
      const dy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      const dx = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      pairs += dy > 1 && dx > 1 ? 1 : 0;
    }
  }
  return pairs;
}
