import { segmentDistance } from '../layout/clearance';
import { NODE_CLEARANCE, segmentsCross } from '../layout/crossings';
import { EdgeEnds } from './edgeGeometry';
import { Bounds } from './viewport';

/**
 * Above this many edges the fan alone is drawn: choosing curves costs about edges² a pass, and a graph this large
 * opens as the namespace overview (canvas/overviewRule.ts), whose graph is far smaller.
 */
export const MAX_ROUTED_EDGES = 500;

/**
 * Segments each curve is measured by while choosing: enough to follow a bend of half the chord. Odd, so that no cut
 * falls on a curve's middle, where symmetric drawings cross and a crossing exactly at a cut would not count.
 */
const STEPS = 7;
/** Sideways offsets a node pair's curves may take, as shares of the pair's distance; 0 (the fan) first. */
const OFFSETS = [0, 0.12, -0.12, 0.24, -0.24, 0.36, -0.36, 0.48, -0.48, 0.6, -0.6];
const MAX_PASSES = 4;
/** Between two choices as good otherwise, the straighter one wins by this much a unit of offset share. */
const STRAIGHTNESS = 0.01;

/** Each edge's polyline: up to STEPS + 1 points an edge, how many segments it has, and its bounding box. */
interface Curves {
  points: Float64Array;
  /** 1 for a straight edge: a line cut into pieces would not count a crossing exactly at a cut. */
  steps: Uint8Array;
  box: Float64Array;
}

interface Pair {
  edges: number[];
  /** +1 where the edge runs from the pair's lower to its higher node index (the normal edgeBends measures along). */
  signs: number[];
  length: number;
}

/**
 * The bend of each edge (EdgeEnds.bend: the fan of parallel edges, from edgeBends) moved sideways per node pair, so
 * that curves cross fewer other edges and pass over fewer nodes than the straight fan. Dense graphs of groups (the
 * overview) have more crossings as straight lines than any placement of their nodes can avoid; a curve bowed around
 * the others avoids them, as routed edges do in a layered drawing. Each pair keeps its edges' spacing, so they stay
 * apart. Local search: pair by pair, the offset that costs least given the others, in passes until none moves; an
 * offset is taken only if it lowers the cost, so the result never reads worse than the fan it starts from. With
 * `within`, no curve bows out of it: the scene passes what the panel shows at fit.
 */
export function routeEdges(s: EdgeEnds, within?: Bounds): Float32Array {
  const bend = s.bend.slice();
  const m = s.from.length;
  if (m > MAX_ROUTED_EDGES || m < 2) {
    return bend;
  }
  const pairs = pairsOf(s);
  const curves: Curves = {
    points: new Float64Array(m * (STEPS + 1) * 2),
    steps: new Uint8Array(m),
    box: new Float64Array(m * 4),
  };
  const trace = (e: number) => traceCurve(s, bend, e, curves);
  for (let e = 0; e < m; e++) {
    trace(e);
  }
  const offset = new Float64Array(pairs.length);
  const setOffset = (p: number, share: number) => {
    const pair = pairs[p];
    pair.edges.forEach((e, i) => {
      bend[e] = s.bend[e] + share * pair.length * pair.signs[i];
      trace(e);
    });
    offset[p] = share;
  };
  // What pair p costs at its current offset, or some value at least `limit` once it is known to reach it.
  const cost = (p: number, limit = Infinity) => {
    let sum = STRAIGHTNESS * Math.abs(offset[p]);
    for (const e of pairs[p].edges) {
      sum += edgeCost(s, e, curves, pairs[p].edges, limit - sum);
      if (sum >= limit) {
        break;
      }
    }
    return sum;
  };
  for (let pass = 0, moved = true; moved && pass < MAX_PASSES; pass++) {
    moved = false;
    for (let p = 0; p < pairs.length; p++) {
      const start = offset[p];
      let best = { share: start, cost: cost(p) };
      for (const share of OFFSETS) {
        if (share !== start) {
          setOffset(p, share);
          const c = inside(pairs[p], curves.box, within) ? cost(p, best.cost) : Infinity;
          best = c < best.cost - 1e-9 ? { share, cost: c } : best;
        }
      }
      setOffset(p, best.share);
      moved ||= best.share !== start;
    }
  }
  return bend;
}

/** Whether the curves of `pair` lie within `within` (or there is no bound). */
function inside(pair: Pair, box: Float64Array, within?: Bounds): boolean {
  return (
    !within ||
    pair.edges.every(
      (e) =>
        box[e * 4] >= within.x0 &&
        box[e * 4 + 1] >= within.y0 &&
        box[e * 4 + 2] <= within.x1 &&
        box[e * 4 + 3] <= within.y1
    )
  );
}

/** The edges of each unordered node pair, self-loops left out. */
function pairsOf(s: EdgeEnds): Pair[] {
  const byPair = new Map<number, Pair>();
  for (let e = 0; e < s.from.length; e++) {
    const [a, b] = [s.from[e], s.to[e]];
    if (a === b) {
      continue;
    }
    const key = Math.min(a, b) * 2 ** 26 + Math.max(a, b);
    let pair = byPair.get(key);
    if (!pair) {
      pair = { edges: [], signs: [], length: Math.hypot(s.x[b] - s.x[a], s.y[b] - s.y[a]) };
      byPair.set(key, pair);
    }
    pair.edges.push(e);
    pair.signs.push(a < b ? 1 : -1);
  }
  return Array.from(byPair.values()).filter((p) => p.length > 0);
}

