import { NODE_CLEARANCE } from '../layout/crossings';
import { CurveIndex } from '../layout/curveIndex';
import { EdgeEnds, sampleEdge } from './edgeGeometry';
import { Bounds } from './viewport';

/**
 * Up to this many edges curves are chosen at once, as the scene is built; above it, in slices between frames
 * (RouteMemo), the fan drawn meanwhile. Above MAX_ROUTED_EDGES the fan alone is drawn: a pass costs about
 * candidates × edges × the segments along each curve, and a graph that large opens as the namespace overview
 * (canvas/overviewRule.ts), whose graph is far smaller.
 */
export const SYNC_ROUTED_EDGES = 500;
export const MAX_ROUTED_EDGES = 5000;

/**
 * Segments each curve is measured by while choosing: enough to follow a bend of half the chord. Odd, so that no cut
 * falls on a curve's middle, where symmetric drawings cross and a crossing exactly at a cut would not count.
 */
const STEPS = 7;
/** 0 (the fan) first, then ± `step`, ± 2 `step`, … up to ± `limit`. */
const outwards = (step: number, limit: number) =>
  Array.from({ length: Math.round(limit / step) * 2 + 1 }, (_, i) => (i % 2 ? 1 : -1) * Math.ceil(i / 2) * step);
/** The largest offset a route may take, as a share of its pair's distance. */
const REACH = 0.6;
/**
 * What a node pair's curves may take: sideways offsets, as shares of the pair's distance, and skews of their control
 * points along the chord (EdgeEnds.skew), leaning a curve towards one end. Then, with `refine`, the best offset found
 * ± each of those shares in turn, a search coarse to fine: on the large graphs (900 to 4,000 edges) it finds routes
 * crossing as few edges as a uniform grid of step 0.12, in 9 tries instead of 11. Finest first: the first grid whose
 * tries × edges² is within WORK is searched, so a small dense graph (an overview, whose crossings the search is most
 * of the remedy for) gets the finer choices for what the coarsest grid costs on a few hundred edges. `passes` at
 * most, until none moves: on a few hundred edges the third and fourth passes over the coarse grid took as long as the
 * first two and removed 0.3 % of the crossings.
 */
const GRIDS = [
  { offsets: outwards(0.06, REACH), skews: outwards(0.3, 0.3), refine: [], passes: 4 },
  { offsets: outwards(0.06, REACH), skews: [0], refine: [], passes: 4 },
  { offsets: outwards(0.3, REACH), skews: [0], refine: [0.15, 0.075], passes: 2 },
];
const WORK = 2e6;
/** Passes over a graph routed in slices: the first takes most of what the search gains, each costs as much. */
const SLICED_PASSES = 1;
/** Between two choices as good otherwise, the straighter one wins by this much a unit of offset or skew share. */
const STRAIGHTNESS = 0.01;

/** Each edge's polyline: up to STEPS + 1 points an edge, how many segments it has, and its bounding box. */
interface Curves {
  points: Float64Array;
  /** Segments of each: 1 for a straight edge (edgeGeometry.sampleEdge). */
  steps: Uint8Array;
  box: Float64Array;
}

interface Pair {
  edges: number[];
  /** +1 where the edge runs from the pair's lower to its higher node index (the normal edgeBends measures along). */
  signs: number[];
  length: number;
}

/** Where routed edges run: each edge's bend and skew (EdgeEnds). */
export interface Routes {
  bend: Float32Array;
  skew: Float32Array;
}

/**
 * The bend of each edge (EdgeEnds.bend: the fan of parallel edges, from edgeBends) moved sideways per node pair, and
 * its control point moved along the chord, so that curves cross fewer other edges and pass over fewer nodes than the
 * straight fan. Dense graphs of groups (the overview) have more crossings as straight lines than any placement of
 * their nodes can avoid; a curve bowed around the others avoids them, as routed edges do in a layered drawing. Each pair keeps its edges' spacing, so they stay
 * apart. Local search: pair by pair, the offset and skew that cost least given the others, in passes until none
 * moves; a choice is taken only if it lowers the cost, so the result never reads worse than the fan it starts from.
 * With `within`, no curve bows out of it: the scene passes what the panel shows at fit.
 */
