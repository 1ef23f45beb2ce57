import { FAN } from '../render/edgeGeometry';
import { Adjacency } from './rank';
import { segmentDistance } from './segments';
import { NODE_RADIUS } from './types';

/**
 * How far (world units) a node's centre must stay from a drawn edge that is not its own: its disc and a few units
 * more, so the edge neither runs under the disc nor grazes it.
 */
export const EDGE_CLEARANCE = NODE_RADIUS + 4;
/** A node moved stays at least this far from its column's neighbours: two discs and a little room. */
const NODE_SPACING = 2 * NODE_RADIUS + 4;
/** How many positions clear of other edges a node tries, nearest first, before the next node is looked at. */
const MAX_TRIES = 4;
/** Beyond an edge's band, so a node moved there is clear of it and not on its border. */
const NUDGE = 1;
/**
 * Work allowed, in segments and nodes looked at, per node and segment and in total: on dense meshes most nodes lie on
 * some edge at any position and few can be cleared, and there the first frame's budget matters more.
 */
const WORK_PER_ITEM = 100;
const WORK_BASE = 2_000_000;
const ROUNDS = 3;

/** The vertical range a group's nodes may be moved in (their box less a node's clearance). */
export interface Room {
  top: number;
  bottom: number;
}

interface Segments {
  a: Int32Array;
  b: Int32Array;
  /** Clearance of each: parallel edges of one pair are fanned out around the straight line (edgeGeometry). */
  clear: Float64Array;
  /** Segment indexes by node. */
  of: number[][];
}

/** One straight segment per unordered pair of nodes joined by any edge, self-loops left out. */
function segmentsOf({ outs }: Adjacency): Segments {
  const count = new Map<number, number>();
  const n = outs.length;
  outs.forEach((list, s) => {
    for (const t of list) {
      if (s !== t) {
        const key = Math.min(s, t) * n + Math.max(s, t);
        count.set(key, (count.get(key) ?? 0) + 1);
      }
    }
  });
  const keys = Array.from(count.keys()).sort((p, q) => p - q);
  const a = Int32Array.from(keys, (k) => Math.floor(k / n));
  const b = Int32Array.from(keys, (k) => k % n);
  const clear = Float64Array.from(keys, (k) => EDGE_CLEARANCE + ((count.get(k)! - 1) * FAN) / 2);
  const of: number[][] = outs.map(() => []);
  keys.forEach((_, s) => {
    of[a[s]].push(s);
    of[b[s]].push(s);
  });
  return { a, b, clear, of };
}

const lowerBound = (sorted: ArrayLike<number>, value: number, key: (i: number) => number = (i) => sorted[i]) => {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    key(mid) < value ? (lo = mid + 1) : (hi = mid);
  }
  return lo;
};

/**
 * Whether the segment from a node at x `ax` somewhere in room `ra` to one at `bx` in `rb` can block (as `blocked` in
 * clearEdges measures it: the band of its line widened by `r` along the slope, or the disc at an end) a node at x `px`
 * in `span`. Most segments over a column run far above or below it in a two-dimensional packing of groups.
 */
function mayReach(ax: number, ra: Room, bx: number, rb: Room, r: number, px: number, span: Room): boolean {
  if (ax > bx) {
    return mayReach(bx, rb, ax, ra, r, px, span);
  }
  if (px < ax || px > bx || ax === bx) {
    // Beyond an end, or upright: within r of the ends' rooms.
    const [lo, hi] =
      px < ax
        ? [ra.top, ra.bottom]
        : px > bx
          ? [rb.top, rb.bottom]
          : [Math.min(ra.top, rb.top), Math.max(ra.bottom, rb.bottom)];
    return hi + r >= span.top && lo - r <= span.bottom;
  }
  const t = (px - ax) / (bx - ax);
  const steepest = Math.max(Math.abs(rb.bottom - ra.top), Math.abs(rb.top - ra.bottom)) / (bx - ax);
  const half = r * Math.sqrt(1 + steepest * steepest);
  const lo = (1 - t) * ra.top + t * rb.top;
  const hi = (1 - t) * ra.bottom + t * rb.bottom;
  return hi + half >= span.top && lo - half <= span.bottom;
}

