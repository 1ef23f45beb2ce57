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

/** A drawn node: its centre and the radius of what is drawn for it. */
export interface DrawnNode {
  id: string;
  x: number;
  y: number;
  radius: number;
}

type Point = { x: number; y: number };
type Disc = Point & { radius: number };

/** The polyline from where it leaves the disc, the crossing point interpolated between the points either side. */
function leaving(points: Point[], disc: Disc): Point[] {
  const away = (p: Point) => Math.hypot(p.x - disc.x, p.y - disc.y) - disc.radius;
  const k = points.findIndex((p) => away(p) >= 0);
  if (k <= 0) {
    return k === 0 ? points : [];
  }
  const [p, q] = [points[k - 1], points[k]];
  const t = -away(p) / (away(q) - away(p));
  return [{ x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y) }, ...points.slice(k)];
}

/** What shows of an edge's polyline from node `from` to node `to`: the part outside their discs, drawn over it. */
export function clipToDiscs(points: Point[], from: Disc, to: Disc): Point[] {
  return leaving(leaving(points, from).reverse(), to).reverse();
}

/** Distance from (px, py) to the segment (ax, ay)–(bx, by). */
function toSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length)) : 0;
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/**
 * Nodes drawn on an edge that is not theirs: within their radius plus `slack` of another edge's polyline. Such an
 * edge seems to end at, or pass through, that node, and an edge to the node can lie along it. Nodes are bucketed in a
 * grid of cells as wide as the widest reach, so each segment looks only at the cells along it.
 */
export function nodesOnForeignEdges(nodes: DrawnNode[], edges: DrawnEdge[], slack: number): number {
  const reach = Math.max(1, ...nodes.map((n) => n.radius + slack));
  const cell = 2 * reach;
  const grid = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    const key = `${Math.floor(n.x / cell)},${Math.floor(n.y / cell)}`;
    const list = grid.get(key);
    list ? list.push(i) : grid.set(key, [i]);
  });
  const on = new Uint8Array(nodes.length);
  for (const e of edges) {
    for (let k = 1; k < e.points.length; k++) {
      const [a, b] = [e.points[k - 1], e.points[k]];
      const steps = Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / cell);
      const seen = new Set<string>();
      for (let s = 0; s <= steps; s++) {
        const t = steps > 0 ? s / steps : 0;
        const [cx, cy] = [Math.floor((a.x + t * (b.x - a.x)) / cell), Math.floor((a.y + t * (b.y - a.y)) / cell)];
        for (let gx = cx - 1; gx <= cx + 1; gx++) {
          for (let gy = cy - 1; gy <= cy + 1; gy++) {
            const key = `${gx},${gy}`;
            if (seen.has(key)) {
              continue;
            }
            seen.add(key);
            for (const i of grid.get(key) ?? []) {
              const n = nodes[i];
              if (
                n.id !== e.source &&
                n.id !== e.target &&
                toSegment(n.x, n.y, a.x, a.y, b.x, b.y) < n.radius + slack
              ) {
                on[i] = 1;
              }
            }
          }
        }
      }
    }
  }
  return on.reduce((sum, v) => sum + v, 0);
}

/** Angle bins for nearly parallel segments, radians. */
const ANGLE_BIN = 0.02;

/**
 * Pairs of edges drawn along each other: some segment of one runs within `tolerance` of a segment of the other, nearly
 * parallel, for at least `length` (so edges leaving one node at an angle do not count), and one of them is hidden
 * under the other there. Segments are binned by direction and by offset of their line, and only segments sharing a
 * bin are compared.
 */
export function overlappingEdges(edges: DrawnEdge[], tolerance: number, length: number): number {
  interface Piece {
    edge: number;
    ax: number;
    ay: number;
    bx: number;
    by: number;
  }
  const bins = new Map<string, Piece[]>();
  const angleBins = Math.ceil(Math.PI / ANGLE_BIN);
  edges.forEach((e, edge) => {
    if (e.source === e.target) {
      return;
    }
    for (let k = 1; k < e.points.length; k++) {
      const [a, b] = [e.points[k - 1], e.points[k]];
      if (Math.hypot(b.x - a.x, b.y - a.y) < length) {
        continue;
      }
      const angle = (Math.atan2(b.y - a.y, b.x - a.x) + Math.PI) % Math.PI;
      const bin = Math.floor(angle / ANGLE_BIN);
      // Each segment goes in its angle bin and the next, so neighbours across a bin border meet in one of them.
      for (const ab of [bin, (bin + 1) % angleBins]) {
        const theta = (ab + 0.5) * ANGLE_BIN;
        const offset = (p: { x: number; y: number }) => -Math.sin(theta) * p.x + Math.cos(theta) * p.y;
        const [lo, hi] = [Math.min(offset(a), offset(b)), Math.max(offset(a), offset(b))];
        for (
          let ob = Math.floor((lo - tolerance) / (4 * tolerance));
          ob <= Math.floor((hi + tolerance) / (4 * tolerance));
          ob++
        ) {
          const key = `${ab},${ob}`;
          const list = bins.get(key);
          const piece = { edge, ax: a.x, ay: a.y, bx: b.x, by: b.y };
          list ? list.push(piece) : bins.set(key, [piece]);
        }
      }
    }
  });
  const pairs = new Set<number>();
  const along = (s: Piece, t: Piece) => {
    // The stretch of t within tolerance of s's line, measured along s, clipped to s.
    const sl = Math.hypot(s.bx - s.ax, s.by - s.ay);
    const [ux, uy] = [(s.bx - s.ax) / sl, (s.by - s.ay) / sl];
    const project = (x: number, y: number) => [(x - s.ax) * ux + (y - s.ay) * uy, -(x - s.ax) * uy + (y - s.ay) * ux];
    const [p0, d0] = project(t.ax, t.ay);
    const [p1, d1] = project(t.bx, t.by);
    let [from, to] = [0, 1];
    if (d0 !== d1) {
      const [ta, tb] = [(-tolerance - d0) / (d1 - d0), (tolerance - d0) / (d1 - d0)];
      [from, to] = [Math.max(0, Math.min(ta, tb)), Math.min(1, Math.max(ta, tb))];
    } else if (Math.abs(d0) > tolerance) {
      return 0;
    }
    if (to <= from) {
      return 0;
    }
    const [q0, q1] = [p0 + from * (p1 - p0), p0 + to * (p1 - p0)];
    return Math.max(0, Math.min(sl, Math.max(q0, q1)) - Math.max(0, Math.min(q0, q1)));
  };
  for (const list of bins.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [s, t] = [list[i], list[j]];
        if (s.edge === t.edge) {
          continue;
        }
        const key = Math.min(s.edge, t.edge) * edges.length + Math.max(s.edge, t.edge);
        if (!pairs.has(key) && along(s, t) >= length) {
          pairs.add(key);
        }
      }
    }
  }
  return pairs.size;
}