export function routeEdges(s: EdgeEnds, within?: Bounds): Routes {
  const steps = routeSteps(s, within);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) {
      return step.value;
    }
  }
}

/** The fan alone: each edge's bend from edgeBends, no skew. */
const fanOf = (s: EdgeEnds): Routes => ({ bend: s.bend.slice(), skew: new Float32Array(s.from.length) });

/** routeEdges as steps: yields after each node pair's choice, so a caller can spread the work over frames. */
function* routeSteps(s: EdgeEnds, within?: Bounds): Generator<void, Routes> {
  const m = s.from.length;
  const routed = { ...s, ...fanOf(s) };
  const { bend, skew } = routed;
  if (m > MAX_ROUTED_EDGES || m < 2) {
    return { bend, skew };
  }
  const pairs = pairsOf(s);
  const tries = (g: (typeof GRIDS)[number]) => g.offsets.length * g.skews.length + 2 * g.refine.length;
  const grid = GRIDS.find((g) => tries(g) * m * m <= WORK) ?? GRIDS[GRIDS.length - 1];
  const passes = m > SYNC_ROUTED_EDGES ? SLICED_PASSES : grid.passes;
  const curves: Curves = {
    points: new Float64Array(m * (STEPS + 1) * 2),
    steps: new Uint8Array(m),
    box: new Float64Array(m * 4),
  };
  const trace = (e: number) => traceCurve(routed, e, curves);
  const index = new CurveIndex(s.x, s.y, { ...curves, stride: (STEPS + 1) * 2 }, m, NODE_CLEARANCE);
  for (let e = 0; e < m; e++) {
    trace(e);
    if (s.from[e] !== s.to[e]) {
      index.add(e);
    }
  }
  const offset = new Float64Array(pairs.length);
  const lean = new Float64Array(pairs.length);
  const setRoute = (p: number, share: number, k: number) => {
    const pair = pairs[p];
    pair.edges.forEach((e, i) => {
      bend[e] = s.bend[e] + share * pair.length * pair.signs[i];
      // A straight edge stays one: a skew would only move its points along it.
      skew[e] = bend[e] === 0 ? 0 : k * pair.signs[i];
      trace(e);
    });
    offset[p] = share;
    lean[p] = k;
  };
  // What pair p costs at its current route, or some value at least `limit` once it is known to reach it.
  const cost = (p: number, limit = Infinity) => {
    let sum = STRAIGHTNESS * (Math.abs(offset[p]) + Math.abs(lean[p]));
    for (const e of pairs[p].edges) {
      sum += index.cost(e, s.from[e], s.to[e], pairs[p].edges, limit - sum);
      if (sum >= limit) {
        break;
      }
    }
    return sum;
  };
  for (let pass = 0, moved = true; moved && pass < passes; pass++) {
    moved = false;
    for (let p = 0; p < pairs.length; p++) {
      const start = { share: offset[p], k: lean[p] };
      let best = { ...start, cost: cost(p) };
      // Nothing beats a straight route that crosses nothing.
      if (best.cost === 0) {
        continue;
      }
      // A lone edge at the fan's offset is straight, with no skew to choose.
      const fanned = pairs[p].edges.some((e) => s.bend[e] !== 0);
      const attempt = (share: number, k: number) => {
        if ((share !== start.share || k !== start.k) && Math.abs(share) <= REACH + 1e-9) {
          setRoute(p, share, k);
          const c = inside(pairs[p], curves.box, within) ? cost(p, best.cost) : Infinity;
          best = c < best.cost - 1e-9 ? { share, k, cost: c } : best;
        }
      };
      for (const share of grid.offsets) {
        for (const k of share === 0 && !fanned ? [0] : grid.skews) {
          attempt(share, k);
        }
      }
      for (const step of grid.refine) {
        const around = best;
        attempt(around.share - step, around.k);
        attempt(around.share + step, around.k);
      }
      setRoute(p, best.share, best.k);
      for (const e of pairs[p].edges) {
        index.remove(e);
        index.add(e);
      }
      moved ||= best.share !== start.share || best.k !== start.k;
      yield;
    }
  }
  return { bend, skew };
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

/** Edge e as drawn (edgeGeometry.sampleEdge) into `curves`: its points, steps and box. */
function traceCurve(s: EdgeEnds, e: number, { points, steps, box }: Curves): void {
  const at = e * (STEPS + 1) * 2;
  const n = sampleEdge(s, e, STEPS, points, at);
  steps[e] = n;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  // Plain locals, no destructuring: this runs some million times on a dense graph.
  for (let i = 0; i <= n; i++) {
    const x = points[at + 2 * i];
    const y = points[at + 2 * i + 1];
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

const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.prototype.every.call(a, (v, i) => v === b[i]);

/** What routes depend on: positions, edge ends (the fan follows from them) and the room's four numbers. */
const keyOf = (s: EdgeEnds, within?: Bounds) => ({
  x: s.x.slice(),
  y: s.y.slice(),
  from: s.from,
  to: s.to,
  room: within ? [within.x0, within.y0, within.x1, within.y1] : [],
});

/** How long a slice of routing may hold the main thread: half a frame, so pan and zoom stay smooth meanwhile. */
const SLICE_MS = 8;

/**
 * The last routes chosen, reused while the positions and edge ends are the same: a refresh rebuilds the scene from
 * new figures, and the curves depend on where the edges run only. A graph of more than SYNC_ROUTED_EDGES edges is
 * routed in slices between frames: until it is done the fan is drawn, then `onRouted` asks for the scene again.
 */
export class RouteMemo {
  private last?: { key: ReturnType<typeof keyOf>; routes: Routes };
  private job?: { key: ReturnType<typeof keyOf>; timer: ReturnType<typeof setTimeout> };

  constructor(private readonly onRouted: () => void = () => {}) {}

  routes(s: EdgeEnds, within?: Bounds): Routes {
    const key = keyOf(s, within);
    const matches = (k?: ReturnType<typeof keyOf>) =>
      k !== undefined && (Object.keys(key) as Array<keyof typeof key>).every((name) => same(k[name], key[name]));
    if (matches(this.last?.key)) {
      return this.last!.routes;
    }
    if (s.from.length <= SYNC_ROUTED_EDGES || s.from.length > MAX_ROUTED_EDGES) {
      this.stop();
      const routes = routeEdges(s, within);
      this.last = { key, routes };
      return routes;
    }
    if (!matches(this.job?.key)) {
      this.stop();
      this.start(key, routeSteps({ ...s, x: key.x, y: key.y, bend: s.bend.slice() }, within));
    }
    return fanOf(s);
  }

  /** Whether curves are still being chosen for the last graph asked for. */
  pending(): boolean {
    return this.job !== undefined;
  }

  /** Drops the routing under way: the panel is gone, or another graph was asked for. */
  stop(): void {
    clearTimeout(this.job?.timer);
    this.job = undefined;
  }

  private start(key: ReturnType<typeof keyOf>, steps: Generator<void, Routes>): void {
    const slice = () => {
      const until = performance.now() + SLICE_MS;
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) {
          this.job = undefined;
          this.last = { key, routes: step.value };
          this.onRouted();
          return;
        }
        if (performance.now() > until) {
          this.job = { key, timer: setTimeout(slice, 0) };
          return;
        }
      }
    };
    this.job = { key, timer: setTimeout(slice, 0) };
  }
}
