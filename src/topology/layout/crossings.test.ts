import { bundledEdges, DrawingCost, NODE_CLEARANCE, WeightedEdge } from './crossings';
import { segmentDistance, segmentsCross } from './segments';

describe('segmentsCross', () => {
  it('counts an X as a crossing', () => {
    expect(segmentsCross(0, 0, 10, 10, 0, 10, 10, 0)).toBe(true);
  });
  it('does not count shared ends, touching ends, parallel or collinear overlapping segments', () => {
    expect(segmentsCross(0, 0, 10, 10, 10, 10, 20, 0)).toBe(false);
    expect(segmentsCross(0, 0, 10, 0, 5, 0, 5, 10)).toBe(false);
    expect(segmentsCross(0, 0, 10, 0, 0, 5, 10, 5)).toBe(false);
    expect(segmentsCross(0, 0, 10, 0, 5, 0, 15, 0)).toBe(false);
  });
});

describe('bundledEdges', () => {
  it('merges edges between the same points, weighting both directions as two, and drops edges within a point', () => {
    // nodes 0,1 drawn at point 0; node 2 at point 1; node 3 at point 2
    const point = Int32Array.from([0, 0, 1, 2]);
    const outs = [[2, 1], [2], [0], [2]];
    const edges = bundledEdges(point, 3, outs).sort((e, f) => e.a - f.a || e.b - f.b);
    expect(edges).toEqual([
      { a: 0, b: 1, weight: 2 },
      { a: 1, b: 2, weight: 1 },
    ]);
  });
});

/** A deterministic scatter of 60 points and 150 edges, some of them bundles of two, many sharing ends. */
function scatter() {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const n = 60;
  const x = Float64Array.from({ length: n }, () => random() * 900);
  const y = Float64Array.from({ length: n }, () => random() * 500);
  const seen = new Set<number>();
  const edges: WeightedEdge[] = [];
  while (edges.length < 150) {
    const [a, b] = [Math.floor(random() * n), Math.floor(random() * n)];
    if (a < b && !seen.has(a * n + b)) {
      seen.add(a * n + b);
      edges.push({ a, b, weight: random() < 0.3 ? 2 : 1 });
    }
  }
  return { n, x, y, edges, random };
}

describe('DrawingCost.total', () => {
  it('is every pair of edges tested once, crossings weighted k × l, plus each edge passing over a node', () => {
    const { n, x, y, edges } = scatter();
    let expected = 0;
    edges.forEach((e, i) => {
      const [ax, ay, bx, by] = [x[e.a], y[e.a], x[e.b], y[e.b]];
      edges.slice(i + 1).forEach((f) => {
        expected += segmentsCross(ax, ay, bx, by, x[f.a], y[f.a], x[f.b], y[f.b]) ? e.weight * f.weight : 0;
      });
      for (let v = 0; v < n; v++) {
        const over = v !== e.a && v !== e.b && segmentDistance(x[v], y[v], ax, ay, bx, by) < NODE_CLEARANCE;
        expected += over ? e.weight : 0;
      }
    });
    expect(expected).toBeGreaterThan(1000);
    expect(new DrawingCost(x, y, edges).total()).toBe(expected);
  });
});

describe('DrawingCost.of', () => {
  it("is a point's edges against all others and over every node, and others' edges over it, wherever it is moved", () => {
    const { n, x, y, edges, random } = scatter();
    const cost = new DrawingCost(x, y, edges);
    const over = (v: number, e: WeightedEdge) =>
      v !== e.a && v !== e.b && segmentDistance(x[v], y[v], x[e.a], y[e.a], x[e.b], y[e.b]) < NODE_CLEARANCE;
    const share = (v: number) => {
      let sum = 0;
      for (const e of edges.filter((f) => f.a === v || f.b === v)) {
        for (const f of edges) {
          const apart = f.a !== e.a && f.a !== e.b && f.b !== e.a && f.b !== e.b;
          const cross = segmentsCross(x[e.a], y[e.a], x[e.b], y[e.b], x[f.a], y[f.a], x[f.b], y[f.b]);
          sum += apart && cross ? e.weight * f.weight : 0;
        }
        for (let u = 0; u < n; u++) {
          sum += over(u, e) ? e.weight : 0;
        }
      }
      return sum + edges.reduce((s, f) => s + (over(v, f) ? f.weight : 0), 0);
    };
    // Moves of one point, then of its neighbours: each changes the boxes the crossing test starts from.
    for (let i = 0; i < 40; i++) {
      const v = i % 2 === 0 ? 0 : edges[i].a;
      cost.move(v, random() * 900, random() * 500);
      expect([v, cost.of(v)]).toEqual([v, share(v)]);
      expect([0, cost.of(0)]).toEqual([0, share(0)]);
    }
  });
});