/** Edge e's quadratic curve (edgeGeometry.controlPoint) sampled into `curves`: its points, steps and box. */
function traceCurve(s: EdgeEnds, bend: Float32Array, e: number, { points, steps, box }: Curves): void {
  // Plain locals, no destructuring: this and edgeCost run some million times on a dense graph.
  const ax = s.x[s.from[e]];
  const ay = s.y[s.from[e]];
  const bx = s.x[s.to[e]];
  const by = s.y[s.to[e]];
  const push = (2 * bend[e]) / (Math.hypot(bx - ax, by - ay) || 1);
  const cx = (ax + bx) / 2 - (by - ay) * push;
  const cy = (ay + by) / 2 + (bx - ax) * push;
  const n = bend[e] === 0 ? 1 : STEPS;
  steps[e] = n;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const at = e * (STEPS + 1) * 2;
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const u = 1 - t;
    const x = u * u * ax + 2 * u * t * cx + t * t * bx;
    const y = u * u * ay + 2 * u * t * cy + t * t * by;
    points[at + 2 * i] = x;
    points[at + 2 * i + 1] = y;
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  box[e * 4] = minX;
  box[e * 4 + 1] = minY;
  box[e * 4 + 2] = maxX;
  box[e * 4 + 3] = maxY;
}

/**
 * Crossings of edge e with every edge outside `own` (its pair), plus NODE_CLEARANCE's cost of one crossing for each
 * node not its own it passes within that distance of; counting stops once the sum reaches `limit`.
 */
function edgeCost(s: EdgeEnds, e: number, { points, steps, box }: Curves, own: number[], limit: number): number {
  const minX = box[e * 4];
  const minY = box[e * 4 + 1];
  const maxX = box[e * 4 + 2];
  const maxY = box[e * 4 + 3];
  const at = e * (STEPS + 1) * 2;
  let sum = 0;
  for (let f = 0; f < s.from.length; f++) {
    if (
      own.includes(f) ||
      s.from[f] === s.to[f] ||
      box[f * 4] > maxX ||
      box[f * 4 + 2] < minX ||
      box[f * 4 + 1] > maxY ||
      box[f * 4 + 3] < minY
    ) {
      continue;
    }
    const of = f * (STEPS + 1) * 2;
    const p = points;
    for (let i = at; i < at + 2 * steps[e]; i += 2) {
      const x0 = Math.min(p[i], p[i + 2]);
      const x1 = Math.max(p[i], p[i + 2]);
      const y0 = Math.min(p[i + 1], p[i + 3]);
      const y1 = Math.max(p[i + 1], p[i + 3]);
      if (x0 > box[f * 4 + 2] || x1 < box[f * 4] || y0 > box[f * 4 + 3] || y1 < box[f * 4 + 1]) {
        continue;
      }
      for (let j = of; j < of + 2 * steps[f]; j += 2) {
        if (
          Math.min(p[j], p[j + 2]) <= x1 &&
          Math.max(p[j], p[j + 2]) >= x0 &&
          Math.min(p[j + 1], p[j + 3]) <= y1 &&
          Math.max(p[j + 1], p[j + 3]) >= y0 &&
          segmentsCross(p[i], p[i + 1], p[i + 2], p[i + 3], p[j], p[j + 1], p[j + 2], p[j + 3])
        ) {
          sum++;
        }
      }
    }
    if (sum >= limit) {
      return sum;
    }
  }
  for (let v = 0; v < s.x.length; v++) {
    const x = s.x[v];
    const y = s.y[v];
    if (
      v === s.from[e] ||
      v === s.to[e] ||
      x < minX - NODE_CLEARANCE ||
      x > maxX + NODE_CLEARANCE ||
      y < minY - NODE_CLEARANCE ||
      y > maxY + NODE_CLEARANCE
    ) {
      continue;
    }
    for (let i = at; i < at + 2 * steps[e]; i += 2) {
      if (segmentDistance(x, y, points[i], points[i + 1], points[i + 2], points[i + 3]) < NODE_CLEARANCE) {
        sum += 1;
        break;
      }
    }
  }
  return sum;
}

const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.prototype.every.call(a, (v, i) => v === b[i]);

/**
 * The last routes chosen, reused while the positions and edge ends are the same: a refresh rebuilds the scene from
 * new figures, and the curves depend on where the edges run only.
 */
export class RouteMemo {
  private last?: { s: EdgeEnds; within?: Bounds; bend: Float32Array };

  bends(s: EdgeEnds, within?: Bounds): Float32Array {
    const l = this.last;
    if (
      l &&
      same(l.s.x, s.x) &&
      same(l.s.y, s.y) &&
      same(l.s.from, s.from) &&
      same(l.s.to, s.to) &&
      same(l.s.bend, s.bend) &&
      JSON.stringify(l.within) === JSON.stringify(within)
    ) {
      return l.bend;
    }
    const bend = routeEdges(s, within);
    this.last = { s: { ...s, x: s.x.slice(), y: s.y.slice() }, within, bend };
    return bend;
  }
}
