import { bundledEdges, segmentsCross } from './crossings';

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
