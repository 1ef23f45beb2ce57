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

describe('DrawingCost.total', () => {
  it('is every pair of edges tested once, crossings weighted k × l, plus each edge passing over a node', () => {
    // A deterministic scatter of 60 points and 150 edges, some of them bundles of two, many sharing ends.
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
