import { CurveIndex } from './curveIndex';
import { segmentDistance, segmentsCross } from './segments';

/** Straight edges between points, by index, each with a weight (how many drawn edges it stands for). */
export interface WeightedEdge {
  a: number;
  b: number;
  weight: number;
}

/**
 * The straight edges between `count` points that the edges `outs` (by node) make once node v is drawn as point
 * `point[v]`: one per pair of points, weighted by the directions drawn (each is its own curve), none within a point.
 */
export function bundledEdges(point: Int32Array, count: number, outs: number[][]): WeightedEdge[] {
  const directions = new Map<number, number>();
  outs.forEach((list, v) =>
    list.forEach((t) => {
      const [a, b] = [point[v], point[t]];
      if (a !== b) {
        const key = Math.min(a, b) * count + Math.max(a, b);
        directions.set(key, (directions.get(key) ?? 0) | (a < b ? 1 : 2));
      }
    })
  );
  return Array.from(directions, ([key, d]) => ({
    a: Math.floor(key / count),
    b: key % count,
    weight: d === 3 ? 2 : 1,
  }));
}

/** An edge passing this close to a node not its own reads as ending there: it costs as much as a crossing. */
export const NODE_CLEARANCE = 28;

/**
 * What a drawing of straight weighted edges between points costs to read, and what one point contributes to it:
 * crossings (two bundles of k and l parallel edges cross k × l times) and edges passing over a node not their own
 * (within NODE_CLEARANCE, counted as one crossing per edge). A caller moves a point (`move`) and asks again; a
 * point's share is its edges against all edges, linear in the edges, and the total is looked up in a grid
 * (CurveIndex), so it grows with the edges rather than their square.
 */
export class DrawingCost {
  private readonly a: Int32Array;
  private readonly b: Int32Array;
  private readonly w: Float64Array;
  private readonly incident: number[][];
  /** Each edge's bounding box, four numbers an edge, so the crossing test rejects most pairs on four reads. */
  private readonly box: Float64Array;

  constructor(
    private readonly x: Float64Array,
    private readonly y: Float64Array,
    edges: WeightedEdge[]
  ) {
    this.a = Int32Array.from(edges, (e) => e.a);
    this.b = Int32Array.from(edges, (e) => e.b);
    this.w = Float64Array.from(edges, (e) => e.weight);
    this.incident = Array.from(x, () => []);
    edges.forEach((e, i) => {
      this.incident[e.a].push(i);
      this.incident[e.b].push(i);
    });
    this.box = new Float64Array(4 * edges.length);
    edges.forEach((_, e) => this.frame(e));
  }

  /** Edge e's bounding box into `box`: left, right, top, bottom. */
  private frame(e: number): void {
    const { x, y, a, b, box } = this;
    const [p, q] = [a[e], b[e]];
    box[4 * e] = Math.min(x[p], x[q]);
    box[4 * e + 1] = Math.max(x[p], x[q]);
    box[4 * e + 2] = Math.min(y[p], y[q]);
    box[4 * e + 3] = Math.max(y[p], y[q]);
  }

  /** Puts point v at (px, py): positions are only ever changed through here, which keeps the edges' boxes. */
  move(v: number, px: number, py: number): void {
    this.x[v] = px;
    this.y[v] = py;
    for (const e of this.incident[v]) {
      this.frame(e);
    }
  }

  degree(v: number): number {
    return this.incident[v].length;
  }

  private over(v: number, e: number): boolean {
    const { x, y, a, b } = this;
    return v !== a[e] && v !== b[e] && segmentDistance(x[v], y[v], x[a[e]], y[a[e]], x[b[e]], y[b[e]]) < NODE_CLEARANCE;
  }

  /** Crossings of edge e with the others. */
  private crossingsOf(e: number): number {
    const { x, y, a, b, w, box } = this;
    const [p, q] = [a[e], b[e]];
    const [px, py, qx, qy] = [x[p], y[p], x[q], y[q]];
    const [left, right, top, bottom] = [box[4 * e], box[4 * e + 1], box[4 * e + 2], box[4 * e + 3]];
    let sum = 0;
    for (let f = 0, i = 0; f < a.length; f++, i += 4) {
      if (box[i + 1] < left || box[i] > right || box[i + 3] < top || box[i + 2] > bottom) {
        continue;
      }
      const c = a[f];
      const d = b[f];
      if (c !== p && c !== q && d !== p && d !== q && segmentsCross(px, py, qx, qy, x[c], y[c], x[d], y[d])) {
        sum += w[e] * w[f];
      }
    }
    return sum;
  }

  private oversOf(e: number): number {
    let sum = 0;
    for (let u = 0; u < this.x.length; u++) {
      sum += this.over(u, e) ? this.w[e] : 0;
    }
    return sum;
  }

  /** Point v's share: its edges' crossings and passes over nodes, and other edges passing over it. */
  of(v: number): number {
    let sum = 0;
    for (const e of this.incident[v]) {
      sum += this.crossingsOf(e) + this.oversOf(e);
    }
    for (let f = 0; f < this.a.length; f++) {
      sum += this.over(v, f) ? this.w[f] : 0;
    }
    return sum;
  }

  /** The whole drawing's count. */
  total(): number {
    const { x, y, a, b, w } = this;
    const m = a.length;
    const points = new Float64Array(m * 4);
    for (let e = 0; e < m; e++) {
      points.set([x[a[e]], y[a[e]], x[b[e]], y[b[e]]], e * 4);
    }
    const lines = { points, steps: new Uint8Array(m).fill(1), stride: 4, weight: w };
    const index = new CurveIndex(x, y, lines, m, NODE_CLEARANCE);
    for (let e = 0; e < m; e++) {
      index.add(e);
    }
    let sum = 0;
    // Each pair of edges once: edge e against those after it.
    for (let e = 0; e < m; e++) {
      sum += w[e] * index.cost(e, a[e], b[e], [], Infinity, e);
    }
    return sum;
  }

  /** Weighted length of v's edges: what ties are broken by, shorter first. */
  lengthOf(v: number): number {
    const { x, y, a, b, w } = this;
    return this.incident[v].reduce((sum, e) => sum + Math.hypot(x[a[e]] - x[b[e]], y[a[e]] - y[b[e]]) * w[e], 0);
  }
}
