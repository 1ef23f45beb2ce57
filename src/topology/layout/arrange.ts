import { DrawingCost, WeightedEdge } from './crossings';
import { Packing, Size } from './pack';

/** How far a box may be stretched or shrunk to sit in another's slot: the group's picture is scaled to its slot. */
const SLOT_FIT = { min: 0.8, max: 1.6 };
const MAX_PASSES = 8;
/** Above this many boxes, swapping every pair by crossings costs more than the layout itself. */
const MAX_UNCROSSED = 40;

/** Whether box a's picture may be scaled into slot s. */
function fits(boxes: Size[], packing: Packing, a: number, s: number): boolean {
  const sx = packing.width[s] / boxes[a].width;
  const sy = packing.height[s] / boxes[a].height;
  return sx >= SLOT_FIT.min && sx <= SLOT_FIT.max && sy >= SLOT_FIT.min && sy <= SLOT_FIT.max;
}

/**
 * Which slot of `packing` each box goes to, so boxes joined by many edges sit near each other: pairwise swaps of
 * boxes whose sizes fit each other's slots while they lower the sum over box pairs of edges × squared distance
 * between slot centres. Straight edges between groups are what cross most in a packed picture, and the number of
 * crossings grows with their lengths. `weight(a, b)` is the edge count between boxes a and b, both directions.
 * Deterministic: boxes are visited in the order given, and a swap is taken only if it lowers the sum.
 */
export function arrangeSlots(boxes: Size[], packing: Packing, weight: (a: number, b: number) => number): number[] {
  const m = boxes.length;
  // Each box's neighbours and the edge counts to them: meshes join a group to a few others, not to all.
  const near: Array<Array<[number, number]>> = boxes.map(() => []);
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      const w = weight(a, b);
      if (w > 0) {
        near[a].push([b, w]);
        near[b].push([a, w]);
      }
    }
  }
  const cx = packing.x.map((x, i) => x + packing.width[i] / 2);
  const cy = packing.y.map((y, i) => y + packing.height[i] / 2);
  const slot = boxes.map((_, i) => i);
  // Box a's share of the sum with a in slot s, leaving out its edges to `other` (whose distance a swap keeps).
  const cost = (a: number, s: number, other: number) => {
    let sum = 0;
    for (const [b, w] of near[a]) {
      if (b !== other) {
        sum += w * ((cx[s] - cx[slot[b]]) ** 2 + (cy[s] - cy[slot[b]]) ** 2);
      }
    }
    return sum;
  };
  for (let pass = 0, improved = true; improved && pass < MAX_PASSES; pass++) {
    improved = false;
    for (let a = 0; a < m; a++) {
      for (let b = a + 1; b < m; b++) {
        if (!fits(boxes, packing, a, slot[b]) || !fits(boxes, packing, b, slot[a])) {
          continue;
        }
        const before = cost(a, slot[a], b) + cost(b, slot[b], a);
        const after = cost(a, slot[b], b) + cost(b, slot[a], a);
        if (after < before * (1 - 1e-9)) {
          [slot[a], slot[b]] = [slot[b], slot[a]];
          improved = true;
        }
      }
    }
  }
  return slot;
}

/**
 * Then pairwise swaps of boxes (sizes fitting, as above) while they lower the crossings of straight edges between
 * slot centres (DrawingCost), which is the overview's picture before its nodes are placed within their boxes; distance
 * alone leaves a dense graph of groups crossing more than it has to. Each pair's edge weighs the square root of the
 * edges between the two: the overview draws one or two (one per direction), the expanded mesh all of them, and one
 * arrangement serves both. Weighed as two at most, the expanded synthetic 1,000-node mesh crossed 5 % more; weighed by
 * the count, the generated 300-workload mesh's overview crossed 19 % more. Kept only if the whole count is lower;
 * `slot` as arrangeSlots returns it.
 */
export function uncrossSlots(
  boxes: Size[],
  packing: Packing,
  slot: number[],
  weight: (a: number, b: number) => number
): number[] {
  const m = boxes.length;
  if (m > MAX_UNCROSSED) {
    return slot;
  }
  const cx = packing.x.map((x, i) => x + packing.width[i] / 2);
  const cy = packing.y.map((y, i) => y + packing.height[i] / 2);
  const edges: WeightedEdge[] = [];
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      const w = Math.sqrt(weight(a, b));
      if (w > 0) {
        edges.push({ a, b, weight: w });
      }
    }
  }
  const next = [...slot];
  const x = Float64Array.from(next, (s) => cx[s]);
  const y = Float64Array.from(next, (s) => cy[s]);
  const cost = new DrawingCost(x, y, edges);
  const put = (a: number, s: number) => {
    next[a] = s;
    cost.move(a, cx[s], cy[s]);
  };
  const before = cost.total();
  for (let pass = 0, improved = true; improved && pass < MAX_PASSES; pass++) {
    improved = false;
    for (let a = 0; a < m; a++) {
      for (let b = a + 1; b < m; b++) {
        const [sa, sb] = [next[a], next[b]];
        if (!fits(boxes, packing, a, sb) || !fits(boxes, packing, b, sa)) {
          continue;
        }
        const was = cost.of(a) + cost.of(b);
        put(a, sb);
        put(b, sa);
        if (cost.of(a) + cost.of(b) < was) {
          improved = true;
        } else {
          put(a, sa);
          put(b, sb);
        }
      }
    }
  }
  return cost.total() < before ? next : slot;
}
