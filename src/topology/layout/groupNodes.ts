import { DrawingCost, WeightedEdge } from './crossings';
import { Point } from './types';

const MAX_ROUNDS = 6;
/**
 * Segment and node tests allowed over all rounds (a round costs, per point, its spots × its edges × all edges): the
 * overview of 5,000 nodes (101 namespaces, 556 pairs, nine spots each) crossed no fewer edges after six rounds (8,217)
 * than after two (8,197), and the work was most of its layout; an overview of 20 namespaces still gets all six.
 */
const WORK = 2e7;

/**
 * Where the overview's nodes go: each movable point (a collapsed group's node) takes, among its candidate positions
 * (spots inside its group's box), the one where the straight edges cross least and pass over fewest nodes
 * (DrawingCost), given where the others are; rounds of this until none moves. Fixed points (nodes outside groups)
 * have no candidates. A move is taken only if it lowers the count, or keeps it and shortens the point's edges, so the
 * result is deterministic and never costs more than the start.
 */
export function placeGroupNodes(start: Point[], candidates: Point[][], edges: WeightedEdge[]): Point[] {
  const x = Float64Array.from(start, (p) => p.x);
  const y = Float64Array.from(start, (p) => p.y);
  const cost = new DrawingCost(x, y, edges);
  let perRound = 0;
  for (let v = 0; v < start.length; v++) {
    perRound += (candidates[v].length + 1) * (cost.degree(v) * (edges.length + start.length) + edges.length);
  }
  const rounds = Math.max(1, Math.min(MAX_ROUNDS, Math.floor(WORK / Math.max(1, perRound))));
  for (let round = 0, moved = true; moved && round < rounds; round++) {
    moved = false;
    for (let v = 0; v < start.length; v++) {
      if (candidates[v].length === 0 || cost.degree(v) === 0) {
        continue;
      }
      const [hx, hy] = [x[v], y[v]];
      let best = { sum: cost.of(v), length: cost.lengthOf(v), x: hx, y: hy };
      for (const c of candidates[v]) {
        cost.move(v, c.x, c.y);
        const sum = cost.of(v);
        const length = sum <= best.sum ? cost.lengthOf(v) : Infinity;
        if (sum < best.sum || (sum === best.sum && length < best.length * (1 - 1e-9))) {
          best = { sum, length, x: c.x, y: c.y };
        }
      }
      cost.move(v, best.x, best.y);
      moved ||= best.x !== hx || best.y !== hy;
    }
  }
  return Array.from(x, (px, i) => ({ x: px, y: y[i] }));
}
