import { coverage, DrawnEdge, edgeCrossings, labelOverlaps } from './readability';

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