/**
 * Moves nodes up or down within their column and group so that no node lies on an edge that is not its own. Edges are
 * drawn straight between node centres; on a layered grid a node in a row is exactly on the line of any edge that
 * runs along that row past it, and an edge to that node then lies along the longer one (collinear), hiding it. A
 * node tries the positions just clear of the edges over it, nearest first, and takes the one that most lowers the
 * node–edge conflicts it takes part in (as the node, or as an end of an edge with a node on it). It stays between its
 * column's neighbours, so the order the sweeps chose against crossings is kept, and x never changes. Where edges
 * cover a column's whole room (dense meshes drawn straight) conflicts remain; the work is bounded for those.
 * Deterministic: nodes are visited in index order.
 */
export function clearEdges(x: Float64Array, y: Float64Array, adjacency: Adjacency, roomOf: (v: number) => Room): void {
  const n = x.length;
  const seg = segmentsOf(adjacency);
  const xs = Array.from(new Set(x)).sort((p, q) => p - q);
  const columnOf = Int32Array.from(x, (value) => lowerBound(xs, value));
  const columns: number[][] = xs.map(() => []);
  for (let v = 0; v < n; v++) {
    columns[columnOf[v]].push(v);
  }
  const byY = (p: number, q: number) => y[p] - y[q] || p - q;
  columns.forEach((c) => c.sort(byY));
  /** The columns within segment s's clearance of its x range, as [first, past the last). */
  const columnsOf = (s: number): [number, number] => {
    const [a, b, r] = [seg.a[s], seg.b[s], seg.clear[s]];
    const right = Math.max(x[a], x[b]) + r;
    return [lowerBound(xs, Math.min(x[a], x[b]) - r), lowerBound(xs, 1, (i) => (xs[i] > right ? 1 : 0))];
  };
  // Segments spanning each column, which the work bound is charged for a conflict count there as if every one were
  // tested, so it stops where it always did.
  const charge = new Int32Array(xs.length + 1);
  seg.a.forEach((_, s) => {
    const [first, end] = columnsOf(s);
    charge[first]++;
    charge[end]--;
  });
  for (let c = 1; c < xs.length; c++) {
    charge[c] += charge[c - 1];
  }
  const near = (v: number, s: number) =>
    segmentDistance(x[v], y[v], x[seg.a[s]], y[seg.a[s]], x[seg.b[s]], y[seg.b[s]]) < seg.clear[s];
  /** Nodes other than its ends within segment s's clearance, visited as `visit(node)`. */
  const nodesOn = (s: number, visit: (v: number) => void) => {
    const a = seg.a[s];
    const b = seg.b[s];
    const r = seg.clear[s];
    const left = Math.min(x[a], x[b]);
    const right = Math.max(x[a], x[b]);
    const slope = right > left ? (y[b] - y[a]) / (x[b] - x[a]) : 0;
    const yAt = (px: number) => y[a] + (Math.max(left, Math.min(right, px)) - x[a]) * slope;
    for (let [c, end] = columnsOf(s); c < end; c++) {
      budget--;
      // The segment's y over the strip of x within r of the column, widened by r.
      const p = right > left ? yAt(xs[c] - r) : y[a];
      const q = right > left ? yAt(xs[c] + r) : y[b];
      const lo = Math.min(p, q) - r;
      const hi = Math.max(p, q) + r;
      const column = columns[c];
      let i = 0;
      for (let top = column.length; i < top;) {
        const mid = (i + top) >> 1;
        y[column[mid]] < lo ? (i = mid + 1) : (top = mid);
      }
      for (; i < column.length && y[column[i]] <= hi; i++) {
        const v = column[i];
        if (v !== a && v !== b && near(v, s)) {
          visit(v);
        }
      }
    }
  };
  let budget = WORK_PER_ITEM * (n + seg.a.length) + WORK_BASE;
  /** The nodes in conflicts now: those lying on an edge, then the ends of edges with a node on them. */
  const conflicted = () => {
    const lying = new Set<number>();
    const ends = new Set<number>();
    seg.a.forEach((a, s) =>
      nodesOn(s, (v) => {
        lying.add(v);
        ends.add(a);
        ends.add(seg.b[s]);
      })
    );
    return { lying, ends };
  };
  let found = conflicted();
  // Where counting the conflicts of each node found on an edge once would spend the budget, the moves it pays for
  // reach only part of them, and the first frame matters more: on the 5,000-node synthetic mesh 4,884 of the 5,000
  // nodes lay on edges, and those moves cleared 2 in a fifth of its layout.
  let look = 0;
  found.lying.forEach((v) => (look += charge[columnOf[v]]));
  if (found.lying.size === 0 || look > budget) {
    return;
  }
  // Segments that may come within their clearance of a node of each column, wherever in their rooms the nodes move:
  // x never changes and no node leaves its room, so neither do these lists.
  const spans = columns.map((c) => {
    const rooms = c.map(roomOf);
    return { top: Math.min(...rooms.map((r) => r.top)), bottom: Math.max(...rooms.map((r) => r.bottom)) };
  });
  const over: number[][] = xs.map(() => []);
  seg.a.forEach((a, s) => {
    const [b, r] = [seg.b[s], seg.clear[s]];
    for (let [c, end] = columnsOf(s); c < end; c++) {
      if (mayReach(x[a], roomOf(a), x[b], roomOf(b), r, xs[c], spans[c])) {
        over[c].push(s);
      }
    }
  });
  const foreign = (v: number, s: number) => seg.a[s] !== v && seg.b[s] !== v;
  /** Node–edge conflicts node v takes part in: v on others' edges, and others on v's edges. */
  const conflictsOf = (v: number) => {
    let count = 0;
    budget -= charge[columnOf[v]];
    for (const s of over[columnOf[v]]) {
      count += foreign(v, s) && near(v, s) ? 1 : 0;
    }
    for (const s of seg.of[v]) {
      nodesOn(s, () => count++);
    }
    return count;
  };
  /**
   * Where along its column node v would lie on an edge not its own: one y interval per such edge passing its column
   * (the band of the edge's line widened by its clearance, or the disc around an end that stops short of it).
   */
  const blocked = (v: number): number[] => {
    const px = x[v];
    const out: number[] = [];
    for (const s of over[columnOf[v]]) {
      if (!foreign(v, s)) {
        continue;
      }
      const [a, b] = [seg.a[s], seg.b[s]];
      const r = seg.clear[s];
      const [ax, ay, bx, by] = x[a] <= x[b] ? [x[a], y[a], x[b], y[b]] : [x[b], y[b], x[a], y[a]];
      if (px >= ax && px <= bx && ax !== bx) {
        const slope = (by - ay) / (bx - ax);
        const mid = ay + (px - ax) * slope;
        const half = r * Math.sqrt(1 + slope * slope);
        out.push(mid - half, mid + half);
      } else if (ax === bx) {
        const half = Math.sqrt(Math.max(0, r * r - (px - ax) ** 2));
        out.push(Math.min(ay, by) - half, Math.max(ay, by) + half);
      } else {
        const [ex, ey] = px < ax ? [ax, ay] : [bx, by];
        const half = Math.sqrt(Math.max(0, r * r - (px - ex) ** 2));
        out.push(ey - half, ey + half);
      }
    }
    return out;
  };
  const inside = (bands: number[], at: number) => {
    for (let i = 0; i < bands.length; i += 2) {
      if (at > bands[i] && at < bands[i + 1]) {
        return true;
      }
    }
    return false;
  };
  const move = (v: number) => {
    const before = conflictsOf(v);
    if (before === 0) {
      return false;
    }
    const room = roomOf(v);
    const home = y[v];
    const bands = blocked(v);
    const column = columns[columnOf[v]];
    // Between its neighbours in the column, so the column's order, which the sweeps chose against crossings, stays.
    const i = column.indexOf(v);
    const top = i > 0 ? Math.max(room.top, y[column[i - 1]] + NODE_SPACING) : room.top;
    const bottom = i < column.length - 1 ? Math.min(room.bottom, y[column[i + 1]] - NODE_SPACING) : room.bottom;
    const candidates = bands
      .map((at, k) => at + (k % 2 === 0 ? -NUDGE : NUDGE))
      .concat([top, bottom])
      .filter((at) => at >= top && at <= bottom)
      .sort((p, q) => Math.abs(p - home) - Math.abs(q - home) || p - q);
    let best = home;
    let bestCount = before;
    let tries = 0;
    for (const at of candidates) {
      if (tries === MAX_TRIES || budget <= 0 || bestCount === 0) {
        break;
      }
      if (inside(bands, at)) {
        continue;
      }
      tries++;
      y[v] = at;
      const count = conflictsOf(v);
      if (count < bestCount) {
        [best, bestCount] = [at, count];
      }
    }
    y[v] = best;
    return best !== home;
  };
  for (let round = 0; ;) {
    let moved = false;
    for (const v of [
      ...Array.from(found.lying).sort((p, q) => p - q),
      ...Array.from(found.ends).sort((p, q) => p - q),
    ]) {
      moved = move(v) || moved;
      if (budget <= 0) {
        return;
      }
    }
    if (!moved || ++round === ROUNDS) {
      return;
    }
    found = conflicted();
    if (found.lying.size === 0) {
      return;
    }
  }
}
