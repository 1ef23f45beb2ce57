import { segmentDistance, segmentsCross } from './segments';

/** The polylines routing measures edges by: `stride` numbers (x, y pairs) an edge, `steps[e]` segments each. */
export interface Polylines {
  points: Float64Array;
  steps: Uint8Array;
  stride: number;
  /** What a crossing with each edge counts for (a bundle of k edges drawn as one line crosses k times); 1 without. */
  weight?: Float64Array;
}

/** Slack, as a share of a cell, by which a segment's cells are widened: a crossing on a cell's border stays found. */
const SLACK = 1e-6;

/**
 * A uniform grid over the drawing holding every edge's polyline segments, in the cells each passes through, and every
 * node, in the cells within `clearance` of it, so a curve's crossings and the nodes it passes are looked for among
 * the segments and nodes along it rather than among all of them: a pass of routing then grows with the edges, not
 * with their square, and meshes of thousands of edges can be routed. The counts are exactly those of testing every
 * pair (each segment pair once, each node once an edge).
 */
export class CurveIndex {
  private readonly cell: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly x0: number;
  private readonly y0: number;
  /** Segment ids (edge × stride / 2 + index) per cell, and the cells and ids each edge's segments were put in. */
  private readonly segments: number[][];
  private readonly placed: number[][];
  private readonly nodes: number[][];
  private readonly seenSegment: Int32Array;
  private readonly seenNode: Int32Array;
  /** The cells of the segment last traced. */
  private readonly hits: Int32Array;
  private token = 0;

  constructor(
    private readonly x: Float64Array,
    private readonly y: Float64Array,
    private readonly lines: Polylines,
    edges: number,
    private readonly clearance: number
  ) {
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let v = 0; v < x.length; v++) {
      [minX, minY, maxX, maxY] = [
        Math.min(minX, x[v]),
        Math.min(minY, y[v]),
        Math.max(maxX, x[v]),
        Math.max(maxY, y[v]),
      ];
    }
    const [width, height] = [Math.max(1, maxX - minX), Math.max(1, maxY - minY)];
    // A few cells an edge: a segment is tested against those sharing its cells, so smaller cells test fewer, until
    // walking the cells costs more than the tests they save.
    this.cell = Math.max(clearance, Math.sqrt((width * height) / Math.max(1, 4 * edges)));
    this.cols = Math.ceil(width / this.cell) + 1;
    this.rows = Math.ceil(height / this.cell) + 1;
    [this.x0, this.y0] = [minX, minY];
    this.segments = Array.from({ length: this.cols * this.rows }, () => []);
    this.nodes = Array.from({ length: this.cols * this.rows }, () => []);
    this.placed = Array.from({ length: edges }, () => []);
    this.seenSegment = new Int32Array(edges * (lines.stride / 2));
    this.seenNode = new Int32Array(x.length);
    this.hits = new Int32Array(this.cols * this.rows);
    for (let v = 0; v < x.length; v++) {
      const [c0, c1] = [this.col(x[v] - clearance), this.col(x[v] + clearance)];
      for (let r = this.row(y[v] - clearance); r <= this.row(y[v] + clearance); r++) {
        for (let c = c0; c <= c1; c++) {
          this.nodes[r * this.cols + c].push(v);
        }
      }
    }
  }

  // Whatever lies outside the drawing (a curve bowed out of it) falls in the border cells.
  private col(px: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((px - this.x0) / this.cell)));
  }

  private row(py: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((py - this.y0) / this.cell)));
  }

  /** The cells segment a–b passes through into `hits`, row by row; returns how many. */
  private trace(ax: number, ay: number, bx: number, by: number): number {
    const [lo, hi] = [Math.min(ay, by), Math.max(ay, by)];
    const slope = ay === by ? 0 : (bx - ax) / (by - ay);
    const slack = SLACK * this.cell;
    let n = 0;
    for (let r = this.row(lo), last = this.row(hi); r <= last; r++) {
      // The border rows reach past the grid, as row() puts what lies beyond them there.
      const top = r === 0 ? lo : Math.max(lo, this.y0 + r * this.cell);
      const bottom = r === this.rows - 1 ? hi : Math.min(hi, this.y0 + (r + 1) * this.cell);
      const [xa, xb] = ay === by ? [ax, bx] : [ax + (top - ay) * slope, ax + (bottom - ay) * slope];
      for (let c = this.col(Math.min(xa, xb) - slack), end = this.col(Math.max(xa, xb) + slack); c <= end; c++) {
        this.hits[n++] = r * this.cols + c;
      }
    }
    return n;
  }

  /** Puts edge e's polyline, as it is now in `lines`, in the grid. */
  add(e: number): void {
    const { points: p, steps, stride } = this.lines;
    const list = this.placed[e];
    for (let i = 0; i < steps[e]; i++) {
      const id = (e * stride) / 2 + i;
      const j = 2 * id;
      const n = this.trace(p[j], p[j + 1], p[j + 2], p[j + 3]);
      for (let k = 0; k < n; k++) {
        this.segments[this.hits[k]].push(id);
        list.push(this.hits[k], id);
      }
    }
  }

  /** Takes edge e's segments out of the grid, where `add` put them. */
  remove(e: number): void {
    const list = this.placed[e];
    for (let k = 0; k < list.length; k += 2) {
      const cell = this.segments[list[k]];
      cell[cell.lastIndexOf(list[k + 1])] = cell[cell.length - 1];
      cell.pop();
    }
    list.length = 0;
  }

  /**
   * Crossings of edge e's polyline (as it is now in `lines`, in the grid or not) with the segments in the grid of
   * every edge after `after` but those in `own`, each by its edge's weight, plus one for each node other than its ends
   * it passes within `clearance` of; counting stops once the sum reaches `limit`.
   */
  cost(e: number, from: number, to: number, own: readonly number[], limit: number, after = -1): number {
    const { points: p, steps, stride, weight } = this.lines;
    const half = stride / 2;
    const nodeToken = ++this.token;
    let sum = 0;
    for (let i = e * stride, end = i + 2 * steps[e]; i < end && sum < limit; i += 2) {
      const [ax, ay, bx, by] = [p[i], p[i + 1], p[i + 2], p[i + 3]];
      const [x0, x1, y0, y1] = [Math.min(ax, bx), Math.max(ax, bx), Math.min(ay, by), Math.max(ay, by)];
      const token = ++this.token;
      const n = this.trace(ax, ay, bx, by);
      for (let k = 0; k < n && sum < limit; k++) {
        for (const id of this.segments[this.hits[k]]) {
          const f = Math.floor(id / half);
          if (this.seenSegment[id] === token || f === e || f <= after || own.includes(f)) {
            continue;
          }
          this.seenSegment[id] = token;
          const j = 2 * id;
          if (
            Math.min(p[j], p[j + 2]) <= x1 &&
            Math.max(p[j], p[j + 2]) >= x0 &&
            Math.min(p[j + 1], p[j + 3]) <= y1 &&
            Math.max(p[j + 1], p[j + 3]) >= y0 &&
            segmentsCross(ax, ay, bx, by, p[j], p[j + 1], p[j + 2], p[j + 3])
          ) {
            sum += weight ? weight[f] : 1;
          }
        }
        for (const v of this.nodes[this.hits[k]]) {
          if (
            v !== from &&
            v !== to &&
            this.seenNode[v] !== nodeToken &&
            segmentDistance(this.x[v], this.y[v], ax, ay, bx, by) < this.clearance
          ) {
            this.seenNode[v] = nodeToken;
            sum++;
          }
        }
      }
    }
    return sum;
  }
}
