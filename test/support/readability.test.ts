import {
  coverage,
  DrawnEdge,
  edgeCrossings,
  labelOverlaps,
  nodesOnForeignEdges,
  overlappingEdges,
} from './readability';

const panel = { x: 100, y: 50, width: 200, height: 100 };
const edge = (source: string, target: string, ...points: Array<[number, number]>): DrawnEdge => ({
  source,
  target,
  points: points.map(([x, y]) => ({ x, y })),
});

describe('coverage', () => {
  it('counts overlapping rectangles once and clips them to the panel', () => {
    const c = coverage(
      [
        { x: 100, y: 50, width: 100, height: 50 },
        { x: 150, y: 50, width: 100, height: 50 },
        // Half outside the panel, to the right.
        { x: 250, y: 100, width: 100, height: 50 },
      ],
      panel
    );
    // 150 × 50 from the first two, 50 × 50 of the third inside.
    expect(c.area).toBeCloseTo((150 * 50 + 50 * 50) / (200 * 100));
    expect(c.width).toBe(1);
    expect(c.height).toBe(1);
  });

  it('gives the bounding box of what is drawn as width and height shares', () => {
    const c = coverage(
      [
        { x: 120, y: 60, width: 10, height: 10 },
        { x: 200, y: 110, width: 20, height: 20 },
      ],
      panel
    );
    expect(c).toEqual({ area: 500 / 20_000, width: 100 / 200, height: 70 / 100 });
  });

  it('is zero for nothing drawn or everything outside', () => {
    expect(coverage([], panel)).toEqual({ area: 0, width: 0, height: 0 });
    expect(coverage([{ x: 0, y: 0, width: 50, height: 50 }], panel)).toEqual({ area: 0, width: 0, height: 0 });
  });
});

describe('edgeCrossings', () => {
  it('counts an X as one crossing, in either direction of either edge', () => {
    expect(edgeCrossings([edge('a', 'b', [0, 0], [10, 10]), edge('c', 'd', [0, 10], [10, 0])])).toBe(1);
    expect(edgeCrossings([edge('b', 'a', [10, 10], [0, 0]), edge('d', 'c', [10, 0], [0, 10])])).toBe(1);
  });

  it('does not count edges meeting at a shared node, parallel edges or self-loops', () => {
    const fan = [edge('a', 'b', [0, 0], [10, 0]), edge('a', 'c', [0, 0], [10, 10]), edge('c', 'a', [10, 10], [0, 0])];
    expect(edgeCrossings([...fan, edge('a', 'a', [0, 0], [5, 5], [0, 0])])).toBe(0);
  });

  it('follows bends: a polyline crossing a line twice counts twice', () => {
    const line = edge('a', 'b', [0, 5], [30, 5]);
    const zigzag = edge('c', 'd', [5, 0], [10, 10], [20, 0]);
    expect(edgeCrossings([line, zigzag])).toBe(2);
    expect(edgeCrossings([line, edge('c', 'd', [5, 0], [10, 4], [20, 0])])).toBe(0);
  });

  it('finds every crossing of a grid of lines', () => {
    const rows = Array.from({ length: 7 }, (_, i) => edge(`r${i}`, `R${i}`, [0, i * 10 + 5], [100, i * 10 + 5]));
    const columns = Array.from({ length: 9 }, (_, i) => edge(`c${i}`, `C${i}`, [i * 10 + 5, 0], [i * 10 + 5, 100]));
    expect(edgeCrossings([...rows, ...columns])).toBe(63);
  });
});

describe('labelOverlaps', () => {
  it('counts pairs of overlapping boxes, not boxes that touch', () => {
    const box = (x: number, y: number) => ({ x, y, width: 40, height: 10 });
    expect(labelOverlaps([box(0, 0), box(30, 5), box(35, 0), box(0, 10), box(40, 0)])).toBe(6);
  });
});

describe('nodesOnForeignEdges', () => {
  const node = (id: string, x: number, y: number, radius = 5) => ({ id, x, y, radius });

  it('counts a node on another edge, not on its own', () => {
    const nodes = [node('a', 0, 0), node('b', 50, 0), node('c', 100, 0)];
    // b sits on a -> c; a and c are the ends of that edge.
    expect(nodesOnForeignEdges(nodes, [edge('a', 'c', [0, 0], [100, 0])], 0)).toBe(1);
    expect(nodesOnForeignEdges(nodes, [edge('a', 'b', [0, 0], [50, 0]), edge('b', 'c', [50, 0], [100, 0])], 0)).toBe(0);
  });

  it('counts a node whose disc, widened by the slack, the edge passes through', () => {
    const nodes = [node('a', 0, 0), node('b', 50, 7), node('c', 100, 0)];
    const ac = [edge('a', 'c', [0, 0], [100, 0])];
    expect(nodesOnForeignEdges(nodes, ac, 0)).toBe(0);
    expect(nodesOnForeignEdges(nodes, ac, 3)).toBe(1);
    expect(nodesOnForeignEdges([node('a', 0, 0), node('b', 120, 0, 5), node('c', 100, 0)], ac, 3)).toBe(0);
  });

  it('follows bends, and counts each node once however many edges it lies on', () => {
    const nodes = [node('a', 0, 0), node('b', 50, 40), node('c', 100, 0), node('d', 50, 80)];
    const edges = [
      edge('a', 'c', [0, 0], [50, 40], [100, 0]),
      edge('d', 'c', [50, 80], [50, 40], [100, 0]),
      edge('a', 'd', [0, 0], [50, 80]),
    ];
    expect(nodesOnForeignEdges(nodes, edges, 0)).toBe(1);
  });
});

describe('overlappingEdges', () => {
  it('counts an edge lying along another: one of them is hidden there', () => {
    // a -> b runs along a -> c from a to b: the productpage-v1 -> details-v1 defect.
    expect(overlappingEdges([edge('a', 'c', [0, 0], [100, 0]), edge('a', 'b', [0, 0], [50, 0])], 1, 10)).toBe(1);
    expect(overlappingEdges([edge('a', 'c', [0, 0], [100, 0]), edge('d', 'e', [60, 0.5], [160, 0.5])], 1, 10)).toBe(1);
  });

  it('does not count edges leaving one node apart, crossing, parallel apart or touching end to end', () => {
    const count = (...edges: DrawnEdge[]) => overlappingEdges(edges, 1, 10);
    expect(count(edge('a', 'c', [0, 0], [100, 0]), edge('a', 'b', [0, 0], [100, 30]))).toBe(0);
    expect(count(edge('a', 'b', [0, 0], [100, 100]), edge('c', 'd', [0, 100], [100, 0]))).toBe(0);
    expect(count(edge('a', 'b', [0, 0], [100, 0]), edge('c', 'd', [0, 3], [100, 3]))).toBe(0);
    expect(count(edge('a', 'b', [0, 0], [100, 0]), edge('b', 'c', [100, 0], [200, 0]))).toBe(0);
    // Along each other for 5 units only: shorter than the 10 asked for.
    expect(count(edge('a', 'b', [0, 0], [100, 0]), edge('c', 'd', [95, 0], [195, 0]))).toBe(0);
  });

  it('finds overlaps in any direction, bent edges included, and counts each pair once', () => {
    const slope = (k: number) => edge(`s${k}`, `t${k}`, [0, 0], [100 * Math.cos(k), 100 * Math.sin(k)]);
    for (const k of [0.3, 1.2, 2.5, 3.1]) {
      expect(overlappingEdges([slope(k), { ...slope(k), source: 'x', target: 'y' }], 1, 10)).toBe(1);
    }
    const bent = edge('a', 'b', [0, 0], [50, 50], [100, 0]);
    expect(overlappingEdges([bent, edge('c', 'd', [10, 10], [40, 40], [60, 40])], 1, 10)).toBe(1);
  });
});
